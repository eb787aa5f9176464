import type { ChoosableField, ContactDto, MergeRequest } from 'core-api/client';
import { formatBirthDate } from '../../format.ts';
import type { Translate } from '../../i18n/translate.ts';

/** One record of a pair: `a` has the lower contact number. */
export type Side = 'a' | 'b';

/** Both records of a pair, as the contacts API returns them. */
export type PairContacts = Record<Side, ContactDto>;

/** The fields a merge takes from one record or the other, in the card's order. */
export const CHOOSABLE_FIELDS: readonly ChoosableField[] = [
  'civility',
  'title',
  'firstName',
  'lastName',
  'birthDate',
  'contactType',
  'preferredChannel',
  'origin',
];

/** The lists a merge keeps whole, from both records. */
export const KEPT_LISTS = [
  'emails',
  'phones',
  'addresses',
  'affiliations',
] as const;

export type KeptList = (typeof KEPT_LISTS)[number];

const filled = (value: unknown) =>
  value !== null && value !== undefined && value !== '';

export const otherSide = (side: Side): Side => (side === 'a' ? 'b' : 'a');

/** The choosable fields whose values differ between the two records. */
export function differingFields(contacts: PairContacts): ChoosableField[] {
  return CHOOSABLE_FIELDS.filter(
    (field) => (contacts.a[field] ?? null) !== (contacts.b[field] ?? null),
  );
}

function completeness(contact: ContactDto): number {
  const scalars = CHOOSABLE_FIELDS.filter((field) =>
    filled(contact[field]),
  ).length;

  return (
    scalars +
    contact.emails.length +
    contact.phones.length +
    contact.addresses.length +
    contact.affiliations.length +
    contact.terms.length
  );
}

/**
 * The record proposed as survivor when the API proposes none (a decided
 * pair): the default rules (the more complete, then the one changed last,
 * then the older one). A pending pair comes with `proposedSurvivor`, what
 * the administrators' rules keep.
 */
export function likelySurvivor({ a, b }: PairContacts): Side {
  const byCompleteness = completeness(a) - completeness(b);
  if (byCompleteness !== 0) return byCompleteness > 0 ? 'a' : 'b';
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? 'a' : 'b';

  return a.id < b.id ? 'a' : 'b';
}

/** The side a field comes from unless chosen: the survivor's, when it has one. */
export function defaultSide(
  field: ChoosableField,
  survivor: Side,
  contacts: PairContacts,
): Side {
  return filled(contacts[survivor][field]) ? survivor : otherSide(survivor);
}

/** The side each differing field comes from: the choice made, else the default. */
export function chosenSides(
  contacts: PairContacts,
  survivor: Side,
  choices: Partial<Record<ChoosableField, Side>>,
): Partial<Record<ChoosableField, Side>> {
  return Object.fromEntries(
    differingFields(contacts).map((field) => [
      field,
      choices[field] ?? defaultSide(field, survivor, contacts),
    ]),
  );
}

/** The merge to send: the survivor and, for every differing field, its side. */
export function buildMergeRequest(
  contacts: PairContacts,
  survivor: Side,
  choices: Partial<Record<ChoosableField, Side>>,
): MergeRequest {
  return { survivor, fields: chosenSides(contacts, survivor, choices) };
}

/** A field's value as the card shows it; empty string when not set. */
export function fieldText(
  contact: ContactDto,
  field: ChoosableField,
  t: Translate,
): string {
  switch (field) {
    case 'civility':
      return contact.civility ? t(`civility.${contact.civility}`) : '';
    case 'birthDate':
      return contact.birthDate ? formatBirthDate(contact.birthDate) : '';
    case 'contactType':
      return t(`contactType.${contact.contactType}`);
    case 'preferredChannel':
      return contact.preferredChannel
        ? t(`channel.${contact.preferredChannel}`)
        : '';
    default:
      return contact[field] ?? '';
  }
}

/** The items of a kept list as lines of text (emails, phones, places, companies). */
export function listLines(contact: ContactDto, list: KeptList): string[] {
  switch (list) {
    case 'emails':
      return contact.emails.map((email) => email.address);
    case 'phones':
      return contact.phones.map((phone) => phone.display);
    case 'addresses':
      return contact.addresses.map((address) =>
        [address.street, address.postalCode, address.city]
          .filter(filled)
          .join(' '),
      );
    case 'affiliations':
      return contact.affiliations.map((affiliation) =>
        [affiliation.function, affiliation.company.name]
          .filter(filled)
          .join(', '),
      );
  }
}
