import type { Transaction, WhereOptions } from 'sequelize';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import type { SavedQueryRow } from '../../platform/db/models.ts';
import {
  forbidden,
  notFound,
  versionConflict,
} from '../../platform/http/errors.ts';
import { parseInput } from '../../platform/http/validate.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  targetQuery,
  type Channel,
  type TargetQuery,
  type TargetSort,
} from './query.schemas.ts';
import type { SavedQueryDto, TargetPageDto } from './targeting.schemas.ts';
import { checkReferences } from './references.ts';
import { searchQuery } from './targeting.service.ts';

const what = 'Requête enregistrée / saved query';

/** The owner and administrators may change a saved query; everyone may use it. */
function canEdit(ctx: Ctx, row: SavedQueryRow): boolean {
  return isAdmin(ctx.actor) || row.ownerId === ctx.actor.id;
}

/**
 * The stored definition, read back through the schema. A definition that no
 * longer passes (a criterion since removed) is still shown, as stored.
 */
function definitionOf(row: SavedQueryRow): TargetQuery {
  const stored: unknown = JSON.parse(row.definition);
  const checked = targetQuery.safeParse(stored);

  return checked.success ? checked.data : (stored as TargetQuery);
}

function present(
  ctx: Ctx,
  row: SavedQueryRow,
  owners: Map<number, string>,
): SavedQueryDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    entity: row.entity,
    query: definitionOf(row),
    ownerId: row.ownerId,
    ownerName: owners.get(row.ownerId) ?? null,
    canEdit: canEdit(ctx, row),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function ownerNames(
  ctx: Ctx,
  rows: SavedQueryRow[],
): Promise<Map<number, string>> {
  const ids = [...new Set(rows.map((row) => row.ownerId))];
  if (ids.length === 0) return new Map();
  const users = await ctx.db.models.User.findAll({
    where: { id: ids },
    attributes: ['id', 'displayName'],
  });

  return new Map(users.map((user) => [user.id, user.displayName]));
}

async function presentOne(ctx: Ctx, row: SavedQueryRow) {
  return present(ctx, row, await ownerNames(ctx, [row]));
}

/** What the audit trail keeps of a saved query. */
function auditView(row: SavedQueryRow) {
  return {
    name: row.name,
    description: row.description,
    entity: row.entity,
    ownerId: row.ownerId,
    definition: JSON.parse(row.definition) as unknown,
  };
}

async function findSaved(
  ctx: Ctx,
  id: number,
  transaction?: Transaction,
): Promise<SavedQueryRow> {
  const row = await ctx.db.models.SavedQuery.findByPk(id, { transaction });
  if (!row) throw notFound(what, id);

  return row;
}

/** Every saved query (or the caller's own), by name. */
export async function listSavedQueries(
  ctx: Ctx,
  filter: { owner: 'mine' | 'all'; entity?: 'contact' | 'company' },
): Promise<SavedQueryDto[]> {
  const where: WhereOptions<SavedQueryRow> = {};
  if (filter.owner === 'mine') where.ownerId = ctx.actor.id ?? -1;
  if (filter.entity) where.entity = filter.entity;
  const rows = await ctx.db.models.SavedQuery.findAll({
    where,
    order: [
      ['name', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  const owners = await ownerNames(ctx, rows);

  return rows.map((row) => present(ctx, row, owners));
}

export async function getSavedQuery(
  ctx: Ctx,
  id: number,
): Promise<SavedQueryDto> {
  return presentOne(ctx, await findSaved(ctx, id));
}

/** Saves a query; its creator owns it. */
export async function createSavedQuery(
  ctx: Ctx,
  input: { name: string; description?: string | null; query: TargetQuery },
): Promise<SavedQueryDto> {
  if (ctx.actor.id === null) throw forbidden();
  await checkReferences(ctx, input.query);
  const ownerId = ctx.actor.id;
  const row = await ctx.db.sequelize.transaction(async (transaction) => {
    const created = await ctx.db.models.SavedQuery.create(
      {
        name: input.name,
        description: input.description ?? null,
        entity: input.query.entity,
        definition: JSON.stringify(input.query),
        ownerId,
        createdById: ownerId,
        updatedById: ownerId,
      },
      { transaction },
    );
    await recordAudit(
      ctx,
      {
        action: 'create',
        entityType: 'saved_query',
        entityId: created.id,
        summary: created.name,
        after: auditView(created),
      },
      transaction,
    );

    return created;
  });

  return presentOne(ctx, row);
}

/** Replaces a saved query, given the version read; its owner or an administrator only. */
export async function updateSavedQuery(
  ctx: Ctx,
  id: number,
  input: {
    name: string;
    description?: string | null;
    query: TargetQuery;
    version: number;
  },
): Promise<SavedQueryDto> {
  await checkReferences(ctx, input.query);
  const row = await ctx.db.sequelize.transaction(async (transaction) => {
    const current = await findSaved(ctx, id, transaction);
    if (!canEdit(ctx, current)) throw forbidden();
    if (current.version !== input.version)
      throw versionConflict(current.version);
    const before = auditView(current);
    const [count] = await ctx.db.models.SavedQuery.update(
      {
        name: input.name,
        description: input.description ?? null,
        entity: input.query.entity,
        definition: JSON.stringify(input.query),
        version: input.version + 1,
        updatedById: ctx.actor.id,
      },
      { where: { id, version: input.version }, transaction },
    );
    if (count === 0) throw versionConflict(input.version + 1);
    const updated = await findSaved(ctx, id, transaction);
    await recordAudit(
      ctx,
      {
        action: 'update',
        entityType: 'saved_query',
        entityId: id,
        summary: updated.name,
        before,
        after: auditView(updated),
      },
      transaction,
    );

    return updated;
  });

  return presentOne(ctx, row);
}

/** Deletes a saved query (kept, soft-deleted, for the audit trail). */
export async function deleteSavedQuery(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.sequelize.transaction(async (transaction) => {
    const row = await findSaved(ctx, id, transaction);
    if (!canEdit(ctx, row)) throw forbidden();
    await row.destroy({ transaction });
    await recordAudit(
      ctx,
      {
        action: 'delete',
        entityType: 'saved_query',
        entityId: id,
        summary: row.name,
        before: auditView(row),
      },
      transaction,
    );
  });
}

/** A saved query evaluated now: a page of its results with the live count. */
export async function savedQueryResults(
  ctx: Ctx,
  id: number,
  options: {
    page: number;
    pageSize: number;
    sort?: TargetSort;
    channel?: Channel;
    includeOptedOut?: boolean;
  },
): Promise<TargetPageDto> {
  const row = await findSaved(ctx, id);
  const query = parseInput(targetQuery, JSON.parse(row.definition));

  return searchQuery(ctx, { ...options, query });
}
