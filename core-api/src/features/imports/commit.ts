import { Op, QueryTypes, type Transaction } from 'sequelize';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import { escaperOf, insertTuples } from '../../platform/db/bulk-insert.ts';
import { dialectOf } from '../../platform/db/database.ts';
import type { ImportBatchRow, ImportRowRow } from '../../platform/db/models.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { inputOf, presentContact } from '../contacts/contacts.presenter.ts';
import type {
  ContactDto,
  ContactInputParsed,
} from '../contacts/contacts.schemas.ts';
import {
  insertContacts,
  loadContact,
  updateContact,
  type Provenance,
} from '../contacts/contacts.service.ts';
import { mergeInputs } from '../duplicates/contact-merge.ts';
import type { MergeRules } from '../duplicates/duplicates.schemas.ts';
import {
  fieldChoicesByRules,
  getMergeRules,
} from '../duplicates/merge-rules.ts';
import { outletKey } from '../dedup/index.ts';
import { loadWithSearchIndexesAside } from '../search/search-index.ts';
import { resolveTermPaths } from '../taxonomy/taxonomy.service.ts';
import { feedAffiliations, parisToday } from './feed-affiliations.ts';
import { importProgress, type ProgressHandle } from './import-progress.ts';
import {
  importThreadSettings,
  runOnThread,
  threadDatabase,
} from './import-thread.ts';
import { leanPageCache } from './page-cache.ts';
import type { CommitReport, StageOptions } from './imports.schemas.ts';
import {
  failureReason,
  notStaged,
  rememberPhones,
  type StagedData,
  type StagedPair,
} from './staged-data.ts';

/** Rows read and written at a time. */
const chunkSize = 500;

/** What an import changed in a contact it merged into or updated, for undo. */
export type BeforeCommit = { contact: ContactDto; versionAfter: number };

/** Lets a test stop a commit midway, as a crash would. */
export type CommitHooks = { afterChunk?: (done: number) => void };

/**
 * Applies a staged batch to the base in one transaction: its new contacts
 * are created, rows that are existing contacts merge into them under the
 * survivorship rules, a feed's known records are updated, pairs to review
 * are queued, and, for a feed, its records missing from this run are
 * deactivated. Either all of it lands or none of it: a failure leaves the
 * base as it was and the batch staged, with the reason.
 */
export async function commitImport(
  ctx: Ctx,
  batchId: number,
  hooks: CommitHooks = {},
): Promise<CommitReport> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  const { ImportBatch } = ctx.db.models;
  const batch = await ImportBatch.findByPk(batchId);
  if (!batch) throw notFound('Import', batchId);
  // Claimed by a conditional update: two commits of one batch cannot both run.
  // A batch's `updatedAt` is when its preview was made (`refuseIfStale`): a
  // claim or its release is silent, or a refused stale preview would pass on
  // the next click. Only a reading of the file moves it.
  const [claimed] = await ImportBatch.update(
    { status: 'committing', phase: 'committing', error: null },
    { where: { id: batchId, status: 'staged' }, silent: true },
  );
  if (claimed === 0) throw notStaged(batch);
  try {
    await refuseIfStale(ctx, batch);
  } catch (error) {
    await ImportBatch.update(
      { status: 'staged', phase: null },
      { where: { id: batchId }, silent: true },
    );
    throw error;
  }

  const started = performance.now();
  const progress = importProgress.start(batchId, 'committing', batch.totalRows);
  // A large batch is committed on a thread of its own (`import-thread.ts`);
  // a test's hooks stay on the calling thread.
  const database = hooks.afterChunk
    ? null
    : threadDatabase(ctx, batch.totalRows, importThreadSettings.minRows);
  try {
    const report = database
      ? await runOnThread<CommitReport>(
          ctx,
          database,
          { kind: 'commit', batchId },
          progress,
        )
      : await ctx.db.sequelize.transaction((transaction) =>
          applyBatch(ctx, batch, transaction, progress, hooks),
        );
    report.tookMs = Math.round(performance.now() - started);
    await ImportBatch.update(
      { report: JSON.stringify(report) },
      { where: { id: batchId } },
    );
    ctx.log.info(
      {
        batchId,
        created: report.created,
        merged: report.merged,
        updated: report.updated,
        tookMs: report.tookMs,
      },
      'import.batch.committed',
    );
    if (report.created >= 1000) await refreshStatistics(ctx);

    return report;
  } catch (error) {
    const reason = failureReason(error, {
      fr: 'validation interrompue par une erreur inattendue : rien n’a été importé',
      en: 'commit stopped by an unexpected error: nothing was imported',
    });
    ctx.log.error(
      { batchId, err: error instanceof AppError ? undefined : error },
      'import.batch.commit_failed',
    );
    await ImportBatch.update(
      { status: 'staged', phase: null, error: JSON.stringify(reason) },
      { where: { id: batchId }, silent: true },
    );
    throw error;
  } finally {
    importProgress.end(batchId);
  }
}

/**
 * Applies a claimed batch in one transaction on the calling thread: what a
 * large commit's own thread runs. Returns the commit's report.
 */
export async function commitHere(
  ctx: Ctx,
  batchId: number,
): Promise<CommitReport> {
  const batch = await ctx.db.models.ImportBatch.findByPk(batchId);
  if (!batch) throw notFound('Import', batchId);
  const progress = importProgress.start(batchId, 'committing', batch.totalRows);
  try {
    return await ctx.db.sequelize.transaction((transaction) =>
      applyBatch(ctx, batch, transaction, progress, {}),
    );
  } finally {
    importProgress.end(batchId);
  }
}

/**
 * A preview is only true of the base it was made against: once another
 * import or a merge changed the base, its rows may create what now exists.
 * The person reads the file again (same choices) and commits the new preview.
 */
async function refuseIfStale(ctx: Ctx, batch: ImportBatchRow): Promise<void> {
  const since = { [Op.gt]: batch.updatedAt };
  const imports = await ctx.db.models.ImportBatch.count({
    where: {
      id: { [Op.ne]: batch.id },
      status: ['committed', 'undone'],
      updatedAt: since,
    },
  });
  const merges = await ctx.db.models.ContactMerge.count({
    where: { [Op.or]: [{ createdAt: since }, { updatedAt: since }] },
  });
  if (imports + merges === 0) return;
  throw new AppError('CONFLICT', {
    fr:
      'La base a changé depuis l’aperçu (un autre import ou une fusion) : ' +
      'relisez le fichier pour un aperçu à jour, puis validez.',
    en:
      'The base changed since the preview (another import or a merge): ' +
      'read the file again for an up-to-date preview, then commit.',
  });
}

/**
 * After a large import the planner's picture of the tables is stale: without
 * fresh statistics PostgreSQL may scan the search index instead of seeking.
 * SQL Server updates its statistics itself.
 */
async function refreshStatistics(ctx: Ctx): Promise<void> {
  const dialect = dialectOf(ctx.db.sequelize);
  if (dialect === 'postgres') {
    await ctx.db.sequelize.query(
      'ANALYZE search_tokens, contacts, contact_companies, companies',
    );
  } else if (dialect === 'sqlite') {
    await ctx.db.sequelize.query('PRAGMA optimize');
  }
}

/** A staged row as the commit reads it. */
type StagedRow = {
  id: number;
  line: number;
  outcome: ImportRowRow['outcome'];
  contactId: number | null;
  externalId: string | null;
  data: string | null;
};

/**
 * The staged rows of some outcomes, in file order, a chunk at a time, read
 * as plain rows: a model instance per row costs more than the row.
 */
async function* stagedRows(
  ctx: Ctx,
  batchId: number,
  outcomes: ImportRowRow['outcome'][],
  transaction: Transaction,
): AsyncGenerator<StagedRow[]> {
  const { sequelize } = ctx.db;
  const limit = dialectOf(sequelize) === 'mssql' ? `TOP (${chunkSize})` : '';
  const tail = limit ? '' : ` LIMIT ${chunkSize}`;
  let after = 0;
  for (;;) {
    const rows = await sequelize.query<StagedRow>(
      `SELECT ${limit} id, line, outcome, contact_id AS "contactId", ` +
        'external_id AS "externalId", data FROM import_rows ' +
        'WHERE batch_id = :batchId AND outcome IN (:outcomes) AND id > :after ' +
        `ORDER BY id${tail}`,
      {
        type: QueryTypes.SELECT,
        replacements: { batchId, outcomes, after },
        transaction,
      },
    );
    if (rows.length === 0) return;
    yield rows;
    after = Number((rows[rows.length - 1] as StagedRow).id);
  }
}

async function applyBatch(
  ctx: Ctx,
  batch: ImportBatchRow,
  transaction: Transaction,
  progress: ProgressHandle,
  hooks: CommitHooks,
): Promise<CommitReport> {
  const { Company, ImportBatch, ImportFile, ImportRow } = ctx.db.models;
  await leanPageCache(ctx.db.sequelize, transaction);
  const options = JSON.parse(batch.options) as StageOptions;
  const audit = await recordAudit(
    ctx,
    {
      action: 'import',
      entityType: 'import_batch',
      entityId: batch.id,
      summary: batch.fileName,
    },
    transaction,
  );
  const provenance: Provenance = {
    source: `import #${batch.id} (${batch.fileName})`.slice(0, 300),
    importBatchId: batch.id,
  };
  const report: CommitReport = {
    batchId: batch.id,
    created: 0,
    updated: 0,
    merged: 0,
    queuedForReview: 0,
    rejected: batch.rejectedCount,
    deactivated: 0,
    companiesCreated: 0,
    tookMs: 0,
  };
  const companiesBefore = await Company.count({ transaction });
  const companyCache = new Map<string, number>();
  const termCache = new Map<string, number>();
  // The terms this batch brings into the taxonomy: its undo takes them back.
  const createdTermIds: number[] = [];
  const idOfRow = new Map<number, number>();
  const pairs: QueuedPair[] = [];
  // What queuing a row's pairs needs, kept until every row has its contact;
  // the evidence as the text the queue stores, the smallest it gets.
  const pending: {
    seq: number;
    pairs: (Pick<StagedPair, 'contactId' | 'row' | 'score' | 'outcome'> & {
      evidence: string;
    })[];
  }[] = [];
  let done = 0;

  const withTerms = async (staged: StagedData[]) => {
    const termIds = await resolveTermPaths(
      ctx,
      staged.flatMap((item) => item.terms ?? []),
      transaction,
      termCache,
      createdTermIds,
    );
    let cursor = 0;

    return staged.map((item) => {
      const count = item.terms?.length ?? 0;
      const ids = termIds
        .slice(cursor, cursor + count)
        .filter((id): id is number => id !== null);
      cursor += count;

      return {
        ...item.input,
        termIds: [...new Set([...item.input.termIds, ...ids])],
      };
    });
  };

  // New contacts first, a chunk at a time; into a small base, search
  // indexes are built once after them.
  const createAll = async () => {
    for await (const rows of stagedRows(
      ctx,
      batch.id,
      ['create', 'review'],
      transaction,
    )) {
      const staged = rows.map(
        (row) => JSON.parse(row.data ?? '{}') as StagedData,
      );
      for (const item of staged) rememberPhones(item, ctx.region);
      const inputs = await withTerms(staged);
      const ids = await insertContacts(
        ctx,
        inputs,
        provenance,
        transaction,
        companyCache,
      );
      staged.forEach((item, index) => {
        idOfRow.set(item.seq, ids[index] as number);
        if (item.pairs) {
          pending.push({
            seq: item.seq,
            pairs: item.pairs.map((pair) => ({
              contactId: pair.contactId,
              row: pair.row,
              score: pair.score,
              outcome: pair.outcome,
              evidence: JSON.stringify(pair.evidence),
            })),
          });
        }
      });
      if (options.externalSource) {
        await keepExternalIds(
          ctx,
          options.externalSource,
          rows,
          ids,
          transaction,
        );
      }
      report.created += rows.length;
      done += rows.length;
      progress.advance(done);
      hooks.afterChunk?.(done);
    }
  };
  const creating = await ImportRow.count({
    where: { batchId: batch.id, outcome: ['create', 'review'] },
    transaction,
  });
  await loadWithSearchIndexesAside(
    ctx.db.sequelize,
    creating,
    transaction,
    createAll,
  );

  const rules = (await getMergeRules(ctx, transaction)).rules;
  for await (const rows of stagedRows(
    ctx,
    batch.id,
    ['merge', 'update'],
    transaction,
  )) {
    for (const row of rows) {
      done++;
      // Folded into an earlier row of the file at staging: already in its contact.
      if (row.contactId === null) {
        report.merged++;
        continue;
      }
      const staged = JSON.parse(row.data ?? '{}') as StagedData;
      rememberPhones(staged, ctx.region);
      const [input] = await withTerms([staged]);
      const before = await applyToContact(
        ctx,
        row,
        input as ContactInputParsed,
        { provenance, rules, options },
        transaction,
      );
      if (before) {
        await ImportRow.update(
          { beforeData: JSON.stringify(before) },
          { where: { id: row.id }, transaction },
        );
      }
      if (row.outcome === 'merge') report.merged++;
      else report.updated++;
    }
    progress.advance(done);
    hooks.afterChunk?.(done);
  }

  for (const item of pending) {
    const id = idOfRow.get(item.seq) as number;
    for (const pair of item.pairs) {
      const other =
        pair.contactId ??
        (pair.row === undefined ? undefined : idOfRow.get(pair.row));
      if (other === undefined) continue;
      const { score, outcome, evidence } = pair;
      pairs.push({ a: id, b: other, score, outcome, evidence });
    }
  }
  report.queuedForReview = await queuePairs(ctx, pairs, transaction);

  let deactivatedIds: number[] = [];
  if (options.externalSource && options.deactivateMissing) {
    deactivatedIds = await deactivateMissing(
      ctx,
      batch.id,
      options.externalSource,
      transaction,
    );
    report.deactivated = deactivatedIds.length;
  }
  report.companiesCreated =
    (await Company.count({ transaction })) - companiesBefore;

  await ImportBatch.update(
    {
      status: 'committed',
      phase: null,
      createdCount: report.created,
      committedAt: new Date(),
      auditEventId: Number(audit.id),
      report: JSON.stringify(report),
      options: JSON.stringify({ ...options, deactivatedIds, createdTermIds }),
    },
    { where: { id: batch.id }, transaction },
  );
  await ImportFile.destroy({ where: { batchId: batch.id }, transaction });
  await audit.update(
    {
      afterData: JSON.stringify({
        created: report.created,
        merged: report.merged,
        updated: report.updated,
        rejected: report.rejected,
        deactivated: report.deactivated,
      }),
    },
    { transaction },
  );

  return report;
}

/**
 * A row's companies written as the contact's own when they name the same
 * outlet ("LE MONDE SA" is the contact's "Le Monde"), so a merge does not
 * link one person twice to one company.
 */
function alignCompanies(
  contact: ContactDto,
  input: ContactInputParsed,
): ContactInputParsed {
  const byOutlet = new Map(
    contact.affiliations.map((a) => [outletKey(a.company.name), a.company.id]),
  );

  return {
    ...input,
    affiliations: input.affiliations.map((affiliation) => {
      const id = affiliation.companyName
        ? byOutlet.get(outletKey(affiliation.companyName))
        : undefined;

      return id === undefined || affiliation.companyId
        ? affiliation
        : { ...affiliation, companyId: id, companyName: null };
    }),
  };
}

/**
 * Merges a row into the contact it is (the contact survives; each field
 * follows the survivorship rules, every email, phone, company and term is
 * kept), or updates a feed's record from its new version (the feed's values
 * win, the contact's extra emails and phones stay). Returns the contact as
 * it was, for undo, or null when the row changed nothing.
 */
async function applyToContact(
  ctx: Ctx,
  row: StagedRow,
  input: ContactInputParsed,
  context: { provenance: Provenance; rules: MergeRules; options: StageOptions },
  transaction: Transaction,
): Promise<BeforeCommit | null> {
  const id = row.contactId as number;
  const contact = presentContact(
    await loadContact(ctx, id, { transaction }),
    ctx.region,
  );
  const incoming = alignCompanies(contact, input);
  let next: ContactInputParsed;
  if (row.outcome === 'update') {
    // The feed is the source of this record: its values come first, and a
    // company it no longer names is ended, not kept current.
    const feed = feedAffiliations(contact, incoming, parisToday());
    next = mergeInputs(
      feed.incoming,
      feed.current,
      {},
      { region: ctx.region, otherId: contact.id },
    );
  } else {
    const now = new Date().toISOString();
    const choices = fieldChoicesByRules(context.rules, contact, {
      ...incoming,
      id: 0,
      origin: incoming.origin ?? null,
      updatedAt: now,
      fieldSources: {},
    });
    next = mergeInputs(inputOf(contact), incoming, choices, {
      region: ctx.region,
    });
    // A row that brings nothing new (the same file imported again) changes
    // nothing: no new version, nothing to undo.
    const unchanged = mergeInputs(
      inputOf(contact),
      inputOf(contact),
      {},
      {
        region: ctx.region,
      },
    );
    if (comparable(next) === comparable(unchanged)) return null;
  }
  const after = await updateContact(
    ctx,
    id,
    { ...next, version: contact.version },
    transaction,
    context.provenance,
  );
  if (row.outcome === 'update') {
    await ctx.db.models.Contact.update(
      { deactivatedAt: null },
      { where: { id }, transaction },
    );
  }

  return { contact, versionAfter: after.version };
}

/** An input as text, an absent value and an empty one alike. */
const comparable = (input: ContactInputParsed) =>
  JSON.stringify(input, (_key, value: unknown) => value ?? null);

/** Created contacts keep the id their source gives them. */
async function keepExternalIds(
  ctx: Ctx,
  source: string,
  rows: StagedRow[],
  ids: number[],
  transaction: Transaction,
): Promise<void> {
  for (const [index, row] of rows.entries()) {
    if (!row.externalId) continue;
    await ctx.db.models.Contact.update(
      { externalSource: source, externalId: row.externalId },
      { where: { id: ids[index] as number }, transaction },
    );
  }
}

/** A pair for the review queue, its evidence as stored. */
type QueuedPair = {
  a: number;
  b: number;
  score: number;
  outcome: string;
  evidence: string;
};

const pairColumns = [
  'contact_a_id',
  'contact_b_id',
  'score',
  'outcome',
  'evidence',
  'status',
  'created_at',
  'updated_at',
] as const;

async function queuePairs(
  ctx: Ctx,
  pairs: QueuedPair[],
  transaction: Transaction,
): Promise<number> {
  const now = new Date();
  const seen = new Set<string>();
  let rows = pairs.flatMap((pair) => {
    const [a, b] = [pair.a, pair.b].sort((x, y) => x - y) as [number, number];
    const key = `${a}:${b}`;
    if (a === b || seen.has(key)) return [];
    seen.add(key);

    return [
      {
        contact_a_id: a,
        contact_b_id: b,
        score: pair.score,
        outcome: pair.outcome,
        evidence: pair.evidence,
        status: 'pending',
        created_at: now,
        updated_at: now,
      },
    ];
  });
  // A contact of the base deleted since the preview gets no pair.
  const named = [
    ...new Set(rows.flatMap((r) => [r.contact_a_id, r.contact_b_id])),
  ];
  const live = new Set<number>();
  for (let start = 0; start < named.length; start += 1000) {
    const found = await ctx.db.models.Contact.findAll({
      where: { id: named.slice(start, start + 1000) },
      attributes: ['id'],
      transaction,
    });
    for (const contact of found) live.add(contact.id);
  }
  rows = rows.filter(
    (row) => live.has(row.contact_a_id) && live.has(row.contact_b_id),
  );
  // As the rows' tuples, the time escaped once: Sequelize's `bulkInsert`
  // escaped it twice a row, a quarter of a second for 23,000 pairs.
  const escape = escaperOf(ctx.db.sequelize);
  const at = escape(now);
  await insertTuples(
    ctx.db.sequelize,
    'duplicate_pairs',
    pairColumns,
    rows.map(
      (row) =>
        `(${row.contact_a_id},${row.contact_b_id},${escape(row.score)},` +
        `${escape(row.outcome)},${escape(row.evidence)},` +
        `${escape(row.status)},${at},${at})`,
    ),
    transaction,
  );

  return rows.length;
}

/** Below this many records to deactivate, a feed run is not second-guessed. */
const minimumToCheck = 20;

/**
 * A feed's contacts that this run no longer carries: deactivated (kept,
 * with their history, out of targets), never deleted; refused when that
 * would be more than half of the source's records. Returns their ids.
 */
async function deactivateMissing(
  ctx: Ctx,
  batchId: number,
  source: string,
  transaction: Transaction,
): Promise<number[]> {
  const missing = await ctx.db.sequelize.query<{ id: number }>(
    'SELECT c.id FROM contacts c WHERE c.external_source = :source ' +
      'AND c.deleted_at IS NULL AND c.deactivated_at IS NULL ' +
      'AND c.external_id IS NOT NULL AND NOT EXISTS (' +
      'SELECT 1 FROM import_rows r WHERE r.batch_id = :batchId ' +
      'AND r.external_id = c.external_id)',
    {
      type: QueryTypes.SELECT,
      replacements: { source, batchId },
      transaction,
    },
  );
  const ids = missing.map((row) => Number(row.id));
  // A feed that suddenly carries less than half of its records is more
  // likely broken (a truncated export, a filter left on) than right.
  const [{ active } = { active: 0 }] = await ctx.db.sequelize.query<{
    active: number;
  }>(
    'SELECT COUNT(*) AS active FROM contacts WHERE external_source = :source ' +
      'AND deleted_at IS NULL AND deactivated_at IS NULL',
    { type: QueryTypes.SELECT, replacements: { source }, transaction },
  );
  if (ids.length >= minimumToCheck && ids.length * 2 > Number(active)) {
    throw new AppError('CONFLICT', {
      fr:
        `Ce fichier ne porte plus ${ids.length} des ${active} fiches de la ` +
        'source : désactivation refusée, rien n’a été importé. Vérifiez la source.',
      en:
        `This file no longer carries ${ids.length} of the source's ${active} ` +
        'records: deactivation refused, nothing was imported. Check the source.',
    });
  }
  for (let start = 0; start < ids.length; start += 500) {
    await ctx.db.models.Contact.update(
      { deactivatedAt: new Date() },
      { where: { id: ids.slice(start, start + 500) }, transaction },
    );
  }

  return ids;
}
