/**
 * Large id selections, stored for the time a target is read. A selection
 * of a few hundred contacts compiles to a literal `IN (…)` list; tens of
 * thousands would make one huge statement that SQL Server compiles slowly
 * for every batch of an export. Above `literalIdLimit` the ids are written
 * to `target_selections` (a real table rather than a temporary one, since
 * pooled statements may each run on another connection) and the statement
 * reads them through its primary key.
 */
import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import type { Ctx } from '../../platform/context.ts';
import { escaperOf, insertRows } from '../../platform/db/bulk-insert.ts';
import { isGroup, type QueryGroup, type TargetQuery } from './query.schemas.ts';

/** Most ids written as literals in a statement; beyond, a stored selection. */
export const literalIdLimit = 1000;

/** Stored selections older than this were left by a crash: swept. */
const expiryMs = 24 * 3600 * 1000;

/** The stored selection of each large id list, by the list itself. */
export type Selections = WeakMap<readonly unknown[], string>;

/** The id lists (`id` criteria) a query holds above `literalIdLimit`. */
function largeIdLists(group: QueryGroup): number[][] {
  return group.items.flatMap((item) => {
    if (isGroup(item)) return largeIdLists(item);
    const value = item.value;

    return item.field === 'id' &&
      Array.isArray(value) &&
      value.length > literalIdLimit
      ? [value as number[]]
      : [];
  });
}

/**
 * Writes the query's large id lists, 1,000 rows a statement, and sweeps
 * selections a crash left behind. Returns where each list was written and
 * what removes them once the target has been read.
 */
export async function storeSelections(
  ctx: Ctx,
  query: TargetQuery,
): Promise<{ selections: Selections; drop: () => Promise<void> }> {
  const selections: Selections = new WeakMap();
  const lists = largeIdLists(query.where);
  if (lists.length === 0) return { selections, drop: async () => undefined };
  const { sequelize } = ctx.db;
  const options = { transaction: ctx.transaction, type: QueryTypes.DELETE };
  const escape = escaperOf(sequelize);
  const now = new Date();
  const expired = new Date(now.getTime() - expiryMs);
  await sequelize.query(
    `DELETE FROM target_selections WHERE created_at < ${escape(expired)}`,
    options,
  );
  const written: string[] = [];
  const drop = async () => {
    await sequelize.query(
      'DELETE FROM target_selections WHERE selection_id IN ' +
        `(${written.map(escape).join(', ')})`,
      options,
    );
  };
  try {
    for (const list of lists) {
      const id = randomUUID();
      written.push(id);
      selections.set(list, id);
      const rows = [...new Set(list)].map((entityId) => ({
        selection_id: id,
        entity_id: entityId,
        created_at: now,
      }));
      await insertRows(
        sequelize,
        'target_selections',
        ['selection_id', 'entity_id', 'created_at'],
        rows,
        ctx.transaction,
      );
    }
  } catch (error) {
    // Nothing half-written is left behind (inside a transaction, its
    // rollback sees to it).
    if (!ctx.transaction) await drop().catch(() => undefined);
    throw error;
  }

  return { selections, drop };
}
