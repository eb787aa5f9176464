import { Op } from 'sequelize';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import type { ImportBatchRow } from '../../platform/db/models.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import { commitImport } from './commit.ts';
import { importProgress } from './import-progress.ts';
import {
  commitReport,
  stagedSummary,
  type ImportBatchDto,
  type ImportIssue,
  type ImportReport,
  type StageOptions,
} from './imports.schemas.ts';
import { rowPreviewer } from './row-preview.ts';
import { notStaged, stageImport, type StagedData } from './staging.ts';
import type { ImportFormat } from './readers/index.ts';

/** A file to import in one step, with how to read it. */
export type ImportRequest = StageOptions & {
  fileName: string;
  data: Buffer;
  format?: ImportFormat;
  /** Read and match only: the batch is discarded once its preview is made. */
  dryRun?: boolean;
};

/**
 * Imports a file in one step: staged, then committed at once (scripts, the
 * CLI, feeds), or only staged and discarded for a dry run. Returns what was
 * read and, when committed, what the commit did.
 */
export async function importFile(
  ctx: Ctx,
  request: ImportRequest,
): Promise<ImportReport> {
  const started = performance.now();
  const { dryRun, ...staging } = request;
  const batch = await stageImport(ctx, staging, { wait: true }).catch(
    async (error: unknown) => {
      // A one-step import that could not read its file leaves no batch.
      await removeFailedBatches(ctx, request.fileName);
      throw error;
    },
  );
  const preview = stagedSummary.parse(JSON.parse(batch.report));
  const committed = dryRun ? null : await commitImport(ctx, batch.id);
  if (dryRun) await discardImport(ctx, batch.id);

  return {
    batchId: dryRun ? null : batch.id,
    fileName: batch.fileName,
    format: batch.format,
    dryRun: dryRun ?? false,
    totalRows: preview.totalRows,
    counts: preview.counts,
    created: committed?.created ?? 0,
    merged: committed?.merged ?? 0,
    updated: committed?.updated ?? 0,
    queuedForReview: committed?.queuedForReview ?? 0,
    rejected: preview.counts.reject,
    warnings: preview.warnings,
    deactivated: committed?.deactivated ?? 0,
    companiesCreated: committed?.companiesCreated ?? 0,
    issues: preview.issues,
    issuesTruncated: preview.issuesTruncated,
    duplicates: preview.duplicates,
    mappings: preview.mappings,
    tookMs: Math.round(performance.now() - started),
  };
}

/** Removes the failed batches of a file the caller just tried to read. */
export async function removeFailedBatches(
  ctx: Ctx,
  fileName: string,
): Promise<void> {
  const { ImportBatch, ImportFile } = ctx.db.models;
  const failed = await ImportBatch.findAll({
    where: {
      status: 'failed',
      fileName: fileName.slice(0, 300),
      createdById: ctx.actor.id,
    },
    attributes: ['id'],
  });
  const ids = failed.map((batch) => batch.id);
  if (ids.length === 0) return;
  await ctx.db.sequelize.transaction(async (transaction) => {
    await ImportFile.destroy({ where: { batchId: ids }, transaction });
    await ImportBatch.destroy({ where: { id: ids }, transaction });
  });
}

/** A batch as the API shows it, with its live progress while it runs. */
export function presentBatch(batch: ImportBatchRow): ImportBatchDto {
  const live = importProgress.of(batch.id);
  const report = JSON.parse(batch.report || '{}') as Record<string, unknown>;
  const preview = stagedSummary.safeParse(report);
  const {
    deactivatedIds: _ids,
    createdTermIds: _terms,
    ...options
  } = JSON.parse(batch.options || '{}') as StageOptions & {
    deactivatedIds?: number[];
    createdTermIds?: number[];
  };
  const committed = batch.status === 'committed' || batch.status === 'undone';

  return {
    id: batch.id,
    fileName: batch.fileName,
    format: batch.format,
    status: batch.status,
    phase: live?.phase ?? batch.phase ?? null,
    progress: {
      done: live?.done ?? batch.progressDone,
      total: live?.total ?? batch.progressTotal,
    },
    totalRows: batch.totalRows,
    createdCount: batch.createdCount,
    rejectedCount: batch.rejectedCount,
    options,
    createdAt: batch.createdAt.toISOString(),
    committedAt: batch.committedAt?.toISOString() ?? null,
    error: batch.error
      ? (JSON.parse(batch.error) as { fr: string; en: string })
      : null,
    preview: preview.success && !committed ? preview.data : null,
    // Imports of the first releases kept another report: shown without one.
    result: committed ? (commitReport.safeParse(report).data ?? null) : null,
  };
}

/** One batch, with its progress and preview. */
export async function getImport(
  ctx: Ctx,
  batchId: number,
): Promise<ImportBatchDto> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  const batch = await ctx.db.models.ImportBatch.findByPk(batchId);
  if (!batch) throw notFound('Import', batchId);
  return presentBatch(batch);
}

/** The import batches, newest first, a page at a time, with their total. */
export async function listImports(
  ctx: Ctx,
  query: { page: number; pageSize: number },
): Promise<{
  items: ImportBatchDto[];
  total: number;
  page: number;
  pageSize: number;
}> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  const { rows, count } = await ctx.db.models.ImportBatch.findAndCountAll({
    where: { status: { [Op.ne]: 'discarded' } },
    order: [['id', 'DESC']],
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });

  return {
    items: rows.map(presentBatch),
    total: count,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Drops a staged batch: its rows and its file go, the base never changed. */
export async function discardImport(ctx: Ctx, batchId: number): Promise<void> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  const { ImportBatch, ImportRow, ImportFile } = ctx.db.models;
  await ctx.db.sequelize.transaction(async (transaction) => {
    const batch = await ImportBatch.findByPk(batchId, { transaction });
    if (!batch) throw notFound('Import', batchId);
    if (batch.status !== 'staged' && batch.status !== 'failed') {
      throw notStaged(batch);
    }
    await ImportRow.destroy({ where: { batchId }, transaction });
    await ImportFile.destroy({ where: { batchId }, transaction });
    await batch.update({ status: 'discarded', phase: null }, { transaction });
  });
  ctx.log.info({ batchId }, 'import.batch.discarded');
}

/** A staged row's contact, said briefly: name, organisation, email. */
export function labelOf(data: StagedData | null): string {
  if (!data) return '';
  const input = data.input;
  const name = [input.firstName, input.lastName].filter(Boolean).join(' ');
  const organisation = input.affiliations[0]?.companyName;
  const email = input.emails[0]?.address;

  return [name, organisation, email].filter(Boolean).join(' · ');
}

/** The staged rows of a batch, in file order, filtered by outcome. */
export async function listImportRows(
  ctx: Ctx,
  batchId: number,
  query: { outcome?: string; page: number; pageSize: number },
) {
  if (!isAdmin(ctx.actor)) throw forbidden();
  const { ImportBatch, ImportRow } = ctx.db.models;
  const batch = await ImportBatch.findByPk(batchId);
  if (!batch) throw notFound('Import', batchId);
  const where = {
    batchId,
    ...(query.outcome ? { outcome: query.outcome } : {}),
  };
  const { rows, count } = await ImportRow.findAndCountAll({
    where,
    order: [
      ['line', 'ASC'],
      ['id', 'ASC'],
    ],
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const items = rows.map((row) => ({
    row,
    data: row.data ? (JSON.parse(row.data) as StagedData) : null,
  }));
  const preview = await rowPreviewer(ctx);

  return {
    total: count,
    page: query.page,
    pageSize: query.pageSize,
    items: items.map(({ row, data }) => {
      const shown = data ? preview(data) : null;

      return {
        line: row.line,
        sheet: row.sheet,
        outcome: row.outcome,
        contactId: row.contactId,
        mergeLine: row.mergeLine,
        score: row.score,
        externalId: row.externalId,
        label: labelOf(data),
        contact: shown?.contact ?? null,
        phones: shown?.phones ?? [],
        terms: shown?.terms ?? [],
        issues: row.issues ? (JSON.parse(row.issues) as ImportIssue[]) : [],
        pairs: (data?.pairs ?? []).map((pair) => ({
          ...(pair.contactId === undefined
            ? {}
            : { contactId: pair.contactId }),
          ...(pair.line === undefined ? {} : { line: pair.line }),
          score: pair.score,
          outcome: pair.outcome,
        })),
      };
    }),
  };
}
