/**
 * The targeting engine: what sends and exports start from. A target is an
 * ad-hoc query, a saved query, a static list or explicit ids; each compiles
 * to one SQL statement per question (how many, which ids), run by the
 * database on every dialect: the base is never loaded to be filtered.
 */
import { QueryTypes } from 'sequelize';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { parseInput } from '../../platform/http/validate.ts';
import {
  compileQuery,
  countedPageSql,
  countSql,
  indexedSort,
  keysetSql,
  pageSql,
  type CompiledQuery,
} from './query-sql.ts';
import {
  isGroup,
  targetQuery,
  type Channel,
  type QueryGroup,
  type TargetQuery,
  type TargetSort,
} from './query.schemas.ts';
import { checkReferences } from './references.ts';
import { storeSelections } from './selections.ts';

export type { Channel, TargetQuery, TargetSort };

/** What a send or an export starts from. */
export type TargetRef =
  | { kind: 'query'; query: TargetQuery }
  | { kind: 'savedQuery'; savedQueryId: number }
  | { kind: 'list'; listId: number }
  | { kind: 'contacts'; contactIds: number[] };

export type TargetOptions = {
  /** Leave out who opted out of this channel or must not be contacted. */
  channel?: Channel;
  /** Keep them in anyway (the count then leaves nobody out). */
  includeOptedOut?: boolean;
  sort?: TargetSort;
};

/** A target's counts: matched, of which left out for the channel, and kept. */
export type TargetCount = {
  matched: number;
  excluded: number;
  included: number;
};

type TermLink = { id: number; parent_id: number | null };

/**
 * Every term with its descendants, read once per call: the taxonomy is a few
 * hundred rows, and resolving it here keeps the statement free of recursive
 * CTEs (which SQL Server only allows at the top of a statement).
 */
async function termTree(ctx: Ctx): Promise<(id: number) => number[]> {
  const links = await ctx.db.sequelize.query<TermLink>(
    'SELECT id, parent_id FROM taxonomy_terms WHERE deleted_at IS NULL',
    { type: QueryTypes.SELECT, transaction: ctx.transaction },
  );
  const children = new Map<number, number[]>();
  for (const link of links) {
    if (link.parent_id === null) continue;
    const parent = Number(link.parent_id);
    children.set(parent, [...(children.get(parent) ?? []), Number(link.id)]);
  }

  return (id) => {
    const found = new Set<number>([id]);
    const queue = [id];
    while (queue.length > 0) {
      for (const child of children.get(queue.pop()!) ?? []) {
        if (found.has(child)) continue;
        found.add(child);
        queue.push(child);
      }
    }

    return [...found];
  };
}

function usesTerms(group: QueryGroup): boolean {
  return group.items.some((item) =>
    isGroup(item)
      ? usesTerms(item)
      : item.field === 'terms' || item.field === 'companyTerms',
  );
}

/** The saved query's definition, checked again (fields may have changed since). */
async function savedDefinition(ctx: Ctx, id: number): Promise<TargetQuery> {
  const rows = await ctx.db.sequelize.query<{ definition: string }>(
    'SELECT definition FROM saved_queries WHERE id = :id AND deleted_at IS NULL',
    {
      type: QueryTypes.SELECT,
      replacements: { id },
      transaction: ctx.transaction,
    },
  );
  if (!rows[0]) throw new AppError('NOT_FOUND');

  return parseInput(targetQuery, JSON.parse(rows[0].definition));
}

/** The entity and query a list stands for: its members. */
async function listQuery(ctx: Ctx, listId: number): Promise<TargetQuery> {
  const rows = await ctx.db.sequelize.query<{ entity: string }>(
    'SELECT entity FROM lists WHERE id = :id AND deleted_at IS NULL',
    {
      type: QueryTypes.SELECT,
      replacements: { id: listId },
      transaction: ctx.transaction,
    },
  );
  if (!rows[0]) throw new AppError('NOT_FOUND');
  const entity = rows[0].entity === 'company' ? 'company' : 'contact';

  return {
    entity,
    where: {
      op: 'and',
      items: [{ field: 'list', operator: 'in', value: [listId] }],
    },
  };
}

/** Turns any target into a query over contacts or companies. */
export async function resolveTarget(
  ctx: Ctx,
  ref: TargetRef,
): Promise<TargetQuery> {
  switch (ref.kind) {
    case 'query':
      return ref.query;
    case 'savedQuery':
      return savedDefinition(ctx, ref.savedQueryId);
    case 'list':
      return listQuery(ctx, ref.listId);
    case 'contacts':
      // A large selection is stored while the target is read, not spelt out
      // in the statement (see `storeSelections`).
      return {
        entity: 'contact',
        where: ref.contactIds.length
          ? {
              op: 'and',
              items: [{ field: 'id', operator: 'in', value: ref.contactIds }],
            }
          : // No ids: nobody (an empty group would match everyone).
            { op: 'and', not: true, items: [] },
      };
  }
}

/** A compiled target, and what clears the selections stored for it. */
export type OpenTarget = CompiledQuery & {
  /** Removes the stored selections; call once the target has been read. */
  release: () => Promise<void>;
};

/**
 * Compiles a resolved query for the context's database. Id lists longer
 * than `literalIdLimit` are stored first: `release` removes them.
 */
export async function compileTarget(
  ctx: Ctx,
  query: TargetQuery,
  options: TargetOptions = {},
): Promise<OpenTarget> {
  await checkReferences(ctx, query);
  const termAndDescendants = usesTerms(query.where)
    ? await termTree(ctx)
    : (id: number) => [id];
  const channel = options.includeOptedOut
    ? undefined
    : (options.channel ?? query.channel);
  const { selections, drop } = await storeSelections(ctx, query);
  const compiled = compileQuery(
    ctx.db.sequelize,
    query,
    { termAndDescendants, now: new Date(), selections },
    channel,
  );

  return { ...compiled, release: drop };
}

/** Reads a compiled target, then releases what was stored for it. */
async function withTarget<T>(
  ctx: Ctx,
  query: TargetQuery,
  options: TargetOptions,
  read: (compiled: CompiledQuery) => Promise<T>,
): Promise<T> {
  const compiled = await compileTarget(ctx, query, options);
  try {
    return await read(compiled);
  } finally {
    await compiled.release();
  }
}

export async function countCompiled(
  ctx: Ctx,
  compiled: CompiledQuery,
): Promise<TargetCount> {
  const [row] = await ctx.db.sequelize.query<{
    matched: number | string;
    excluded: number | string | null;
  }>(countSql(compiled), {
    type: QueryTypes.SELECT,
    transaction: ctx.transaction,
  });
  const matched = Number(row?.matched ?? 0);
  const excluded = Number(row?.excluded ?? 0);

  return { matched, excluded, included: matched - excluded };
}

/** Rows a statement may walk in sort order before lists serve better. */
const walkLimit = 10_000;

/**
 * Whether to read a page (or a batch) with probes, walking the contacts in
 * the order of an index and stopping after `wanted` rows, rather than with
 * lists: worth it when the target is a large enough share of the base that
 * the walk meets `wanted` included contacts within `walkLimit` rows.
 */
export async function walkInOrder(
  ctx: Ctx,
  compiled: CompiledQuery,
  sort: TargetSort | undefined,
  included: number,
  wanted: number,
): Promise<boolean> {
  if (!indexedSort(compiled, sort) || included === 0) return false;
  const [row] = await ctx.db.sequelize.query<{ top: number | string | null }>(
    'SELECT MAX(id) AS top FROM contacts',
    { type: QueryTypes.SELECT, transaction: ctx.transaction },
  );
  const base = Number(row?.top ?? 0);

  return (wanted * base) / included <= walkLimit;
}

/**
 * Counts: how many match, and how many of those are left out for the channel
 * (opt-out or do-not-contact).
 */
export async function countTarget(
  ctx: Ctx,
  ref: TargetRef,
  options: TargetOptions = {},
): Promise<TargetCount> {
  const query = await resolveTarget(ctx, ref);

  return withTarget(ctx, query, options, (compiled) =>
    countCompiled(ctx, compiled),
  );
}

/** The same counts for a company target. */
export async function countCompanyTarget(
  ctx: Ctx,
  ref: TargetRef,
  options: TargetOptions = {},
): Promise<TargetCount> {
  return countTarget(ctx, ref, options);
}

async function* keysetIds(
  ctx: Ctx,
  ref: TargetRef,
  entity: 'contact' | 'company',
  options: TargetOptions & { batchSize?: number },
): AsyncIterable<number[]> {
  const query = await resolveTarget(ctx, ref);
  if (query.entity !== entity) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [
        {
          path: 'entity',
          message:
            `une cible de ${entity === 'contact' ? 'contacts' : 'sociétés'} est attendue / ` +
            `expected a ${entity} target`,
        },
      ],
    });
  }
  const compiled = await compileTarget(ctx, query, options);
  try {
    yield* keysetBatches(ctx, compiled, options);
  } finally {
    // Also when the reader stops early (a `break`, a failed export).
    await compiled.release();
  }
}

async function* keysetBatches(
  ctx: Ctx,
  compiled: CompiledQuery,
  options: TargetOptions & { batchSize?: number },
): AsyncIterable<number[]> {
  const batchSize = Math.max(1, Math.min(options.batchSize ?? 1000, 10_000));
  const { included } = await countCompiled(ctx, compiled);
  if (included === 0) return;
  const probe = await walkInOrder(
    ctx,
    compiled,
    options.sort,
    included,
    batchSize,
  );
  let after: unknown[] | null = null;
  for (;;) {
    const rows: Record<string, unknown>[] = await ctx.db.sequelize.query(
      keysetSql(compiled, options.sort, batchSize, after, probe),
      { type: QueryTypes.SELECT, transaction: ctx.transaction },
    );
    if (rows.length === 0) return;
    const keys: number = Object.keys(rows[0]!).length;
    yield rows.map((row: Record<string, unknown>) =>
      Number(row[`k${keys - 1}`]),
    );
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    after = Array.from({ length: keys }, (_, index) => last[`k${index}`]);
  }
}

/**
 * The included contact ids in sort order, in batches of `batchSize` (default
 * 1000), read by keyset pagination so that memory does not grow with the
 * target.
 */
export function targetContactIds(
  ctx: Ctx,
  ref: TargetRef,
  options: TargetOptions & { batchSize?: number } = {},
): AsyncIterable<number[]> {
  return keysetIds(ctx, ref, 'contact', options);
}

/** The company ids of a company target, in sort order, in batches. */
export function targetCompanyIds(
  ctx: Ctx,
  ref: TargetRef,
  options: TargetOptions & { batchSize?: number } = {},
): AsyncIterable<number[]> {
  return keysetIds(ctx, ref, 'company', options);
}

type PageOptions = TargetOptions & { page: number; pageSize: number };

/** One page of included ids by offset (screens), with the live count. */
export async function targetPage(
  ctx: Ctx,
  query: TargetQuery,
  options: PageOptions,
): Promise<{ count: TargetCount; ids: number[] }> {
  return withTarget(ctx, query, options, (compiled) =>
    pageOf(ctx, compiled, options),
  );
}

async function pageOf(
  ctx: Ctx,
  compiled: CompiledQuery,
  options: PageOptions,
): Promise<{ count: TargetCount; ids: number[] }> {
  const offset = (options.page - 1) * options.pageSize;
  if (!indexedSort(compiled, options.sort)) {
    // No index serves the order: the page sorts the whole target, and counts
    // it on the way.
    const rows = await ctx.db.sequelize.query<{
      id: number;
      matched: number | string;
      excluded: number | string | null;
    }>(countedPageSql(compiled, options.sort, options.pageSize, offset), {
      type: QueryTypes.SELECT,
      transaction: ctx.transaction,
    });
    const first = rows[0];
    if (!first) return { count: await countCompiled(ctx, compiled), ids: [] };
    const matched = Number(first.matched);
    const excluded = Number(first.excluded ?? 0);

    return {
      count: { matched, excluded, included: matched - excluded },
      ids: rows.map((row) => Number(row.id)),
    };
  }
  const count = await countCompiled(ctx, compiled);
  if (offset >= count.included) return { count, ids: [] };
  // The count says how common the target is, hence how to read the page.
  const probe = await walkInOrder(
    ctx,
    compiled,
    options.sort,
    count.included,
    offset + options.pageSize,
  );
  const rows = await ctx.db.sequelize.query<{ id: number }>(
    pageSql(compiled, options.sort, options.pageSize, offset, probe),
    { type: QueryTypes.SELECT, transaction: ctx.transaction },
  );

  return { count, ids: rows.map((row) => Number(row.id)) };
}
