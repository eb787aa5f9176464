import { Op, type WhereOptions } from 'sequelize';
import type { z } from 'zod';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import type { ListChangeRequestRow } from '../../platform/db/models.ts';
import { forbidden } from '../../platform/http/errors.ts';
import { contactDisplayName } from '../contacts/contacts.presenter.ts';
import { loadList } from './list-access.ts';
import { refOf, userRefs } from './list-history.ts';
import type {
  RequestDto,
  RequestOutcome,
  RequestPage,
  pendingQuery,
  requestQuery,
} from './lists.schemas.ts';

/** The member a request is about: a contact or a company. */
export const memberIdOf = (request: ListChangeRequestRow) =>
  (request.contactId ?? request.companyId) as number;

/** How each member of the requests given is named now, deleted or not. */
async function memberLabels(
  ctx: Ctx,
  requests: ListChangeRequestRow[],
): Promise<Map<string, string>> {
  const { Contact, Company } = ctx.db.models;
  const contactIds = requests.flatMap((r) =>
    r.contactId ? [r.contactId] : [],
  );
  const companyIds = requests.flatMap((r) =>
    r.companyId ? [r.companyId] : [],
  );
  const labels = new Map<string, string>();
  if (contactIds.length > 0) {
    const contacts = await Contact.findAll({
      where: { id: [...new Set(contactIds)] },
      attributes: ['id', 'firstName', 'lastName'],
      paranoid: false,
    });
    for (const contact of contacts)
      labels.set(`contact:${contact.id}`, contactDisplayName(contact));
  }
  if (companyIds.length > 0) {
    const companies = await Company.findAll({
      where: { id: [...new Set(companyIds)] },
      attributes: ['id', 'name'],
      paranoid: false,
    });
    for (const company of companies)
      labels.set(`company:${company.id}`, company.name);
  }

  return labels;
}

/** Requests as the API shows them: list, member and people named. */
export async function presentRequests(
  ctx: Ctx,
  requests: ListChangeRequestRow[],
): Promise<RequestDto[]> {
  if (requests.length === 0) return [];
  const lists = await ctx.db.models.List.findAll({
    where: { id: [...new Set(requests.map((r) => r.listId))] },
    attributes: ['id', 'name', 'entity'],
    paranoid: false,
  });
  const listOf = new Map(lists.map((list) => [list.id, list]));
  const labels = await memberLabels(ctx, requests);
  const users = await userRefs(
    ctx,
    requests.flatMap((r) => [r.proposedById, r.decidedById, r.decidedForId]),
  );

  return requests.map((request) => {
    const entity = request.companyId ? 'company' : 'contact';
    const memberId = memberIdOf(request);
    return {
      id: request.id,
      listId: request.listId,
      listName: listOf.get(request.listId)?.name ?? `#${request.listId}`,
      action: request.action,
      entity,
      memberId,
      memberLabel: labels.get(`${entity}:${memberId}`) ?? `#${memberId}`,
      proposedBy: refOf(users, request.proposedById)!,
      proposedAt: request.proposedAt.toISOString(),
      note: request.note,
      status: request.status,
      outcome: request.outcome as RequestOutcome | null,
      decidedBy: refOf(users, request.decidedById),
      decidedFor: refOf(users, request.decidedForId),
      decidedAt: request.decidedAt?.toISOString() ?? null,
      decisionNote: request.decisionNote,
    };
  });
}

async function pageOf(
  ctx: Ctx,
  where: WhereOptions<ListChangeRequestRow>,
  query: { page: number; pageSize: number },
  order: 'asc' | 'desc',
): Promise<RequestPage> {
  const { rows, count } = await ctx.db.models.ListChangeRequest.findAndCountAll(
    {
      where,
      order: [['id', order === 'asc' ? 'ASC' : 'DESC']],
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    },
  );

  return {
    items: await presentRequests(ctx, rows),
    total: count,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** A list's requests (pending by default, oldest first), for everyone to see. */
export async function listRequests(
  ctx: Ctx,
  listId: number,
  query: z.output<typeof requestQuery>,
): Promise<RequestPage> {
  await loadList(ctx, listId);
  const status = query.status === 'all' ? {} : { status: query.status };

  return pageOf(
    ctx,
    { listId, ...status },
    query,
    query.status === 'pending' ? 'asc' : 'desc',
  );
}

/** The pending requests on live lists that the actor (or, for `all`, anyone) owns. */
function waitingWhere(
  ctx: Ctx,
  scope: 'mine' | 'all',
): WhereOptions<ListChangeRequestRow> {
  if (scope === 'all' && !isAdmin(ctx.actor)) throw forbidden();
  const owner =
    scope === 'all' ? '' : ` AND owner_id = ${Number(ctx.actor.id ?? -1)}`;

  return {
    status: 'pending',
    listId: {
      [Op.in]: ctx.db.sequelize.literal(
        `(SELECT id FROM lists WHERE deleted_at IS NULL${owner})`,
      ),
    },
  };
}

/** Requests waiting for me (administrators: for anyone with `all`), oldest first. */
export async function pendingRequests(
  ctx: Ctx,
  query: z.output<typeof pendingQuery>,
): Promise<RequestPage> {
  return pageOf(ctx, waitingWhere(ctx, query.scope), query, 'asc');
}

/** How many requests wait for me: the portal's badge. */
export async function pendingRequestCount(
  ctx: Ctx,
): Promise<{ count: number }> {
  if (ctx.actor.id === null) return { count: 0 };
  const count = await ctx.db.models.ListChangeRequest.count({
    where: waitingWhere(ctx, 'mine'),
  });

  return { count };
}
