/**
 * The deleted contacts and companies, for whoever may restore them
 * (administrators, as `restoreContact` and `restoreCompany` require): a page
 * of them, latest deletion first, with who deleted each one, and many
 * brought back at once, each record reporting whether it came back and why
 * not. The pages are the tables' own lists (`deleted: 'only'`); each restore
 * is the card's own, in a transaction of its own, so one refusal leaves the
 * others restored.
 */
import type { z } from 'zod';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import { AppError, forbidden } from '../../platform/http/errors.ts';
import {
  listCompanies,
  restoreCompany,
} from '../companies/companies.service.ts';
import type {
  DeletedCompanyPage,
  DeletedContactPage,
  deletedQuery,
  RestorationReportDto,
  RestorationResultDto,
} from './deleted-records.schemas.ts';
import { contactDisplayName } from './contacts.presenter.ts';
import { listContacts, restoreContact } from './contacts.service.ts';

type Entity = 'contact' | 'company';

/**
 * A deleted record's card is for administrators, who may restore it; anyone
 * else is told it was deleted, or merged into which contact (410), rather
 * than that it never existed.
 */
export function refuseDeletedToEditors(
  ctx: Ctx,
  entity: Entity,
  record: { deletedAt: Date | string | null; mergedIntoId?: number | null },
): void {
  if (!record.deletedAt || isAdmin(ctx.actor)) return;
  const merged = record.mergedIntoId;
  throw new AppError(
    'GONE',
    merged
      ? {
          fr: `Ce contact a été fusionné dans le contact n° ${merged}.`,
          en: `This contact was merged into contact no. ${merged}.`,
        }
      : entity === 'contact'
        ? {
            fr: 'Ce contact a été supprimé : un administrateur peut le restaurer.',
            en: 'This contact was deleted: an administrator can restore it.',
          }
        : {
            fr: 'Cette société a été supprimée : un administrateur peut la restaurer.',
            en: 'This company was deleted: an administrator can restore it.',
          },
  );
}

/**
 * Who deleted each record, from its latest `delete` event: a card's
 * deletion, a merge, or one contact of a table's selection.
 */
async function deletedBy(
  ctx: Ctx,
  entityType: Entity,
  ids: number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const events = await ctx.db.models.AuditEvent.findAll({
    where: { entityType, action: 'delete', entityId: ids.map(String) },
    attributes: ['id', 'entityId', 'actorLabel'],
    order: [['id', 'DESC']],
  });
  const byId = new Map<number, string>();
  for (const event of events) {
    const id = Number(event.entityId);
    if (!byId.has(id)) byId.set(id, event.actorLabel);
  }

  return byId;
}

type Query = z.output<typeof deletedQuery>;

const fullQuery = (query: Query) => ({
  ...query,
  deleted: 'only' as const,
  sort: 'deletedAt' as const,
  order: 'desc' as const,
});

/** When each record of a page went, by whom, and into whom if merged. */
type Deletion = {
  deletedAt: string;
  deletedBy: string | null;
  mergedIntoId: number | null;
};

/** A page of records with, for each, when it went, by whom, and where to. */
async function withDeletions<T extends { id: number }>(
  ctx: Ctx,
  entity: Entity,
  page: { items: T[]; total: number; page: number; pageSize: number },
) {
  const ids = page.items.map((item) => item.id);
  const { Contact, Company } = ctx.db.models;
  const options = { where: { id: ids }, paranoid: false };
  const rows: {
    id: number;
    deletedAt: Date | null;
    mergedIntoId?: number | null;
  }[] =
    ids.length === 0
      ? []
      : entity === 'contact'
        ? await Contact.findAll({
            ...options,
            attributes: ['id', 'deletedAt', 'mergedIntoId'],
          })
        : await Company.findAll({
            ...options,
            attributes: ['id', 'deletedAt'],
          });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const authors = await deletedBy(ctx, entity, ids);

  return {
    ...page,
    items: page.items.map((item): T & Deletion => ({
      ...item,
      deletedAt: byId.get(item.id)?.deletedAt?.toISOString() ?? '',
      deletedBy: authors.get(item.id) ?? null,
      mergedIntoId: byId.get(item.id)?.mergedIntoId ?? null,
    })),
  };
}

export async function listDeletedContacts(
  ctx: Ctx,
  query: Query,
): Promise<DeletedContactPage> {
  return withDeletions(
    ctx,
    'contact',
    await listContacts(ctx, fullQuery(query)),
  );
}

export async function listDeletedCompanies(
  ctx: Ctx,
  query: Query,
): Promise<DeletedCompanyPage> {
  const page = await withDeletions(
    ctx,
    'company',
    await listCompanies(ctx, fullQuery(query)),
  );

  // Only contacts are merged.
  return {
    ...page,
    items: page.items.map(({ mergedIntoId: _merged, ...item }) => item),
  };
}

/** The names of records, deleted or not, to report on them. */
async function namesOf(
  ctx: Ctx,
  entity: Entity,
  ids: number[],
): Promise<Map<number, string>> {
  if (entity === 'company') {
    const rows = await ctx.db.models.Company.findAll({
      where: { id: ids },
      attributes: ['id', 'name'],
      paranoid: false,
    });
    return new Map(rows.map((row) => [row.id, row.name]));
  }
  const rows = await ctx.db.models.Contact.findAll({
    where: { id: ids },
    attributes: ['id', 'firstName', 'lastName'],
    paranoid: false,
  });
  return new Map(rows.map((row) => [row.id, contactDisplayName(row)]));
}

/**
 * Restores each record in turn, each with the card's own restore in a
 * transaction of its own; a refusal is reported with its reason, not thrown.
 */
async function restoreEach(
  ctx: Ctx,
  entity: Entity,
  ids: number[],
  restore: (id: number) => Promise<unknown>,
): Promise<RestorationReportDto> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  const names = await namesOf(ctx, entity, ids);
  const results: RestorationResultDto[] = [];
  for (const id of new Set(ids)) {
    const name = names.get(id) ?? null;
    try {
      await restore(id);
      results.push({ id, name, restored: true, reason: null, reasonEn: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({
        id,
        name,
        restored: false,
        reason: error.messageFr,
        reasonEn: error.messageEn,
      });
    }
  }
  const restored = results.filter((result) => result.restored).length;
  ctx.log.info({ entity, asked: results.length, restored }, 'records.restored');

  return { restored, results };
}

export const restoreContacts = (ctx: Ctx, ids: number[]) =>
  restoreEach(ctx, 'contact', ids, (id) => restoreContact(ctx, id));

export const restoreCompanies = (ctx: Ctx, ids: number[]) =>
  restoreEach(ctx, 'company', ids, (id) => restoreCompany(ctx, id));
