/**
 * The target query model (issue #4): a JSON tree of groups whose leaves are
 * criteria.
 *
 * ```json
 * { "entity": "contact",
 *   "where": { "op": "and", "items": [
 *     { "field": "contactType", "operator": "in", "value": ["press"] },
 *     { "field": "department", "operator": "in", "value": ["31", "81", "82"] },
 *     { "op": "or", "not": true, "items": [
 *       { "field": "list", "operator": "in", "value": [12] } ] } ] } }
 * ```
 *
 * - A group is `{ op: 'and' | 'or', not?: boolean, items: [...] }`; groups
 *   nest to any depth up to `maxDepth`; an empty group matches everyone.
 * - A criterion is `{ field, operator, value?, not?: boolean }`; the fields of
 *   each entity and the operators they accept are in `query-fields.ts`
 *   (served by `GET /api/targeting/fields`), and `operatorShapes` says what
 *   `value` must be for each operator.
 * - `terms` criteria take term ids and include every descendant of each term
 *   (a domain covers its sub-domains).
 * - `department` and `region` are derived from postal codes, never stored.
 * - Dates are days in Europe/Paris (`YYYY-MM-DD`); `lastMonths: 12` means
 *   from the same day twelve months ago.
 * - `channel` leaves out, by default, the contacts who opted out of that
 *   channel or must not be contacted; counts report how many.
 *
 * A wrong query is refused with every problem named by its path
 * (`where.items.2.items.0.value`), in French and English.
 */
import { z } from 'zod';
import { channels } from '../contacts/contacts.schemas.ts';
import {
  criterionOperators,
  fieldSpec,
  operatorShapes,
  targetEntities,
  type CriterionOperator,
  type TargetEntity,
} from './query-fields.ts';

export * from './query-fields.ts';

/** The channels a query can target (the contacts' own list). */
export { channels };

export type Channel = (typeof channels)[number];

/** One condition on a field. */
export type QueryCriterion = {
  field: string;
  operator: CriterionOperator;
  value?: unknown;
  /** True to keep what the criterion does not match. */
  not?: boolean;
};

/** Criteria and groups combined by AND or OR, negated when `not`. */
export type QueryGroup = {
  op: 'and' | 'or';
  not?: boolean;
  items: QueryItem[];
};

export type QueryItem = QueryGroup | QueryCriterion;

/** How deep groups may nest, and how many criteria a query may hold. */
export const maxDepth = 12;
export const maxCriteria = 200;
const maxValues = 5000;
/**
 * Most ids an `id` criterion may name: a screen's selection, as many as an
 * export of chosen contacts takes (large lists are stored while the target
 * is read, see `storeSelections`).
 */
export const maxSelection = 100_000;

/** A query: which entity, which conditions, and for which channel. */
export type TargetQuery = {
  entity: TargetEntity;
  where: QueryGroup;
  /** Leave out who opted out of this channel or must not be contacted. */
  channel?: Channel;
};

export const targetSorts = ['name', 'company', 'city', 'updated'] as const;
export type TargetSort = {
  by: (typeof targetSorts)[number];
  /** Ascending by default; `updated` runs newest first by default. */
  direction?: 'asc' | 'desc';
};

export const targetSort = z.object({
  by: z.enum(targetSorts),
  direction: z.enum(['asc', 'desc']).optional(),
});

/** True when an item is a group rather than a criterion. */
export function isGroup(item: QueryItem): item is QueryGroup {
  return typeof item === 'object' && item !== null && 'items' in item;
}

type Problem = { path: (string | number)[]; message: string };

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

function realDay(value: unknown): boolean {
  if (typeof value !== 'string' || !isoDay.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day));

  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const shortText = (value: unknown) =>
  typeof value === 'string' && value.trim().length > 0 && value.length <= 200;

const isId = (value: unknown) =>
  typeof value === 'number' &&
  Number.isInteger(value) &&
  value > 0 &&
  value <= 2_147_483_647;

/** Checks a criterion's value against its operator; returns the problem, if any. */
function valueProblem(
  entity: TargetEntity,
  criterion: QueryCriterion,
): string | null {
  const spec = fieldSpec(entity, criterion.field);
  if (!spec) return null;
  const value = criterion.value;
  const shape = operatorShapes[criterion.operator];
  const list = (
    check: (item: unknown) => boolean,
    what: string,
    most = maxValues,
  ) =>
    Array.isArray(value) &&
    value.length > 0 &&
    value.length <= most &&
    value.every(check)
      ? null
      : `liste ${/^[aeiouéh]/i.test(what) ? 'd’' : 'de '}${what} attendue ` +
        `(1 à ${most}) / ` +
        `expected a list of ${what === 'identifiants' ? 'ids' : 'values'} (1 to ${most})`;

  switch (shape) {
    case 'none':
      return value === undefined || value === null
        ? null
        : 'aucune valeur attendue / no value expected';
    case 'boolean':
      return typeof value === 'boolean'
        ? null
        : 'vrai ou faux attendu / expected true or false';
    case 'count':
      return isId(value) && (value as number) <= 1200
        ? null
        : 'nombre entier de 1 à 1200 attendu / expected a whole number from 1 to 1200';
    case 'date':
      return realDay(value)
        ? null
        : 'date AAAA-MM-JJ attendue / expected a YYYY-MM-DD date';
    case 'dates':
      return Array.isArray(value) &&
        value.length === 2 &&
        value.every(realDay) &&
        (value[0] as string) <= (value[1] as string)
        ? null
        : 'deux dates AAAA-MM-JJ dans l’ordre attendues / ' +
            'expected two YYYY-MM-DD dates in order';
    case 'ids':
      return list(isId, 'identifiants');
    case 'texts':
      if (spec.ids) {
        const most = spec.field === 'id' ? maxSelection : maxValues;
        return list(isId, 'identifiants', most);
      }
      if (spec.codes) {
        const codes = spec.codes;
        return list(
          (item) => typeof item === 'string' && codes.includes(item),
          'codes',
        )
          ? `valeurs permises : ${codes.join(', ')} / allowed values: ${codes.join(', ')}`
          : null;
      }
      return list(shortText, 'textes');
    case 'text':
      if (spec.codes && criterion.operator === 'eq') {
        return typeof value === 'string' && spec.codes.includes(value)
          ? null
          : `valeurs permises : ${spec.codes.join(', ')} / ` +
              `allowed values: ${spec.codes.join(', ')}`;
      }
      return shortText(value)
        ? null
        : 'texte de 1 à 200 caractères attendu / expected a text of 1 to 200 characters';
  }
}

function checkCriterion(
  entity: TargetEntity,
  item: Record<string, unknown>,
  path: (string | number)[],
  problems: Problem[],
): void {
  const { field, operator } = item;
  const spec = typeof field === 'string' ? fieldSpec(entity, field) : undefined;
  if (!spec) {
    problems.push({
      path: [...path, 'field'],
      message:
        `critère inconnu pour ${entity === 'contact' ? 'les contacts' : 'les sociétés'} ` +
        `: ${String(field)} / unknown ${entity} criterion: ${String(field)}`,
    });
    return;
  }
  if (
    typeof operator !== 'string' ||
    !(criterionOperators as readonly string[]).includes(operator) ||
    !spec.operators.includes(operator as CriterionOperator)
  ) {
    const allowed = spec.operators.join(', ');
    problems.push({
      path: [...path, 'operator'],
      message:
        `opérateur non permis pour ${spec.field} (permis : ${allowed}) / ` +
        `operator not allowed for ${spec.field} (allowed: ${allowed})`,
    });
    return;
  }
  if (item.not !== undefined && typeof item.not !== 'boolean') {
    problems.push({
      path: [...path, 'not'],
      message: 'vrai ou faux attendu / expected true or false',
    });
  }
  const problem = valueProblem(entity, item as QueryCriterion);
  if (problem) problems.push({ path: [...path, 'value'], message: problem });
}

/** Walks the tree and names every problem by its path. */
function checkGroup(
  entity: TargetEntity,
  group: unknown,
  path: (string | number)[],
  depth: number,
  problems: Problem[],
  counter: { criteria: number },
): void {
  if (typeof group !== 'object' || group === null || Array.isArray(group)) {
    problems.push({ path, message: 'groupe attendu / expected a group' });
    return;
  }
  const { op, not, items } = group as Record<string, unknown>;
  if (op !== 'and' && op !== 'or') {
    problems.push({
      path: [...path, 'op'],
      message: '« and » ou « or » attendu / expected "and" or "or"',
    });
  }
  if (not !== undefined && typeof not !== 'boolean') {
    problems.push({
      path: [...path, 'not'],
      message: 'vrai ou faux attendu / expected true or false',
    });
  }
  if (depth > maxDepth) {
    problems.push({
      path,
      message:
        `groupes imbriqués sur plus de ${maxDepth} niveaux / ` +
        `groups nested deeper than ${maxDepth} levels`,
    });
    return;
  }
  if (!Array.isArray(items)) {
    problems.push({
      path: [...path, 'items'],
      message: 'liste de critères attendue / expected a list of criteria',
    });
    return;
  }
  items.forEach((item: unknown, index) => {
    const itemPath = [...path, 'items', index];
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push({
        path: itemPath,
        message: 'critère ou groupe attendu / expected a criterion or a group',
      });
    } else if ('items' in item || 'op' in item) {
      checkGroup(entity, item, itemPath, depth + 1, problems, counter);
    } else {
      counter.criteria++;
      checkCriterion(
        entity,
        item as Record<string, unknown>,
        itemPath,
        problems,
      );
    }
  });
  if (depth === 1 && counter.criteria > maxCriteria) {
    problems.push({
      path,
      message: `plus de ${maxCriteria} critères / more than ${maxCriteria} criteria`,
    });
  }
}

/** The tree, checked as a whole by `targetQuery` (zod cannot name paths in recursive unions). */
const queryTree = z.custom<QueryGroup>(
  (value) => typeof value === 'object' && value !== null,
  { message: 'groupe attendu / expected a group' },
);

/** A target query, checked to the last criterion. */
export const targetQuery = z
  .object({
    entity: z.enum(targetEntities).default('contact'),
    where: queryTree,
    channel: z.enum(channels).optional(),
  })
  .superRefine((query, ctx) => {
    const problems: Problem[] = [];
    checkGroup(query.entity, query.where, ['where'], 1, problems, {
      criteria: 0,
    });
    for (const problem of problems) {
      ctx.addIssue({
        code: 'custom',
        path: problem.path,
        message: problem.message,
      });
    }
  }) as unknown as z.ZodType<TargetQuery, unknown>;
