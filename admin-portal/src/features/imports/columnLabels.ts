import { columnKeys } from 'core-api/client';
import type { MessageKey } from '../../i18n/messages.ts';
import { isMessageKey, type Translate } from '../../i18n/translate.ts';

/** The groups the column targets are offered in. */
export type ColumnGroup =
  | 'person'
  | 'organisation'
  | 'email'
  | 'phone'
  | 'address'
  | 'web'
  | 'terms'
  | 'optOut';

const groupOfHead: Record<string, ColumnGroup> = {
  company: 'organisation',
  function: 'organisation',
  department: 'organisation',
  email: 'email',
  phone: 'phone',
  address: 'address',
  website: 'web',
  social: 'web',
  terms: 'terms',
  optOut: 'optOut',
};

/** The group a column key belongs to (`email.work` → `email`). */
export function groupOf(key: string): ColumnGroup {
  return groupOfHead[key.split('.')[0] ?? ''] ?? 'person';
}

/** Every column key, grouped in the order the list of targets shows them. */
export function groupedColumnKeys(): Array<[ColumnGroup, string[]]> {
  const groups = new Map<ColumnGroup, string[]>();
  for (const key of columnKeys) {
    const group = groupOf(key);
    groups.set(group, [...(groups.get(group) ?? []), key]);
  }

  return [...groups];
}

/** Whether the API accepts a key as a person's choice. */
export function isChoosableKey(key: string): boolean {
  return columnKeys.includes(key);
}

/**
 * A column key in words: `phone.mobile` → « Téléphone (Mobile) »,
 * `address.work.city` → « Adresse (Professionnelle) : Ville ».
 */
export function columnLabel(key: string, t: Translate): string {
  const word = (candidate: string, fallback: string) =>
    isMessageKey(candidate) ? t(candidate) : fallback;
  const qualified = (field: MessageKey, kind: string, kindKey: string) =>
    t('column.qualified', { field: t(field), kind: word(kindKey, kind) });
  const [head = '', second = '', third] = key.split('.');

  switch (head) {
    case 'email':
      return second
        ? qualified('field.email', second, `emailLabel.${second}`)
        : t('field.email');
    case 'phone':
      return qualified('field.phone', second, `phoneKind.${second}`);
    case 'social':
      return qualified('column.social', second, `social.${second}`);
    case 'terms':
      return qualified('column.terms', second, `termKind.${second}`);
    case 'optOut':
      return qualified('column.optOut', second, `channel.${second}`);
    case 'address': {
      const part = third ?? second;
      const address = third
        ? qualified('column.address', second, `addressLabel.${second}`)
        : t('column.address');

      return t('column.addressPart', {
        address,
        part: word(`field.${part}`, word(`column.${part}`, part)),
      });
    }
    case 'emailType':
    case 'phoneType':
    case 'addressType':
    case 'websiteType':
      return t('mapping.otherColumnType');
    default:
      return word(`field.${head}`, word(`column.${head}`, key));
  }
}
