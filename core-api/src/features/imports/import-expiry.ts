import { Op } from 'sequelize';
import type { Ctx } from '../../platform/context.ts';
import type { Tick } from '../../platform/jobs/worker.ts';

/** Batches expired per pass: a long backlog is worked off an hour at a time. */
const perPass = 50;

/** States of a batch nobody committed: read, failed, or stuck reading. */
const waiting = ['staged', 'failed', 'staging'] as const;

/**
 * Expires the imports read but left uncommitted for `days`: their staged
 * rows and their file are deleted (a preview of 50,000 rows is as large as
 * the contacts it would create) and they show as expired in the history.
 * Each batch is claimed by a conditional update, so a commit that claimed
 * it first wins and nothing is expired twice.
 *
 * @returns the ids of the batches expired
 */
export async function expireStagedImports(
  ctx: Ctx,
  options: { days: number; now?: Date },
): Promise<number[]> {
  const { ImportBatch, ImportFile, ImportRow } = ctx.db.models;
  const cutoff = new Date(
    (options.now ?? new Date()).getTime() - options.days * 24 * 3600_000,
  );
  const stale = await ImportBatch.findAll({
    where: { status: [...waiting], updatedAt: { [Op.lt]: cutoff } },
    attributes: ['id'],
    order: [['id', 'ASC']],
    limit: perPass,
  });
  const expired: number[] = [];
  for (const { id } of stale) {
    const claimed = await ctx.db.sequelize.transaction(async (transaction) => {
      const [count] = await ImportBatch.update(
        { status: 'expired', phase: null },
        {
          where: {
            id,
            status: [...waiting],
            updatedAt: { [Op.lt]: cutoff },
          },
          transaction,
        },
      );
      if (count === 0) return false;
      await ImportRow.destroy({ where: { batchId: id }, transaction });
      await ImportFile.destroy({ where: { batchId: id }, transaction });

      return true;
    });
    if (claimed) expired.push(id);
  }
  if (expired.length > 0) {
    ctx.log.info(
      { batches: expired, days: options.days },
      'import.batches.expired',
    );
  }

  return expired;
}

/** The worker's hourly pass over imports left waiting. */
export function importExpiryTick(days: number): Tick {
  return {
    name: 'imports.expire',
    everyMs: 3600_000,
    run: async (ctx) => {
      await expireStagedImports(ctx, { days });
    },
  };
}
