/**
 * A target read a screenful at a time for the portal's tables: by keyset
 * after the last row read (the cursor says where), or from an offset when
 * the reader jumps ahead. The same compiled statement as counts, exports and
 * sends (`keysetSql`): no rule of the query model is written twice.
 */
import { QueryTypes } from 'sequelize';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { keysetSql, sortKeys, type CompiledQuery } from './query-sql.ts';
import type { TargetQuery, TargetSort } from './query.schemas.ts';
import type {
  IdsResultDto,
  RowsResultDto,
  TableRowDto,
} from './target-rows.schemas.ts';
import { compileTarget, countCompiled, walkInOrder } from './target.ts';
import { describeCompanies, describeContacts } from './targeting.service.ts';

/** Where the next rows start: the sort it belongs to, the position, the keys. */
type Cursor = { s: string; p: number; k: unknown[] };

/** A sort's name in a cursor, so a cursor of another order is refused. */
function sortName(sort: TargetSort | undefined): string {
  return `${sort?.by ?? 'name'}:${sort?.direction ?? ''}`;
}

/** A date as a tagged object, so it is compared as a date again. */
type DateKey = { d: string };

const isDateKey = (value: unknown): value is DateKey =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as DateKey).d === 'string' &&
  !Number.isNaN(Date.parse((value as DateKey).d));

/** The cursor of the row after `keys` (the last row read), at `position`. */
export function encodeCursor(
  sort: TargetSort | undefined,
  position: number,
  keys: unknown[],
): string {
  const cursor: Cursor = {
    s: sortName(sort),
    p: position,
    k: keys.map((key) =>
      key instanceof Date ? { d: key.toISOString() } : key,
    ),
  };

  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

const badCursor = () =>
  new AppError('VALIDATION_FAILED', {
    fields: [
      {
        path: 'after',
        message:
          'curseur illisible ou d’un autre tri : relisez depuis le début / ' +
          'unreadable cursor, or one of another order: read from the start',
      },
    ],
  });

/** Reads a cursor back, checking it belongs to this sort and these keys. */
export function decodeCursor(
  compiled: CompiledQuery,
  sort: TargetSort | undefined,
  text: string,
): { position: number; keys: unknown[] } {
  let cursor: Cursor;
  try {
    cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  const keys = cursor?.k;
  const fits =
    cursor?.s === sortName(sort) &&
    Number.isInteger(cursor.p) &&
    cursor.p >= 0 &&
    Array.isArray(keys) &&
    keys.length === sortKeys(compiled, sort).length &&
    keys.every(
      (key) =>
        key === null ||
        typeof key === 'string' ||
        (typeof key === 'number' && Number.isFinite(key)) ||
        isDateKey(key),
    );
  if (!fits) throw badCursor();

  return {
    position: cursor.p,
    keys: keys.map((key) => (isDateKey(key) ? new Date(key.d) : key)),
  };
}

/** Compiles, reads, then releases what was stored for the target. */
async function withCompiled<T>(
  ctx: Ctx,
  query: TargetQuery,
  read: (compiled: CompiledQuery) => Promise<T>,
): Promise<T> {
  const compiled = await compileTarget(ctx, query);
  try {
    return await read(compiled);
  } finally {
    await compiled.release();
  }
}

type KeyRow = Record<string, unknown>;

/** Rows of sort keys (`k0`…, the id last) from `offset` rows after `after`. */
async function keyRows(
  ctx: Ctx,
  compiled: CompiledQuery,
  options: {
    sort?: TargetSort;
    after: unknown[] | null;
    /** Rows before the first one wanted, from the very start. */
    position: number;
    offset: number;
    limit: number;
    included: number;
  },
): Promise<KeyRow[]> {
  const { sort, after, position, offset, limit, included } = options;
  if (included === 0) return [];
  // A keyset seek may still walk the index from its start: the rows before
  // the cursor count in whether a walk pays.
  const probe = await walkInOrder(
    ctx,
    compiled,
    sort,
    included,
    position + limit,
  );

  return ctx.db.sequelize.query<KeyRow>(
    keysetSql(compiled, sort, limit, after, probe, offset),
    { type: QueryTypes.SELECT, transaction: ctx.transaction },
  );
}

const lastKey = (row: KeyRow) => {
  const keys = Object.keys(row).length;

  return Number(row[`k${keys - 1}`]);
};

const elapsed = (started: number) =>
  Math.round((performance.now() - started) * 10) / 10;

/**
 * One screenful of a target's rows with the live count, and the cursor of
 * the rows after them. `after` continues where an earlier answer stopped;
 * `offset` skips rows (from the start, or after the cursor).
 */
export async function targetRows(
  ctx: Ctx,
  input: {
    query: TargetQuery;
    sort?: TargetSort;
    after?: string;
    offset: number;
    limit: number;
  },
): Promise<RowsResultDto> {
  const started = performance.now();

  return withCompiled(ctx, input.query, async (compiled) => {
    const cursor = input.after
      ? decodeCursor(compiled, input.sort, input.after)
      : null;
    const position = (cursor?.position ?? 0) + input.offset;
    const count = await countCompiled(ctx, compiled);
    const rows = await keyRows(ctx, compiled, {
      sort: input.sort,
      after: cursor?.keys ?? null,
      position,
      offset: input.offset,
      limit: input.limit,
      included: count.included,
    });
    const ids = rows.map(lastKey);
    const items: TableRowDto[] =
      compiled.entity === 'company'
        ? await describeCompanies(ctx, ids)
        : await describeContacts(ctx, ids);
    const last = rows[rows.length - 1];
    const next =
      last && rows.length === input.limit
        ? encodeCursor(
            input.sort,
            position + rows.length,
            Array.from(
              { length: Object.keys(last).length },
              (_, index) => last[`k${index}`],
            ),
          )
        : null;
    ctx.log.info(
      {
        entity: compiled.entity,
        matched: count.matched,
        position,
        rows: items.length,
        tookMs: elapsed(started),
      },
      'targeting.rows',
    );

    return { count, items, next, tookMs: elapsed(started) };
  });
}

/** The ids of `limit` rows from `offset`, in the table's order. */
export async function targetIdRange(
  ctx: Ctx,
  input: {
    query: TargetQuery;
    sort?: TargetSort;
    offset: number;
    limit: number;
  },
): Promise<IdsResultDto> {
  const started = performance.now();

  return withCompiled(ctx, input.query, async (compiled) => {
    const count = await countCompiled(ctx, compiled);
    const rows = await keyRows(ctx, compiled, {
      sort: input.sort,
      after: null,
      position: input.offset,
      offset: input.offset,
      limit: input.limit,
      included: count.included,
    });
    ctx.log.info(
      { entity: compiled.entity, ids: rows.length, tookMs: elapsed(started) },
      'targeting.ids',
    );

    return { ids: rows.map(lastKey), tookMs: elapsed(started) };
  });
}
