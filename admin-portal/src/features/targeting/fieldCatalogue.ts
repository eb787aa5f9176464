import {
  companyFields,
  contactFields,
  operatorLabels,
  operatorShapes,
  type CriterionOperator,
  type FieldSpec,
  type TargetEntity,
  type ValueShape,
} from 'core-api/client';
import type { Locale, MessageKey } from '../../i18n/messages.ts';

/** The builder's headings over the fields, in the order it shows them. */
export const fieldGroups: Array<[FieldSpec['group'], MessageKey]> = [
  ['identity', 'targeting.group.identity'],
  ['classification', 'targeting.group.classification'],
  ['organisation', 'targeting.group.organisation'],
  ['geography', 'targeting.group.geography'],
  ['channels', 'targeting.group.channels'],
  ['dates', 'targeting.group.dates'],
  ['lists', 'targeting.group.lists'],
];

/**
 * The fields a person picks from: the API's catalogue (plain data shipped
 * with the client), less the explicit selection by id, which screens build
 * from a selection rather than by hand.
 */
export function fieldsOf(entity: TargetEntity): readonly FieldSpec[] {
  const fields = entity === 'contact' ? contactFields : companyFields;

  return fields.filter((spec) => spec.field !== 'id');
}

/** The spec of `field`, or undefined for a field the catalogue lacks. */
export function specOf(
  entity: TargetEntity,
  field: string,
): FieldSpec | undefined {
  const fields = entity === 'contact' ? contactFields : companyFields;

  return fields.find((spec) => spec.field === field);
}

/** A field's label in the reader's language. */
export function fieldLabel(spec: FieldSpec, locale: Locale): string {
  return spec.label[locale];
}

/** An operator in words (« commence par », « starts with »). */
export function operatorLabel(
  operator: CriterionOperator,
  locale: Locale,
): string {
  const [fr, en] = operatorLabels[operator];

  return locale === 'en' ? en : fr;
}

/**
 * What the value editor must ask for: the operator's shape, where `in` and
 * `notIn` read ids on fields of records (companies, lists).
 */
export function shapeOf(spec: FieldSpec, operator: CriterionOperator) {
  const shape: ValueShape = operatorShapes[operator];
  if (shape === 'texts' && spec.ids) return 'ids' as const;

  return shape;
}

/**
 * The value a criterion starts with when its field or operator changes:
 * nothing to fill for presence, « oui » for yes/no fields, twelve months
 * for a recent period, else empty.
 */
export function initialValue(shape: ValueShape): unknown {
  if (shape === 'boolean') return true;
  if (shape === 'count') return 12;
  if (shape === 'texts' || shape === 'ids' || shape === 'dates') return [];

  return shape === 'none' ? null : '';
}
