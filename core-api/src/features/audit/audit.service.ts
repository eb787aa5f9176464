import { Op, type Transaction, type WhereOptions } from 'sequelize';
import type { Ctx } from '../../platform/context.ts';
import type { AuditEventRow } from '../../platform/db/models.ts';
import { AppError } from '../../platform/http/errors.ts';
import { nextDay, parisMidnight } from '../targeting/sql-compiler.ts';
import type { AuditEventDto, AuditPage } from './audit.schemas.ts';

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  /** The audit event of the batch this change belongs to (an import, a merge). */
  parentId?: number | null;
  summary?: string;
  before?: unknown;
  after?: unknown;
};

/**
 * Writes one audit event in the caller's transaction. Changes and their audit
 * commit or roll back together, so the trail cannot miss a change.
 */
export async function recordAudit(
  ctx: Ctx,
  entry: AuditEntry,
  transaction: Transaction | undefined,
): Promise<AuditEventRow> {
  if (!transaction && ctx.db.sequelize.getDialect() !== 'sqlite') {
    // SQLite runs one connection, so a write outside a transaction is still
    // ordered; elsewhere an audited change must share its transaction.
    throw new Error(
      'recordAudit needs the transaction of the change it records',
    );
  }

  return ctx.db.models.AuditEvent.create(
    {
      occurredAt: new Date(),
      actorId: ctx.actor.id,
      actorLabel: ctx.actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      parentId: entry.parentId ?? null,
      summary: entry.summary?.slice(0, 500) ?? null,
      beforeData:
        entry.before === undefined ? null : JSON.stringify(entry.before),
      afterData: entry.after === undefined ? null : JSON.stringify(entry.after),
      requestId: ctx.requestId ?? null,
    },
    { transaction },
  );
}

export function presentAuditEvent(row: AuditEventRow): AuditEventDto {
  return {
    id: Number(row.id),
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    parentId: row.parentId == null ? null : Number(row.parentId),
    summary: row.summary,
    before: row.beforeData ? JSON.parse(row.beforeData) : null,
    after: row.afterData ? JSON.parse(row.afterData) : null,
    requestId: row.requestId,
  };
}

export type AuditFilter = {
  page: number;
  pageSize: number;
  entityType?: string;
  entityId?: string;
  actorId?: number;
  action?: string;
  parentId?: number;
  /** First day, Europe/Paris, `YYYY-MM-DD`. */
  from?: string;
  /** Last day included, Europe/Paris. */
  to?: string;
};

/**
 * The conditions of a filter of the log. Days are Paris days: `to` runs to
 * the next Paris midnight, so an event at 23:30 on the last day is in.
 */
export function auditWhere(
  filter: Omit<AuditFilter, 'page' | 'pageSize'>,
): WhereOptions<AuditEventRow> {
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [
        {
          path: 'to',
          message:
            'doit suivre la date de début / must not precede the start date',
        },
      ],
    });
  }
  const occurredAt: Record<symbol, Date> = {};
  if (filter.from) occurredAt[Op.gte] = parisMidnight(filter.from);
  if (filter.to) occurredAt[Op.lt] = parisMidnight(nextDay(filter.to));

  return {
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.entityId ? { entityId: filter.entityId } : {}),
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.parentId ? { parentId: filter.parentId } : {}),
    ...(filter.from || filter.to ? { occurredAt } : {}),
  };
}

/** Lists audit events, newest first, a page at a time with the total. */
export async function listAudit(
  ctx: Ctx,
  filter: AuditFilter,
): Promise<AuditPage> {
  const { rows, count } = await ctx.db.models.AuditEvent.findAndCountAll({
    where: auditWhere(filter),
    order: [['id', 'DESC']],
    limit: filter.pageSize,
    offset: (filter.page - 1) * filter.pageSize,
  });

  return {
    items: rows.map(presentAuditEvent),
    total: count,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}
