import { words } from '../../platform/text/fold.ts';
import { normalisePhone } from '../../platform/text/phone.ts';
import { remembered } from '../../platform/text/remembered.ts';
import { parseDate } from '../imports/readers/dates.ts';
import { parseCivility } from '../imports/readers/values.ts';
import { phoneticKey, soundKey } from '../search/search-text.ts';
import { outletKey } from './outlet-key.ts';

/** A person as Relais holds one, in the loose form imports and the base give. */
export type PersonRecord = {
  /** Stable id: the contact's id, or the import row for incoming records. */
  id: string;
  civility?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  /** ISO `YYYY-MM-DD`, or as typed (`04/02/1988`, `19880204`). */
  birthDate?: string | null;
  emails?: (string | null | undefined)[];
  phones?: (string | null | undefined)[];
  companies?: { name: string | null; function?: string | null }[];
  city?: string | null;
  postalCode?: string | null;
  street?: string | null;
};

/** A record with every comparison key worked out once, before any pair. */
export type PreparedPerson = {
  id: string;
  /** Folded name, words glued: "Saint-Dupuy" and "SAINT DUPUY" agree. */
  first: string;
  last: string;
  firstSound: string | null;
  lastSound: string | null;
  /** FONEM, which joins what Berge splits (Lefèvre / Lefebvre); blocking only. */
  lastPhonetic: string | null;
  civility: 'M' | 'MME' | null;
  /** `YYYYMMDD`, compared digit by digit to forgive one typo. */
  birth: string | null;
  emails: string[];
  /**
   * The emails whose local part is only the name (`camille.bertrand@`):
   * two homonyms at one outlet get the same one, so sharing it proves less.
   */
  nameEmails: string[];
  phones: string[];
  outlets: string[];
  city: string;
  postalCode: string;
  street: string[];
};

/**
 * One string object per distinct value: a base repeats a few thousand
 * first names, surnames, cities and street words across 50,000 records, so
 * the prepared records share them, and comparing two equal ones stops at
 * their address.
 */
const interned = remembered((value: string) => value, 50_000);

/** The folded words of a value glued together, remembered for repeated names. */
const gluedWords = remembered(
  (value: string) => interned(words(value).join('')),
  50_000,
);

const glued = (value: string | null | undefined): string =>
  value ? gluedWords(value) : '';

const present = (values: (string | null | undefined)[] | undefined) =>
  (values ?? []).filter((value): value is string => Boolean(value?.trim()));

/** An email as mail servers treat it: case and surrounding blanks ignored. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The E.164 form of each readable phone; unreadable ones keep their digits,
 * so a foreign number typed twice the same way still counts.
 */
export function phoneKeys(phones: string[]): string[] {
  const keys = phones.map((phone) => {
    // Numbers read from the base are E.164 already: no need to parse them.
    if (/^\+\d{8,15}$/.test(phone)) return phone;
    const { e164 } = normalisePhone(phone);
    const digits = phone.replace(/\D/g, '');

    return e164 ?? (digits.length >= 6 ? digits : '');
  });

  return unique(keys);
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value.length > 0))];
}

function birthKey(value: string | null | undefined): string | null {
  if (!value?.trim()) return null;
  // The base stores ISO dates: the digits are the key.
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value.replace(/-/g, '');
  const parsed = parseDate(value.trim());

  if (parsed.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(parsed.value))
    return parsed.value.replace(/-/g, '');

  // An impossible date ("19560490") is most often a typo of a real one:
  // kept as digits, it can still come out one typo from the right date.
  const digits = value.replace(/\D/g, '');

  return /^(18|19|20)\d{6}$/.test(digits) ? digits : null;
}

function madeOfName(email: string, first: string, last: string): boolean {
  const local = words(email.split('@')[0] ?? '').join('');
  if (!local || !last) return false;
  const forms = [last, `${first}${last}`, `${last}${first}`];
  if (first) forms.push(`${first[0]}${last}`, `${last}${first[0]}`);

  return forms.includes(local);
}

/** Outlet keys, remembered: a base names a few hundred outlets many times. */
const outletOf = remembered(outletKey, 20_000);

/**
 * Normalises a record for matching: folding, phonetic keys, E.164 phones,
 * outlet keys. Done once per record so scoring a pair only compares.
 */
export function preparePerson(record: PersonRecord): PreparedPerson {
  const first = glued(record.firstName);
  const last = glued(record.lastName);
  const emails = unique(present(record.emails).map(emailKey));

  return {
    id: record.id,
    first,
    last,
    firstSound: first ? soundKey(first) : null,
    lastSound: last ? soundKey(last) : null,
    lastPhonetic: last ? phoneticKey(last) : null,
    civility: record.civility ? (parseCivility(record.civility) ?? null) : null,
    birth: birthKey(record.birthDate),
    emails,
    nameEmails: emails.filter((email) => madeOfName(email, first, last)),
    phones: phoneKeys(present(record.phones)),
    outlets: unique(
      (record.companies ?? []).map((c) => outletOf(c.name ?? '')),
    ),
    city: glued(record.city),
    postalCode: interned((record.postalCode ?? '').replace(/\s/g, '')),
    street: record.street ? words(record.street).map(interned) : [],
  };
}
