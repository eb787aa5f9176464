import {
  emailLabels,
  phoneKinds,
  socialNetworks,
} from '../../contacts/contact-vocabulary.ts';
import type { AddressPart, ColumnTarget, SimpleField } from './header-map.ts';

const simpleFields = [
  'civility',
  'title',
  'preferredChannel',
  'firstName',
  'lastName',
  'displayName',
  'nickname',
  'birthDate',
  'birthYear',
  'birthMonth',
  'birthDay',
  'notes',
  'origin',
  'contactType',
  'externalId',
  'doNotContact',
] as const satisfies readonly SimpleField[];

const addressParts = [
  'street',
  'street2',
  'street3',
  'postalCode',
  'city',
  'region',
  'country',
  'formatted',
  'pobox',
  'extended',
] as const satisfies readonly AddressPart[];

const termKinds = ['domain', 'sector', 'category'] as const;
const channels = ['email', 'sms', 'post', 'phone'] as const;

/**
 * Every target a person can give a column, as a short stable key: what the
 * mapping screen offers, what a mapping profile stores. Columns that belong
 * together (a company and its function, the parts of one address) are joined
 * by the reader; one key names one kind of value.
 */
export const columnKeys: readonly string[] = [
  ...simpleFields,
  'company',
  'function',
  'department',
  'email',
  ...emailLabels.map((label) => `email.${label}`),
  ...phoneKinds.map((kind) => `phone.${kind}`),
  ...addressParts.map((part) => `address.${part}`),
  ...emailLabels.flatMap((label) =>
    addressParts.map((part) => `address.${label}.${part}`),
  ),
  'website',
  ...socialNetworks.map((network) => `social.${network}`),
  ...termKinds.map((kind) => `terms.${kind}`),
  ...channels.map((channel) => `optOut.${channel}`),
];

const known = new Set(columnKeys);

/** Whether a text is a column key. */
export const isColumnKey = (key: string): boolean => known.has(key);

/** The key of a target the header mapper chose. */
export function keyOfTarget(target: ColumnTarget): string {
  switch (target.field) {
    case 'email':
      return target.label ? `email.${target.label}` : 'email';
    case 'phone':
      return `phone.${target.kind}`;
    case 'address':
      return target.label
        ? `address.${target.label}.${target.part}`
        : `address.${target.part}`;
    case 'social':
      return `social.${target.network}`;
    case 'terms':
      return `terms.${target.kind}`;
    case 'optOut':
      return `optOut.${target.channel}`;
    case 'emailType':
    case 'phoneType':
    case 'addressType':
    case 'websiteType':
      // Type columns describe another column; they are kept as they were.
      return `${target.field}.${target.slot}`;
    default:
      return target.field;
  }
}

/**
 * The target a key gives column `index`, joined to the other columns of the
 * mapping where values belong together: a company, function and department
 * share the organisation slot, the parts of an unlabelled address share the
 * first address slot already in use.
 *
 * @param key a column key (see `columnKeys`)
 * @param index the column's position
 * @param others the targets of the other columns, after their own choices
 * @returns null for an unknown key
 */
export function targetOfKey(
  key: string,
  index: number,
  others: readonly (ColumnTarget | null)[],
): ColumnTarget | null {
  if (!known.has(key)) return null;
  const [head, second, third] = key.split('.') as [string, string?, string?];
  const slot = `c${index}`;
  switch (head) {
    case 'company':
    case 'function':
    case 'department':
      return { field: head, slot: 'org' };
    case 'email':
      return second
        ? { field: 'email', slot, label: second as 'work' }
        : { field: 'email', slot };
    case 'phone':
      return { field: 'phone', slot, kind: second as 'mobile' };
    case 'website':
      return { field: 'website', slot };
    case 'social':
      return { field: 'social', network: second as 'twitter' };
    case 'terms':
      return { field: 'terms', kind: second as 'domain' };
    case 'optOut':
      return { field: 'optOut', channel: second as 'email' };
    case 'address': {
      if (third) {
        return {
          field: 'address',
          slot: second as string,
          part: third as AddressPart,
          label: second as 'work',
        };
      }
      const shared = others.find(
        (target) => target?.field === 'address' && !target.label,
      );

      return {
        field: 'address',
        slot: shared?.field === 'address' ? shared.slot : 'main',
        part: second as AddressPart,
      };
    }
    default:
      return { field: head as SimpleField };
  }
}

/**
 * A person's choices: a column named by its header text, or by its position
 * (`#3` for the third column, for a header written twice or left empty),
 * with its key, or null to leave the column out.
 */
export type ColumnChoices = Record<string, string | null>;

/**
 * Applies a person's choices to the targets the header mapper found. A
 * choice by position wins over one by header; headers are matched trimmed;
 * a column the choices do not name keeps its suggested target.
 *
 * @param headers the header row's cells
 * @param suggested the mapper's target per column
 * @param choices what the person chose
 */
export function applyChoices(
  headers: readonly string[],
  suggested: readonly (ColumnTarget | null)[],
  choices: ColumnChoices,
): (ColumnTarget | null)[] {
  const chosen = new Map(
    Object.entries(choices).map(([header, key]) => [header.trim(), key]),
  );
  const width = Math.max(headers.length, suggested.length);
  const choiceOf = (index: number): string | null | undefined => {
    const byPosition = chosen.get(`#${index + 1}`);
    if (byPosition !== undefined) return byPosition;
    const header = headers[index]?.trim() ?? '';

    return header === '' ? undefined : chosen.get(header);
  };
  const targets = Array.from({ length: width }, (_unused, index) =>
    choiceOf(index) === undefined ? (suggested[index] ?? null) : null,
  );
  for (let index = 0; index < width; index++) {
    const key = choiceOf(index);
    if (key === undefined || key === null) continue;
    targets[index] = targetOfKey(key, index, targets);
  }

  return targets;
}
