import { QueryTypes, type Transaction } from 'sequelize';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import {
  escaperOf,
  insertRows,
  insertTuples,
  JsonMembersAdded,
  updateRows,
} from '../../platform/db/bulk-insert.ts';
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
import { tableColumns } from '../exports/export-labels.ts';
import {
  clusterPairs,
  matchPrepared,
  PackedPeople,
  preparePerson,
  storedEvidence,
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
import { estimateRows } from './row-estimate.ts';
import {
  importThreadSettings,
  runOnThread,
  threadDatabase,
} from './import-thread.ts';
import { leanPageCache } from './page-cache.ts';
import {
  ImportFileError,
  checkedInput,
  detectFormat,
  readContacts,
  type ImportFormat,
  type ImportedContact,
} from './readers/index.ts';
import {
  issueRow,
  type ReadIssue,
  type TableMapping,
} from './readers/read-types.ts';
import { checkStagedFields } from './field-checks.ts';
import {
  failureReason,
  notStaged,
  type StagedData,
  type StagedPair,
} from './staged-data.ts';

export {
  notStaged,
  rememberPhones,
  type StagedData,
  type StagedPair,
} from './staged-data.ts';

const maxIssues = 1000;
/**
 * Rows written to the preview per transaction while the file is read: each
 * transaction costs SQLite a connection of its own.
 */
const stagedChunk = 2000;

/** A file handed to the import pipeline, with how to read and apply it. */
export type StageRequest = StageOptions & {
  fileName: string;
  data: Buffer;
  format?: ImportFormat;
};

/**
 * A row that passed the checks, kept small while the rest of the file is
 * read: its staged row is written at once, only what matching needs stays.
 */
type Accepted = {
  seq: number;
  /** Its staged row's id, known once its chunk is written. */
  id: number;
  line: number;
  sheet?: string;
  externalId?: string;
  /** Its number in the read's `people`: as the dedup engine compares it. */
  person: number;
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

/** The decision of a row that matched nothing: created as it is. */
const plainCreation: Readonly<Decision> = Object.freeze({
  outcome: 'create',
  pairs: [],
});

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

function fileError(error: unknown): unknown {
  if (!(error instanceof ImportFileError)) return error;

  return new AppError('IMPORT_FILE_INVALID', {
    fr: `${error.fileName} : ${error.reason}`,
    en: `${error.fileName}: ${error.reasonEn}`,
  });
}

/**
 * Reads, checks and matches every row of a batch, then writes the preview:
 * one staged row per line with the outcome committing would give it. A
 * failure marks the batch failed with its reason; the base is never touched.
 * A large file is read on a thread of its own (`import-thread.ts`).
 */
async function analyseBatch(
  ctx: Ctx,
  batchId: number,
  data: Buffer,
): Promise<void> {
  const database = threadDatabase(
    ctx,
    data.length,
    importThreadSettings.minBytes,
  );
  if (!database) return analyseHere(ctx, batchId, data);
  const progress = importProgress.start(batchId, 'reading', 0);
  try {
    await runOnThread(
      ctx,
      database,
      { kind: 'analyse', batchId, data },
      progress,
    );
  } catch (error) {
    // The thread marks its batch failed; one cut off before it could (its
    // memory exhausted) is marked here.
    const batch = await ctx.db.models.ImportBatch.findByPk(batchId);
    if (batch?.status === 'staging') throw await failBatch(ctx, batch, error);
    throw error;
  } finally {
    importProgress.end(batchId);
  }
}

/** `analyseBatch` on the calling thread: what an import's thread runs. */
export async function analyseHere(
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
    await estimateRows(format, data, options.sheet),
  );
  const started = performance.now();
  try {
    const read = await readBatch(ctx, batch, options, data, progress);
    progress.phase('matching', read.accepted.length);
    const rules = (await getMergeRules(ctx)).rules;
    const matched = await decide(ctx, read, options, rules);
    read.people = null;
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
    throw await failBatch(ctx, batch, error);
  } finally {
    importProgress.end(batchId);
  }
}

/**
 * Marks a batch failed with the reason, in French and English, and frees
 * its rows. Returns the error to throw: an unreadable file's as the API
 * reports it.
 */
async function failBatch(
  ctx: Ctx,
  batch: ImportBatchRow,
  error: unknown,
): Promise<unknown> {
  const failure = fileError(error);
  const message = failureReason(failure, {
    fr: 'lecture interrompue par une erreur inattendue',
    en: 'reading stopped by an unexpected error',
  });
  ctx.log.error(
    { batchId: batch.id, err: failure instanceof AppError ? undefined : error },
    'import.batch.failed',
  );
  await ctx.db.models.ImportRow.destroy({ where: { batchId: batch.id } });
  await batch.update({
    status: 'failed',
    phase: null,
    error: JSON.stringify(message),
  });

  return failure;
}

type ReadResult = {
  accepted: Accepted[];
  /** The accepted rows as the dedup engine compares them; let go once matched. */
  people: PackedPeople | null;
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

/** A staged row as written to `import_rows`. */
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

const lineColumns: readonly (keyof Line)[] = [
  'batch_id',
  'line',
  'sheet',
  'outcome',
  'contact_id',
  'merge_line',
  'score',
  'external_id',
  'data',
  'issues',
];

const placeOf = (line: number, sheet?: string | null) =>
  `${sheet ?? ''}\u0000${line}`;

/**
 * Writes accepted rows to `import_rows` a chunk at a time as the file is
 * read, as rows to create: matching decides later which ones change. A
 * chunk is written while the next one is read (on SQLite, on the driver's
 * thread), and each row learns its id, so the file's contacts never sit in
 * memory all at once.
 */
function stagedRowWriter(ctx: Ctx, batchId: number) {
  const { sequelize } = ctx.db;
  const escape = escaperOf(sequelize);
  let chunk: { row: Accepted; tuple: string }[] = [];
  let writing: Promise<void> | null = null;
  let after = 0;

  const write = async (rows: { row: Accepted; tuple: string }[]) => {
    // Each chunk in a transaction of its own: on SQLite it runs on a
    // connection of its own, whose page cache goes with it.
    await sequelize.transaction(async (transaction) => {
      await leanPageCache(sequelize, transaction);
      await insertTuples(
        sequelize,
        'import_rows',
        lineColumns,
        rows.map((item) => item.tuple),
        transaction,
      );
      // The rows just written are the batch's only ones past the last id seen.
      const written = await sequelize.query<{
        id: number;
        line: number;
        sheet: string | null;
      }>(
        'SELECT id, line, sheet FROM import_rows ' +
          'WHERE batch_id = :batchId AND id > :after',
        {
          type: QueryTypes.SELECT,
          replacements: { batchId, after },
          transaction,
        },
      );
      const byPlace = new Map(
        rows.map(({ row }) => [placeOf(row.line, row.sheet), row]),
      );
      for (const found of written) {
        const id = Number(found.id);
        const row = byPlace.get(placeOf(Number(found.line), found.sheet));
        if (row) row.id = id;
        after = Math.max(after, id);
      }
    });
  };
  const flush = async () => {
    const rows = chunk;
    chunk = [];
    // The previous chunk must be written before the next one starts.
    if (writing) await writing;
    writing = rows.length > 0 ? write(rows) : null;
    // Watched at once: it may fail while the next rows are read.
    writing?.catch(() => undefined);
  };

  return {
    async add(row: Accepted, json: string): Promise<void> {
      const line: Line = {
        batch_id: batchId,
        line: row.line,
        sheet: row.sheet ?? null,
        outcome: 'create',
        contact_id: null,
        merge_line: null,
        score: null,
        external_id: row.externalId ?? null,
        data: json,
        issues: null,
      };
      const values = lineColumns.map((column) => escape(line[column]));
      chunk.push({ row, tuple: `(${values.join(',')})` });
      if (chunk.length >= stagedChunk) await flush();
    },
    async end(): Promise<void> {
      await flush();
      if (writing) await writing;
    },
    /** Waits for the chunk on its way, its failure aside: reading failed. */
    async abandon(): Promise<void> {
      await writing?.catch(() => undefined);
    },
  };
}

async function readBatch(
  ctx: Ctx,
  batch: ImportBatchRow,
  options: StageOptions,
  data: Buffer,
  progress: ReturnType<typeof importProgress.start>,
): Promise<ReadResult> {
  const people = new PackedPeople();
  const result: ReadResult = {
    accepted: [],
    people,
    rejected: new Map(),
    issues: [],
    issuesTruncated: false,
    warnings: 0,
    mappings: [],
  };
  const columns = await columnChoices(ctx, options);
  const report = (issue: ImportIssue) => {
    if (result.issues.length < maxIssues) result.issues.push(issue);
    else result.issuesTruncated = true;
  };
  let seq = 0;
  const readerIssues: { line: number; sheet?: string; issue: ImportIssue }[] =
    [];
  const writer = stagedRowWriter(ctx, batch.id);

  try {
    for await (const row of readContacts(batch.fileName, data, {
      format: batch.format as ImportFormat,
      ...(options.sheet ? { sheet: options.sheet } : {}),
      ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
      ...(columns ? { columns } : {}),
      onMapping: (mapping) => {
        result.mappings.push(mapping);
        for (const duplicate of mapping.duplicates ?? []) {
          const warning = duplicateColumn(batch.fileName, mapping, duplicate);
          report({ line: mapping.line ?? 1, ...warning, severity: 'warning' });
          result.warnings++;
        }
      },
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
      progress.advance(seq);
      const { terms, externalId, ...fields } = row.contact;
      const checked =
        alreadyChecked(row.contact, batch.fileName) ??
        inputProblems(contactInput, {
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
      const phones = checked.data.phones.map((phone) => [
        phone.number,
        normalisePhone(phone.number, ctx.region).e164,
      ]);
      const e164 = Object.fromEntries(phones) as Record<string, string | null>;
      const { input, issues: fieldIssues } = checkStagedFields(
        checked.data,
        e164,
        ctx.region,
      );
      const warnings = fieldIssues.map((issue): ImportIssue => {
        const placed = issueRow(
          { line: row.line, ...(row.sheet ? { sheet: row.sheet } : {}) },
          issue,
        ) as { issue: ReadIssue };
        const { sheet: _sheet, ...named } = placed.issue;

        return { ...named, severity: 'warning' };
      });
      warnings.forEach(report);
      result.warnings += warnings.length;
      const staged: StagedData = {
        seq,
        input,
        ...(terms ? { terms } : {}),
        ...(phones.length > 0 ? { phones: { region: ctx.region, e164 } } : {}),
      };
      const accepted: Accepted = {
        seq,
        id: 0,
        line: row.line,
        ...(row.sheet ? { sheet: row.sheet } : {}),
        ...(externalId ? { externalId: externalId.slice(0, 200) } : {}),
        person: people.add(
          preparePerson(personOf(`r${seq}`, input, ctx.region)),
        ),
        lastName: input.lastName,
        ...(warnings.length > 0 ? { warnings } : {}),
      };
      result.accepted.push(accepted);
      await writer.add(accepted, JSON.stringify(staged));
    }
  } catch (error) {
    await writer.abandon();
    throw error;
  }
  await writer.end();
  // A header alone (an empty Outlook export, blank lines below it) is
  // nothing to import: said, not shown as an import of nothing.
  if (seq === 0 && readerIssues.length === 0) {
    throw new ImportFileError(
      batch.fileName,
      'aucune ligne de contact dans le fichier (seulement un en-tête ou des lignes vides)',
      'no contact row in the file (only a header or blank lines)',
    );
  }
  if (result.accepted.some((row) => row.id === 0)) {
    throw new Error('A staged row was written without its id coming back');
  }

  placeReaderIssues(result, readerIssues, seq, report);
  result.issues.sort((a, b) => a.line - b.line);

  return result;
}

/**
 * The warning for a column left out because an earlier one already fills
 * its single-valued field: the file, both columns and the field named.
 */
export function duplicateColumn(
  fileName: string,
  mapping: TableMapping,
  duplicate: NonNullable<TableMapping['duplicates']>[number],
): { field: string; reason: string; reasonEn: string } {
  const label = tableColumns.find(
    (column) => column.key === duplicate.key,
  )?.header;
  const field = {
    fr: label ? `${label.fr} (${duplicate.key})` : duplicate.key,
    en: label ? `${label.en} (${duplicate.key})` : duplicate.key,
  };
  const sheet = mapping.sheet
    ? { fr: `, feuille « ${mapping.sheet} »`, en: `, sheet "${mapping.sheet}"` }
    : { fr: '', en: '' };
  const first = duplicate.firstIndex + 1;
  const second = duplicate.index + 1;

  return {
    field: duplicate.key,
    reason:
      `${fileName}${sheet.fr} : les colonnes « ${duplicate.firstHeader} » (n° ${first}) ` +
      `et « ${duplicate.header} » (n° ${second}) remplissent toutes deux le champ ` +
      `« ${field.fr} », qui n’a qu’une valeur : la colonne n° ${second} est ignorée ` +
      `(choisissez-lui un autre champ pour l’importer).`,
    reasonEn:
      `${fileName}${sheet.en}: columns "${duplicate.firstHeader}" (no. ${first}) ` +
      `and "${duplicate.header}" (no. ${second}) both fill the single-valued field ` +
      `"${field.en}": column ${second} is ignored (give it another field to import it).`,
  };
}

/**
 * Gives each issue the reader named on a line to that line's row: a line
 * that still gave a contact lost one value (a warning on its row), a line
 * that gave none is one rejected row.
 *
 * @param lastSeq the last sequence number given while reading
 */
function placeReaderIssues(
  result: ReadResult,
  readerIssues: { line: number; sheet?: string; issue: ImportIssue }[],
  lastSeq: number,
  report: (issue: ImportIssue) => void,
): void {
  if (readerIssues.length === 0) return;
  let seq = lastSeq;
  // The rows of the lines the reader named an issue on, looked up once the
  // file is read: a map of every line to its row weighed megabytes.
  const wanted = new Set(
    readerIssues.map(({ line, sheet }) => placeOf(line, sheet)),
  );
  const bySeq = new Map<string, number>();
  const acceptedBySeq = new Map<number, Accepted>();
  for (const row of result.accepted) {
    const place = placeOf(row.line, row.sheet);
    if (!wanted.has(place)) continue;
    bySeq.set(place, row.seq);
    acceptedBySeq.set(row.seq, row);
  }
  for (const [rowSeq, rejected] of result.rejected) {
    const place = placeOf(rejected.line, rejected.sheet);
    if (wanted.has(place)) bySeq.set(place, rowSeq);
  }
  // A reader issue on a line that still gave a contact lost one value, not the row.
  for (const { line, sheet, issue } of readerIssues) {
    if (!bySeq.has(placeOf(line, sheet))) {
      // A line the reader could not make a contact of: one rejected row.
      seq++;
      bySeq.set(placeOf(line, sheet), seq);
      result.rejected.set(seq, {
        line,
        ...(sheet ? { sheet } : {}),
        issues: [],
      });
    }
    const rowSeq = bySeq.get(placeOf(line, sheet));
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
}

// As `inputProblems` refuses them: control characters have no place in a row.
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Whether any string in a value holds a control character; allocates nothing. */
function holdsControlCharacters(value: unknown): boolean {
  if (typeof value === 'string') return controlCharacters.test(value);
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const item of value) if (holdsControlCharacters(item)) return true;
    return false;
  }
  for (const key in value) {
    if (holdsControlCharacters((value as Record<string, unknown>)[key]))
      return true;
  }

  return false;
}

/**
 * The contact schema's output the reader already obtained for a row (it
 * runs the schema on every contact it builds), with the file's name as its
 * origin when the row gives none: the schema runs once per row. Undefined
 * when the row must go through `inputProblems` to name its problems.
 */
function alreadyChecked(
  contact: ImportedContact,
  fileName: string,
): { data: ContactInputParsed } | undefined {
  const parsed = checkedInput(contact);
  if (!parsed || holdsControlCharacters(contact)) return undefined;
  if (contact.origin != null) return { data: parsed };
  const named = fileName.slice(0, 120);
  if (holdsControlCharacters(named)) return undefined;
  const origin = contactInput.shape.origin.safeParse(named);

  return origin.success
    ? { data: { ...parsed, origin: origin.data } }
    : undefined;
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

/** A pair's evidence as the review queue stores it, its objects shared. */
const evidenceOf = (pair: CandidatePair) => pair.evidence.map(storedEvidence);

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
  read: ReadResult,
  options: StageOptions,
  rules: Awaited<ReturnType<typeof getMergeRules>>['rules'],
): Promise<Map<number, Decision>> {
  // Only the rows whose outcome is not a plain creation get one: most of a
  // file has none, and 50,000 of them weighed several megabytes.
  const decisions = new Map<number, Decision>();
  const decisionFor = (seq: number): Decision => {
    let decision = decisions.get(seq);
    if (!decision)
      decisions.set(seq, (decision = { outcome: 'create', pairs: [] }));

    return decision;
  };
  const known = await knownExternalIds(ctx, options.externalSource);
  const matched: Accepted[] = [];
  for (const row of read.accepted) {
    const id = row.externalId ? known.get(row.externalId) : undefined;
    if (id !== undefined) {
      decisions.set(row.seq, { outcome: 'update', contactId: id, pairs: [] });
    } else {
      matched.push(row);
    }
  }
  if (matched.length === 0) return decisions;

  const incoming = unpackPeople(read, matched);
  const existing = (await baseRecords(ctx, matched, incoming)).map(
    preparePerson,
  );
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
  const baseMerge = new Map<
    number,
    { contactId: number; score: number; pair: CandidatePair }
  >();
  const withinSame: CandidatePair[] = [];
  for (const pair of result.pairs) {
    const row = seqOf(pair.a);
    if (isRow(pair.b)) {
      if (pair.outcome === 'same' && rules.autoMergeOnImport) {
        withinSame.push(pair);
      } else {
        const later = Math.max(row, seqOf(pair.b));
        const earlier = Math.min(row, seqOf(pair.b));
        decisionFor(later).pairs.push({
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
      baseMerge.set(row, { contactId, score: pair.score, pair });
    } else {
      decisionFor(row).pairs.push({
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
        const decision = decisionFor(member);
        decision.outcome = 'review';
        if (merge) {
          decision.pairs.push({
            contactId: merge.contactId,
            score: merge.score,
            outcome: 'maybe',
            evidence: evidenceOf(merge.pair),
          });
        }
      }
      continue;
    }
    const [target] = [...targets];
    const head = members[0] as number;
    for (const member of members) {
      const decision = decisionFor(member);
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
    const decision = decisionFor(row);
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

/**
 * The rows as the dedup engine compares them, unpacked once the file is
 * read and its reader's memory given back. Their packed text is let go
 * here, not held by the caller while they are matched.
 */
function unpackPeople(read: ReadResult, rows: Accepted[]): PreparedPerson[] {
  const people = read.people as PackedPeople;
  read.people = null;

  return rows.map((row) => people.unpack(row.person, `r${row.seq}`));
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
  people: PreparedPerson[],
): Promise<PersonRecord[]> {
  if (rows.length > fewRows) return personRecords(ctx);
  const namePhonetics: string[] = [];
  const nameSounds: string[] = [];
  const nameWords: string[] = [];
  for (const row of rows) {
    for (const token of tokensOf('name', row.lastName)) {
      if (token.phonetic) namePhonetics.push(token.phonetic);
      if (token.sound) nameSounds.push(token.sound);
      // A surname of digits ("123") has no sound: found by itself.
      else if (/\d/.test(token.token)) nameWords.push(token.token);
    }
  }

  return candidateRecords(ctx, {
    emails: people.flatMap((person) => person.emails),
    phones: people.flatMap((person) =>
      person.phones.filter((phone) => phone.startsWith('+')),
    ),
    namePhonetics,
    nameSounds,
    nameWords,
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

/** Staged rows' JSON, by row id, read back for the rows whose preview adds to it. */
async function stagedTexts(
  ctx: Ctx,
  ids: number[],
  transaction: Transaction,
): Promise<Map<number, string>> {
  const texts = new Map<number, string>();
  for (let start = 0; start < ids.length; start += updateChunk) {
    const rows = await ctx.db.sequelize.query<{ id: number; data: string }>(
      'SELECT id, data FROM import_rows WHERE id IN (:ids)',
      {
        type: QueryTypes.SELECT,
        replacements: { ids: ids.slice(start, start + updateChunk) },
        transaction,
      },
    );
    for (const row of rows) texts.set(Number(row.id), row.data);
  }

  return texts;
}

/**
 * Folds each file duplicate into the row it merges into, in file order:
 * the head rows' new contents, by sequence number.
 */
async function foldDuplicates(
  ctx: Ctx,
  read: ReadResult,
  decisions: Map<number, Decision>,
  transaction: Transaction,
): Promise<Map<number, StagedData>> {
  const bySeq = new Map(read.accepted.map((row) => [row.seq, row]));
  const members = read.accepted.filter(
    (row) => decisions.get(row.seq)?.mergeInto !== undefined,
  );
  const headOf = (row: Accepted) =>
    bySeq.get(decisions.get(row.seq)?.mergeInto as number) as Accepted;
  const texts = await stagedTexts(
    ctx,
    [...new Set(members.flatMap((row) => [row.id, headOf(row).id]))],
    transaction,
  );
  const folded = new Map<number, StagedData>();
  for (const row of members) {
    const head = headOf(row);
    const kept =
      folded.get(head.seq) ??
      (JSON.parse(texts.get(head.id) as string) as StagedData);
    const added = JSON.parse(texts.get(row.id) as string) as StagedData;
    kept.input = mergeInputs(
      kept.input,
      added.input,
      {},
      { region: ctx.region },
    );
    kept.terms = [...(kept.terms ?? []), ...(added.terms ?? [])];
    if (added.phones && kept.phones?.region === added.phones.region) {
      kept.phones.e164 = { ...kept.phones.e164, ...added.phones.e164 };
    }
    kept.phones ??= added.phones;
    folded.set(head.seq, kept);
  }

  return folded;
}

/** Rows updated by one statement. */
const updateChunk = 200;

/**
 * Writes the preview over the rows staged while reading: each row's
 * outcome, the pairs it takes to the review queue (joined to its JSON), the
 * refused rows, then the summary. Rows that other rows of the file merge
 * into carry those rows' values already, so committing creates one
 * complete contact. Rows created as they are, most of a file, are not
 * written again.
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
  const decisionOf = (row: Accepted) => decisions.get(row.seq) ?? plainCreation;
  const { sequelize } = ctx.db;

  await sequelize.transaction(async (transaction: Transaction) => {
    await leanPageCache(sequelize, transaction);
    const folded = await foldDuplicates(ctx, read, decisions, transaction);
    const changed: Accepted[] = [];
    for (const row of read.accepted) {
      const decision = decisionOf(row);
      counts[decision.outcome]++;
      if (
        decision.outcome !== 'create' ||
        decision.pairs.length > 0 ||
        folded.has(row.seq) ||
        row.warnings
      )
        changed.push(row);
    }
    progress.phase('writing', changed.length + read.rejected.size);

    for (let start = 0; start < changed.length; start += updateChunk) {
      const rows = changed.slice(start, start + updateChunk);
      const updates = rows.map((row) => {
        const decision = decisionOf(row);
        const merged = decision.mergeInto
          ? bySeq.get(decision.mergeInto)
          : null;
        const values: Partial<Omit<Line, 'data'>> & {
          data?: string | JsonMembersAdded;
        } = {
          outcome: decision.outcome,
          contact_id: decision.contactId ?? null,
          merge_line: merged ? merged.line : null,
          score: decision.score ?? null,
        };
        const kept = folded.get(row.seq);
        const pairs = decision.pairs.map((pair) =>
          pair.row === undefined
            ? pair
            : { ...pair, line: bySeq.get(pair.row)?.line },
        );
        // The pairs join the row's JSON as its last member: in the database
        // for a row written while reading, whose text is not read back.
        const members =
          pairs.length === 0 ? null : `"pairs":${JSON.stringify(pairs)}`;
        if (kept) {
          const json = JSON.stringify(kept);
          values.data = members ? `${json.slice(0, -1)},${members}}` : json;
        } else if (members) {
          values.data = new JsonMembersAdded(members);
        }
        if (row.warnings) values.issues = JSON.stringify(row.warnings);

        return { id: row.id, values };
      });
      await updateRows(sequelize, 'import_rows', updates, transaction);
      progress.advance(start + rows.length);
    }

    const refused = [...read.rejected.values()].map((rejected): Line => ({
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
    }));
    counts.reject = refused.length;
    refused.sort((a, b) => a.line - b.line);
    await insertRows(
      sequelize,
      'import_rows',
      lineColumns,
      refused,
      transaction,
    );
  });

  const pairs = [...decisions.values()].flatMap((d) => d.pairs);

  return {
    totalRows: read.accepted.length + read.rejected.size,
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
