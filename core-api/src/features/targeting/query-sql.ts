import type { Sequelize } from 'sequelize';
import type { Dialect } from '../../platform/db/database.ts';
import { CompanyCompiler } from './company-sql.ts';
import { ContactCompiler } from './contact-sql.ts';
import type { Channel, TargetQuery, TargetSort } from './query.schemas.ts';
import { Compiler, type CompileEnv } from './sql-compiler.ts';

export {
  monthsBefore,
  parisMidnight,
  type CompileEnv,
} from './sql-compiler.ts';

/** The compiled parts of one query, ready to assemble into statements. */
export type CompiledQuery = {
  entity: TargetQuery['entity'];
  dialect: Dialect;
  /** The table and its alias. */
  from: string;
  alias: 'c' | 'co';
  /** Who may match at all, and what the query asks for (child rows as lists). */
  where: string;
  /** The same condition with child rows as probes (see `ContactCompiler`). */
  probeWhere: string;
  /** Who is left out for the channel (false when nobody can be). */
  excluded: string;
  /** The SQL of a boolean literal, for comparisons. */
  lit: (value: string | number | boolean | Date) => string;
};

/** The condition that leaves a contact out of a channel. */
function optOutCondition(compiler: Compiler, channel?: Channel): string {
  if (!channel) return '1 = 0';
  const yes = compiler.lit(true);
  const column: Record<Channel, string | null> = {
    email: 'c.opt_out_email',
    sms: 'c.opt_out_sms',
    post: 'c.opt_out_post',
    phone: 'c.opt_out_phone',
    // No fax opt-out is recorded: only "do not contact" leaves someone out.
    fax: null,
  };
  const optOut = column[channel];

  return optOut
    ? `(c.do_not_contact = ${yes} OR ${optOut} = ${yes})`
    : `c.do_not_contact = ${yes}`;
}

/**
 * Compiles a query for the sequelize's dialect: the WHERE condition (soft-
 * deleted and deactivated contacts never match) and the opt-out condition.
 */
export function compileQuery(
  sequelize: Sequelize,
  query: TargetQuery,
  env: CompileEnv,
  channel: Channel | undefined,
): CompiledQuery {
  if (query.entity === 'company') {
    const compiler = new CompanyCompiler(sequelize, env);

    return {
      entity: 'company',
      dialect: compiler.dialect,
      from: 'companies co',
      alias: 'co',
      where: `co.deleted_at IS NULL AND ${compiler.group(query.where)}`,
      probeWhere: `co.deleted_at IS NULL AND ${compiler.group(query.where)}`,
      excluded: '1 = 0',
      lit: (value) => compiler.lit(value),
    };
  }
  const compiler = new ContactCompiler(sequelize, env);
  const live = 'c.deleted_at IS NULL AND c.deactivated_at IS NULL AND ';
  const where = live + compiler.group(query.where);
  compiler.probe = true;

  return {
    entity: 'contact',
    dialect: compiler.dialect,
    from: 'contacts c',
    alias: 'c',
    where,
    probeWhere: live + compiler.group(query.where),
    excluded: optOutCondition(compiler, channel),
    lit: (value) => compiler.lit(value),
  };
}

/** The statement counting matches and those left out. */
export function countSql(compiled: CompiledQuery): string {
  return (
    'SELECT COUNT(*) AS matched, ' +
    `SUM(CASE WHEN ${compiled.excluded} THEN 1 ELSE 0 END) AS excluded ` +
    `FROM ${compiled.from} WHERE ${compiled.where}`
  );
}

/** One sort key: an expression, its direction, and whether it may be NULL. */
type SortKey = { expr: string; desc: boolean; nullable?: boolean };

/**
 * Sort keys, the id last. Names and cities sort on their stored folded keys
 * (`sortKey`: capitals, accents and ligatures ignored, word by word), so the
 * order is French and the same on every database; ties go to the names as
 * typed, then the id. Contact names follow the `contacts_name_keys` index
 * column for column, so a page can walk it and stop after its rows; the
 * keyset below deals with their NULLs.
 */
export function sortKeys(
  compiled: CompiledQuery,
  sort: TargetSort | undefined,
): SortKey[] {
  const by = sort?.by ?? 'name';
  const desc =
    (sort?.direction ?? (by === 'updated' ? 'desc' : 'asc')) === 'desc';
  const a = compiled.alias;
  const id = { expr: `${a}.id`, desc };
  if (compiled.entity === 'company') {
    const name = [
      { expr: 'co.name_key', desc },
      { expr: 'co.name', desc },
    ];
    switch (by) {
      case 'city':
        return [{ expr: 'co.city_key', desc, nullable: true }, ...name, id];
      case 'updated':
        return [{ expr: 'co.updated_at', desc }, id];
      default:
        return [...name, id];
    }
  }
  const name = [
    { expr: 'c.last_name_key', desc, nullable: true },
    { expr: 'c.first_name_key', desc, nullable: true },
    { expr: 'c.last_name', desc, nullable: true },
    { expr: 'c.first_name', desc, nullable: true },
  ];
  switch (by) {
    case 'company':
      return [
        {
          expr:
            'COALESCE((SELECT MIN(co.name_key) FROM contact_companies cc JOIN companies co ' +
            "ON co.id = cc.company_id WHERE cc.contact_id = c.id AND cc.end_date IS NULL), '')",
          desc,
        },
        ...name,
        id,
      ];
    case 'city':
      // The city a geography criterion sees: the contact's own, else its
      // main company's (see `ContactCompiler.located`).
      return [
        {
          expr:
            'COALESCE((SELECT MIN(ca.city_key) FROM contact_addresses ca ' +
            'WHERE ca.contact_id = c.id), (SELECT MIN(co.city_key) FROM ' +
            'contact_companies cc JOIN companies co ON co.id = cc.company_id ' +
            'AND co.deleted_at IS NULL WHERE cc.contact_id = c.id AND ' +
            `cc.end_date IS NULL AND cc.is_primary = ${compiled.lit(true)}), '')`,
          desc,
        },
        ...name,
        id,
      ];
    case 'updated':
      return [{ expr: 'c.updated_at', desc }, id];
    default:
      return [...name, id];
  }
}

export function limitSql(dialect: Dialect, limit: number, offset = 0): string {
  return dialect === 'mssql'
    ? `OFFSET ${offset} ROWS FETCH NEXT ${limit} ROWS ONLY`
    : `LIMIT ${limit} OFFSET ${offset}`;
}

/** True when an index serves the sort, so a page may walk it and stop early. */
export function indexedSort(
  compiled: CompiledQuery,
  sort: TargetSort | undefined,
): boolean {
  const by = sort?.by ?? 'name';

  return compiled.entity === 'contact' && (by === 'name' || by === 'updated');
}

/** One page of included ids, by offset (screens), in sort order. */
export function pageSql(
  compiled: CompiledQuery,
  sort: TargetSort | undefined,
  limit: number,
  offset: number,
  probe = false,
): string {
  const order = sortKeys(compiled, sort)
    .map((key) => `${key.expr}${key.desc ? ' DESC' : ''}`)
    .join(', ');

  return (
    `SELECT ${compiled.alias}.id AS id FROM ${compiled.from} ` +
    `WHERE ${probe ? compiled.probeWhere : compiled.where} ` +
    `AND NOT (${compiled.excluded}) ` +
    `ORDER BY ${order} ${limitSql(compiled.dialect, limit, offset)}`
  );
}

/**
 * One page of included ids with the counts, in one pass: for a sort no index
 * serves, the page computes every included contact's sort keys anyway, so
 * the counts come from the same rows (window aggregates) rather than from a
 * second reading of the target. Each row carries `matched` and `excluded`;
 * an empty page says nothing of them.
 */
export function countedPageSql(
  compiled: CompiledQuery,
  sort: TargetSort | undefined,
  limit: number,
  offset: number,
): string {
  const keys = sortKeys(compiled, sort);
  const select = keys
    .map((key, index) => `${key.expr} AS k${index}`)
    .join(', ');
  const order = keys
    .map((key, index) => `t.k${index}${key.desc ? ' DESC' : ''}`)
    .join(', ');
  const left = `CASE WHEN ${compiled.excluded} THEN 1 ELSE 0 END`;

  return (
    'SELECT t.id AS id, t.matched AS matched, t.excluded AS excluded FROM ' +
    `(SELECT ${compiled.alias}.id AS id, ${select}, ${left} AS x, ` +
    `COUNT(*) OVER () AS matched, SUM(${left}) OVER () AS excluded ` +
    `FROM ${compiled.from} WHERE ${compiled.where}) t ` +
    `WHERE t.x = 0 ORDER BY ${order} ${limitSql(compiled.dialect, limit, offset)}`
  );
}

/**
 * The next batch after `after` (the previous batch's last sort keys), by
 * keyset (or, to jump ahead, `offset` rows further): the sort keys are
 * computed in a derived table, then compared one by one, spelt out since
 * SQL Server has no row comparison. NULLs come first in ascending order on
 * SQLite and SQL Server, last on PostgreSQL.
 */
export function keysetSql(
  compiled: CompiledQuery,
  sort: TargetSort | undefined,
  limit: number,
  after: unknown[] | null,
  probe = false,
  offset = 0,
): string {
  const keys = sortKeys(compiled, sort);
  const select = keys
    .map((key, index) => `${key.expr} AS k${index}`)
    .join(', ');
  const order = keys
    .map((key, index) => `t.k${index}${key.desc ? ' DESC' : ''}`)
    .join(', ');
  let seek = '';
  if (after) {
    const clause = (index: number): string => {
      const key = keys[index]!;
      const column = `t.k${index}`;
      const value = after[index];
      const rest = index === keys.length - 1 ? null : clause(index + 1);
      const nullsBefore =
        compiled.dialect === 'postgres' ? key.desc : !key.desc;
      if (value === null || value === undefined) {
        const same = `(${column} IS NULL AND ${rest ?? '1 = 0'})`;
        return nullsBefore ? `(${column} IS NOT NULL OR ${same})` : same;
      }
      const literal = compiled.lit(value as string | number | Date);
      const beyond = `${column} ${key.desc ? '<' : '>'} ${literal}`;
      if (!rest) return beyond;
      const nulls = key.nullable && !nullsBefore ? ` OR ${column} IS NULL` : '';

      return `(${beyond} OR (${column} = ${literal} AND ${rest})${nulls})`;
    };
    seek = `WHERE ${clause(0)} `;
  }

  return (
    `SELECT ${keys.map((_, index) => `t.k${index}`).join(', ')} FROM ` +
    `(SELECT ${select} FROM ${compiled.from} ` +
    `WHERE ${probe ? compiled.probeWhere : compiled.where} ` +
    `AND NOT (${compiled.excluded})) t ${seek}` +
    `ORDER BY ${order} ${limitSql(compiled.dialect, limit, offset)}`
  );
}
