import { Op, type Transaction } from 'sequelize';
import type { Ctx } from '../../platform/context.ts';
import type { MergedContacts } from '../lists/list-merges.ts';

/**
 * Called by a contact merge, in its transaction: the merged contact's
 * history goes to the survivor. An e-mail both had logged (same external
 * id) stays with the merged contact, since the survivor already shows it.
 * Each move is written down so the undo of the merge can put it back.
 */
export async function moveInteractions(
  ctx: Ctx,
  merge: MergedContacts,
  transaction: Transaction,
): Promise<void> {
  const { Interaction, InteractionMergeMove } = ctx.db.models;
  const { mergeId, survivorId, mergedId } = merge;
  const rows = await Interaction.findAll({
    where: { contactId: mergedId },
    attributes: ['id', 'externalId'],
    paranoid: false,
    transaction,
  });
  if (rows.length === 0) return;
  const external = rows
    .map((row) => row.externalId)
    .filter((id): id is string => id !== null);
  const survivorHas = new Set(
    external.length === 0
      ? []
      : (
          await Interaction.findAll({
            where: { contactId: survivorId, externalId: external },
            attributes: ['externalId'],
            paranoid: false,
            transaction,
          })
        ).map((row) => row.externalId),
  );
  const moving = rows
    .filter((row) => !row.externalId || !survivorHas.has(row.externalId))
    .map((row) => Number(row.id));
  // In slices: within every dialect's parameter limit (2,100 on SQL Server).
  for (let start = 0; start < moving.length; start += 1000) {
    const ids = moving.slice(start, start + 1000);
    await Interaction.update(
      { contactId: survivorId },
      { where: { id: ids }, paranoid: false, transaction },
    );
    await InteractionMergeMove.bulkCreate(
      ids.map((interactionId) => ({ mergeId, interactionId })),
      { transaction },
    );
  }
}

/**
 * Called by the undo of a contact merge, in its transaction: what the merge
 * moved goes back to the merged contact, unless the survivor was merged
 * again meanwhile and the line moved on.
 */
export async function restoreInteractions(
  ctx: Ctx,
  merge: MergedContacts,
  transaction: Transaction,
): Promise<void> {
  const { Interaction, InteractionMergeMove } = ctx.db.models;
  const { mergeId, survivorId, mergedId } = merge;
  const moves = await InteractionMergeMove.findAll({
    where: { mergeId },
    transaction,
  });
  const ids = moves.map((move) => Number(move.interactionId));
  for (let start = 0; start < ids.length; start += 1000) {
    await Interaction.update(
      { contactId: mergedId },
      {
        where: {
          id: { [Op.in]: ids.slice(start, start + 1000) },
          contactId: survivorId,
        },
        paranoid: false,
        transaction,
      },
    );
  }
  await InteractionMergeMove.destroy({ where: { mergeId }, transaction });
}
