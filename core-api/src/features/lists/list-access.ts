import type { Transaction } from 'sequelize';
import { isAdmin, type Actor, type Ctx } from '../../platform/context.ts';
import type { ListRow } from '../../platform/db/models.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { parisDate } from '../../platform/text/paris-time.ts';

/** How a list is named in errors, French and English. */
const listLabel = 'Liste / list';

/**
 * Who may change a list directly: its owner, or an administrator, who then
 * acts for the owner and is recorded as such. Anyone else proposes.
 */
export function authorityOver(
  actor: Actor,
  list: Pick<ListRow, 'ownerId'>,
): { manages: boolean; actingForId: number | null } {
  if (actor.id !== null && actor.id === list.ownerId)
    return { manages: true, actingForId: null };
  if (isAdmin(actor)) return { manages: true, actingForId: list.ownerId };

  return { manages: false, actingForId: null };
}

/** A list that is not deleted, or a 404 naming it. */
export async function loadList(
  ctx: Ctx,
  id: number,
  transaction?: Transaction,
): Promise<ListRow> {
  const list = await ctx.db.models.List.findByPk(id, { transaction });
  if (!list) throw notFound(listLabel, id);

  return list;
}

/**
 * A list to show: one not deleted, a 410 saying when a deleted one went
 * (everyone may see every list, so its name is no secret), or a 404.
 */
export async function loadShownList(ctx: Ctx, id: number): Promise<ListRow> {
  const list = await ctx.db.models.List.findByPk(id, {
    transaction: ctx.transaction,
    paranoid: false,
  });
  if (!list) throw notFound(listLabel, id);
  if (list.deletedAt) {
    const day = parisDate(list.deletedAt);
    throw new AppError('GONE', {
      fr: `La liste « ${list.name} » a été supprimée le ${day}.`,
      en: `The list “${list.name}” was deleted on ${day}.`,
    });
  }

  return list;
}

/** Refused because only the owner (or an administrator) may do it. */
export const onlyOwner = () =>
  new AppError('FORBIDDEN', {
    fr: 'Seul le propriétaire de la liste (ou un administrateur) peut faire cela.',
    en: 'Only the list’s owner (or an administrator) may do this.',
  });
