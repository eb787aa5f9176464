// Builds what is missing or out of date: core-api (tsc), then the portal, the
// Outlook add-in and the Teams tab (vite).
// `--force` rebuilds everything; `--only=core-api` limits the work to one part.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const force = process.argv.includes('--force');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice(7);

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

const parts = [
  {
    name: 'core-api',
    inputs: [
      'core-api/src',
      'core-api/tsconfig.json',
      'core-api/tsconfig.build.json',
      'tsconfig.json',
    ],
    stamp: 'core-api/dist/.build-stamp',
    command: [
      join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      'core-api/tsconfig.build.json',
    ],
  },
  {
    name: 'admin-portal',
    inputs: [
      'admin-portal/src',
      'admin-portal/index.html',
      'admin-portal/vite.config.ts',
      'core-api/src/client',
      'core-api/src/features',
    ],
    entry: 'admin-portal/index.html',
    stamp: 'admin-portal/dist/.build-stamp',
    command: [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      'admin-portal',
      '--logLevel',
      'warn',
    ],
  },
  viteFront('outlook-addin', 'taskpane.html', ['manifests/src/icons.ts']),
  viteFront('teams-app', 'tab.html'),
];

/**
 * A front-end built by Vite into `<name>/dist`, skipped while its entry page
 * does not exist yet. It compiles the typed client and the API schemas.
 */
function viteFront(name, entry, extraInputs = []) {
  return {
    name,
    entry: `${name}/${entry}`,
    inputs: [
      `${name}/src`,
      `${name}/${entry}`,
      `${name}/vite.config.ts`,
      'core-api/src/client',
      'core-api/src/features',
      ...extraInputs,
    ],
    stamp: `${name}/dist/.build-stamp`,
    command: [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      name,
      '--logLevel',
      'warn',
    ],
  };
}

for (const part of parts) {
  if (only && part.name !== only) continue;
  if (part.entry && !existsSync(join(root, part.entry))) continue;
  const stamp = join(root, part.stamp);
  const latest = Math.max(
    ...part.inputs.map((input) => newest(join(root, input))),
  );
  if (!force && existsSync(stamp) && statSync(stamp).mtimeMs >= latest)
    continue;

  process.stdout.write(`Construction de ${part.name}…\n`);
  const started = Date.now();
  const result = spawnSync(process.execPath, part.command, {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    process.stderr.write(`La construction de ${part.name} a échoué.\n`);
    process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, new Date().toISOString());
  process.stdout.write(
    `${part.name} construit en ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
}
