// Profile of a large contact import (issue #2), stage by stage: where the
// time and the memory of a 50,000-row xlsx go. Each stage runs in a child
// process of its own, so one stage's garbage never weighs on the next; the
// work a stage needs first (the rows read, the records prepared) is done
// before its clock starts. Prints a table and writes
// bench/results/profile-import.json.
//
//   node bench/profile-import.mjs [--contacts 50000] [--columns 15]
//     [--runs 3] [--stages read,validate] [--database URL] [--cpu-prof DIR]
//     [--dist core-api/dist] [--import-memory MB]
//
// Peak memory is the process's maximum resident set as the kernel counts it
// (getrusage), so it includes the stage's preparation; "before" is the
// resident set when the clock starts. CPU seconds count every thread
// (SQLite's, zlib's, the garbage collector's helpers), main-thread seconds
// the time the event loop worked; both cover the whole stage, the insert's
// rollback included. The machine's other work shows in the wall time: run
// several times (--runs) and compare builds (--dist) back to back. With
// --database, use an empty base: the insert stage rolls back, the
// whole-import stage does not. `--import-memory` sets IMPORT_MEMORY_MB for
// the whole-import stage (0: on the child's own thread; otherwise a large
// file is read and committed on a thread of its own, whose CPU time counts
// and whose profile, with --cpu-prof, is a file of its own).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeWorkbook } from './french-contacts.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '50000' },
    columns: { type: 'string', default: '15' },
    runs: { type: 'string', default: '1' },
    stages: { type: 'string' },
    database: { type: 'string' },
    'cpu-prof': { type: 'string' },
    // Another build of core-api (its dist folder), to compare two versions.
    dist: { type: 'string', default: join(root, 'core-api', 'dist') },
    'import-memory': { type: 'string' },
    // Internal: the child's stage and file.
    stage: { type: 'string' },
    file: { type: 'string' },
    work: { type: 'string' },
  },
});

/** What each stage measures, in the order of an import. */
const stages = [
  ['exceljs', 'exceljs alone (rows streamed, nothing built)'],
  ['read', 'read: xlsx → contacts (readContacts)'],
  ['validate', 'read + validate (zod contactInput)'],
  ['prepare', 'preparePerson, every row'],
  ['insert', 'insertContacts alone (chunks of 500, as the commit)'],
  ['match', 'dedup matching within the file'],
  ['import', 'whole import (importFile, for reference)'],
];

const dist = (path) => join(resolve(values.dist), 'src', path);
const mb = (bytes) => Math.round(bytes / 2 ** 20);
const maxRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function main() {
  const count = Number(values.contacts);
  const columns = Number(values.columns);
  const runs = Number(values.runs);
  const wanted = values.stages?.split(',') ?? stages.map(([name]) => name);
  const work = mkdtempSync(join(tmpdir(), 'relais-profile-'));
  try {
    const file = join(work, `presse-${count}x${columns}.xlsx`);
    await writeWorkbook(file, count, 42, { columns });
    const results = [];
    for (const [name, label] of stages) {
      if (!wanted.includes(name)) continue;
      const measures = [];
      for (let run = 0; run < runs; run += 1) {
        measures.push(child(name, file, work, run));
        process.stdout.write('.');
      }
      results.push(summarise(name, label, measures));
    }
    report(results, { count, columns, runs });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function child(stage, file, work, run) {
  const flags = ['--expose-gc'];
  const profiles = values['cpu-prof'];
  if (profiles) {
    flags.push('--cpu-prof', `--cpu-prof-dir=${profiles}`);
    flags.push(`--cpu-prof-name=${stage}-${run}.cpuprofile`);
  }
  const args = [fileURLToPath(import.meta.url), '--stage', stage];
  args.push('--file', file, '--work', work, '--dist', resolve(values.dist));
  if (values.database) args.push('--database', values.database);
  if (values['import-memory'] !== undefined)
    args.push('--import-memory', values['import-memory']);
  const result = spawnSync(process.execPath, [...flags, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  const line = result.stdout.trim().split('\n').pop() ?? '';
  if (result.status !== 0 || !line.startsWith('{')) {
    throw new Error(`stage ${stage} failed:\n${result.stderr}${result.stdout}`);
  }

  return JSON.parse(line);
}

function summarise(name, label, measures) {
  const sorted = measures.map((m) => m.seconds).sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  const cpu = measures.map((m) => m.cpuSeconds).sort((a, b) => a - b);
  const main = measures.map((m) => m.mainSeconds).sort((a, b) => a - b);

  return {
    stage: name,
    label,
    seconds: median,
    minSeconds: sorted[0],
    maxSeconds: sorted[sorted.length - 1],
    cpuSeconds: cpu[Math.floor((cpu.length - 1) / 2)],
    mainSeconds: main[Math.floor((main.length - 1) / 2)],
    rssBeforeMb: Math.max(...measures.map((m) => m.rssBeforeMb)),
    peakRssMb: Math.max(...measures.map((m) => m.peakRssMb)),
    ...measures[0].facts,
  };
}

function report(results, { count, columns, runs }) {
  console.log(
    `\n\nImport de ${count} lignes × ${columns} colonnes, ` +
      `${runs} mesure(s) par étape (médiane)\n`,
  );
  console.log(
    '| étape | s (médiane) | min–max | CPU s | fil principal s | ' +
      'RSS avant (Mo) | RSS max (Mo) |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.label} | ${r.seconds} | ${r.minSeconds}–${r.maxSeconds} | ` +
        `${r.cpuSeconds} | ${r.mainSeconds} | ` +
        `${r.rssBeforeMb} | ${r.peakRssMb} |`,
    );
  }
  for (const r of results) {
    const facts = Object.entries(r)
      .filter(
        ([key]) =>
          !/^(stage|label|seconds|min|max|cpu|main|rss|peak)/.test(key),
      )
      .map(([key, value]) => `${key}=${JSON.stringify(value)}`);
    if (facts.length > 0) console.log(`  ${r.stage}: ${facts.join(', ')}`);
  }

  const out = join(root, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  const result = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    database: values.database ? values.database.split(':')[0] : 'sqlite',
    build: relative(root, resolve(values.dist)),
    rows: count,
    columns,
    runs,
    stages: results,
  };
  writeFileSync(
    join(out, 'profile-import.json'),
    `${JSON.stringify(result, null, 2)}\n`,
  );
  console.log('Résultats : bench/results/profile-import.json');
}

// ---- In the child: one stage ----

async function runStage(stage) {
  const file = values.file;
  const data = readFileSync(file);
  const modules = await loadModules();
  const ready = await prepareFor(stage, modules, data);
  global.gc();
  const rssBeforeMb = mb(process.memoryUsage().rss);
  const heapBefore = process.memoryUsage().heapUsed;
  const cpuBefore = process.cpuUsage();
  const loopBefore = performance.eventLoopUtilization();
  const started = performance.now();
  const { seconds: clock, ...facts } = await stageWork[stage](
    modules,
    data,
    ready,
  );
  const seconds = clock ?? (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  // Time the main thread worked (the rest of the CPU is SQLite's thread,
  // zlib or the garbage collector's helpers).
  const loop = performance.eventLoopUtilization(loopBefore);
  const peakRssMb = maxRssMb();
  if (ready.keep) {
    global.gc();
    facts.retainedMb = mb(process.memoryUsage().heapUsed - heapBefore);
  }
  await ready.close?.();
  console.log(
    JSON.stringify({
      seconds: +seconds.toFixed(2),
      cpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(2),
      mainSeconds: +(loop.active / 1000).toFixed(2),
      rssBeforeMb,
      peakRssMb,
      facts,
    }),
  );
}

async function loadModules() {
  const load = (path) => import(dist(path));

  return {
    ExcelJS: (await import('exceljs')).default,
    readers: await load('features/imports/readers/index.js'),
    schemas: await load('features/contacts/contacts.schemas.js'),
    validate: await load('platform/http/validate.js'),
    dedup: await load('features/dedup/index.js'),
    phone: await load('platform/text/phone.js'),
    contacts: await load('features/contacts/contacts.service.js'),
    taxonomy: await load('features/taxonomy/taxonomy.service.js'),
    search: await load('features/search/search-index.js'),
    imports: await load('features/imports/imports.service.js'),
    config: await load('platform/config/config.js'),
    runtime: await load('platform/runtime.js'),
    logger: await load('platform/log/logger.js'),
  };
}

/** The checked inputs of every row, as the import keeps them. */
async function readInputs(modules, data) {
  const { readers, schemas, validate } = modules;
  const rows = [];
  for await (const row of readers.readContacts('presse.xlsx', data)) {
    if ('issue' in row) continue;
    const { terms, externalId: _id, ...fields } = row.contact;
    const checked = validate.inputProblems(schemas.contactInput, {
      ...fields,
      origin: fields.origin ?? 'presse.xlsx',
    });
    if ('data' in checked) rows.push({ input: checked.data, terms });
  }

  return rows;
}

/** A new contact as the dedup engine reads it (as the import builds it). */
function personOf(modules, id, input) {
  const address =
    input.addresses.find((item) => item.isPrimary) ?? input.addresses[0];

  return {
    id,
    civility: input.civility,
    firstName: input.firstName,
    lastName: input.lastName,
    birthDate: input.birthDate?.startsWith('--') ? null : input.birthDate,
    emails: input.emails.map((email) => email.address),
    phones: input.phones.map(
      (phone) =>
        modules.phone.normalisePhone(phone.number, 'FR').e164 ?? phone.number,
    ),
    companies: input.affiliations
      .filter((affiliation) => !affiliation.endDate)
      .map((affiliation) => ({ name: affiliation.companyName ?? null })),
    city: address?.city,
    postalCode: address?.postalCode,
    street: address?.street,
  };
}

async function openBase(modules) {
  const databaseUrl =
    values.database ??
    `sqlite:${join(values.work, `profile-${process.pid}.sqlite`)}`;
  const config = modules.config.loadConfig({
    DATABASE_URL: databaseUrl,
    DATA_DIR: values.work,
    LOG_LEVEL: 'warn',
    ...(values['import-memory'] === undefined
      ? {}
      : { IMPORT_MEMORY_MB: values['import-memory'] }),
  });
  const runtime = await modules.runtime.openRuntime(
    config,
    modules.logger.createLogger('warn'),
  );
  const ctx = {
    db: runtime.db,
    log: runtime.log,
    region: 'FR',
    actor: { id: null, label: 'mesure', role: 'system' },
  };

  return { ctx, close: () => runtime.db.sequelize.close() };
}

/** Rolls the insert stage back, so a real base stays empty. */
class Rollback extends Error {}

async function prepareFor(stage, modules, data) {
  if (stage === 'prepare') {
    const rows = await readInputs(modules, data);

    return {
      keep: true,
      records: rows.map((row, index) =>
        personOf(modules, String(index + 1), row.input),
      ),
    };
  }
  if (stage === 'match') {
    const rows = await readInputs(modules, data);

    return {
      people: rows.map((row, index) =>
        modules.dedup.preparePerson(
          personOf(modules, String(index + 1), row.input),
        ),
      ),
    };
  }
  if (stage === 'insert') {
    const rows = await readInputs(modules, data);
    const base = await openBase(modules);
    // Terms are resolved (and created) as the import does, before the clock.
    const inputs = await base.ctx.db.sequelize.transaction(
      async (transaction) => {
        const termIds = await modules.taxonomy.resolveTermPaths(
          base.ctx,
          rows.flatMap((row) => row.terms ?? []),
          transaction,
          new Map(),
        );
        let cursor = 0;

        return rows.map((row) => {
          const count = row.terms?.length ?? 0;
          const ids = termIds.slice(cursor, cursor + count);
          cursor += count;

          return { ...row.input, termIds: [...new Set(ids)] };
        });
      },
    );

    return { ...base, inputs };
  }
  if (stage === 'import') return openBase(modules);

  return {};
}

const stageWork = {
  async exceljs({ ExcelJS }) {
    const { Readable } = await import('node:stream');
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(
      Readable.from([readFileSync(values.file)]),
      {
        worksheets: 'emit',
        sharedStrings: 'cache',
        hyperlinks: 'ignore',
        styles: 'cache',
        entries: 'ignore',
      },
    );
    let rows = 0;
    for await (const sheet of reader) for await (const _ of sheet) rows += 1;

    return { rows };
  },

  async read({ readers }, data) {
    let contacts = 0;
    let issues = 0;
    for await (const row of readers.readContacts('presse.xlsx', data)) {
      if ('issue' in row) issues += 1;
      else contacts += 1;
    }

    return { contacts, issues };
  },

  async validate(modules, data) {
    let valid = 0;
    const { readers, schemas, validate } = modules;
    for await (const row of readers.readContacts('presse.xlsx', data)) {
      if ('issue' in row) continue;
      const { terms: _t, externalId: _id, ...fields } = row.contact;
      const checked = validate.inputProblems(schemas.contactInput, {
        ...fields,
        origin: fields.origin ?? 'presse.xlsx',
      });
      if ('data' in checked) valid += 1;
    }

    return { valid };
  },

  async prepare({ dedup }, _data, ready) {
    ready.prepared = ready.records.map(dedup.preparePerson);
    ready.records = null;

    return { prepared: ready.prepared.length };
  },

  async match({ dedup }, _data, { people }) {
    const result = dedup.matchPrepared(people, [], { withinIncoming: true });

    return {
      compared: result.compared,
      pairs: result.pairs.length,
      same: result.pairs.filter((pair) => pair.outcome === 'same').length,
    };
  },

  async insert(modules, _data, { ctx, inputs }) {
    const companyCache = new Map();
    let inserted = 0;
    let clock = 0;
    try {
      await ctx.db.sequelize.transaction(async (transaction) => {
        const started = performance.now();
        const load = async () => {
          for (let start = 0; start < inputs.length; start += 500) {
            const written = await modules.contacts.insertContacts(
              ctx,
              inputs.slice(start, start + 500),
              { source: 'import #0 (presse.xlsx)' },
              transaction,
              companyCache,
            );
            inserted += written.length;
          }
        };
        // The commit's way, in a build that has it: search indexes rebuilt after.
        const aside = modules.search.loadWithSearchIndexesAside;
        if (aside) {
          await aside(ctx.db.sequelize, inputs.length, transaction, load);
        } else {
          await load();
        }
        clock = performance.now() - started;
        throw new Rollback();
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }

    // The rollback is left out: an import commits.
    return { inserted, seconds: +(clock / 1000).toFixed(2) };
  },

  async import({ imports }, data, { ctx }) {
    const report = await imports.importFile(ctx, {
      fileName: 'presse.xlsx',
      data,
    });

    return {
      created: report.created,
      rejected: report.rejected,
      withinFile: report.duplicates.withinFile,
    };
  },
};

// Last, so every stage above is defined before one runs.
if (values.stage) await runStage(values.stage);
else await main();
