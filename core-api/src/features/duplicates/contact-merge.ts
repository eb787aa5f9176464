import { fold } from '../../platform/text/fold.ts';
import { normalisePhone } from '../../platform/text/phone.ts';
import { inputOf } from '../contacts/contacts.presenter.ts';
import type {
  ContactDto,
  ContactInputParsed,
} from '../contacts/contacts.schemas.ts';

import { choosableFields } from './duplicates.schemas.ts';

export { choosableFields };
export type ChoosableField = (typeof choosableFields)[number];
export type Side = 'a' | 'b';

const filled = (value: unknown) =>
  value !== null && value !== undefined && value !== '';

/**
 * How complete a record is, one of the survivorship criteria: the record
 * with more to keep survives, so the other one adds less.
 */
export function completeness(contact: ContactDto): number {
  const scalars = choosableFields.filter((field) =>
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

/** Keeps the first of each item by key; the survivor's items come first. */
function union<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();

  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);

    return true;
  });
}

/** Marks the other record's items as secondary: the survivor's primaries stay. */
const secondary = <T extends { isPrimary?: boolean }>(items: T[]) =>
  items.map((item) => ({ ...item, isPrimary: false }));

/**
 * The merged record: each chosen field from the chosen side, the others from
 * the survivor or, where it has none, from the other record; every email,
 * phone, address, account, company link and term of both; an opt-out or a
 * do-not-contact on either side is kept, since someone asked for it.
 */
export function mergedInput(
  survivor: ContactDto,
  other: ContactDto,
  choices: Partial<Record<ChoosableField, 'survivor' | 'other'>>,
  region = 'FR',
): ContactInputParsed {
  return mergeInputs(inputOf(survivor), inputOf(other), choices, {
    region,
    otherId: other.id,
  });
}

/**
 * `mergedInput` over two contact inputs: a contact and an imported row, or
 * two rows of one file.
 *
 * @param kept the survivor's input
 * @param added the other record's input
 * @param choices the fields taken from the other record
 * @param options the default phone region; the other record's id, if it has one
 */
export function mergeInputs(
  kept: ContactInputParsed,
  added: ContactInputParsed,
  choices: Partial<Record<ChoosableField, 'survivor' | 'other'>>,
  options: { region?: string; otherId?: number } = {},
): ContactInputParsed {
  // One number written two ways ("06…", "+33 6…") is one phone.
  const phoneKey = (number: string) =>
    normalisePhone(number, options.region ?? 'FR').e164 ??
    number.replace(/\D/g, '');
  const scalars = Object.fromEntries(
    choosableFields.map((field) => {
      const choice = choices[field];
      const value =
        choice === 'other' || (choice === undefined && !filled(kept[field]))
          ? added[field]
          : kept[field];

      return [field, value];
    }),
  );
  const notes = [kept.notes, added.notes].filter(filled);

  return {
    ...kept,
    ...scalars,
    intermediaryId:
      options.otherId !== undefined && kept.intermediaryId === options.otherId
        ? null
        : (kept.intermediaryId ?? added.intermediaryId),
    intermediaryRole: kept.intermediaryId
      ? kept.intermediaryRole
      : added.intermediaryRole,
    notes: notes.length > 0 ? [...new Set(notes)].join('\n\n') : null,
    doNotContact: kept.doNotContact || added.doNotContact,
    optOut: {
      email: kept.optOut.email || added.optOut.email,
      sms: kept.optOut.sms || added.optOut.sms,
      post: kept.optOut.post || added.optOut.post,
      phone: kept.optOut.phone || added.optOut.phone,
    },
    emails: union(
      [...kept.emails, ...secondary(added.emails)],
      (e) => e.address,
    ),
    phones: union([...kept.phones, ...secondary(added.phones)], (p) =>
      phoneKey(p.number),
    ),
    addresses: union([...kept.addresses, ...secondary(added.addresses)], (a) =>
      fold([a.street, a.postalCode, a.city].filter(Boolean).join(' ')),
    ),
    socialAccounts: union(
      [...kept.socialAccounts, ...added.socialAccounts],
      (s) => `${s.network}:${fold(s.handle ?? s.url ?? '')}`,
    ),
    affiliations: union(
      [...kept.affiliations, ...secondary(added.affiliations)],
      (a) => `${a.companyId}:${fold(a.function ?? '')}:${a.startDate ?? ''}`,
    ),
    termIds: [...new Set([...kept.termIds, ...added.termIds])],
  } as ContactInputParsed;
}
