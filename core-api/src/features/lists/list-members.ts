import { Op, type Transaction } from 'sequelize';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import type { ListRow } from '../../platform/db/models.ts';
import { AppError } from '../../platform/http/errors.ts';
import { presentContactSummary } from '../contacts/contacts.presenter.ts';
import { refOf, userRefs } from './list-history.ts';
import type { ListEntity, MemberPage, memberQuery } from './lists.schemas.ts';
import { loadList } from './list-access.ts';

/** Rows per statement when reading or writing members (SQL Server's limit). */
export const memberChunk = 1000;

/** Which of `ids` are members of the list now. */
export async function presentMembers(
  ctx: Ctx,
  list: Pick<ListRow, 'id' | 'entity'>,
  ids: readonly number[],
  transaction?: Transaction,
): Promise<Set<number>> {
  const found = new Set<number>();
  const { ListContact, ListCompany } = ctx.db.models;
  for (let start = 0; start < ids.length; start += memberChunk) {
    const chunk = ids.slice(start, start + memberChunk);
    const rows =
      list.entity === 'company'
        ? (
            await ListCompany.findAll({
              where: { listId: list.id, companyId: chunk },
              attributes: ['companyId'],
              transaction,
            })
          ).map((row) => row.companyId)
        : (
            await ListContact.findAll({
              where: { listId: list.id, contactId: chunk },
              attributes: ['contactId'],
              transaction,
            })
          ).map((row) => row.contactId);
    for (const id of rows) found.add(Number(id));
  }

  return found;
}

/**
 * Adds members that are not there yet; returns the ids actually added.
 * `newList` skips the check when the list is being filled from nothing.
 * `proposers`, when approved requests bring the members: who proposed each,
 * shown as the one who added it, the actor being the one who approved.
 */
export async function insertMembers(
  ctx: Ctx,
  list: Pick<ListRow, 'id' | 'entity'>,
  ids: readonly number[],
  transaction: Transaction,
  newList = false,
  proposers?: ReadonlyMap<number, number>,
): Promise<number[]> {
  const unique = [...new Set(ids)];
  const there = newList
    ? new Set<number>()
    : await presentMembers(ctx, list, unique, transaction);
  const fresh = unique.filter((id) => !there.has(id));
  const addedAt = new Date();
  const { ListContact, ListCompany } = ctx.db.models;
  for (let start = 0; start < fresh.length; start += memberChunk) {
    const chunk = fresh.slice(start, start + memberChunk);
    const by = (id: number) =>
      proposers
        ? {
            addedById: proposers.get(id) ?? null,
            approvedById: ctx.actor.id,
          }
        : { addedById: ctx.actor.id, approvedById: null };
    const common = { listId: list.id, addedAt };
    if (list.entity === 'company') {
      await ListCompany.bulkCreate(
        chunk.map((companyId) => ({ ...common, ...by(companyId), companyId })),
        { transaction },
      );
    } else {
      await ListContact.bulkCreate(
        chunk.map((contactId) => ({ ...common, ...by(contactId), contactId })),
        { transaction },
      );
    }
  }

  return fresh;
}

/** Removes members; returns the ids that were members. */
export async function deleteMembers(
  ctx: Ctx,
  list: Pick<ListRow, 'id' | 'entity'>,
  ids: readonly number[],
  transaction: Transaction,
): Promise<number[]> {
  const unique = [...new Set(ids)];
  const there = await presentMembers(ctx, list, unique, transaction);
  const gone = unique.filter((id) => there.has(id));
  const { ListContact, ListCompany } = ctx.db.models;
  for (let start = 0; start < gone.length; start += memberChunk) {
    const chunk = gone.slice(start, start + memberChunk);
    if (list.entity === 'company') {
      await ListCompany.destroy({
        where: { listId: list.id, companyId: chunk },
        transaction,
      });
    } else {
      await ListContact.destroy({
        where: { listId: list.id, contactId: chunk },
        transaction,
      });
    }
  }

  return gone;
}

/**
 * The ids among `ids` that are not live contacts or companies (unknown or
 * deleted): a list may not gain them.
 */
export async function missingRecords(
  ctx: Ctx,
  entity: ListEntity,
  ids: readonly number[],
  transaction?: Transaction,
): Promise<number[]> {
  const unique = [...new Set(ids)];
  const found = new Set<number>();
  const { Contact, Company } = ctx.db.models;
  for (let start = 0; start < unique.length; start += memberChunk) {
    const chunk = unique.slice(start, start + memberChunk);
    const rows =
      entity === 'company'
        ? await Company.findAll({
            where: { id: chunk },
            attributes: ['id'],
            transaction,
          })
        : await Contact.findAll({
            where: { id: chunk },
            attributes: ['id'],
            transaction,
          });
    for (const row of rows) found.add(row.id);
  }

  return unique.filter((id) => !found.has(id));
}

/** A 400 naming the ids that are no contact or company of the base. */
export function unknownMembers(entity: ListEntity, ids: number[]): AppError {
  const [fr, en, missing] =
    entity === 'company'
      ? ['sociétés', 'companies', 'introuvables ou supprimées']
      : ['contacts', 'contacts', 'introuvables ou supprimés'];
  const shown = ids.slice(0, 20).join(', ') + (ids.length > 20 ? '…' : '');

  return new AppError('VALIDATION_FAILED', {
    fields: [
      {
        path: 'ids',
        message: `${fr} ${missing} : ${shown} / unknown or deleted ${en}: ${shown}`,
      },
    ],
  });
}

/** A page of a list's members with their main fields, by name. */
export async function listMembers(
  ctx: Ctx,
  id: number,
  query: z.output<typeof memberQuery>,
): Promise<MemberPage> {
  const list = await loadList(ctx, id);
  const page = {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  };
  const members =
    list.entity === 'company'
      ? await companyMembers(ctx, list.id, page)
      : await contactMembers(ctx, list.id, page);
  const users = await userRefs(
    ctx,
    members.items.flatMap((item) => [item.addedById, item.approvedById]),
  );

  return {
    entity: list.entity,
    items: members.items.map(({ addedById, approvedById, ...item }) => ({
      ...item,
      addedBy: refOf(users, addedById),
      approvedBy: refOf(users, approvedById),
    })),
    total: members.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

type Page = { limit: number; offset: number };

async function contactMembers(ctx: Ctx, listId: number, page: Page) {
  const { ListContact, Contact, ContactEmail, ContactPhone, ContactAddress } =
    ctx.db.models;
  const { Affiliation, Company } = ctx.db.models;
  // A deleted contact stays a member (a restore brings it back) but is not
  // shown or counted, as the targets built on the list leave it out.
  const where = {
    id: {
      [Op.in]: ctx.db.sequelize.literal(
        `(SELECT contact_id FROM list_contacts WHERE list_id = ${Number(listId)})`,
      ),
    },
  };
  const total = await Contact.count({ where });
  const ordered = await Contact.findAll({
    attributes: ['id'],
    where,
    // French order: the folded keys, then the names as typed (as targets).
    order: [
      ['lastNameKey', 'ASC'],
      ['firstNameKey', 'ASC'],
      ['lastName', 'ASC'],
      ['firstName', 'ASC'],
      ['id', 'ASC'],
    ],
    ...page,
  });
  const ids = ordered.map((row) => row.id);
  if (ids.length === 0) return { items: [], total };
  const [rows, links] = await Promise.all([
    Contact.findAll({
      where: { id: ids },
      include: [
        { model: ContactEmail, as: 'emails' },
        { model: ContactPhone, as: 'phones' },
        { model: ContactAddress, as: 'addresses' },
        {
          model: Affiliation,
          as: 'affiliations',
          include: [{ model: Company, as: 'company', paranoid: false }],
        },
      ],
    }),
    ListContact.findAll({ where: { listId, contactId: ids } }),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const linkOf = new Map(links.map((link) => [link.contactId, link]));

  return {
    total,
    items: ids.map((id) => {
      const link = linkOf.get(id)!;
      return {
        ...presentContactSummary(byId.get(id)!, ctx.region),
        addedAt: link.addedAt.toISOString(),
        addedById: link.addedById,
        approvedById: link.approvedById ?? null,
      };
    }),
  };
}

async function companyMembers(ctx: Ctx, listId: number, page: Page) {
  const { ListCompany, Company } = ctx.db.models;
  const where = {
    id: {
      [Op.in]: ctx.db.sequelize.literal(
        `(SELECT company_id FROM list_companies WHERE list_id = ${Number(listId)})`,
      ),
    },
  };
  const total = await Company.count({ where });
  const rows = await Company.findAll({
    where,
    order: [
      ['nameKey', 'ASC'],
      ['name', 'ASC'],
      ['id', 'ASC'],
    ],
    ...page,
  });
  const links = rows.length
    ? await ListCompany.findAll({
        where: { listId, companyId: rows.map((row) => row.id) },
      })
    : [];
  const linkOf = new Map(links.map((link) => [link.companyId, link]));

  return {
    total,
    items: rows.map((row) => {
      const link = linkOf.get(row.id)!;
      return {
        id: row.id,
        name: row.name,
        companyType: row.companyType,
        city: row.city,
        email: row.email,
        addedAt: link.addedAt.toISOString(),
        addedById: link.addedById,
        approvedById: link.approvedById ?? null,
      };
    }),
  };
}
