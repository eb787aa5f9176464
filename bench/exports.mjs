// Benchmark (issue #4): 50,000 generated French contacts imported into a
// SQLite file through the real import path, then each export format run in
// a fresh process of its own (so its peak memory is the export's alone),
// reading the base by batches and streaming the file to disk. Prints a
// table and writes bench/results/exports-*.json.
//
//   node bench/exports.mjs [--contacts 50000] [--formats xlsx,outlook-csv] [--keep]
//
// Target (issue #4): a 50,000-row xlsx export in under 15 s, under 400 MB.
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = (path) => join(root, 'core-api', 'dist', 'src', path);
const allFormats = [
  'xlsx',
  'outlook-csv',
  'vcard3',
  'vcard4',
  'html',
  'word-csv',
  'docx-letters',
  'docx-labels',
];

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '50000' },
    formats: { type: 'string', default: allFormats.join(',') },
    keep: { type: 'boolean', default: false },
    // Internal: one export in this process (the child side).
    'run-one': { type: 'string' },
    database: { type: 'string' },
    out: { type: 'string' },
  },
});

async function open(databaseUrl, work) {
  const { loadConfig } = await import(dist('platform/config/config.js'));
  const { openRuntime } = await import(dist('platform/runtime.js'));
  const { createLogger } = await import(dist('platform/log/logger.js'));
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    DATA_DIR: work,
    LOG_LEVEL: 'warn',
  });
  const runtime = await openRuntime(config, createLogger('warn'));
  const ctx = {
    db: runtime.db,
    log: runtime.log,
    region: 'FR',
    actor: { id: null, label: 'mesure', role: 'system' },
  };

  return { runtime, ctx };
}

/** Child side: one export of every contact, timed, its peak memory read from the kernel. */
async function runOne(format, databaseUrl, out) {
  const { createWriteStream } = await import('node:fs');
  const { prepareExport, runExport } = await import(
    dist('features/exports/exports.service.js')
  );
  const { runtime, ctx } = await open(databaseUrl, dirname(out));
  const started = performance.now();
  const plan = await prepareExport(ctx, {
    target: {
      kind: 'query',
      query: { entity: 'contact', where: { op: 'and', items: [] } },
    },
    format,
    lang: 'fr',
    channel: 'none',
  });
  const rows = await runExport(ctx, plan, createWriteStream(out));
  const seconds = (performance.now() - started) / 1000;
  await runtime.db.sequelize.close();
  process.stdout.write(
    JSON.stringify({
      format,
      rows,
      seconds: +seconds.toFixed(2),
      // ru_maxrss is in kilobytes on Linux.
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      bytes: statSync(out).size,
    }),
  );
}

if (values['run-one']) {
  await runOne(values['run-one'], values.database, values.out);
  process.exit(0);
}

const count = Number(values.contacts);
const formats = values.formats.split(',');
const work = mkdtempSync(join(tmpdir(), 'relais-bench-exports-'));
const databaseUrl = `sqlite:${join(work, 'bench.sqlite')}`;

try {
  const { writeWorkbook } = await import('./french-contacts.mjs');
  const { importFile } = await import(
    dist('features/imports/imports.service.js')
  );
  // The import folds about 2 % of the generated rows into others (the
  // generator's near-duplicates): a few more rows give `count` contacts.
  const file = join(work, `presse-${count}.xlsx`);
  await writeWorkbook(file, Math.ceil(count * 1.021));
  const { runtime, ctx } = await open(databaseUrl, work);
  let started = performance.now();
  const report = await importFile(ctx, {
    fileName: 'presse.xlsx',
    data: readFileSync(file),
  });
  const importSeconds = (performance.now() - started) / 1000;
  await runtime.db.sequelize.close();
  console.log(
    `Base : ${report.created} contacts importés en ${importSeconds.toFixed(1)} s`,
  );

  const runs = [];
  for (const format of formats) {
    const out = join(work, `export.${format}`);
    const child = spawnSync(
      process.execPath,
      [
        fileURLToPath(import.meta.url),
        '--run-one',
        format,
        '--database',
        databaseUrl,
        '--out',
        out,
      ],
      { encoding: 'utf8', maxBuffer: 1024 * 1024 },
    );
    if (child.status !== 0) {
      throw new Error(`export ${format} a échoué : ${child.stderr}`);
    }
    const run = JSON.parse(child.stdout.trim().split('\n').pop());
    runs.push({ ...run, megabytes: +(run.bytes / 1024 / 1024).toFixed(1) });
    rmSync(out, { force: true });
  }

  const result = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    database: 'sqlite (file)',
    contacts: report.created,
    importSeconds: +importSeconds.toFixed(1),
    exports: runs,
    targets: { xlsxSeconds: 15, xlsxPeakRssMb: 400 },
    note:
      'Chaque export tourne seul dans un processus neuf ; mémoire = pic RSS du ' +
      'processus (Node et la connexion compris). Mesures prises pendant que ' +
      'd’autres suites de tests tournaient sur la même machine.',
  };

  console.log(
    `\n| format | lignes | durée (s) | mémoire max (Mo) | fichier (Mo) |\n|---|---|---|---|---|`,
  );
  for (const run of runs)
    console.log(
      `| ${run.format} | ${run.rows} | ${run.seconds} | ${run.peakRssMb} | ${run.megabytes} |`,
    );
  const xlsx = runs.find((run) => run.format === 'xlsx');
  if (xlsx)
    console.log(
      `\nxlsx : ${xlsx.seconds} s (cible < 15 s), ${xlsx.peakRssMb} Mo (cible < 400 Mo)`,
    );

  const folder = join(root, 'bench', 'results');
  mkdirSync(folder, { recursive: true });
  const name = `exports-sqlite-${count}.json`;
  writeFileSync(join(folder, name), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`Résultats : bench/results/${name}`);
} finally {
  if (values.keep) console.log(`Base conservée : ${databaseUrl}`);
  else rmSync(work, { recursive: true, force: true });
}
