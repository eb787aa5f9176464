// Benchmark of the deduplication engine (R6, R8): quality on every dataset
// of ../shared/data/dedup with ground truth, then the time of a whole-base
// scan of 50,000 generated French contacts. Prints a table and writes
// bench/results/dedup-quality.json.
//
// Calibration rule: weights and thresholds were fitted on Febrl 1 and
// Febrl 4a/4b only; Febrl 3 and fr_press are scored as held out.
//
//   node bench/dedup-quality.mjs [--contacts 50000]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { random, contactRow } from './french-contacts.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = (path) => join(root, 'core-api', 'dist', 'src', path);
const { findDuplicates, matchIncoming, clusterPairs } = await import(
  dist('features/dedup/index.js')
);
const { words } = await import(dist('platform/text/fold.js'));

const { values } = parseArgs({
  options: { contacts: { type: 'string', default: '50000' } },
});
const dataDir = join(root, '..', 'shared', 'data', 'dedup');
const read = (file) =>
  parse(readFileSync(join(dataDir, file)), {
    columns: true,
    trim: true,
    skip_empty_lines: true,
  });

// Febrl columns mapped to what Relais holds; soc_sec_id is never read (no
// such field in Relais) and state neither (no region field).
const febrlRecord = (row) => ({
  id: row.rec_id,
  firstName: row.given_name,
  lastName: row.surname,
  street: [row.street_number, row.address_1, row.address_2].join(' ').trim(),
  city: row.suburb,
  postalCode: row.postcode,
  birthDate: row.date_of_birth,
});
const febrlEntity = (id) => id.split('-')[1];

const pressRecord = (row) => ({
  id: row.rec_id,
  civility: row.civility,
  firstName: row.first_name,
  lastName: row.last_name,
  birthDate: row.birth_date,
  emails: [row.email],
  phones: [row.phone],
  companies: [{ name: row.company, function: row.function }],
  city: row.city,
  postalCode: row.postal_code,
});

function truePairCount(entities, crossOnly) {
  const counts = new Map();
  for (const [entity, side] of entities.values()) {
    const count = counts.get(entity) ?? [0, 0];
    count[side] += 1;
    counts.set(entity, count);
  }
  let total = 0;
  for (const [a, b] of counts.values())
    total += crossOnly ? a * b : ((a + b) * (a + b - 1)) / 2;

  return total;
}

const ratio = (a, b) => (b === 0 ? 1 : +(a / b).toFixed(4));

function measure(name, entities, run, crossOnly, names) {
  const started = performance.now();
  const result = run();
  const seconds = (performance.now() - started) / 1000;
  const truth = truePairCount(entities, crossOnly);
  const isTrue = (p) => entities.get(p.a)[0] === entities.get(p.b)[0];
  const same = result.pairs.filter((p) => p.outcome === 'same');
  const sameTrue = same.filter(isTrue).length;
  const flaggedTrue = result.pairs.filter(isTrue).length;
  const precision = ratio(flaggedTrue, result.pairs.length);
  const recall = ratio(flaggedTrue, truth);
  const homonymsMerged = same.filter(
    (p) => !isTrue(p) && names && names.get(p.a) === names.get(p.b),
  ).length;

  return {
    dataset: name,
    records: entities.size,
    truePairs: truth,
    compared: result.compared,
    same: same.length,
    maybe: result.pairs.length - same.length,
    ambiguous: result.ambiguous.length,
    samePrecision: ratio(sameTrue, same.length),
    sameRecall: ratio(sameTrue, truth),
    flaggedPrecision: precision,
    flaggedRecall: recall,
    f1: +((2 * precision * recall) / (precision + recall || 1)).toFixed(4),
    homonymsMerged,
    clusters: clusterPairs(result.pairs).length,
    seconds: +seconds.toFixed(2),
  };
}

function febrl(name, file) {
  const rows = read(file);
  const entities = new Map(
    rows.map((r) => [r.rec_id, [febrlEntity(r.rec_id), 0]]),
  );
  const records = rows.map(febrlRecord);

  return measure(name, entities, () => findDuplicates(records), false);
}

function febrlLinkage() {
  const a = read('febrl_dataset4a.csv');
  const b = read('febrl_dataset4b.csv');
  const entities = new Map([
    ...a.map((r) => [r.rec_id, [febrlEntity(r.rec_id), 0]]),
    ...b.map((r) => [r.rec_id, [febrlEntity(r.rec_id), 1]]),
  ]);
  const run = () =>
    matchIncoming(b.map(febrlRecord), a.map(febrlRecord), {
      withinIncoming: false,
    });

  return measure('febrl4 a↔b (calibration)', entities, run, true);
}

function frPress() {
  const rows = read('fr_press_dedup.csv');
  const entities = new Map(rows.map((r) => [r.rec_id, [r.true_id, 0]]));
  const names = new Map(
    rows.map((r) => [
      r.rec_id,
      words(`${r.first_name} ${r.last_name}`).join(' '),
    ]),
  );
  const records = rows.map(pressRecord);

  return measure(
    'fr_press (held out)',
    entities,
    () => findDuplicates(records),
    false,
    names,
  );
}

const baseRecord = (row, id) => ({
  id,
  civility: row[0],
  lastName: row[1],
  firstName: row[2],
  companies: [{ name: row[3], function: row[4] }],
  street: row[6],
  postalCode: row[7],
  city: row[8],
  phones: [row[9], row[10]],
  emails: [row[12], row[13]],
  birthDate: row[15],
});

// What a second entry of one person looks like in a French file.
const faults = [
  (r) => ({ ...r, lastName: r.lastName.toUpperCase() }),
  (r) => ({ ...r, firstName: r.lastName, lastName: r.firstName }),
  (r) => ({ ...r, firstName: `${r.firstName[0]}.` }),
  (r) => ({ ...r, emails: r.emails.map((e) => e.toUpperCase()) }),
  (r) => ({
    ...r,
    emails: [],
    phones: r.phones.map((p) => p.replace(/\s/g, '')),
  }),
  (r) => ({ ...r, companies: [{ name: `Journal ${r.companies[0].name}` }] }),
  (r) => ({
    ...r,
    lastName: r.lastName.normalize('NFD').replace(/\p{M}/gu, ''),
  }),
  (r) => ({
    ...r,
    lastName: r.lastName.replace(/^(.)(.)(.)/, '$1$3$2'),
    birthDate: '',
  }),
];

function wholeBase(count) {
  const rand = random(42);
  const records = [];
  for (let i = 0; i < count; i += 1)
    records.push(baseRecord(contactRow(rand, i), `c${i}`));
  const injected = Math.round(count * 0.05);
  for (let i = 0; i < injected; i += 1) {
    const original = records[Math.floor(rand() * count)];
    const fault = faults[Math.floor(rand() * faults.length)];
    records.push({ ...fault(original), id: `d${i}-${original.id}` });
  }

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const result = findDuplicates(records);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const found = new Set(
    result.pairs
      .filter((p) =>
        p.a.startsWith('d') ? p.a.endsWith(`-${p.b}`) : p.b.endsWith(`-${p.a}`),
      )
      .map((p) => (p.a.startsWith('d') ? p.a : p.b)),
  );

  return {
    records: records.length,
    injectedDuplicates: injected,
    injectedFound: found.size,
    compared: result.compared,
    same: result.pairs.filter((p) => p.outcome === 'same').length,
    maybe: result.pairs.filter((p) => p.outcome === 'maybe').length,
    skippedBlocks: result.skippedBlocks,
    seconds: +seconds.toFixed(2),
    peakRssMb: Math.round(peakRss / 2 ** 20),
    rssGrowthMb: Math.round((peakRss - rssBefore) / 2 ** 20),
  };
}

const datasets = [
  febrl('febrl1 (calibration)', 'febrl_dataset1.csv'),
  febrlLinkage(),
  febrl('febrl3 (held out)', 'febrl_dataset3.csv'),
  frPress(),
];
const scan = wholeBase(Number(values.contacts));

console.log(
  '\n| dataset | records | true pairs | compared | same | maybe | P(same) | R(same+maybe) | P(same+maybe) | F1 | homonyms merged | s |\n|---|---|---|---|---|---|---|---|---|---|---|---|',
);
for (const d of datasets)
  console.log(
    `| ${d.dataset} | ${d.records} | ${d.truePairs} | ${d.compared} | ${d.same} | ${d.maybe} | ${d.samePrecision} | ${d.flaggedRecall} | ${d.flaggedPrecision} | ${d.f1} | ${d.homonymsMerged} | ${d.seconds} |`,
  );
console.log(
  `\nWhole-base scan: ${scan.records} contacts (${scan.injectedDuplicates} injected duplicates, ${scan.injectedFound} found), ` +
    `${scan.compared} pairs compared, ${scan.same} same, ${scan.maybe} maybe, ` +
    `${scan.seconds} s, peak memory ${scan.peakRssMb} MB (+${scan.rssGrowthMb} MB)`,
);

const heldOut = datasets.filter((d) => d.dataset.includes('held out'));
const targets = {
  samePrecision: 0.99,
  flaggedRecall: 0.95,
  flaggedPrecision: 0.95,
  homonymsMerged: 0,
  scanSeconds: 15,
};
const met = {
  quality: heldOut.every(
    (d) =>
      d.samePrecision >= targets.samePrecision &&
      d.flaggedRecall >= targets.flaggedRecall &&
      d.flaggedPrecision >= targets.flaggedPrecision &&
      d.homonymsMerged === 0,
  ),
  speed: scan.seconds < targets.scanSeconds,
};
console.log(`Targets met: quality ${met.quality}, speed ${met.speed}`);

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
  calibration: 'febrl1 + febrl4a/4b only; febrl3 and fr_press held out',
  datasets,
  wholeBaseScan: scan,
  targets,
  met,
};
writeFileSync(
  join(out, 'dedup-quality.json'),
  `${JSON.stringify(result, null, 2)}\n`,
);
console.log('Results: bench/results/dedup-quality.json');
