// `npm run demo`: fills the configured base (the embedded SQLite file by
// default) with the real contact exports found in ../shared/data/contacts.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const source =
  process.env.RELAIS_DEMO_DIR ?? join(root, '..', 'shared', 'data', 'contacts');
if (!existsSync(source)) {
  process.stderr.write(
    `relais demo: no contact files at ${source} (set RELAIS_DEMO_DIR)\n`,
  );
  process.exit(1);
}

const build = spawnSync(
  process.execPath,
  [join(root, 'scripts', 'build.mjs'), '--only=core-api'],
  { stdio: 'inherit' },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const dist = (path) => join(root, 'core-api', 'dist', 'src', path);
const { loadConfig } = await import(dist('platform/config/config.js'));
const { openRuntime } = await import(dist('platform/runtime.js'));
const { importFile } = await import(
  dist('features/imports/imports.service.js')
);
const { ensureFirstAdmin } = await import(dist('cli.js'));

const runtime = await openRuntime(loadConfig());
const ctx = {
  db: runtime.db,
  log: runtime.log,
  region: runtime.config.DEFAULT_REGION,
  actor: { id: null, label: 'démonstration', role: 'system' },
};
const password = await ensureFirstAdmin(runtime);

const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (!entry.name.includes('.expected.') && !entry.name.endsWith('.md'))
      files.push(path);
  }
};
walk(source);
files.sort();

let created = 0;
let merged = 0;
let rejected = 0;
for (const file of files) {
  const name = relative(source, file);
  try {
    const report = await importFile(ctx, {
      fileName: name.replace(/[\\/]/g, '_'),
      data: readFileSync(file),
    });
    created += report.created;
    merged += report.merged;
    rejected += report.rejected;
    process.stdout.write(
      `${name.padEnd(60)} ${String(report.created).padStart(5)} créés, ` +
        `${report.merged} fusionnés, ${report.rejected} rejetés\n`,
    );
  } catch (error) {
    process.stdout.write(
      `${name.padEnd(60)} refusé : ${error.messageFr ?? error.message}\n`,
    );
  }
}
await runtime.db.sequelize.close();
process.stdout.write(
  `\nBase de démonstration : ${created} contacts importés, ${merged} lignes ` +
    `fusionnées avec un contact existant, ${rejected} lignes rejetées.\n`,
);
if (password) {
  process.stdout.write(
    `Administrateur : ${runtime.config.ADMIN_EMAIL}, mot de passe à usage unique : ${password}\n`,
  );
}
process.stdout.write('Lancez `npm start` puis ouvrez http://127.0.0.1:3000\n');
