// `npm start`: builds what is missing, then runs API, worker and portal in one
// process on the embedded SQLite base unless DATABASE_URL says otherwise.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const build = spawnSync(
  process.execPath,
  [join(root, 'scripts', 'build.mjs')],
  { stdio: 'inherit' },
);
if (build.status !== 0) process.exit(build.status ?? 1);

process.argv = [process.argv[0], 'relais', 'serve', ...process.argv.slice(2)];
await import(join(root, 'core-api', 'dist', 'src', 'main.js'));
