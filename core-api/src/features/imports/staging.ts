import { QueryTypes, type Transaction } from 'sequelize';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import { escaperOf, insertTuples } from '../../platform/db/bulk-insert.ts';
import type { ImportBatchRow, RowOutcome } from '../../platform/db/models.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import { inputProblems } from '../../platform/http/validate.ts';
import { normalisePhone } from '../../platform/text/phone.ts';
import {
  contactInput,
  type ContactInputParsed,
} from '../contacts/contacts.schemas.ts';
import { mergeInputs } from '../duplicates/contact-merge.ts';
import { dedupConfigOf, getMergeRules } from '../duplicates/merge-rules.ts';
import {
  candidateRecords,
  personRecords,
} from '../duplicates/person-records.ts';
import { tokensOf } from '../search/search-text.ts';
import {
  clusterPairs,
  matchPrepared,
  preparePerson,
  type CandidatePair,
  type PersonRecord,
  type PreparedPerson,
} from '../dedup/index.ts';
import type {
  ImportIssue,
  StagedSummary,
  StageOptions,
} from './imports.schemas.ts';
import { importProgress } from './import-progress.ts';
import {
  ImportFileError,
  detectFormat,
  readContacts,
  type ImportFormat,
  type ImportedContact,
} from './readers/index.ts';
import type { TableMapping } from './readers/read-types.ts';

const maxIssues = 1000;
const rowChunk = 1000;

/** A file handed to the import pipeline, with how to read and apply it. */
export type StageRequest = StageOptions & {
  fileName: string;
  data: Buffer;
  format?: ImportFormat;
};

/** A pair a staged row takes into the review queue once it is committed. */
export type StagedPair = {
  /** An existing contact, or another row of the file (its sequence number). */
  contactId?: number;
  row?: number;
  /** That row's line, for people. */
  line?: number;
  score: number;
  outcome: 'same' | 'maybe';
  evidence: { field: string; agreement: string; weight: number }[];
};

/** What a staged row keeps for the commit. */
export type StagedData = {
  seq: number;
  input: ContactInputParsed;
  terms?: ImportedContact['terms'];
  pairs?: StagedPair[];
};

/**
 * A row that passed the checks, kept small while the rest of the file is
 * read: its contact as the JSON the commit reads, and as the dedup engine
 * compares it.
 */
type Accepted = {
  seq: number;
  line: number;
  sheet?: string;
  externalId?: string;
  /** `StagedData` without its pairs, as JSON. */
  json: string;
  person: PreparedPerson;
  lastName?: string | null;
  warnings?: ImportIssue[];
};

type Decision = {
  outcome: RowOutcome;
  contactId?: number;
  mergeInto?: number;
  score?: number;
  pairs: StagedPair[];
};

/**
 * Turns a file into a staging batch: nothing in the base changes until the
 * batch is committed. The file is kept with the batch so another column
 * mapping can read it again. Reading runs in the background unless `wait`
 * is set; its progress is reported while it runs.
 *
 * @throws AppError IMPORT_FILE_INVALID at once for a file of no known format
 */
export async function stageImport(
  ctx: Ctx,
  request: StageRequest,
  options: { wait?: boolean } = {},
): Promise<ImportBatchRow> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  if (request.data.length === 0) {
    throw fileError(
      new ImportFileError(
        request.fileName,
        'le fichier est vide',
        'the file is empty',
      ),
    );
  }
  let format: ImportFormat;
  try {
    format =
      request.format ??
      detectFormat(request.fileName, request.data.subarray(0, 4096));
  } catch (error) {
    throw fileError(error);
  }
  const { ImportBatch, ImportFile } = ctx.db.models;
  const { data: _data, fileName, format: _format, ...choices } = request;
  const batch = await ctx.db.sequelize.transaction(async (transaction) => {
    const created = await ImportBatch.create(
      {
        fileName: fileName.slice(0, 300),
        format,
        status: 'staging',
        phase: 'reading',
        createdById: ctx.actor.id,
        auditEventId: null,
        options: JSON.stringify(choices),
      },
      { transaction },
    );
    await ImportFile.create(
      { batchId: created.id, data: request.data, size: request.data.length },
      { transaction },
    );

    return created;
  });
  ctx.log.info(
    { batchId: batch.id, format, bytes: request.data.length },
    'import.batch.staging',
  );

  if (!options.wait) {
    runInBackground(ctx, batch.id, request.data);
    return batch;
  }
  await analyseBatch(ctx, batch.id, request.data);

  return (await ImportBatch.findByPk(batch.id)) as ImportBatchRow;
}

/** Reads a batch without holding up the request; its failure is on the batch. */
function runInBackground(ctx: Ctx, batchId: number, data: Buffer): void {
  analyseBatch(ctx, batchId, data).catch(() => undefined);
}

/**
 * Reads a staged batch's file again with new options (a corrected column
 * mapping, another sheet, the date order): the previous preview is replaced.
 */
export async function restageImport(
  ctx: Ctx,
  batchId: number,
  changes: StageOptions,
  options: { wait?: boolean } = {},
): Promise<ImportBatchRow> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  const { ImportBatch, ImportFile, ImportRow } = ctx.db.models;
  const batch = await ImportBatch.findByPk(batchId);
  if (!batch) throw notFound('Import', batchId);
  if (batch.status !== 'staged' && batch.status !== 'failed') {
    throw notStaged(batch);
  }
  const file = await ImportFile.findByPk(batchId);
  if (!file) throw notStaged(batch);
  const merged = { ...(JSON.parse(batch.options) as StageOptions), ...changes };
  await ctx.db.sequelize.transaction(async (transaction) => {
    await ImportRow.destroy({ where: { batchId }, transaction });
    await batch.update(
      {
        status: 'staging',
        phase: 'reading',
        error: null,
        progressDone: 0,
        progressTotal: 0,
        options: JSON.stringify(merged),
      },
      { transaction },
    );
  });
  if (options.wait) await analyseBatch(ctx, batchId, file.data);
  else runInBackground(ctx, batchId, file.data);

  return (await ImportBatch.findByPk(batchId)) as ImportBatchRow;
}

/** A batch that cannot be read again or committed in its state. */
export function notStaged(batch: ImportBatchRow): AppError {
  return new AppError('CONFLICT', {
    fr: `L’import ${batch.id} n’est pas en attente de validation (état : ${batch.status}).`,
    en: `Import ${batch.id} is not waiting for a decision (status: ${batch.status}).`,
  });
}

function fileError(error: unknown): unknown {
  if (!(error instanceof ImportFileError)) return error;

  return new AppError('IMPORT_FILE_INVALID', {
    fr: `${error.fileName} : ${error.reason}`,
    en: `${error.fileName}: ${error.reasonEn}`,
  });
}

/** A cheap upper bound of the rows a file holds, for the progress bar. */
function estimateRows(format: ImportFormat, data: Buffer): number {
  if (format === 'csv') {
    let count = 0;
    for (let at = data.indexOf(10); at >= 0; at = data.indexOf(10, at + 1))
      count++;
    return count;
  }
  if (format === 'vcard') {
    return data.toString('latin1').match(/BEGIN:VCARD/gi)?.length ?? 0;
  }

  return 0;
}

/**
 * Reads, checks and matches every row of a batch, then writes the preview:
 * one staged row per line with the outcome committing would give it. A
 * failure marks the batch failed with its reason; the base is never touched.
 */
async function analyseBatch(
  ctx: Ctx,
  batchId: number,
  data: Buffer,
): Promise<void> {
  const { ImportBatch } = ctx.db.models;
  const batch = (await ImportBatch.findByPk(batchId)) as ImportBatchRow;
  const options = JSON.parse(batch.options) as StageOptions;
  const format = batch.format as ImportFormat;
  const progress = importProgress.start(
    batchId,
    'reading',
    estimateRows(format, data),
  );
  const started = performance.now();
  try {
    const read = await readBatch(ctx, batch, options, data, progress);
    progress.phase('matching', read.accepted.length);
    const rules = (await getMergeRules(ctx)).rules;
    const matched = await decide(ctx, read.accepted, options, rules);
    progress.phase('writing', read.accepted.length + read.rejected.size);
    const summary = await writeRows(ctx, batch, read, matched, progress);
    summary.tookMs = Math.round(performance.now() - started);
    await batch.update({
      status: 'staged',
      phase: null,
      totalRows: summary.totalRows,
      rejectedCount: summary.counts.reject,
      progressDone: summary.totalRows,
      progressTotal: summary.totalRows,
      report: JSON.stringify(summary),
    });
    ctx.log.info(
      { batchId, rows: summary.totalRows, tookMs: summary.tookMs },
      'import.batch.staged',
    );
  } catch (error) {
    const failure = fileError(error);
    const message =
      failure instanceof AppError
        ? { fr: failure.messageFr, en: failure.messageEn }
        : {
            fr: 'lecture interrompue par une erreur inattendue',
            en: 'reading stopped by an unexpected error',
          };
    ctx.log.error(
      { batchId, err: failure instanceof AppError ? undefined : error },
      'import.batch.failed',
    );
    await ctx.db.models.ImportRow.destroy({ where: { batchId } });
    await batch.update({
      status: 'failed',
      phase: null,
      error: JSON.stringify(message),
    });
    throw failure;
  } finally {
    importProgress.end(batchId);
  }
}

type ReadResult = {
  accepted: Accepted[];
  /** Rows refused, by sequence number, with their line and issues. */
  rejected: Map<
    number,
    { line: number; sheet?: string; externalId?: string; issues: ImportIssue[] }
  >;
  issues: ImportIssue[];
  issuesTruncated: boolean;
  warnings: number;
  mappings: TableMapping[];
};

async function readBatch(
  ctx: Ctx,
  batch: ImportBatchRow,
  options: StageOptions,
  data: Buffer,
  progress: ReturnType<typeof importProgress.start>,
): Promise<ReadResult> {
  const result: ReadResult = {
    accepted: [],
    rejected: new Map(),
    issues: [],
    issuesTruncated: false,
    warnings: 0,
    mappings: [],
  };
  const columns = await columnChoices(ctx, options);
  const place = (line: number, sheet?: string) => `${sheet ?? ''}\u0000${line}`;
  const bySeq = new Map<string, number>();
  const report = (issue: ImportIssue) => {
    if (result.issues.length < maxIssues) result.issues.push(issue);
    else result.issuesTruncated = true;
  };
  let seq = 0;
  const readerIssues: { line: number; sheet?: string; issue: ImportIssue }[] =
    [];

  for await (const row of readContacts(batch.fileName, data, {
    format: batch.format as ImportFormat,
    ...(options.sheet ? { sheet: options.sheet } : {}),
    ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
    ...(columns ? { columns } : {}),
    onMapping: (mapping) => result.mappings.push(mapping),
  })) {
    if ('issue' in row) {
      readerIssues.push({
        line: row.line,
        ...(row.sheet ? { sheet: row.sheet } : {}),
        issue: {
          line: row.line,
          ...(row.issue.field ? { field: row.issue.field } : {}),
          reason: row.issue.reason,
          reasonEn: row.issue.reasonEn,
          severity: 'error',
        },
      });
      continue;
    }
    seq++;
    bySeq.set(place(row.line, row.sheet), seq);
    progress.advance(seq);
    const { terms, externalId, ...fields } = row.contact;
    const checked = inputProblems(contactInput, {
      ...fields,
      origin: fields.origin ?? batch.fileName.slice(0, 120),
    });
    if ('problems' in checked) {
      const issues = checked.problems.map((problem): ImportIssue => ({
        line: row.line,
        ...(problem.path === '(body)' ? {} : { field: problem.path }),
        reason: `Ligne ${row.line} : ${problem.fr}`,
        reasonEn: `Line ${row.line}: ${problem.en}`,
        severity: 'error',
      }));
      issues.forEach(report);
      // A feed's record with a bad row this time is kept, not deactivated.
      result.rejected.set(seq, {
        line: row.line,
        ...(row.sheet ? { sheet: row.sheet } : {}),
        ...(externalId ? { externalId: externalId.slice(0, 200) } : {}),
        issues,
      });
      continue;
    }
    const staged: StagedData = {
      seq,
      input: checked.data,
      ...(terms ? { terms } : {}),
    };
    result.accepted.push({
      seq,
      line: row.line,
      ...(row.sheet ? { sheet: row.sheet } : {}),
      ...(externalId ? { externalId: externalId.slice(0, 200) } : {}),
      json: JSON.stringify(staged),
      person: preparePerson(personOf(`r${seq}`, checked.data, ctx.region)),
      lastName: checked.data.lastName,
    });
  }

  // A reader issue on a line that still gave a contact lost one value, not the row.
  const acceptedBySeq = new Map(result.accepted.map((row) => [row.seq, row]));
  for (const { line, sheet, issue } of readerIssues) {
    if (!bySeq.has(place(line, sheet))) {
      // A line the reader could not make a contact of: one rejected row.
      seq++;
      bySeq.set(place(line, sheet), seq);
      result.rejected.set(seq, {
        line,
        ...(sheet ? { sheet } : {}),
        issues: [],
      });
    }
    const rowSeq = bySeq.get(place(line, sheet));
    const owner = rowSeq === undefined ? undefined : acceptedBySeq.get(rowSeq);
    const rejected =
      rowSeq === undefined ? undefined : result.rejected.get(rowSeq);
    if (owner) {
      const warning = { ...issue, severity: 'warning' as const };
      (owner.warnings ??= []).push(warning);
      result.warnings++;
      report(warning);
    } else if (rejected) {
      rejected.issues.push(issue);
      report(issue);
    }
  }
  result.issues.sort((a, b) => a.line - b.line);

  return result;
}

/** The column choices of the batch's profile, overridden by its own. */
async function columnChoices(
  ctx: Ctx,
  options: StageOptions,
): Promise<Record<string, string | null> | undefined> {
  let choices: Record<string, string | null> | undefined;
  if (options.profileId !== undefined) {
    const profile = await ctx.db.models.MappingProfile.findByPk(
      options.profileId,
    );
    if (!profile) throw notFound('Profil de correspondance', options.profileId);
    choices = JSON.parse(profile.columns) as Record<string, string | null>;
  }
  if (options.columns) choices = { ...choices, ...options.columns };

  return choices;
}

/** A row as the dedup engine reads it. */
export function personOf(
  id: string,
  input: ContactInputParsed,
  region: string,
): PersonRecord {
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
      (phone) => normalisePhone(phone.number, region).e164 ?? phone.number,
    ),
    companies: input.affiliations
      .filter((affiliation) => !affiliation.endDate)
      .map((affiliation) => ({ name: affiliation.companyName ?? null })),
    city: address?.city,
    postalCode: address?.postalCode,
    street: address?.street,
  };
}

const evidenceOf = (pair: CandidatePair) =>
  pair.evidence.map(({ field, agreement, weight }) => ({
    field,
    agreement,
    weight,
  }));

/**
 * The outcome of every accepted row. A row carrying the external id of a
 * contact from the same source updates it. Otherwise the dedup engine
 * matches rows against the base and each other: a row that is surely one
 * existing contact merges into it (when the rules allow automatic merges);
 * rows of the file that are surely one person become one contact; a row
 * matching several contacts, or only possibly one, is created and queued
 * for review, never merged arbitrarily.
 */
async function decide(
  ctx: Ctx,
  rows: Accepted[],
  options: StageOptions,
  rules: Awaited<ReturnType<typeof getMergeRules>>['rules'],
): Promise<Map<number, Decision>> {
  const decisions = new Map<number, Decision>(
    rows.map((row) => [row.seq, { outcome: 'create', pairs: [] }]),
  );
  const known = await knownExternalIds(ctx, options.externalSource);
  const matched: Accepted[] = [];
  for (const row of rows) {
    const id = row.externalId ? known.get(row.externalId) : undefined;
    if (id !== undefined) {
      decisions.set(row.seq, { outcome: 'update', contactId: id, pairs: [] });
    } else {
      matched.push(row);
    }
  }
  if (matched.length === 0) return decisions;

  const incoming = matched.map((row) => row.person);
  const existing = (await baseRecords(ctx, matched)).map(preparePerson);
  const decided = await ctx.db.models.DuplicatePair.findAll({
    where: { status: 'not_duplicate' },
    attributes: ['contactAId', 'contactBId'],
  });
  const result = matchPrepared(incoming, existing, {
    withinIncoming: true,
    config: dedupConfigOf(rules),
    excluded: decided.map((pair) => [
      String(pair.contactAId),
      String(pair.contactBId),
    ]),
  });

  const seqOf = (id: string) => Number(id.slice(1));
  const isRow = (id: string) => id.startsWith('r');
  const baseMerge = new Map<number, { contactId: number; score: number }>();
  const withinSame: CandidatePair[] = [];
  for (const pair of result.pairs) {
    const row = seqOf(pair.a);
    const decision = decisions.get(row) as Decision;
    if (isRow(pair.b)) {
      if (pair.outcome === 'same' && rules.autoMergeOnImport) {
        withinSame.push(pair);
      } else {
        const later = Math.max(row, seqOf(pair.b));
        const earlier = Math.min(row, seqOf(pair.b));
        (decisions.get(later) as Decision).pairs.push({
          row: earlier,
          score: pair.score,
          outcome: pair.outcome,
          evidence: evidenceOf(pair),
        });
      }
      continue;
    }
    const contactId = Number(pair.b);
    if (pair.outcome === 'same' && !pair.ambiguous && rules.autoMergeOnImport) {
      baseMerge.set(row, { contactId, score: pair.score });
    } else {
      decision.pairs.push({
        contactId,
        score: pair.score,
        outcome: pair.outcome,
        evidence: evidenceOf(pair),
      });
    }
  }

  // Rows of the file that are one person: one contact, or one merge.
  const inCluster = new Set<number>();
  for (const cluster of clusterPairs(withinSame)) {
    const members = cluster.map(seqOf).sort((x, y) => x - y);
    members.forEach((member) => inCluster.add(member));
    const targets = new Set(
      members.flatMap((member) => {
        const merge = baseMerge.get(member);
        return merge ? [merge.contactId] : [];
      }),
    );
    if (targets.size > 1) {
      // Two rows that are one person, merging into two contacts: a person decides.
      for (const member of members) {
        const merge = baseMerge.get(member);
        const decision = decisions.get(member) as Decision;
        decision.outcome = 'review';
        if (merge) {
          decision.pairs.push({
            contactId: merge.contactId,
            score: merge.score,
            outcome: 'maybe',
            evidence: [],
          });
        }
      }
      continue;
    }
    const [target] = [...targets];
    const head = members[0] as number;
    for (const member of members) {
      const decision = decisions.get(member) as Decision;
      const score = withinSame.find(
        (pair) => seqOf(pair.a) === member || seqOf(pair.b) === member,
      )?.score;
      if (target !== undefined) {
        decision.outcome = 'merge';
        decision.contactId = target;
        decision.score = baseMerge.get(member)?.score ?? score;
      } else if (member !== head) {
        decision.outcome = 'merge';
        decision.mergeInto = head;
        decision.score = score;
      }
    }
  }
  for (const [row, merge] of baseMerge) {
    if (inCluster.has(row)) continue;
    const decision = decisions.get(row) as Decision;
    decision.outcome = 'merge';
    decision.contactId = merge.contactId;
    decision.score = merge.score;
  }
  for (const decision of decisions.values()) {
    if (decision.outcome === 'create' && decision.pairs.length > 0)
      decision.outcome = 'review';
  }

  return decisions;
}

/** Up to this many rows, only their candidates are read from the base. */
const fewRows = 2000;

/**
 * The contacts of the base the rows are matched against: for a small file,
 * only those sharing an email, a phone or the sound of a surname word with
 * a row (read through the indexes); for a large one, the whole base, which
 * is then cheaper than many look-ups.
 */
async function baseRecords(
  ctx: Ctx,
  rows: Accepted[],
): Promise<PersonRecord[]> {
  if (rows.length > fewRows) return personRecords(ctx);
  const namePhonetics: string[] = [];
  const nameSounds: string[] = [];
  for (const row of rows) {
    for (const token of tokensOf('name', row.lastName)) {
      if (token.phonetic) namePhonetics.push(token.phonetic);
      if (token.sound) nameSounds.push(token.sound);
    }
  }

  return candidateRecords(ctx, {
    emails: rows.flatMap((row) => row.person.emails),
    phones: rows.flatMap((row) =>
      row.person.phones.filter((phone) => phone.startsWith('+')),
    ),
    namePhonetics,
    nameSounds,
  });
}

/** The contacts a feed already brought, by the id the feed gives them. */
async function knownExternalIds(
  ctx: Ctx,
  source: string | undefined,
): Promise<Map<string, number>> {
  if (!source) return new Map();
  const rows = await ctx.db.sequelize.query<{
    id: number;
    external_id: string;
  }>(
    'SELECT id, external_id FROM contacts WHERE external_source = :source ' +
      'AND external_id IS NOT NULL AND deleted_at IS NULL',
    { type: QueryTypes.SELECT, replacements: { source } },
  );

  return new Map(rows.map((row) => [row.external_id, Number(row.id)]));
}

/**
 * Writes the staged rows and the preview summary. Rows that other rows of
 * the file merge into carry those rows' values already, so committing
 * creates one complete contact.
 */
async function writeRows(
  ctx: Ctx,
  batch: ImportBatchRow,
  read: ReadResult,
  decisions: Map<number, Decision>,
  progress: ReturnType<typeof importProgress.start>,
): Promise<StagedSummary> {
  const counts: Record<RowOutcome, number> = {
    create: 0,
    update: 0,
    merge: 0,
    review: 0,
    reject: 0,
  };
  const bySeq = new Map(read.accepted.map((row) => [row.seq, row]));
  // Fold each file duplicate into the row it merges into, in file order.
  for (const row of read.accepted) {
    const decision = decisions.get(row.seq) as Decision;
    if (decision.mergeInto === undefined) continue;
    const head = bySeq.get(decision.mergeInto) as Accepted;
    const kept = JSON.parse(head.json) as StagedData;
    const added = JSON.parse(row.json) as StagedData;
    kept.input = mergeInputs(
      kept.input,
      added.input,
      {},
      {
        region: ctx.region,
      },
    );
    kept.terms = [...(kept.terms ?? []), ...(added.terms ?? [])];
    head.json = JSON.stringify(kept);
  }

  type Line = {
    batch_id: number;
    line: number;
    sheet: string | null;
    outcome: RowOutcome;
    contact_id: number | null;
    merge_line: number | null;
    score: number | null;
    external_id: string | null;
    data: string | null;
    issues: string | null;
  };
  const lines: Line[] = [];
  for (const row of read.accepted) {
    const decision = decisions.get(row.seq) as Decision;
    counts[decision.outcome]++;
    const merged = decision.mergeInto ? bySeq.get(decision.mergeInto) : null;
    const pairs = decision.pairs.map((pair) =>
      pair.row === undefined
        ? pair
        : { ...pair, line: bySeq.get(pair.row)?.line },
    );
    // The pairs joined to the row's JSON as its last member.
    const data =
      pairs.length === 0
        ? row.json
        : `${row.json.slice(0, -1)},"pairs":${JSON.stringify(pairs)}}`;
    lines.push({
      batch_id: batch.id,
      line: row.line,
      sheet: row.sheet ?? null,
      outcome: decision.outcome,
      contact_id: decision.contactId ?? null,
      merge_line: merged ? merged.line : null,
      score: decision.score ?? null,
      external_id: row.externalId ?? null,
      data,
      issues: row.warnings ? JSON.stringify(row.warnings) : null,
    });
  }
  for (const [, rejected] of read.rejected) {
    counts.reject++;
    lines.push({
      batch_id: batch.id,
      line: rejected.line,
      sheet: rejected.sheet ?? null,
      outcome: 'reject',
      contact_id: null,
      merge_line: null,
      score: null,
      external_id: rejected.externalId ?? null,
      data: null,
      issues: JSON.stringify(rejected.issues),
    });
  }
  lines.sort((a, b) => a.line - b.line);

  const { sequelize } = ctx.db;
  const escape = escaperOf(sequelize);
  const columns = Object.keys(lines[0] ?? {}) as (keyof Line)[];
  await sequelize.transaction(async (transaction: Transaction) => {
    for (let start = 0; start < lines.length; start += rowChunk) {
      await insertTuples(
        sequelize,
        'import_rows',
        columns,
        lines
          .slice(start, start + rowChunk)
          .map((line) => `(${columns.map((c) => escape(line[c])).join(',')})`),
        transaction,
      );
      progress.advance(Math.min(lines.length, start + rowChunk));
    }
  });

  const pairs = [...decisions.values()].flatMap((d) => d.pairs);

  return {
    totalRows: lines.length,
    counts,
    warnings: read.warnings,
    issues: read.issues,
    issuesTruncated: read.issuesTruncated,
    mappings: read.mappings,
    duplicates: {
      withBase: pairs.filter((pair) => pair.contactId !== undefined).length,
      withinFile: pairs.filter((pair) => pair.row !== undefined).length,
      mergedInFile: [...decisions.values()].filter(
        (d) => d.mergeInto !== undefined,
      ).length,
      mergedWithBase: [...decisions.values()].filter(
        (d) => d.outcome === 'merge' && d.contactId !== undefined,
      ).length,
    },
    tookMs: 0,
  };
}
