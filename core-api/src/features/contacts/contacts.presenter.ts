import type { ContactRow } from '../../platform/db/models.ts';
import { displayPhone } from '../../platform/text/phone.ts';
import type {
  ContactDto,
  ContactInputParsed,
  ContactSummary,
} from './contacts.schemas.ts';

type Named = Pick<
  ContactRow,
  'firstName' | 'lastName' | 'emails' | 'affiliations'
>;

/** How a person is named on screen: first name and surname, else what is known. */
export function contactDisplayName(contact: Named): string {
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  if (name) return name;

  return (
    contact.emails?.[0]?.address ??
    contact.affiliations?.[0]?.company?.name ??
    'Contact sans nom'
  );
}

function isCurrent(endDate: string | null, today: string): boolean {
  return !endDate || endDate >= today;
}

const byPosition = <T extends { position: number }>(
  items: T[] | undefined,
): T[] => [...(items ?? [])].sort((a, b) => a.position - b.position);

/** The whole card of a contact; loaded with every association. */
export function presentContact(contact: ContactRow, region = 'FR'): ContactDto {
  const today = new Date().toISOString().slice(0, 10);

  return {
    id: contact.id,
    displayName: contactDisplayName(contact),
    civility: contact.civility,
    title: contact.title,
    firstName: contact.firstName,
    lastName: contact.lastName,
    birthDate: contact.birthDate,
    contactType: contact.contactType as ContactDto['contactType'],
    preferredChannel:
      contact.preferredChannel as ContactDto['preferredChannel'],
    origin: contact.origin,
    intermediary: contact.intermediary
      ? {
          id: contact.intermediary.id,
          displayName: contactDisplayName(contact.intermediary),
          role: contact.intermediaryRole,
        }
      : null,
    notes: contact.notes,
    doNotContact: contact.doNotContact,
    optOut: {
      email: contact.optOutEmail,
      sms: contact.optOutSms,
      post: contact.optOutPost,
      phone: contact.optOutPhone,
    },
    emails: byPosition(contact.emails).map((email) => ({
      id: email.id,
      address: email.address,
      label: email.label as ContactDto['emails'][number]['label'],
      isPrimary: email.isPrimary,
    })),
    phones: byPosition(contact.phones).map((phone) => ({
      id: phone.id,
      kind: phone.kind as ContactDto['phones'][number]['kind'],
      e164: phone.e164,
      raw: phone.raw,
      display: displayPhone(phone.e164, phone.raw, region),
      isPrimary: phone.isPrimary,
    })),
    addresses: byPosition(contact.addresses).map((address) => ({
      id: address.id,
      label: address.label as ContactDto['addresses'][number]['label'],
      street: address.street,
      street2: address.street2,
      postalCode: address.postalCode,
      city: address.city,
      region: address.region,
      country: address.country,
      isPrimary: address.isPrimary,
    })),
    socialAccounts: byPosition(contact.socialAccounts).map((account) => ({
      id: account.id,
      network:
        account.network as ContactDto['socialAccounts'][number]['network'],
      handle: account.handle,
      url: account.url,
    })),
    affiliations: byPosition(contact.affiliations).map((affiliation) => ({
      id: affiliation.id,
      company: {
        id: affiliation.companyId,
        name: affiliation.company?.name ?? '',
      },
      function: affiliation.function,
      department: affiliation.department,
      startDate: affiliation.startDate,
      endDate: affiliation.endDate,
      isPrimary: affiliation.isPrimary,
      current: isCurrent(affiliation.endDate, today),
    })),
    terms: (contact.terms ?? []).map((term) => ({
      id: term.id,
      kind: term.kind,
      label: term.label,
      parentId: term.parentId,
    })),
    fieldSources: JSON.parse(
      contact.fieldSources,
    ) as ContactDto['fieldSources'],
    importBatchId: contact.importBatchId,
    version: contact.version,
    createdAt: contact.createdAt.toISOString(),
    updatedAt: contact.updatedAt.toISOString(),
    deletedAt: contact.deletedAt ? contact.deletedAt.toISOString() : null,
    deactivatedAt: contact.deactivatedAt?.toISOString() ?? null,
  };
}

/** One line of a contact table. */
export function presentContactSummary(
  contact: ContactRow,
  region = 'FR',
): ContactSummary {
  const emails = byPosition(contact.emails);
  const phones = byPosition(contact.phones);
  const affiliations = byPosition(contact.affiliations).filter(
    (a) => !a.endDate,
  );
  const addresses = byPosition(contact.addresses);
  const phone = phones.find((p) => p.isPrimary) ?? phones[0];
  const affiliation = affiliations.find((a) => a.isPrimary) ?? affiliations[0];

  return {
    id: contact.id,
    displayName: contactDisplayName(contact),
    civility: contact.civility,
    firstName: contact.firstName,
    lastName: contact.lastName,
    contactType: contact.contactType as ContactSummary['contactType'],
    primaryEmail:
      (emails.find((e) => e.isPrimary) ?? emails[0])?.address ?? null,
    primaryPhone: phone ? displayPhone(phone.e164, phone.raw, region) : null,
    company: affiliation?.company?.name ?? null,
    function: affiliation?.function ?? null,
    city: (addresses.find((a) => a.isPrimary) ?? addresses[0])?.city ?? null,
    updatedAt: contact.updatedAt.toISOString(),
  };
}

/**
 * A contact card turned back into what an update writes: a merge starts
 * from it, and an update compares against it field by field.
 */
export function inputOf(contact: ContactDto): ContactInputParsed {
  return {
    civility: contact.civility,
    title: contact.title,
    firstName: contact.firstName,
    lastName: contact.lastName,
    birthDate: contact.birthDate,
    contactType: contact.contactType,
    preferredChannel: contact.preferredChannel,
    origin: contact.origin,
    intermediaryId: contact.intermediary?.id ?? null,
    intermediaryRole: contact.intermediary?.role ?? null,
    notes: contact.notes,
    doNotContact: contact.doNotContact,
    optOut: { ...contact.optOut },
    emails: contact.emails.map(({ address, label, isPrimary }) => ({
      address,
      label,
      isPrimary,
    })),
    phones: contact.phones.map(({ raw, kind, isPrimary }) => ({
      number: raw,
      kind,
      isPrimary,
    })),
    addresses: contact.addresses.map(({ id: _id, ...address }) => address),
    socialAccounts: contact.socialAccounts.map(
      ({ id: _id, ...account }) => account,
    ),
    affiliations: contact.affiliations.map((affiliation) => ({
      companyId: affiliation.company.id,
      function: affiliation.function,
      department: affiliation.department,
      startDate: affiliation.startDate,
      endDate: affiliation.endDate,
      isPrimary: affiliation.isPrimary,
    })),
    termIds: contact.terms.map((term) => term.id),
  };
}
