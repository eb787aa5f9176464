import { main } from '../cli.ts';

export type CliRun = {
  status: Awaited<ReturnType<typeof main>>;
  stdout: string;
  stderr: string;
};

/**
 * Runs the command line in this process (a child process costs seconds of
 * start-up per command) with `settings` in its environment and its output
 * captured, then puts the environment and the output streams back.
 */
export async function runCliInProcess(
  settings: Record<string, string | undefined>,
  args: string[],
): Promise<CliRun> {
  const saved = { ...process.env };
  const writes = {
    stdout: process.stdout.write.bind(process.stdout),
    stderr: process.stderr.write.bind(process.stderr),
  };
  const output = { stdout: '', stderr: '' };
  Object.assign(process.env, settings);
  process.stdout.write = ((chunk: string) => {
    output.stdout += chunk;
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => {
    output.stderr += chunk;
    return true;
  }) as typeof process.stderr.write;
  try {
    return { status: await main(args), ...output };
  } finally {
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
    for (const key of Object.keys(settings)) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  }
}
