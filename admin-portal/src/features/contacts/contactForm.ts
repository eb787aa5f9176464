import type { ContactDto, ContactInput } from 'core-api/client';
import type { Translate } from '../../i18n/translate.ts';
import { FormProblems, type Problem } from '../records/formProblems.ts';
import {
  describeShared,
  fieldLabel,
  orDash,
  textOrNull,
  type RecordFields,
} from '../records/recordFields.ts';
import {
  birthDateText,
  dateText,
  isRealDay,
  typedDate,
} from '../records/typedValues.ts';

type Email = ContactDto['emails'][number];
type Phone = ContactDto['phones'][number];
type Address = ContactDto['addresses'][number];
type Social = ContactDto['socialAccounts'][number];

/** A term as a card names it. */
export type TermChoice = Pick<
  ContactDto['terms'][number],
  'id' | 'kind' | 'label' | 'parentId'
>;

export type EmailRow = {
  address: string;
  label: '' | NonNullable<Email['label']>;
  isPrimary: boolean;
};
export type PhoneRow = {
  number: string;
  kind: Phone['kind'];
  isPrimary: boolean;
};
export type AddressRow = {
  label: '' | NonNullable<Address['label']>;
  street: string;
  street2: string;
  postalCode: string;
  city: string;
  region: string;
  country: string;
  isPrimary: boolean;
};
export type SocialRow = {
  network: Social['network'];
  handle: string;
  url: string;
};
export type AffiliationRow = {
  /** The company picked from the base; null for a name typed (created). */
  companyId: number | null;
  companyName: string;
  function: string;
  department: string;
  /** `jj/mm/aaaa` as typed. */
  startDate: string;
  endDate: string;
  isPrimary: boolean;
};

/** A contact as its card's forms edit it: text as typed, lists as rows. */
export type ContactForm = {
  civility: '' | NonNullable<ContactDto['civility']>;
  title: string;
  firstName: string;
  lastName: string;
  /** `jj/mm/aaaa` or `jj/mm`, as typed. */
  birthDate: string;
  contactType: ContactDto['contactType'];
  preferredChannel: '' | NonNullable<ContactDto['preferredChannel']>;
  origin: string;
  intermediary: { id: number; displayName: string } | null;
  intermediaryRole: string;
  notes: string;
  doNotContact: boolean;
  optOut: ContactDto['optOut'];
  emails: EmailRow[];
  phones: PhoneRow[];
  addresses: AddressRow[];
  socialAccounts: SocialRow[];
  affiliations: AffiliationRow[];
  terms: TermChoice[];
};

export const emptyAddress: AddressRow = {
  label: 'work',
  street: '',
  street2: '',
  postalCode: '',
  city: '',
  region: '',
  country: 'FR',
  isPrimary: false,
};

export const emptyAffiliation: AffiliationRow = {
  companyId: null,
  companyName: '',
  function: '',
  department: '',
  startDate: '',
  endDate: '',
  isPrimary: false,
};

/** A new contact's form: nothing typed yet. */
export function blankContactForm(): ContactForm {
  return {
    civility: '',
    title: '',
    firstName: '',
    lastName: '',
    birthDate: '',
    contactType: 'press',
    preferredChannel: '',
    origin: '',
    intermediary: null,
    intermediaryRole: '',
    notes: '',
    doNotContact: false,
    optOut: { email: false, sms: false, post: false, phone: false },
    emails: [{ address: '', label: 'work', isPrimary: true }],
    phones: [{ number: '', kind: 'mobile', isPrimary: true }],
    addresses: [],
    socialAccounts: [],
    affiliations: [{ ...emptyAffiliation, isPrimary: true }],
    terms: [],
  };
}

const text = (value: string | null | undefined) => value ?? '';

/**
 * A stored contact (or the before and after of an audit event, which carry
 * the same fields) as the form edits it. Phones keep the text typed then,
 * so an untouched number is sent back unchanged.
 */
export function contactFormOf(value: unknown): ContactForm {
  const c = value as Partial<ContactDto>;

  return {
    civility: c.civility ?? '',
    title: text(c.title),
    firstName: text(c.firstName),
    lastName: text(c.lastName),
    birthDate: birthDateText(c.birthDate),
    contactType: c.contactType ?? 'press',
    preferredChannel: c.preferredChannel ?? '',
    origin: text(c.origin),
    intermediary: c.intermediary
      ? { id: c.intermediary.id, displayName: c.intermediary.displayName }
      : null,
    intermediaryRole: text(c.intermediary?.role),
    notes: text(c.notes),
    doNotContact: c.doNotContact ?? false,
    optOut: c.optOut ?? { email: false, sms: false, post: false, phone: false },
    emails: (c.emails ?? []).map((e) => ({
      address: e.address,
      label: e.label ?? '',
      isPrimary: e.isPrimary,
    })),
    phones: (c.phones ?? []).map((p) => ({
      number: p.raw,
      kind: p.kind,
      isPrimary: p.isPrimary,
    })),
    addresses: (c.addresses ?? []).map((a) => ({
      label: a.label ?? '',
      street: text(a.street),
      street2: text(a.street2),
      postalCode: text(a.postalCode),
      city: text(a.city),
      region: text(a.region),
      country: text(a.country),
      isPrimary: a.isPrimary,
    })),
    socialAccounts: (c.socialAccounts ?? []).map((s) => ({
      network: s.network,
      handle: text(s.handle),
      url: text(s.url),
    })),
    affiliations: (c.affiliations ?? []).map((a) => ({
      companyId: a.company.id,
      companyName: a.company.name,
      function: text(a.function),
      department: text(a.department),
      startDate: dateText(a.startDate),
      endDate: dateText(a.endDate),
      isPrimary: a.isPrimary,
    })),
    terms: (c.terms ?? []).map(({ id, kind, label, parentId }) => ({
      id,
      kind,
      label,
      parentId,
    })),
  };
}

const blank = (values: (string | boolean)[]) =>
  values.every((value) => typeof value === 'boolean' || value.trim() === '');

/** The form less the rows left wholly blank (a line added, never filled). */
export function pruneContactForm(form: ContactForm): ContactForm {
  return {
    ...form,
    emails: form.emails.filter((e) => !blank([e.address])),
    phones: form.phones.filter((p) => !blank([p.number])),
    addresses: form.addresses.filter(
      (a) => !blank([a.street, a.street2, a.postalCode, a.city, a.region]),
    ),
    socialAccounts: form.socialAccounts.filter(
      (s) => !blank([s.handle, s.url]),
    ),
    affiliations: form.affiliations.filter(
      (a) =>
        a.companyId !== null ||
        !blank([a.companyName, a.function, a.department]),
    ),
  };
}

/**
 * The form as the API takes it. Dates not written `jj/mm/aaaa` are refused
 * here, named by the path the API would use; every other rule is the API's.
 */
export function contactInputOf(form: ContactForm, t: Translate): ContactInput {
  const problems: Problem[] = [];
  const date = (path: string, value: string, dayMonth = false) => {
    const typed = typedDate(value, dayMonth);
    if (typed === undefined) {
      problems.push({
        path,
        message: t(dayMonth ? 'card.date.birthFormat' : 'card.date.format'),
      });
    } else if (typed !== null && !isRealDay(typed)) {
      problems.push({
        path,
        message: t('card.date.impossible', { date: value.trim() }),
      });
    }

    return typed ?? null;
  };
  const input: ContactInput = {
    civility: form.civility || null,
    title: textOrNull(form.title),
    firstName: textOrNull(form.firstName),
    lastName: textOrNull(form.lastName),
    birthDate: date('birthDate', form.birthDate, true),
    contactType: form.contactType,
    preferredChannel: form.preferredChannel || null,
    origin: textOrNull(form.origin),
    intermediaryId: form.intermediary?.id ?? null,
    intermediaryRole: form.intermediary
      ? textOrNull(form.intermediaryRole)
      : null,
    notes: textOrNull(form.notes),
    doNotContact: form.doNotContact,
    optOut: form.optOut,
    emails: form.emails.map((e) => ({
      address: e.address,
      label: e.label || null,
      isPrimary: e.isPrimary,
    })),
    phones: form.phones.map((p) => ({
      number: p.number,
      kind: p.kind,
      isPrimary: p.isPrimary,
    })),
    addresses: form.addresses.map((a) => ({
      label: a.label || null,
      street: textOrNull(a.street),
      street2: textOrNull(a.street2),
      postalCode: textOrNull(a.postalCode),
      city: textOrNull(a.city),
      region: textOrNull(a.region),
      country: textOrNull(a.country.toUpperCase()),
      isPrimary: a.isPrimary,
    })),
    socialAccounts: form.socialAccounts.map((s) => ({
      network: s.network,
      handle: textOrNull(s.handle),
      url: textOrNull(s.url),
    })),
    affiliations: form.affiliations.map((a, index) => ({
      ...(a.companyId !== null
        ? { companyId: a.companyId }
        : { companyName: textOrNull(a.companyName) }),
      function: textOrNull(a.function),
      department: textOrNull(a.department),
      startDate: date(`affiliations.${index}.startDate`, a.startDate),
      endDate: date(`affiliations.${index}.endDate`, a.endDate),
      isPrimary: a.isPrimary,
    })),
    termIds: form.terms.map((term) => term.id),
  };
  if (problems.length > 0) throw new FormProblems(problems);

  return input;
}

const CHANNELS = ['email', 'sms', 'post', 'phone'] as const;

/** The fields of a contact as its card edits and compares them. */
export const contactFields: RecordFields<ContactForm> = {
  fields: [
    'civility',
    'title',
    'firstName',
    'lastName',
    'birthDate',
    'contactType',
    'preferredChannel',
    'origin',
    'intermediary',
    'intermediaryRole',
    'emails',
    'phones',
    'addresses',
    'socialAccounts',
    'affiliations',
    'terms',
    'doNotContact',
    'optOut',
    'notes',
  ],
  label: fieldLabel,
  describe: (field, form, t) => describeContactField(field, form, t),
  formOf: contactFormOf,
};

function describeContactField(
  field: keyof ContactForm,
  form: ContactForm,
  t: Translate,
): string {
  const join = (items: string[]) => orDash(items.join(' ; '));
  const primary = (isPrimary: boolean) =>
    isPrimary ? ` (${t('common.primary')})` : '';
  switch (field) {
    case 'civility':
      return form.civility ? t(`civility.${form.civility}`) : '—';
    case 'contactType':
      return t(`contactType.${form.contactType}`);
    case 'preferredChannel':
      return form.preferredChannel
        ? t(`channel.${form.preferredChannel}`)
        : '—';
    case 'intermediary':
      return orDash(form.intermediary?.displayName);
    case 'doNotContact':
      return t(form.doNotContact ? 'common.yes' : 'common.no');
    case 'optOut':
      return join(
        CHANNELS.filter((c) => form.optOut[c]).map((c) => t(`channel.${c}`)),
      );
    case 'emails':
      return join(form.emails.map((e) => e.address + primary(e.isPrimary)));
    case 'phones':
      return join(
        form.phones.map(
          (p) =>
            `${p.number} (${t(`phoneKind.${p.kind}`)})${primary(p.isPrimary)}`,
        ),
      );
    case 'addresses':
      return join(
        form.addresses.map((a) =>
          [a.street, a.street2, `${a.postalCode} ${a.city}`.trim(), a.country]
            .filter(Boolean)
            .join(', '),
        ),
      );
    case 'socialAccounts':
    case 'terms':
      return describeShared(field, form, t);
    case 'affiliations':
      return join(
        form.affiliations.map((a) =>
          a.function ? `${a.companyName} (${a.function})` : a.companyName,
        ),
      );
    default:
      return orDash(form[field]);
  }
}
