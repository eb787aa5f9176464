import {
  contactInput,
  type ContactInputParsed,
  emailInput,
  socialInput,
} from '../../contacts/contacts.schemas.ts';
import { normaliseEmail } from '../../../platform/text/email.ts';
import { countryCode } from './countries.ts';
import { departmentName } from './departments.ts';
import type { Label, PhoneKind } from './header-map.ts';
import type { ImportedContact, ImportedTerm } from './imported-contact.ts';
import { caseName } from './names.ts';
import type { FieldIssue } from './read-types.ts';
import type { ContactType, SocialAccount } from './values.ts';
import {
  looksLikeEmail,
  parseCivility,
  socialFromUrl,
  splitDisplayName,
} from './values.ts';

/** A postal address as read, its country still as written. */
export type AddressDraft = {
  label?: Label;
  street?: string;
  street2?: string;
  postalCode?: string;
  city?: string;
  region?: string;
  country?: string;
  pref?: boolean;
};

/** A channel by its code (`post`). */
type Channel = NonNullable<ImportedContact['preferredChannel']>;

/**
 * Everything a reader found for one contact, before clean-up: CSV columns,
 * spreadsheet cells and vCard properties all land here first, so the rules
 * about names, duplicates and validation live in one place.
 */
export type ContactDraft = {
  civility?: 'M' | 'MME';
  title?: string;
  firstName?: string;
  lastName?: string;
  displayName?: string;
  /** The name written beside an address (`Jean Dupont <jd@x.fr>`). */
  emailName?: string;
  nicknames: string[];
  birthDate?: string;
  /** `slot` ties a value to a type column of the same row (Google's "E-mail 1 - Type"). */
  emails: { address: string; label?: Label; pref?: boolean; slot?: string }[];
  phones: { number: string; kind: PhoneKind; pref?: boolean; slot?: string }[];
  addresses: AddressDraft[];
  affiliations: {
    companyName?: string;
    function?: string;
    department?: string;
  }[];
  socialAccounts: SocialAccount[];
  websites: string[];
  terms: ImportedTerm[];
  notes: string[];
  origin?: string;
  preferredChannel?: Channel;
  contactType?: ContactType;
  externalId?: string;
  optOut: { email?: boolean; sms?: boolean; post?: boolean; phone?: boolean };
  doNotContact?: boolean;
  /** The display name is an organisation's (vCard KIND:org, Apple's X-ABShowAs:COMPANY). */
  isOrganisation?: boolean;
  /** Some cell or property held a value, so an empty result deserves an explanation. */
  hasData: boolean;
  issues: FieldIssue[];
};

/** An empty draft. */
export function newDraft(): ContactDraft {
  return {
    nicknames: [],
    emails: [],
    phones: [],
    addresses: [],
    affiliations: [],
    socialAccounts: [],
    websites: [],
    terms: [],
    notes: [],
    optOut: {},
    hasData: false,
    issues: [],
  };
}

const limits = {
  emails: 20,
  phones: 20,
  addresses: 10,
  socialAccounts: 20,
  affiliations: 20,
};
const NOTES_MAX = 10_000;

/** Trimmed text, or undefined when nothing is left. */
export function clean(value: string | undefined | null): string | undefined {
  const text = value?.replace(/\u00a0/g, ' ').trim();

  return text ? text : undefined;
}

function resolveNames(draft: ContactDraft, companies: string[]): void {
  draft.firstName = clean(draft.firstName);
  draft.lastName = clean(draft.lastName);
  if (draft.firstName || draft.lastName) return;

  let display = clean(draft.displayName) ?? clean(draft.emailName);
  const isCompanyName =
    display !== undefined &&
    companies.some((name) => name.toLowerCase() === display?.toLowerCase());
  if (
    display &&
    !draft.isOrganisation &&
    !isCompanyName &&
    !looksLikeEmail(display)
  ) {
    const [first, ...rest] = display.split(/\s+/);
    const civility = first ? parseCivility(first) : undefined;
    if (civility && rest.length > 0) {
      draft.civility ??= civility;
      display = rest.join(' ');
    }
    Object.assign(draft, splitDisplayName(display));
  }
  if (!draft.firstName && !draft.lastName && companies.length === 0) {
    const nickname = draft.nicknames.find((name) => clean(name));
    if (nickname) draft.firstName = clean(nickname);
  }
}

function resolveEmails(
  draft: ContactDraft,
): NonNullable<ImportedContact['emails']> {
  const seen = new Set<string>();
  const ordered = [
    ...draft.emails.filter((e) => e.pref),
    ...draft.emails.filter((e) => !e.pref),
  ];
  const emails: NonNullable<ImportedContact['emails']> = [];
  for (const email of ordered) {
    const typed = email.address.trim().toLowerCase();
    // As stored (`normaliseEmail`): one address written twice, its domain
    // once in Unicode and once as `xn--`, is kept once.
    const address = normaliseEmail(typed) ?? typed;
    if (address === '' || seen.has(address)) continue;
    seen.add(address);
    if (/\s/.test(address)) {
      draft.issues.push({
        field: 'emails',
        reason: `adresse e-mail contenant une espace « ${address} » (non importée)`,
        reasonEn: `email address with a space inside "${address}" (not imported)`,
      });
      continue;
    }
    if (!emailInput.safeParse({ address }).success) {
      draft.issues.push({
        field: 'emails',
        reason: `adresse e-mail invalide « ${address} » (non importée)`,
        reasonEn: `invalid email address "${address}" (not imported)`,
      });
      continue;
    }
    const entry: (typeof emails)[number] = { address };
    if (email.label) entry.label = email.label;
    if (emails.length === 0) entry.isPrimary = true;
    emails.push(entry);
  }

  return emails;
}

function resolvePhones(
  draft: ContactDraft,
): NonNullable<ImportedContact['phones']> {
  const seen = new Set<string>();
  const ordered = [
    ...draft.phones.filter((p) => p.pref),
    ...draft.phones.filter((p) => !p.pref),
  ];
  const phones: NonNullable<ImportedContact['phones']> = [];
  for (const phone of ordered) {
    const number = clean(phone.number);
    if (!number) continue;
    const key = `${phone.kind}:${number.replace(/[^\d+]/g, '') || number}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (number.length > 60) {
      draft.issues.push({
        field: 'phones',
        reason: `numéro de téléphone trop long « ${number.slice(0, 40)}… » (non importé)`,
        reasonEn: `phone number too long "${number.slice(0, 40)}…" (not imported)`,
      });
      continue;
    }
    phones.push({ number, kind: phone.kind });
  }

  return phones;
}

function resolveAddresses(
  draft: ContactDraft,
): NonNullable<ImportedContact['addresses']> {
  const addresses: NonNullable<ImportedContact['addresses']> = [];
  const ordered = [
    ...draft.addresses.filter((a) => a.pref),
    ...draft.addresses.filter((a) => !a.pref),
  ];
  for (const raw of ordered) {
    const address: NonNullable<ImportedContact['addresses']>[number] = {};
    for (const part of [
      'street',
      'street2',
      'postalCode',
      'city',
      'region',
    ] as const) {
      const value = clean(raw[part]);
      if (value) address[part] = value;
    }
    const countryText = clean(raw.country);
    if (address.region)
      address.region =
        departmentName(address.region, countryText) ?? address.region;
    if (countryText) {
      const code = countryCode(countryText);
      if (code) address.country = code;
      else {
        draft.issues.push({
          field: 'addresses',
          reason: `pays non reconnu « ${countryText} » (laissé vide)`,
          reasonEn: `unknown country "${countryText}" (left empty)`,
        });
      }
    }
    if (Object.keys(address).length === 0) continue;
    if (raw.label) address.label = raw.label;
    if (addresses.length === 0) address.isPrimary = true;
    addresses.push(address);
  }

  return addresses;
}

function resolveAffiliations(
  draft: ContactDraft,
): NonNullable<ImportedContact['affiliations']> {
  const affiliations: NonNullable<ImportedContact['affiliations']> = [];
  for (const raw of draft.affiliations) {
    const companyName = clean(raw.companyName);
    const fn = clean(raw.function);
    const department = clean(raw.department);
    if (!companyName) {
      // A freelance's function with no outlet still says who they are.
      if (fn) draft.title ??= fn;
      if (department) {
        draft.issues.push({
          field: 'affiliations',
          reason: `service « ${department} » sans société (non importé)`,
          reasonEn: `department "${department}" without a company (not imported)`,
        });
      }
      continue;
    }
    const affiliation: NonNullable<ImportedContact['affiliations']>[number] = {
      companyName,
    };
    if (fn) affiliation.function = fn;
    if (department) affiliation.department = department;
    if (affiliations.length === 0) affiliation.isPrimary = true;
    affiliations.push(affiliation);
  }

  return affiliations;
}

function resolveSocial(
  draft: ContactDraft,
): NonNullable<ImportedContact['socialAccounts']> {
  const accounts: SocialAccount[] = [...draft.socialAccounts];
  for (const website of draft.websites) {
    const text = clean(website);
    if (!text) continue;
    const account = socialFromUrl(text);
    if (account) accounts.push(account);
    else {
      draft.issues.push({
        field: 'socialAccounts',
        reason: `adresse web illisible « ${text} » (non importée)`,
        reasonEn: `unreadable web address "${text}" (not imported)`,
      });
    }
  }
  const seen = new Set<string>();
  const result: NonNullable<ImportedContact['socialAccounts']> = [];
  for (const account of accounts) {
    const key = `${account.network}:${(account.url ?? account.handle ?? '').toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!socialInput.safeParse(account).success) {
      const shown = account.url ?? account.handle ?? '';
      draft.issues.push({
        field: 'socialAccounts',
        reason: `compte ${account.network} illisible « ${shown} » (non importé)`,
        reasonEn: `unreadable ${account.network} account "${shown}" (not imported)`,
      });
      continue;
    }
    result.push(account);
  }

  return result;
}

function resolveTerms(terms: ImportedTerm[]): ImportedTerm[] {
  const seen = new Set<string>();

  return terms.filter((term) => {
    const key = `${term.kind}:${term.path.join('>').toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);

    return true;
  });
}

function cap<T>(
  draft: ContactDraft,
  list: T[],
  field: keyof typeof limits,
): T[] {
  const max = limits[field];
  if (list.length <= max) return list;
  draft.issues.push({
    field,
    reason: `${list.length} valeurs pour « ${field} », les ${max} premières sont importées`,
    reasonEn: `${list.length} values for "${field}", only the first ${max} are imported`,
  });

  return list.slice(0, max);
}

/** Removes the value a schema issue points at; false when the whole contact is refused. */
function dropAt(
  contact: Record<string, unknown>,
  path: readonly PropertyKey[],
): boolean {
  const [head, index] = path;
  if (typeof head !== 'string') return false;
  const value = contact[head];
  if (Array.isArray(value) && typeof index === 'number') value.splice(index, 1);
  else delete contact[head];

  return true;
}

/**
 * The schema's output for each contact `finaliseDraft` accepted, so the
 * staging does not run the schema on it a second time. Held weakly: it goes
 * with the contact.
 */
const checkedContacts = new WeakMap<ImportedContact, ContactInputParsed>();

/**
 * What the contact schema made of a contact this module accepted, if it is
 * one; its terms and external id are not part of it.
 */
export function checkedInput(
  contact: ImportedContact,
): ContactInputParsed | undefined {
  return checkedContacts.get(contact);
}

function validate(
  contact: ImportedContact,
  issues: FieldIssue[],
): ImportedContact | null {
  for (let attempt = 0; attempt < 10; attempt++) {
    const result = contactInput.safeParse(contact);
    if (result.success) {
      checkedContacts.set(contact, result.data);
      return contact;
    }
    // Array items are removed from the last to the first so indexes stay right.
    const problems = [...result.error.issues].reverse();
    for (const problem of problems) {
      if (problem.code === 'custom' && problem.path.length === 1) {
        issues.push({
          reason:
            'ni nom, ni prénom, ni e-mail, ni société : ligne non importée',
          reasonEn:
            'no surname, first name, email or company: row not imported',
        });

        return null;
      }
      const field = String(problem.path[0] ?? '');
      issues.push({
        field,
        reason: `valeur refusée pour « ${field} » (non importée) : ${problem.message}`,
        reasonEn: `value refused for "${field}" (not imported): ${problem.message}`,
      });
      if (!dropAt(contact as Record<string, unknown>, problem.path))
        return null;
    }
  }

  return null;
}

/**
 * Turns a draft into a contact the schema accepts: names completed from the
 * display name or nickname, duplicates removed, the first email primary,
 * countries coded, bad values dropped with an issue each. The contact is
 * null when nothing identifies a person or an organisation.
 *
 * @param draft what the reader collected
 */
export function finaliseDraft(draft: ContactDraft): {
  contact: ImportedContact | null;
  issues: FieldIssue[];
} {
  if (!draft.hasData) return { contact: null, issues: draft.issues };
  const companies = draft.affiliations
    .map((a) => clean(a.companyName))
    .filter((name): name is string => name !== undefined);
  resolveNames(draft, companies);
  if (draft.firstName) draft.firstName = caseName(draft.firstName, false);
  if (draft.lastName) draft.lastName = caseName(draft.lastName, true);

  const contact: ImportedContact = {};
  const emails = cap(draft, resolveEmails(draft), 'emails');
  const phones = cap(draft, resolvePhones(draft), 'phones');
  const addresses = cap(draft, resolveAddresses(draft), 'addresses');
  const affiliations = cap(draft, resolveAffiliations(draft), 'affiliations');
  const socialAccounts = cap(draft, resolveSocial(draft), 'socialAccounts');
  const terms = resolveTerms(draft.terms);

  if (draft.civility) contact.civility = draft.civility;
  const title = clean(draft.title);
  if (title) contact.title = title;
  if (draft.firstName) contact.firstName = draft.firstName;
  if (draft.lastName) contact.lastName = draft.lastName;
  if (draft.birthDate) contact.birthDate = draft.birthDate;
  if (draft.contactType) contact.contactType = draft.contactType;
  if (draft.preferredChannel) contact.preferredChannel = draft.preferredChannel;
  const origin = clean(draft.origin);
  if (origin) contact.origin = origin;

  const notes = draft.notes
    .map((note) => note.trim())
    .filter((note) => note !== '');
  const nicknames = [...new Set(draft.nicknames.map(clean))].filter(
    (name): name is string =>
      name !== undefined &&
      name !== contact.firstName &&
      name !== contact.lastName,
  );
  if (nicknames.length > 0) notes.push(`Surnom : ${nicknames.join(', ')}`);
  let noteText = notes.join('\n\n');
  if (noteText.length > NOTES_MAX) {
    draft.issues.push({
      field: 'notes',
      reason: `notes tronquées à ${NOTES_MAX} caractères`,
      reasonEn: `notes cut to ${NOTES_MAX} characters`,
    });
    noteText = noteText.slice(0, NOTES_MAX);
  }
  if (noteText) contact.notes = noteText;

  if (draft.doNotContact) contact.doNotContact = true;
  if (Object.values(draft.optOut).some(Boolean))
    contact.optOut = { ...draft.optOut };
  if (emails.length > 0) contact.emails = emails;
  if (phones.length > 0) contact.phones = phones;
  if (addresses.length > 0) contact.addresses = addresses;
  if (socialAccounts.length > 0) contact.socialAccounts = socialAccounts;
  if (affiliations.length > 0) contact.affiliations = affiliations;
  if (terms.length > 0) contact.terms = terms;
  const externalId = clean(draft.externalId);
  if (externalId) contact.externalId = externalId;

  const issues = draft.issues;

  return { contact: validate(contact, issues), issues };
}
