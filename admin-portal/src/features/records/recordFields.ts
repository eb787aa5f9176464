import { isMessageKey, type Translate } from '../../i18n/translate.ts';
import type { SocialAccountRow } from './SocialRows.tsx';

/**
 * How a kind of record (contact, company) is edited and compared: its
 * fields in card order, their labels, their values in words, and how a
 * stored record (or an audit event's before and after) reads as the form.
 */
export type RecordFields<F> = {
  fields: readonly (keyof F & string)[];
  label: (field: keyof F & string, t: Translate) => string;
  /** The value in words, « — » when empty. */
  describe: (field: keyof F & string, form: F, t: Translate) => string;
  formOf: (record: unknown) => F;
};

/** The fields whose values differ between two forms of one record. */
export function changedFields<F>(
  fields: readonly (keyof F & string)[],
  a: F,
  b: F,
): (keyof F & string)[] {
  return fields.filter(
    (field) => JSON.stringify(a[field]) !== JSON.stringify(b[field]),
  );
}

/** Text as typed, trimmed; null when nothing is left (the API's « not set »). */
export function textOrNull(value: string): string | null {
  const trimmed = value.trim();

  return trimmed === '' ? null : trimmed;
}

/** The label of a field, the terms named as the API's `termIds` is. */
export function fieldLabel(field: string, t: Translate): string {
  const key = field === 'terms' ? 'field.termIds' : `field.${field}`;

  return isMessageKey(key) ? t(key) : field;
}

/** Social accounts and terms in words, as contacts and companies hold them. */
export function describeShared(
  field: 'socialAccounts' | 'terms',
  form: {
    socialAccounts: SocialAccountRow[];
    terms: { label: string }[];
  },
  t: Translate,
): string {
  const items =
    field === 'terms'
      ? form.terms.map((term) => term.label)
      : form.socialAccounts.map(
          (s) => `${t(`social.${s.network}`)} ${s.handle || s.url}`,
        );

  return orDash(items.join(' ; '));
}

/** A value shown in a comparison: the words, or a dash for nothing. */
export function orDash(value: string | null | undefined): string {
  return value && value.trim() !== '' ? value : '—';
}
