import { Op, QueryTypes } from 'sequelize';
import type { Writable } from 'node:stream';
import type { Ctx } from '../../platform/context.ts';
import type { AuditEventRow } from '../../platform/db/models.ts';
import { neutralise } from '../exports/formula-guard.ts';
import { finish, put } from '../exports/output.ts';
import type { AuditFacets } from './audit.schemas.ts';
import { auditWhere, recordAudit, type AuditFilter } from './audit.service.ts';
import { counted } from '../../platform/text/plural.ts';

/** The filters of an export: the log's, without paging. */
export type AuditExportFilter = Omit<AuditFilter, 'page' | 'pageSize'>;

/** Rows read at a time: memory stays flat whatever the log's size. */
const CHUNK = 500;

/** Date and time in Paris as the portal shows them: `04/12/2026 09:30:05`. */
const parisTime = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const headers = {
  fr: [
    'Date (Paris)',
    'Auteur',
    'Action',
    'Type',
    'Identifiant',
    'Résumé',
    'Avant',
    'Après',
    'Requête',
  ],
  en: [
    'Date (Paris)',
    'Author',
    'Action',
    'Type',
    'Id',
    'Summary',
    'Before',
    'After',
    'Request',
  ],
};

/**
 * A field for Excel in France: `;` between fields, every field quoted,
 * text a spreadsheet would run as a formula neutralised.
 */
const field = (value: string | null) =>
  `"${neutralise(value ?? '').replace(/"/g, '""')}"`;

/**
 * Writes the events a filter selects as CSV (UTF-8 with a byte-order mark,
 * newest first) and ends `out`; then records the export itself in the log,
 * with the filter and the count but none of the data.
 *
 * @returns the number of events written
 */
export async function exportAudit(
  ctx: Ctx,
  filter: AuditExportFilter,
  lang: 'fr' | 'en',
  out: Writable,
): Promise<number> {
  const where = auditWhere(filter);
  await put(out, `\uFEFF${headers[lang].map(field).join(';')}\r\n`);
  let written = 0;
  let before: number | null = null;
  for (;;) {
    const rows: AuditEventRow[] = await ctx.db.models.AuditEvent.findAll({
      where:
        before === null
          ? where
          : { [Op.and]: [where, { id: { [Op.lt]: before } }] },
      order: [['id', 'DESC']],
      limit: CHUNK,
    });
    if (rows.length === 0) break;
    const lines = rows.map(
      (row) =>
        [
          parisTime.format(row.occurredAt).replace(',', ''),
          row.actorLabel,
          row.action,
          row.entityType,
          row.entityId,
          row.summary,
          row.beforeData,
          row.afterData,
          row.requestId,
        ]
          .map(field)
          .join(';') + '\r\n',
    );
    await put(out, lines.join(''));
    written += rows.length;
    before = Number(rows[rows.length - 1]!.id);
    if (rows.length < CHUNK) break;
  }
  await finish(out);
  await ctx.db.sequelize.transaction((transaction) =>
    recordAudit(
      ctx,
      {
        action: 'export',
        entityType: 'audit',
        summary:
          `${counted('fr', written, 'événement exporté', 'événements exportés')} / ` +
          counted('en', written, 'event exported', 'events exported'),
        after: { filter },
      },
      transaction,
    ),
  );
  ctx.log.info({ rows: written }, 'audit.export.written');

  return written;
}

/** The actions and kinds of record the log holds, for the filters' lists. */
export async function listAuditFacets(ctx: Ctx): Promise<AuditFacets> {
  const distinct = async (column: 'action' | 'entity_type') => {
    const rows = await ctx.db.sequelize.query<{ value: string }>(
      `SELECT DISTINCT ${column} AS value FROM audit_events ORDER BY value`,
      { type: QueryTypes.SELECT },
    );

    return rows.map((row) => row.value);
  };

  return {
    actions: await distinct('action'),
    entityTypes: await distinct('entity_type'),
  };
}
