import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = process.cwd();

/** A sample of the shared contact files kept beside the repository. */
export function sharedContactFile(...parts: string[]): string {
  return join(root, '..', 'shared', 'data', 'contacts', ...parts);
}
const main = join(root, 'core-api', 'dist', 'src', 'main.js');

/**
 * A real Relais, as `npm start` runs it: the compiled build on its own SQLite
 * file, listening on a free loopback port.
 */
export class RelaisServer {
  readonly dir = mkdtempSync(join(tmpdir(), 'relais-e2e-'));
  url = '';
  adminPassword = '';
  private process?: ChildProcess;

  /** @param extraEnv variables added to the server's (Entra ID settings…) */
  constructor(private readonly extraEnv: NodeJS.ProcessEnv = {}) {}

  private env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      ...this.extraEnv,
      DATABASE_URL: `sqlite:${join(this.dir, 'relais.sqlite')}`,
      DATA_DIR: this.dir,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      ADMIN_EMAIL: 'admin@relais.test',
    };
  }

  /** Builds what is missing, as `npm start` does. */
  static build(): void {
    const result = spawnSync(
      process.execPath,
      [join(root, 'scripts', 'build.mjs')],
      { stdio: 'pipe', encoding: 'utf8' },
    );
    if (result.status !== 0)
      throw new Error(`build failed: ${result.stderr || result.stdout}`);
  }

  /** Runs one `relais` command against this server's base. */
  relais(...args: string[]): string {
    const result = spawnSync(process.execPath, [main, ...args], {
      env: this.env(),
      encoding: 'utf8',
    });
    if (result.status !== 0)
      throw new Error(`relais ${args.join(' ')}: ${result.stderr}`);

    return result.stdout;
  }

  /** Adds a local account with its password (an administrator when asked). */
  addUser(
    account: { email: string; password: string },
    name: string,
    role: 'admin' | 'editor' = 'editor',
  ): void {
    const admin = role === 'admin' ? ['--admin'] : [];
    this.relais(
      'user',
      'add',
      account.email,
      ...admin,
      '--password',
      account.password,
      '--name',
      name,
    );
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [main, 'serve'], {
      env: this.env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process = child;
    let output = '';
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`server did not start: ${output}`)),
        30_000,
      );
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const url = /Relais est prêt : (http:\/\/127\.0\.0\.1:\d+)/.exec(
          output,
        )?.[1];
        const password = /Mot de passe à usage unique : (\S+)/.exec(
          output,
        )?.[1];
        if (url && (password || !output.includes('Premier démarrage'))) {
          this.url = url;
          this.adminPassword = password ?? '';
          clearTimeout(timer);
          ready();
        }
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.on('exit', (code) =>
        fail(new Error(`server exited (${code}): ${output}`)),
      );
    });
  }

  async stop(): Promise<void> {
    if (this.process && this.process.exitCode === null) {
      const exited = new Promise((done) => this.process?.once('exit', done));
      this.process.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
