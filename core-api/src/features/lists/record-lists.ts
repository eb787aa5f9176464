import type { Ctx } from '../../platform/context.ts';
import type { RecordLists } from '../contacts/card-extras.schemas.ts';

/**
 * The live lists a contact or a company belongs to, by name, with their
 * owner: everyone may see every list, so a card may name them all.
 * Deleted lists keep their members until purged and are left out.
 */
export async function listsOfRecord(
  ctx: Ctx,
  entity: 'contact' | 'company',
  id: number,
): Promise<RecordLists> {
  const { ListContact, ListCompany, List, User } = ctx.db.models;
  const memberships =
    entity === 'contact'
      ? await ListContact.findAll({
          where: { contactId: id },
          attributes: ['listId'],
        })
      : await ListCompany.findAll({
          where: { companyId: id },
          attributes: ['listId'],
        });
  if (memberships.length === 0) return { items: [] };
  const lists = await List.findAll({
    where: { id: [...new Set(memberships.map((m) => m.listId))], entity },
    attributes: ['id', 'name', 'ownerId'],
    order: [
      ['name', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  const owners = await User.findAll({
    where: { id: [...new Set(lists.map((list) => list.ownerId))] },
    attributes: ['id', 'displayName'],
  });
  const nameOf = new Map(owners.map((user) => [user.id, user.displayName]));

  return {
    items: lists.map((list) => ({
      id: list.id,
      name: list.name,
      ownerName: nameOf.get(list.ownerId) ?? '',
    })),
  };
}
