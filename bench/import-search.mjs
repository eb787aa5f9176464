// Benchmark (issue #2): generates French contacts shaped like the client's
// spreadsheet, imports them through the real import path, then times 1,000
// mixed searches. Prints a table and writes bench/results/import-search-*.json.
//
//   node bench/import-search.mjs [--contacts 50000] [--database URL] [--keep]
import {
  mkdtempSync,
  rmSync,
  writeFileSync,
  mkdirSync,
  readFileSync,
} from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { random, writeWorkbook } from './french-contacts.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = (path) => join(root, 'core-api', 'dist', 'src', path);
const { loadConfig } = await import(dist('platform/config/config.js'));
const { openRuntime } = await import(dist('platform/runtime.js'));
const { importFile } = await import(
  dist('features/imports/imports.service.js')
);
const { search } = await import(dist('features/search/search.service.js'));
const { createLogger } = await import(dist('platform/log/logger.js'));

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '50000' },
    searches: { type: 'string', default: '1000' },
    database: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const count = Number(values.contacts);
const work = mkdtempSync(join(tmpdir(), 'relais-bench-'));
const databaseUrl = values.database ?? `sqlite:${join(work, 'bench.sqlite')}`;

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const mb = (bytes) => Math.round(bytes / 1024 / 1024);

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

try {
  const file = join(work, `presse-${count}.xlsx`);
  let started = performance.now();
  const rows = await writeWorkbook(file, count);
  const generateMs = performance.now() - started;

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

  const rssBefore = process.memoryUsage().rss;
  peakRss = rssBefore;
  started = performance.now();
  const report = await importFile(ctx, {
    fileName: 'presse.xlsx',
    data: readFileSync(file),
  });
  const importMs = performance.now() - started;
  const importPeakRss = peakRss;

  // The query mix: what people type to find a journalist.
  const rand = random(7);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const misspell = (name) =>
    name
      .replace(/t$/i, 'd')
      .replace(/ph/i, 'f')
      .replace(/[éèê]/i, 'e')
      .replace(/([lrt])\1/i, '$1')
      .replace(/au/i, 'o');
  const queries = [];
  const kinds = [
    ['nom exact', 0.3, (row) => row[1]],
    ['prénom + nom', 0.15, (row) => `${row[2]} ${row[1]}`],
    [
      'début de nom',
      0.2,
      (row) =>
        row[1].replace(/[^\p{L}]/gu, '').slice(0, 3 + Math.floor(rand() * 2)),
    ],
    ['nom mal orthographié', 0.2, (row) => misspell(row[1].toLowerCase())],
    [
      'téléphone',
      0.1,
      (row) => (row[10] || row[9] || '06').replace(/\s/g, '').slice(0, 8),
    ],
    ['média', 0.05, (row) => row[3]],
  ];
  const searches = Number(values.searches);
  for (const [kind, share, make] of kinds) {
    for (let i = 0; i < Math.round(searches * share); i += 1)
      queries.push({ kind, q: make(pick(rows)) });
  }
  queries.sort(() => rand() - 0.5);

  for (const { q } of queries.slice(0, 20))
    await search(ctx, { q, type: 'all', limit: 20 });
  const timings = new Map();
  let empty = 0;
  const slowest = [];
  const emptyQueries = [];
  for (const { kind, q } of queries) {
    const t0 = performance.now();
    const result = await search(ctx, { q, type: 'all', limit: 20 });
    const ms = performance.now() - t0;
    if (result.items.length === 0) {
      empty += 1;
      if (emptyQueries.length < 30) emptyQueries.push({ kind, q });
    }
    slowest.push({ kind, q, ms: +ms.toFixed(2), hits: result.items.length });
    if (!timings.has(kind)) timings.set(kind, []);
    timings.get(kind).push(ms);
    timings.set('toutes', [...(timings.get('toutes') ?? []), ms]);
  }
  await runtime.db.sequelize.close();

  const table = [...timings.entries()].map(([kind, list]) => {
    const sorted = [...list].sort((a, b) => a - b);
    return {
      kind,
      count: sorted.length,
      p50: +percentile(sorted, 50).toFixed(2),
      p95: +percentile(sorted, 95).toFixed(2),
      max: +sorted[sorted.length - 1].toFixed(2),
    };
  });
  const result = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    database: databaseUrl.startsWith('sqlite:')
      ? 'sqlite (file)'
      : databaseUrl.split(':')[0],
    contacts: count,
    generateSeconds: +(generateMs / 1000).toFixed(2),
    import: {
      seconds: +(importMs / 1000).toFixed(2),
      rowsPerSecond: Math.round(count / (importMs / 1000)),
      created: report.created,
      rejected: report.rejected,
      companiesCreated: report.companiesCreated,
      duplicates: report.duplicates,
      peakRssMb: mb(importPeakRss),
      rssGrowthMb: mb(importPeakRss - rssBefore),
    },
    searches: {
      total: queries.length,
      withoutResult: empty,
      withoutResultQueries: emptyQueries,
      byKind: table,
      slowest: slowest.sort((a, b) => b.ms - a.ms).slice(0, 10),
    },
    targets: { importSeconds: 30, searchP95Ms: 30 },
  };

  console.log(
    `\nImport de ${count} contacts (${result.database}) : ${result.import.seconds} s, ` +
      `${result.import.rowsPerSecond} lignes/s, créés ${report.created}, rejetés ${report.rejected}, ` +
      `mémoire max ${result.import.peakRssMb} Mo (+${result.import.rssGrowthMb} Mo)`,
  );
  console.log(
    `\n| recherche | n | p50 (ms) | p95 (ms) | max (ms) |\n|---|---|---|---|---|`,
  );
  for (const row of table)
    console.log(
      `| ${row.kind} | ${row.count} | ${row.p50} | ${row.p95} | ${row.max} |`,
    );
  console.log(`\nSans résultat : ${empty} sur ${queries.length}`);
  console.log('Les plus lentes :');
  for (const { kind, q, ms, hits } of result.searches.slowest.slice(0, 5))
    console.log(`  ${ms} ms  ${kind}  « ${q} »  (${hits} résultats)`);

  const out = join(root, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  const name = `import-search-${result.database.split(' ')[0]}-${count}.json`;
  writeFileSync(join(out, name), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`Résultats : bench/results/${name}`);
} finally {
  clearInterval(sampler);
  if (values.keep) console.log(`Base conservée : ${databaseUrl}`);
  else rmSync(work, { recursive: true, force: true });
}
