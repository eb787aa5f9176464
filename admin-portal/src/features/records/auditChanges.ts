import type { AuditEventDto } from 'core-api/client';
import { isMessageKey, type Translate } from '../../i18n/translate.ts';
import {
  changedFields,
  fieldLabel,
  type RecordFields,
} from './recordFields.ts';

/**
 * What an audit event changed, one line per field, `Field : old → new`,
 * read through a kind of record's own fields (a contact, a company): only
 * events that carry both states have changes to show.
 */
export function recordChanges<F>(
  fields: RecordFields<F>,
  event: AuditEventDto,
  t: Translate,
): string[] {
  if (!event.before || !event.after) return [];
  const before = fields.formOf(event.before);
  const after = fields.formOf(event.after);

  return changedFields(fields.fields, before, after).map((field) =>
    t('card.audit.change', {
      field: fields.label(field, t),
      before: fields.describe(field, before, t),
      after: fields.describe(field, after, t),
    }),
  );
}

/** Longest value shown in a change line before it is cut. */
const LONGEST = 120;

/** A stored value in words: « — » for nothing, yes or no, text, or JSON cut short. */
function describeValue(value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  const text =
    typeof value === 'string'
      ? value
      : Array.isArray(value) && value.every((item) => typeof item !== 'object')
        ? value.join(', ')
        : JSON.stringify(value);

  return text.length > LONGEST ? `${text.slice(0, LONGEST - 1)}…` : text;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Bookkeeping every change moves: not worth a line of its own. */
const BOOKKEEPING = new Set(['version', 'updatedAt']);

/** A field in words: the log's own name for it, else the cards'. */
function plainLabel(key: string, t: Translate): string {
  const own = `auditLog.field.${key}`;

  return isMessageKey(own) ? t(own) : fieldLabel(key, t);
}

/**
 * The changes of an event on a record the portal has no card fields for
 * (a term, an account, a list): each top-level value that differs between
 * before and after, named by its field label when the catalogue has one.
 */
export function plainChanges(event: AuditEventDto, t: Translate): string[] {
  const { before, after } = event;
  if (!isObject(before) || !isObject(after)) return [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];

  return keys
    .filter((key) => !BOOKKEEPING.has(key))
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) =>
      t('card.audit.change', {
        field: plainLabel(key, t),
        before: describeValue(before[key], t),
        after: describeValue(after[key], t),
      }),
    );
}

/**
 * An action in words (`update` → « modification »): the card's words for
 * what happens to records, the log's for the rest; else as recorded.
 */
export function auditActionLabel(action: string, t: Translate): string {
  for (const key of [
    `card.audit.action.${action}`,
    `auditLog.action.${action}`,
  ])
    if (isMessageKey(key)) return t(key);

  return action;
}
