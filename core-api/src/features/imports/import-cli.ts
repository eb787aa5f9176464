import type { Ctx } from '../../platform/context.ts';
import { calibrate, type CalibrationReport } from './calibration.ts';
import { stageQuery, type ImportReport } from './imports.schemas.ts';
import { discardImport, removeFailedBatches } from './imports.service.ts';
import { stageImport, type StageRequest } from './staging.ts';

/** What `relais import` takes besides the file: checked by the API's rules. */
export const importCliOptions = stageQuery.pick({
  fileName: true,
  profileId: true,
  sheet: true,
});

/**
 * Reads and matches a file as an import would, reports what calibration
 * needs, and keeps nothing (R8).
 */
export async function dryRun(
  ctx: Ctx,
  request: StageRequest,
): Promise<CalibrationReport> {
  const batch = await stageImport(ctx, request, { wait: true }).catch(
    async (error: unknown) => {
      // A file that could not be read leaves no batch behind either.
      await removeFailedBatches(ctx, request.fileName);
      throw error;
    },
  );
  try {
    return await calibrate(ctx, batch.id);
  } finally {
    await discardImport(ctx, batch.id);
  }
}

const outcomeLabels = {
  create: 'à créer',
  update: 'à mettre à jour',
  merge: 'à fusionner',
  review: 'à créer puis revoir (doublon possible)',
  reject: 'rejetées',
} as const;

/** The calibration report as a person reads it in a terminal. */
export function calibrationText(report: CalibrationReport): string {
  const lines = [
    `${report.fileName} — essai, rien n’a été enregistré`,
    `Lignes lues : ${report.totalRows}`,
    ...Object.entries(outcomeLabels).map(
      ([outcome, label]) =>
        `  ${label} : ${report.counts[outcome as keyof typeof outcomeLabels]}`,
    ),
    '',
    'Erreurs et avertissements les plus fréquents :',
    ...(report.topErrors.length === 0
      ? ['  aucun']
      : report.topErrors.map(
          (error) =>
            `  ${error.count} × ${error.severity === 'error' ? 'erreur' : 'avertissement'}` +
            `${error.field ? ` [${error.field}]` : ''} : ${error.reason} ` +
            `(${error.count > 1 ? 'lignes' : 'ligne'} ${error.lines.join(', ')}` +
            `${error.count > error.lines.length ? '…' : ''})`,
        )),
    '',
    'Groupes de doublons (les plus grands d’abord) :',
    ...(report.clusters.length === 0
      ? ['  aucun']
      : report.clusters.map(
          (cluster) =>
            `  lignes ${cluster.lines.join(', ')}` +
            (cluster.rows[0]?.sheet
              ? ` (feuille ${cluster.rows[0].sheet})`
              : '') +
            (cluster.contactId === null
              ? ''
              : ` avec le contact ${cluster.contactId}`) +
            (cluster.outcome === 'merge' ? ' : fusion' : ' : à revoir') +
            cluster.rows
              .map((row) => `\n      ${row.line} : ${row.label || '—'}`)
              .join(''),
        )),
    '',
    'Colonnes ignorées :',
    ...(report.unmapped.length === 0
      ? ['  aucune']
      : report.unmapped.map(
          (column) =>
            `  « ${column.header} »${column.sheet ? ` (feuille ${column.sheet})` : ''}` +
            (column.reason ? ` — ${column.reason}` : ''),
        )),
  ];

  return lines.join('\n');
}

/** The place a reader's reason starts with: its line, and sheet in a workbook. */
const PLACE = /^((?:Feuille « [^»]* », ligne|Ligne) \d+) ?: /;

/** A committed import's report, for a terminal. */
export function importText(report: ImportReport): string {
  return [
    `${report.fileName} (${report.format})`,
    `  lignes lues : ${report.totalRows}, contacts créés : ${report.created}, ` +
      `fusionnés : ${report.merged}, mis à jour : ${report.updated}, ` +
      `rejetées : ${report.rejected}, avertissements : ${report.warnings}, ` +
      `sociétés créées : ${report.companiesCreated} (${report.tookMs} ms)`,
    `  doublons à examiner : ${report.queuedForReview} ` +
      `(${report.duplicates.withBase} avec la base, ` +
      `${report.duplicates.withinFile} dans le fichier)`,
    ...report.issues.slice(0, 50).map((issue) => {
      // Most reasons already start with their place (« Ligne 3 : »):
      // written once, the field after it.
      const placed = PLACE.exec(issue.reason);
      const place = placed?.[1] ?? `Ligne ${issue.line}`;
      const reason = placed
        ? issue.reason.slice(placed[0].length)
        : issue.reason;

      return `  ${place}${issue.field ? ` [${issue.field}]` : ''} : ${reason}`;
    }),
  ].join('\n');
}
