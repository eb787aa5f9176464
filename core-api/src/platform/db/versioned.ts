import type { Model, ModelStatic, Transaction } from 'sequelize';
import { versionConflict } from '../http/errors.ts';

/**
 * Writes a change to a row under optimistic locking: only if it still has
 * the version the caller read (`read`), raising it by one. `found` is the
 * version the transaction just read; a save by someone else in between, or
 * one slipping in before this update, answers 409 with the current version.
 */
export async function updateVersioned<M extends Model>(
  model: ModelStatic<M>,
  where: { id: number; read: number; found: number },
  values: Record<string, unknown>,
  transaction: Transaction,
): Promise<void> {
  if (where.found !== where.read) throw versionConflict(where.found);
  const [count] = await model.update(
    { ...values, version: where.read + 1 } as Parameters<M['update']>[0],
    {
      where: { id: where.id, version: where.read } as never,
      transaction,
    },
  );
  if (count === 0) throw versionConflict(where.read + 1);
}
