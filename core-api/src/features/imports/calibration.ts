import { Op } from 'sequelize';
import type { z } from 'zod';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import type { ImportBatchRow } from '../../platform/db/models.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import {
  calibrationReport,
  stagedSummary,
  type ImportIssue,
} from './imports.schemas.ts';
import { labelOf } from './imports.service.ts';
import { duplicateColumn, type StagedData } from './staging.ts';

export type CalibrationReport = z.infer<typeof calibrationReport>;

/** A reason without the line it names, so one fault on many lines counts once. */
const generic = (reason: string) =>
  reason
    .replace(
      /^(Feuille « [^»]* », ligne|Ligne|Sheet "[^"]*", row|Line) \d+ ?: /,
      '',
    )
    .replace(/« [^»]* »|"[^"]*"/g, '…');

/**
 * Why a batch has no preview to calibrate: the reason its file could not be
 * read, or the state it is in (still reading, committed...).
 */
function noCalibration(batch: ImportBatchRow): AppError {
  if (batch.status === 'failed' && batch.error) {
    const reason = JSON.parse(batch.error) as { fr: string; en: string };

    return new AppError('IMPORT_FILE_INVALID', {
      fr: `L’import ${batch.id} a échoué, il n’a pas de rapport de calibrage : ${reason.fr}`,
      en: `Import ${batch.id} failed and has no calibration report: ${reason.en}`,
    });
  }

  return new AppError('CONFLICT', {
    fr: `L’import ${batch.id} n’a pas d’aperçu à calibrer (état : ${batch.status}).`,
    en: `Import ${batch.id} has no preview to calibrate (status: ${batch.status}).`,
  });
}

/**
 * What calibrating a migration needs from a staged file (R8): counts by
 * outcome, the most frequent errors, the clusters of rows that are one
 * person, and the columns left unmapped.
 *
 * @param limit how many errors and clusters to list
 */
export async function calibrate(
  ctx: Ctx,
  batchId: number,
  limit = 20,
): Promise<CalibrationReport> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  const { ImportBatch, ImportRow } = ctx.db.models;
  const batch = await ImportBatch.findByPk(batchId);
  if (!batch) throw notFound('Import', batchId);
  const summary = stagedSummary.safeParse(JSON.parse(batch.report || '{}'));
  if (!summary.success) throw noCalibration(batch);

  const errors = new Map<string, CalibrationReport['topErrors'][number]>();
  const clusters = new Map<string, CalibrationReport['clusters'][number]>();
  type Cluster = CalibrationReport['clusters'][number];
  const whoByLine = new Map<string, Cluster['rows'][number]>();
  const lastSheet = new Map<Cluster, string>();
  let after = 0;
  for (;;) {
    const rows = await ImportRow.findAll({
      where: { batchId, id: { [Op.gt]: after } },
      order: [['id', 'ASC']],
      limit: 1000,
    });
    if (rows.length === 0) break;
    after = rows[rows.length - 1]?.id ?? after;
    for (const row of rows) {
      for (const issue of JSON.parse(row.issues ?? '[]') as ImportIssue[]) {
        const reason = generic(issue.reason);
        const key = `${issue.severity}\u0000${issue.field ?? ''}\u0000${reason}`;
        const entry = errors.get(key) ?? {
          field: issue.field ?? null,
          reason,
          reasonEn: generic(issue.reasonEn),
          severity: issue.severity,
          count: 0,
          lines: [],
        };
        entry.count++;
        if (entry.lines.length < 5) entry.lines.push(row.line);
        errors.set(key, entry);
      }
      const data = row.data ? (JSON.parse(row.data) as StagedData) : null;
      whoByLine.set(`${row.sheet ?? ''}:${row.line}`, {
        line: row.line,
        sheet: row.sheet,
        label: labelOf(data),
      });
      if (row.outcome === 'merge') {
        const key =
          row.contactId !== null
            ? `c${row.contactId}`
            : `l${row.sheet ?? ''}:${row.mergeLine}`;
        const cluster = clusters.get(key) ?? {
          lines: row.mergeLine === null ? [] : [row.mergeLine],
          rows: [],
          contactId: row.contactId,
          outcome: 'merge' as const,
        };
        cluster.lines.push(row.line);
        clusters.set(key, cluster);
        lastSheet.set(cluster, row.sheet ?? '');
      } else if (row.outcome === 'review' && data?.pairs) {
        for (const pair of data.pairs) {
          const key =
            pair.contactId !== undefined
              ? `r${row.line}:c${pair.contactId}`
              : `r${row.line}:l${pair.line}`;
          const cluster: Cluster = {
            lines: pair.line === undefined ? [row.line] : [pair.line, row.line],
            rows: [],
            contactId: pair.contactId ?? null,
            outcome: 'review',
          };
          clusters.set(key, cluster);
          lastSheet.set(cluster, row.sheet ?? '');
        }
      }
    }
  }

  return {
    batchId,
    fileName: batch.fileName,
    totalRows: summary.data.totalRows,
    counts: summary.data.counts,
    topErrors: [...errors.values()]
      .sort((a, b) => b.count - a.count)
      .slice(0, limit),
    clusters: [...clusters.values()]
      .sort((a, b) => b.lines.length - a.lines.length)
      .slice(0, limit)
      .map((cluster) => {
        // A cluster's rows are read from one sheet, that of its last line.
        const sheet = lastSheet.get(cluster) ?? '';

        return {
          ...cluster,
          rows: cluster.lines.map(
            (line) =>
              whoByLine.get(`${sheet}:${line}`) ?? {
                line,
                sheet: sheet || null,
                label: '',
              },
          ),
        };
      }),
    unmapped: summary.data.mappings.flatMap((mapping) =>
      mapping.columns
        .filter((column) => column.key === null)
        .map((column) => {
          const duplicate = mapping.duplicates?.find(
            (candidate) => candidate.index === column.index,
          );
          const why = duplicate
            ? duplicateColumn(batch.fileName, mapping, duplicate)
            : null;

          return {
            sheet: mapping.sheet ?? null,
            header: column.header,
            ...(why ? { reason: why.reason, reasonEn: why.reasonEn } : {}),
          };
        }),
    ),
  };
}
