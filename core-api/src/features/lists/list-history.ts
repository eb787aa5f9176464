import type { Transaction } from 'sequelize';
import type { Ctx } from '../../platform/context.ts';
import type { ListEventRow } from '../../platform/db/models.ts';
import type { ListEventDto, ListEventPage } from './lists.schemas.ts';

export type ListEventAction = ListEventDto['action'];

export type ListEventInput = {
  listId: number;
  action: ListEventAction;
  /** The owner an administrator acted for, when one did. */
  actingForId?: number | null;
  requestId?: number | null;
  proposedById?: number | null;
  memberCount?: number | null;
  details?: Record<string, unknown>;
};

/** Member ids kept in one history line: enough to read it, bounded. */
export const idsShownInHistory = 50;

/** The first member ids of a change, and how many there were. */
export function someIds(ids: readonly number[]) {
  return ids.length > idsShownInHistory
    ? {
        ids: ids.slice(0, idsShownInHistory),
        more: ids.length - idsShownInHistory,
      }
    : { ids: [...ids] };
}

/** Writes one line of a list's history, in the change's transaction. */
export async function recordListEvent(
  ctx: Ctx,
  event: ListEventInput,
  transaction: Transaction,
): Promise<ListEventRow> {
  return ctx.db.models.ListEvent.create(
    {
      listId: event.listId,
      occurredAt: new Date(),
      action: event.action,
      actorId: ctx.actor.id,
      actingForId: event.actingForId ?? null,
      requestId: event.requestId ?? null,
      proposedById: event.proposedById ?? null,
      memberCount: event.memberCount ?? null,
      details: event.details ? JSON.stringify(event.details) : null,
    },
    { transaction },
  );
}

/** Writes many lines of history at once (a bulk decision), in batches. */
export async function recordListEvents(
  ctx: Ctx,
  events: ListEventInput[],
  transaction: Transaction,
): Promise<void> {
  const occurredAt = new Date();
  for (let start = 0; start < events.length; start += 500) {
    await ctx.db.models.ListEvent.bulkCreate(
      events.slice(start, start + 500).map((event) => ({
        listId: event.listId,
        occurredAt,
        action: event.action,
        actorId: ctx.actor.id,
        actingForId: event.actingForId ?? null,
        requestId: event.requestId ?? null,
        proposedById: event.proposedById ?? null,
        memberCount: event.memberCount ?? null,
        details: event.details ? JSON.stringify(event.details) : null,
      })),
      { transaction },
    );
  }
}

export type UserRef = { id: number; displayName: string };

/** Names of the users given, by id (removed accounts are simply absent). */
export async function userRefs(
  ctx: Ctx,
  ids: Iterable<number | null | undefined>,
  transaction?: Transaction,
): Promise<Map<number, UserRef>> {
  const wanted = [...new Set([...ids].filter((id) => id != null))] as number[];
  if (wanted.length === 0) return new Map();
  const users = await ctx.db.models.User.findAll({
    where: { id: wanted },
    attributes: ['id', 'displayName'],
    transaction,
  });

  return new Map(
    users.map((user) => [
      user.id,
      { id: user.id, displayName: user.displayName },
    ]),
  );
}

export const refOf = (users: Map<number, UserRef>, id: number | null) =>
  id == null ? null : (users.get(id) ?? { id, displayName: `#${id}` });

/** A list's history, newest first, page by page. */
export async function listHistory(
  ctx: Ctx,
  listId: number,
  query: { page: number; pageSize: number },
): Promise<ListEventPage> {
  const { rows, count } = await ctx.db.models.ListEvent.findAndCountAll({
    where: { listId },
    order: [['id', 'DESC']],
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const users = await userRefs(
    ctx,
    rows.flatMap((row) => [row.actorId, row.actingForId, row.proposedById]),
  );

  return {
    items: rows.map((row) => ({
      id: Number(row.id),
      occurredAt: row.occurredAt.toISOString(),
      action: row.action as ListEventAction,
      actor: refOf(users, row.actorId),
      actingFor: refOf(users, row.actingForId),
      requestId: row.requestId,
      proposedBy: refOf(users, row.proposedById),
      memberCount: row.memberCount,
      details: row.details ? JSON.parse(row.details) : null,
    })),
    total: count,
    page: query.page,
    pageSize: query.pageSize,
  };
}
