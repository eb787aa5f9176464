import type { Sequelize } from 'sequelize';
import { dialectOf, type Dialect } from '../../platform/db/database.ts';
import {
  departmentPrefixes,
  isGroup,
  regions,
  type QueryCriterion,
  type QueryGroup,
} from './query.schemas.ts';
import { fold, sortKey } from '../../platform/text/fold.ts';
import { parseQuery } from '../search/search-text.ts';
import type { Selections } from './selections.ts';

/**
 * What compiling needs besides the query: the descendants of each taxonomy
 * term (resolved beforehand, see `termTree`) and the present moment, so
 * relative dates are fixed once per statement.
 */
export type CompileEnv = {
  /** A term and all its descendants. */
  termAndDescendants: (termId: number) => number[];
  now: Date;
  /** Where large id lists were stored (see `storeSelections`). */
  selections?: Selections;
};

/** Turns a query into SQL conditions for one dialect; values are escaped literals. */
export abstract class Compiler {
  readonly dialect: Dialect;

  constructor(
    private readonly sequelize: Sequelize,
    private readonly env: CompileEnv,
  ) {
    this.dialect = dialectOf(sequelize);
  }

  /** A group: its items joined by AND or OR, negated when `not`. */
  group(group: QueryGroup): string {
    const parts = group.items.map((item) =>
      isGroup(item) ? this.group(item) : this.criterion(item),
    );
    const joined =
      parts.length === 0
        ? '1 = 1'
        : parts.join(group.op === 'and' ? ' AND ' : ' OR ');

    return group.not ? `NOT (${joined})` : `(${joined})`;
  }

  criterion(criterion: QueryCriterion): string {
    const sql = this.positive(criterion);

    return criterion.not ? `NOT (${sql})` : sql;
  }

  /** One criterion's condition, before its own `not`. */
  abstract positive(criterion: QueryCriterion): string;

  lit(value: string | number | boolean | Date): string {
    // Sequelize escapes booleans per dialect (1/0, true/false) though its
    // types omit them.
    return this.sequelize.escape(value as string);
  }

  list(values: readonly (string | number)[]): string {
    return values.map((value) => this.lit(value)).join(', ');
  }

  /**
   * `column IN (…)` (`NOT IN` when `present` is false) for a list of ids:
   * literals, or the ids' stored selection read through its primary key.
   */
  ids(column: string, values: readonly number[], present: boolean): string {
    const stored = this.env.selections?.get(values);
    const list = stored
      ? 'SELECT s.entity_id FROM target_selections s ' +
        `WHERE s.selection_id = ${this.lit(stored)}`
      : this.list(values);

    return `${column} ${present ? 'IN' : 'NOT IN'} (${list})`;
  }

  ident(name: string): string {
    return this.sequelize.getQueryInterface().quoteIdentifier(name);
  }

  /**
   * `column` begins with `prefix`, written as a range the B-tree index serves
   * on every dialect and collation, plus a LIKE that keeps only true prefixes
   * (a linguistic collation may put `lemonde` inside `le mon`…`le moo`).
   */
  prefix(column: string, prefix: string): string {
    const last = prefix.charCodeAt(prefix.length - 1);
    const upper = prefix.slice(0, -1) + String.fromCharCode(last + 1);

    return (
      `(${column} >= ${this.lit(prefix)} AND ${column} < ${this.lit(upper)} ` +
      `AND ${column} LIKE ${this.lit(`${likeEscape(prefix)}%`)} ESCAPE '!')`
    );
  }

  /**
   * Free text read as the search box reads it (`parseQuery`): one condition
   * on the search words `st` per word typed, a word's beginning (a short or
   * numeric word whole), digits the beginning of a phone number. Every
   * condition must find the record.
   */
  textWords(typed: string): string[] {
    return parseQuery(typed).map((word) => {
      if (word.kind === 'digits') {
        return (
          `(st.token = ${this.lit(word.token)} OR (st.field = 'phone' AND ` +
          `${this.prefix('st.token', word.token)}))`
        );
      }

      return word.prefix
        ? this.prefix('st.token', word.token)
        : `st.token = ${this.lit(word.token)}`;
    });
  }

  like(column: string, pattern: string): string {
    return `LOWER(${column}) LIKE ${this.lit(pattern)} ESCAPE '!'`;
  }

  /**
   * A text criterion on one column, accents and capitals ignored as the
   * search box and the contacts filter ignore them: on the column's stored
   * folded key when it has one (`foldedKeys`: the B-tree serves equality and
   * prefixes), else on the column folded in SQL (`foldedSql`).
   */
  text(column: string, criterion: QueryCriterion): string {
    const key = foldedKeys[column];
    const typed = (value: unknown) =>
      typeof value === 'string' ? value.trim() : '';
    // A key holds words only: what a word-less value ("-") asks for is
    // compared on the folded column instead.
    const keyed =
      key !== undefined &&
      (Array.isArray(criterion.value)
        ? (criterion.value as string[]).every((item) => sortKey(item))
        : sortKey(typed(criterion.value)) !== null);
    const target = keyed ? key : this.foldedSql(column);
    const wanted = (value: unknown) =>
      keyed ? (sortKey(typed(value)) ?? '') : fold(typed(value));
    const value = wanted(criterion.value);
    // Without a key, a LIKE with the accented letters as wildcards (cheap)
    // keeps the few rows worth folding in SQL (dear on long notes).
    const blind = (pattern: string, sql: string) =>
      keyed ? sql : `(${this.like(column, pattern)} AND ${sql})`;
    const blindValue = blindPattern(value);
    switch (criterion.operator) {
      case 'eq':
        return blind(blindValue, `${target} = ${this.lit(value)}`);
      case 'neq':
        return `(${column} IS NULL OR ${target} <> ${this.lit(value)})`;
      case 'startsWith':
        return keyed
          ? this.prefix(target, value)
          : blind(
              `${blindValue}%`,
              `${target} LIKE ${this.lit(`${likeEscape(value)}%`)} ESCAPE '!'`,
            );
      case 'contains':
        return blind(
          `%${blindValue}%`,
          `${target} LIKE ${this.lit(`%${likeEscape(value)}%`)} ESCAPE '!'`,
        );
      case 'in':
      case 'notIn': {
        const values = (criterion.value as string[]).map(wanted);
        const test = `${target} IN (${this.list(values)})`;

        return criterion.operator === 'in'
          ? test
          : `(${column} IS NULL OR NOT ${test})`;
      }
      case 'empty':
        return `(${column} IS NULL OR ${column} = '')`;
      case 'notEmpty':
        return `(${column} IS NOT NULL AND ${column} <> '')`;
      default:
        throw unexpected(criterion);
    }
  }

  /**
   * A column folded in SQL the way `fold` folds typed text, for the fields
   * without a stored key: lower case, then the accented letters of French
   * and its neighbours (both cases, since SQLite's LOWER knows ASCII only)
   * and the œ/æ ligatures replaced, with plain REPLACE calls every database
   * has (no unaccent extension, no collation to rely on).
   */
  foldedSql(column: string): string {
    return sqlFolds.reduce(
      (sql, [from, to]) =>
        `REPLACE(${sql}, ${this.lit(from)}, ${this.lit(to)})`,
      `LOWER(${column})`,
    );
  }

  /** A code criterion: values compared as stored. */
  codes(column: string, criterion: QueryCriterion): string {
    switch (criterion.operator) {
      case 'eq':
        return `${column} = ${this.lit(criterion.value as string)}`;
      case 'in':
        return `${column} IN (${this.list(criterion.value as string[])})`;
      case 'notIn':
        return (
          `(${column} IS NULL OR ${column} NOT IN ` +
          `(${this.list(criterion.value as string[])}))`
        );
      case 'empty':
        return `${column} IS NULL`;
      case 'notEmpty':
        return `${column} IS NOT NULL`;
      default:
        throw unexpected(criterion);
    }
  }

  bool(column: string, value: boolean): string {
    return `${column} = ${this.lit(value)}`;
  }

  /** The start of a day in Europe/Paris, as an instant. */
  dayStart(day: string): Date {
    return parisMidnight(day);
  }

  date(dated: string, criterion: QueryCriterion): string {
    const now = this.env.now;
    // SQLite, without statistics on value ranges, would read a wide range
    // ("updated in the last 12 months": a third of the base) through the
    // date index, one table lookup per row, slower than a plain scan; the
    // unary plus keeps the index for sorting only. The other planners weigh
    // ranges themselves.
    const column = this.dialect === 'sqlite' ? `+${dated}` : dated;
    switch (criterion.operator) {
      case 'before':
        return `${column} < ${this.lit(this.dayStart(criterion.value as string))}`;
      case 'after':
        return `${column} >= ${this.lit(this.dayStart(criterion.value as string))}`;
      case 'between': {
        const [from, to] = criterion.value as [string, string];
        return (
          `(${column} >= ${this.lit(this.dayStart(from))} AND ` +
          `${column} < ${this.lit(this.dayStart(nextDay(to)))})`
        );
      }
      case 'lastDays': {
        const since = new Date(
          now.getTime() - (criterion.value as number) * 86_400_000,
        );
        return `${column} >= ${this.lit(since)}`;
      }
      case 'lastMonths':
        return `${column} >= ${this.lit(monthsBefore(now, criterion.value as number))}`;
      default:
        throw unexpected(criterion);
    }
  }

  /** Term ids with every descendant, for `anyOf`/`allOf`/`noneOf`. */
  terms(
    criterion: QueryCriterion,
    matchAny: (termIds: number[]) => string,
  ): string {
    const ids = criterion.value as number[];
    const expand = (id: number) => this.env.termAndDescendants(id);
    switch (criterion.operator) {
      case 'anyOf':
        return matchAny(unique(ids.flatMap(expand)));
      case 'noneOf':
        return `NOT ${matchAny(unique(ids.flatMap(expand)))}`;
      case 'allOf':
        return `(${ids.map((id) => matchAny(expand(id))).join(' AND ')})`;
      default:
        throw unexpected(criterion);
    }
  }

  /**
   * Postal codes of departments, as prefix ranges; only French addresses
   * (or addresses without a country) count.
   */
  departments(
    postalCode: string,
    country: string,
    departments: readonly string[],
  ): string {
    const prefixes = departments.flatMap(departmentPrefixes);
    const ranges = mergePrefixes(prefixes).map((p) =>
      this.prefix(postalCode, p),
    );

    return (
      `((${country} IS NULL OR ${country} = 'FR') AND ` +
      `(${ranges.join(' OR ')}))`
    );
  }

  /** Geography on columns of one row (a contact address, a company). */
  geography(
    criterion: QueryCriterion,
    columns: { city: string; postalCode: string; country: string },
  ): string {
    const { city, postalCode, country } = columns;
    const values = criterion.value as string[];
    switch (criterion.field) {
      case 'city':
        return this.text(city, criterion);
      case 'postalCode':
        if (criterion.operator === 'startsWith') {
          return this.prefix(
            postalCode,
            (criterion.value as string).replace(/\s/g, ''),
          );
        }
        if (criterion.operator === 'eq') {
          return `${postalCode} = ${this.lit((criterion.value as string).replace(/\s/g, ''))}`;
        }
        if (criterion.operator === 'in') {
          return `${postalCode} IN (${this.list(values.map((v) => v.replace(/\s/g, '')))})`;
        }
        return this.codes(postalCode, criterion);
      case 'department':
        return this.departments(postalCode, country, values);
      case 'region':
        return this.departments(
          postalCode,
          country,
          regions
            .filter((region) => values.includes(region.code))
            .flatMap((region) => region.departments),
        );
      case 'country':
        return this.codes(country, {
          ...criterion,
          value: Array.isArray(criterion.value)
            ? values.map((v) => v.trim().toUpperCase())
            : criterion.value,
        });
      default:
        throw unexpected(criterion);
    }
  }
}

export function unexpected(criterion: QueryCriterion): Error {
  return new Error(
    `Unsupported criterion ${criterion.field} ${criterion.operator}`,
  );
}

export function unique(ids: number[]): number[] {
  return [...new Set(ids)];
}

/**
 * The columns with a stored folded key (`sortKey`, written beside them by
 * every writer), which text criteria compare instead of the column.
 */
const foldedKeys: Record<string, string> = {
  'c.last_name': 'c.last_name_key',
  'c.first_name': 'c.first_name_key',
  'co.name': 'co.name_key',
  'co.city': 'co.city_key',
  'ca.city': 'ca.city_key',
};

/** Accented letters and ligatures, each with what `fold` makes of it. */
const sqlFolds: [string, string][] = Object.entries({
  a: 'àáâãäåÀÁÂÃÄÅ',
  c: 'çÇ',
  e: 'èéêëÈÉÊË',
  i: 'ìíîïÌÍÎÏ',
  n: 'ñÑ',
  o: 'òóôõöøÒÓÔÕÖØ',
  u: 'ùúûüÙÚÛÜ',
  y: 'ýÿÝŸ',
  oe: 'œŒ',
  ae: 'æÆ',
}).flatMap(([to, letters]) =>
  [...letters].map((letter): [string, string] => [letter, to]),
);

/** LIKE wildcards and the escape character itself, escaped with `!`. */
export function likeEscape(value: string): string {
  return value.replace(/[!%_[]/g, (char) => `!${char}`);
}

/** Drops prefixes that a shorter one already covers, sorted. */
function mergePrefixes(prefixes: string[]): string[] {
  const sorted = [...new Set(prefixes)].sort();

  return sorted.filter(
    (prefix) =>
      !sorted.some((other) => other !== prefix && prefix.startsWith(other)),
  );
}

const parisDay = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Midnight in Europe/Paris on a `YYYY-MM-DD` day. */
export function parisMidnight(day: string): Date {
  const utc = new Date(`${day}T00:00:00Z`);
  // Paris is one or two hours ahead of UTC: try both, keep the one that
  // reads 00:00 in Paris.
  for (const hours of [1, 2]) {
    const candidate = new Date(utc.getTime() - hours * 3_600_000);
    if (parisDay.format(candidate) === '00:00') return candidate;
  }

  return utc;
}

/** The calendar day after a `YYYY-MM-DD` day. */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);

  return date.toISOString().slice(0, 10);
}

/** The same moment `months` months earlier (the last day of a shorter month). */
export function monthsBefore(now: Date, months: number): Date {
  const date = new Date(now.getTime());
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - months);
  const lastDay = new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0),
  ).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));

  return date;
}

/**
 * A `LIKE` pattern that finds folded words in text stored with its accents
 * and capitals: letters that French writes with accents (and `oe`/`ae`, which
 * may be ligatures) become wildcards, as does what separates the words. The
 * search tokens already found the words; this only confirms where they are
 * (in the function, not in the notes). `anchored` matches the whole value.
 */
export function accentBlindPattern(folded: string[], anchored = false): string {
  const blind = folded.map(blindPattern).join('%');

  return anchored ? blind : `%${blind}%`;
}

/**
 * Folded text as a `LIKE` pattern (escaped) that also finds it written with
 * accents or ligatures: the letters French accents become `_`, `oe`/`ae`
 * (maybe `œ`/`æ`) become `%`.
 */
function blindPattern(folded: string): string {
  return likeEscape(folded)
    .replace(/oe|ae/g, '%')
    .replace(/[aceinouy]/g, '_');
}
