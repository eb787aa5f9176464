import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EnvironmentError, readEnvironment } from './environment.ts';
import { ManifestError, writeGenerated } from './generate.ts';

const usage = `Usage : manifests <generate|package> [ENVIRONNEMENT|FICHIER.json] [--out DOSSIER]

  generate   écrit les manifestes et les icônes de l'environnement dans DOSSIER
  package    fait de même, puis le paquet Teams DOSSIER/relais-<nom>.zip

ENVIRONNEMENT est un nom de manifests/environments (local par défaut) ;
DOSSIER est manifests/dist par défaut.`;

/** The `manifests` workspace folder, from the source or from its build. */
export function workspaceRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (
      existsSync(manifest) &&
      JSON.parse(readFileSync(manifest, 'utf8')).name === 'manifests'
    )
      return folder;
    const parent = dirname(folder);
    if (parent === folder)
      throw new Error('manifests/package.json introuvable');
    folder = parent;
  }
}

/**
 * The folder the command was typed in: npm runs a workspace's scripts from
 * the workspace, and says where it was started in INIT_CWD.
 */
function callerDir(): string {
  return process.env.INIT_CWD ?? process.cwd();
}

/** Resolves `local` to `environments/local.json`; a path is kept as given. */
export function environmentPath(
  argument: string,
  root = workspaceRoot(),
): string {
  if (argument.endsWith('.json')) return resolve(callerDir(), argument);
  return join(root, 'environments', `${argument}.json`);
}

export async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, target = 'local'] = positionals;
  if (values.help || (command !== 'generate' && command !== 'package')) {
    process.stdout.write(`${usage}\n`);
    return values.help ? 0 : 2;
  }
  const root = workspaceRoot();
  const outDir = values.out
    ? resolve(callerDir(), values.out)
    : join(root, 'dist');
  try {
    const environment = readEnvironment(environmentPath(target, root));
    const written = await writeGenerated(environment, outDir, {
      zip: command === 'package',
    });
    for (const file of written) process.stdout.write(`${file}\n`);
    process.stdout.write(
      `${written.length} fichiers écrits pour « ${environment.name} » / ` +
        `${written.length} files written\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof EnvironmentError || error instanceof ManifestError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

if (
  process.argv[1] &&
  resolve(process.argv[1]) === fileURLToPath(import.meta.url)
)
  process.exitCode = await main(process.argv.slice(2));
