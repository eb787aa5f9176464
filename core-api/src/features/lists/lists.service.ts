import { Op, QueryTypes, col, fn, where, type Transaction } from 'sequelize';
import type { Ctx } from '../../platform/context.ts';
import type { ListRow } from '../../platform/db/models.ts';
import { emailForms } from '../../platform/text/email.ts';
import {
  AppError,
  notFound,
  versionConflict,
} from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  targetCompanyIds,
  targetContactIds,
  type TargetRef,
} from '../targeting/target.ts';
import {
  authorityOver,
  loadList,
  loadShownList,
  onlyOwner,
} from './list-access.ts';
import { recordListEvent, refOf, userRefs } from './list-history.ts';
import {
  insertMembers,
  memberChunk,
  missingRecords,
  unknownMembers,
} from './list-members.ts';
import type { z } from 'zod';
import type {
  ListDto,
  ListEntity,
  ListPage,
  ListUpdate,
  handOverInput,
  listInput,
  listQuery,
  listSource,
} from './lists.schemas.ts';
import { counted } from '../../platform/text/plural.ts';

type Source = z.output<typeof listSource>;

/** How a list is named in errors, French and English. */
type CountRow = { list_id: number | string; n: number | string };

/**
 * Live members (not deleted) and pending requests of each list, two
 * grouped statements whatever the number of lists.
 */
async function countsByList(
  ctx: Ctx,
  lists: ListRow[],
): Promise<{ members: Map<number, number>; pending: Map<number, number> }> {
  const ids = lists.map((list) => Number(list.id));
  if (ids.length === 0) return { members: new Map(), pending: new Map() };
  const inList = ids.join(', ');
  const run = (sql: string) =>
    ctx.db.sequelize.query<CountRow>(sql, {
      type: QueryTypes.SELECT,
      transaction: ctx.transaction,
    });
  const members = await run(
    `SELECT m.list_id, COUNT(*) AS n FROM list_contacts m ` +
      `JOIN contacts c ON c.id = m.contact_id AND c.deleted_at IS NULL ` +
      `WHERE m.list_id IN (${inList}) GROUP BY m.list_id ` +
      `UNION ALL SELECT m.list_id, COUNT(*) AS n FROM list_companies m ` +
      `JOIN companies c ON c.id = m.company_id AND c.deleted_at IS NULL ` +
      `WHERE m.list_id IN (${inList}) GROUP BY m.list_id`,
  );
  const pending = await run(
    `SELECT list_id, COUNT(*) AS n FROM list_change_requests ` +
      `WHERE list_id IN (${inList}) AND status = 'pending' GROUP BY list_id`,
  );
  const mapOf = (rows: CountRow[]) =>
    new Map(rows.map((row) => [Number(row.list_id), Number(row.n)]));

  return { members: mapOf(members), pending: mapOf(pending) };
}

/** Lists as the API shows them, with their counts and the caller's rights. */
export async function presentLists(
  ctx: Ctx,
  lists: ListRow[],
): Promise<ListDto[]> {
  const counts = await countsByList(ctx, lists);
  const users = await userRefs(
    ctx,
    lists.map((list) => list.ownerId),
    ctx.transaction,
  );

  return lists.map((list) => ({
    id: list.id,
    name: list.name,
    description: list.description,
    entity: list.entity,
    owner: refOf(users, list.ownerId)!,
    sourceDefinition: list.sourceDefinition
      ? JSON.parse(list.sourceDefinition)
      : null,
    memberCount: counts.members.get(list.id) ?? 0,
    pendingCount: counts.pending.get(list.id) ?? 0,
    canManage: authorityOver(ctx.actor, list).manages,
    version: list.version,
    createdAt: list.createdAt.toISOString(),
    updatedAt: list.updatedAt.toISOString(),
  }));
}

const presentList = async (ctx: Ctx, list: ListRow) =>
  (await presentLists(ctx, [list]))[0]!;

/** One list, with its counts. */
export async function getList(ctx: Ctx, id: number): Promise<ListDto> {
  return presentList(ctx, await loadShownList(ctx, id));
}

/** Lists, newest first: everyone may see and use every list. */
export async function listLists(
  ctx: Ctx,
  query: z.output<typeof listQuery>,
): Promise<ListPage> {
  const filters = {
    ...(query.entity ? { entity: query.entity } : {}),
    ...(query.owner === 'me' ? { ownerId: ctx.actor.id ?? -1 } : {}),
  };
  // Case-insensitive on every dialect (PostgreSQL's LIKE is not).
  const named = query.q
    ? [
        where(fn('lower', col('name')), {
          [Op.like]: `%${query.q.toLowerCase().replace(/[%_\\]/g, '')}%`,
        }),
      ]
    : [];
  const { rows, count } = await ctx.db.models.List.findAndCountAll({
    where: { [Op.and]: [filters, ...named] },
    order: [
      ['updatedAt', 'DESC'],
      ['id', 'DESC'],
    ],
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });

  return {
    items: await presentLists(ctx, rows),
    total: count,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The ids a new list starts with, read batch by batch from its source. */
async function* sourceIds(
  ctx: Ctx,
  entity: ListEntity,
  source: Source,
): AsyncIterable<number[]> {
  if (source.kind === 'empty') return;
  if (source.kind === 'ids') {
    const missing = await missingRecords(
      ctx,
      entity,
      source.ids,
      ctx.transaction,
    );
    if (missing.length > 0) throw unknownMembers(entity, missing);
    yield source.ids;
    return;
  }
  const ref: TargetRef =
    source.kind === 'query'
      ? { kind: 'query', query: source.query }
      : { kind: 'savedQuery', savedQueryId: source.savedQueryId };
  // A list keeps whom its query finds: opt-outs apply when it is used to
  // send or export, for the channel used then.
  yield* entity === 'company'
    ? targetCompanyIds(ctx, ref, { batchSize: memberChunk })
    : targetContactIds(ctx, ref, { batchSize: memberChunk });
}

async function sourceDefinitionOf(
  ctx: Ctx,
  source: Source,
  transaction: Transaction,
): Promise<string | null> {
  if (source.kind === 'query') return JSON.stringify(source.query);
  if (source.kind !== 'savedQuery') return null;
  const saved = await ctx.db.models.SavedQuery.findByPk(source.savedQueryId, {
    transaction,
  });
  if (!saved)
    throw notFound('Requête enregistrée / saved query', source.savedQueryId);

  return JSON.stringify({
    savedQueryId: saved.id,
    name: saved.name,
    ...JSON.parse(saved.definition),
  });
}

/**
 * Creates a list owned by its creator: empty, from given ids, or as a
 * snapshot of what a query or a saved query finds now.
 */
export async function createList(
  ctx: Ctx,
  input: z.output<typeof listInput>,
): Promise<ListDto> {
  if (ctx.actor.id === null)
    throw new AppError('FORBIDDEN', {
      fr: 'Une liste appartient à un compte : utilisez --as EMAIL.',
      en: 'A list belongs to an account: use --as EMAIL.',
    });
  const ownerId = ctx.actor.id;

  const list = await ctx.db.sequelize.transaction(async (transaction) => {
    const inTx = { ...ctx, transaction };
    const row = await ctx.db.models.List.create(
      {
        name: input.name,
        description: input.description ?? null,
        entity: input.entity,
        ownerId,
        sourceDefinition: await sourceDefinitionOf(
          ctx,
          input.source,
          transaction,
        ),
        createdById: ownerId,
        updatedById: ownerId,
      },
      { transaction },
    );
    let added = 0;
    // Each batch holds distinct ids, and no two batches share one (keyset
    // order), so a new list is filled without asking what it holds.
    for await (const ids of sourceIds(inTx, input.entity, input.source)) {
      added += (await insertMembers(inTx, row, ids, transaction, true)).length;
    }
    await recordListEvent(
      inTx,
      {
        listId: row.id,
        action: 'created',
        memberCount: added,
        details: { name: row.name, source: input.source.kind },
      },
      transaction,
    );
    await recordAudit(
      ctx,
      {
        action: 'create',
        entityType: 'list',
        entityId: row.id,
        summary: `liste ${row.id} créée (${input.source.kind}, ${added} membres)`,
        after: { name: row.name, entity: row.entity, members: added },
      },
      transaction,
    );
    ctx.log.info(
      { listId: row.id, entity: row.entity, members: added },
      'list.created',
    );

    return row;
  });

  return presentList(ctx, list);
}

/** Renames or describes a list: its owner, or an administrator. */
export async function updateList(
  ctx: Ctx,
  id: number,
  input: ListUpdate,
): Promise<ListDto> {
  const list = await ctx.db.sequelize.transaction(async (transaction) => {
    const row = await loadList(ctx, id, transaction);
    const { manages, actingForId } = authorityOver(ctx.actor, row);
    if (!manages) throw onlyOwner();
    if (row.version !== input.version) throw versionConflict(row.version);
    const before = { name: row.name, description: row.description };
    row.name = input.name;
    row.description = input.description ?? null;
    row.version += 1;
    row.updatedById = ctx.actor.id;
    await row.save({ transaction });
    const after = { name: row.name, description: row.description };
    await recordListEvent(
      ctx,
      {
        listId: id,
        action: 'updated',
        actingForId,
        details: { before, after },
      },
      transaction,
    );
    await recordAudit(
      ctx,
      { action: 'update', entityType: 'list', entityId: id, before, after },
      transaction,
    );

    return row;
  });

  return presentList(ctx, list);
}

/**
 * Deletes a list (softly: its history stays). Pending requests on it are
 * closed as rejected, so no owner is left with requests on a list gone.
 */
export async function deleteList(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.sequelize.transaction(async (transaction) => {
    const row = await loadList(ctx, id, transaction);
    const { manages, actingForId } = authorityOver(ctx.actor, row);
    if (!manages) throw onlyOwner();
    const [closed] = await ctx.db.models.ListChangeRequest.update(
      {
        status: 'rejected',
        decidedById: ctx.actor.id,
        decidedForId: actingForId,
        decidedAt: new Date(),
        decisionNote: 'liste supprimée / list deleted',
      },
      { where: { listId: id, status: 'pending' }, transaction },
    );
    await row.destroy({ transaction });
    await recordListEvent(
      ctx,
      {
        listId: id,
        action: 'deleted',
        actingForId,
        details: { closedRequests: closed },
      },
      transaction,
    );
    await recordAudit(
      ctx,
      {
        action: 'delete',
        entityType: 'list',
        entityId: id,
        summary: `liste ${id} supprimée (${counted('fr', closed, 'demande close', 'demandes closes')})`,
        before: { name: row.name, ownerId: row.ownerId },
      },
      transaction,
    );
  });
}

/**
 * Hands a list over to another active user: by its owner, or by an
 * administrator for the owner. Pending requests now wait for the new owner
 * (the new owner's own among them too, to approve or withdraw).
 */
export async function handOverList(
  ctx: Ctx,
  id: number,
  input: z.output<typeof handOverInput>,
): Promise<ListDto> {
  const { User } = ctx.db.models;
  const list = await ctx.db.sequelize.transaction(async (transaction) => {
    const row = await loadList(ctx, id, transaction);
    const { manages, actingForId } = authorityOver(ctx.actor, row);
    if (!manages) throw onlyOwner();
    const to = input.toUserId
      ? await User.findByPk(input.toUserId, { transaction })
      : await User.findOne({
          where: { email: emailForms(input.toEmail ?? '') },
          transaction,
        });
    if (!to || !to.active)
      throw new AppError('VALIDATION_FAILED', {
        fields: [
          {
            path: input.toUserId ? 'toUserId' : 'toEmail',
            message: 'aucun compte actif / no active account',
          },
        ],
      });
    if (to.id === row.ownerId)
      throw new AppError('CONFLICT', {
        fr: 'Cette personne est déjà propriétaire de la liste.',
        en: 'This person already owns the list.',
      });
    const fromId = row.ownerId;
    row.ownerId = to.id;
    row.version += 1;
    row.updatedById = ctx.actor.id;
    await row.save({ transaction });
    await recordListEvent(
      ctx,
      {
        listId: id,
        action: 'handed_over',
        actingForId,
        details: { fromId, toId: to.id, note: input.note ?? null },
      },
      transaction,
    );
    await recordAudit(
      ctx,
      {
        action: 'list.hand_over',
        entityType: 'list',
        entityId: id,
        summary: `liste ${id} confiée à l’utilisateur ${to.id}`,
        before: { ownerId: fromId },
        after: { ownerId: to.id },
      },
      transaction,
    );

    return row;
  });

  return presentList(ctx, list);
}
