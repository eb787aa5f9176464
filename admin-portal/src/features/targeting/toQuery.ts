import type {
  CriterionOperator,
  QueryGroup,
  QueryItem,
  TargetEntity,
} from 'core-api/client';
import { shapeOf, specOf } from './fieldCatalogue.ts';
import {
  hasValue,
  newKey,
  type DraftCriterion,
  type DraftGroup,
  type DraftNode,
} from './queryDraft.ts';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether a row says enough to be sent: a known field and operator, and a
 * value of the shape the operator needs. Rows still being filled in are
 * left out of the count rather than refused.
 */
export function isComplete(
  entity: TargetEntity,
  criterion: DraftCriterion,
): boolean {
  const spec = specOf(entity, criterion.field);
  const operator = criterion.operator as CriterionOperator;
  if (!spec || !spec.operators.includes(operator)) return false;
  const { value } = criterion;

  switch (shapeOf(spec, operator)) {
    case 'none':
      return true;
    case 'boolean':
      return typeof value === 'boolean';
    case 'count':
      return (
        typeof value === 'number' &&
        Number.isInteger(value) &&
        value >= 1 &&
        value <= 1200
      );
    case 'date':
      return typeof value === 'string' && ISO_DAY.test(value);
    case 'dates':
      return (
        Array.isArray(value) &&
        value.length === 2 &&
        value.every((day) => typeof day === 'string' && ISO_DAY.test(day)) &&
        value[0] <= value[1]
      );
    default:
      return hasValue(value);
  }
}

/**
 * The API's tree for the draft: complete rows only, and groups left empty
 * by that dropped (an empty group would match everyone).
 */
export function toWhere(entity: TargetEntity, group: DraftGroup): QueryGroup {
  const items: QueryItem[] = [];
  for (const item of group.items) {
    if (item.kind === 'group') {
      const nested = toWhere(entity, item);
      if (nested.items.length > 0) items.push(nested);
    } else if (isComplete(entity, item)) {
      const value =
        typeof item.value === 'string' ? item.value.trim() : item.value;
      items.push({
        field: item.field,
        operator: item.operator as CriterionOperator,
        ...(value === null ? {} : { value }),
      });
    }
  }

  return { op: group.op, ...(group.not ? { not: true } : {}), items };
}

/**
 * The draft for a tree read from the API (a saved query); a negated
 * criterion becomes a negated group of one, which the builder can show.
 */
export function fromWhere(group: QueryGroup): DraftGroup {
  const fromItem = (item: QueryItem): DraftNode => {
    if ('items' in item) return fromWhere(item);
    const row: DraftCriterion = {
      kind: 'criterion',
      key: newKey(),
      field: item.field,
      operator: item.operator,
      value: item.value ?? null,
    };
    if (!item.not) return row;

    return { kind: 'group', key: newKey(), op: 'and', not: true, items: [row] };
  };

  return {
    kind: 'group',
    key: newKey(),
    op: group.op,
    not: group.not === true,
    items: group.items.map(fromItem),
  };
}
