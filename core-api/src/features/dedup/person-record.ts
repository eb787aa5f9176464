import { normaliseEmail } from '../../platform/text/email.ts';
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

/**
 * The one empty list every record without emails, phones, outlets or street
 * shares: comparisons only read them, and an empty array per field and
 * record weighed megabytes over a 50,000-row file.
 */
const none: string[] = Object.freeze([]) as unknown as string[];

/** The values themselves, or the shared empty list. */
const listOf = (values: string[]): string[] =>
  values.length === 0 ? none : values;

const present = (values: (string | null | undefined)[] | undefined) =>
  (values ?? []).filter((value): value is string => Boolean(value?.trim()));

/**
 * An email as mail servers treat it: case and surrounding blanks ignored,
 * a domain written in Unicode or as `xn--` alike (`normaliseEmail`).
 */
export function emailKey(email: string): string {
  const key = email.trim().toLowerCase();
  // A plain ASCII address with no `xn--` label is already in its stored
  // form: most of a file, spared the domain's parsing.
  if (/^[\x21-\x7e]*$/.test(key) && !key.includes('xn--')) return key;

  return normaliseEmail(key) ?? key;
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
  return listOf([...new Set(values.filter((value) => value.length > 0))]);
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
    nameEmails: listOf(
      emails.filter((email) => madeOfName(email, first, last)),
    ),
    phones: phoneKeys(present(record.phones)),
    outlets: unique(
      (record.companies ?? []).map((c) => outletOf(c.name ?? '')),
    ),
    city: glued(record.city),
    postalCode: interned((record.postalCode ?? '').replace(/\s/g, '')),
    street: record.street ? listOf(words(record.street).map(interned)) : none,
  };
}

/**
 * A prepared record as one line of text (`PackedPeople` keeps it): the id
 * is left out (the caller knows it) and the sound keys are worked out
 * again from the folded names.
 */
export function packPerson(person: PreparedPerson): string {
  const nameEmails = person.nameEmails.map((email) =>
    person.emails.indexOf(email),
  );

  return JSON.stringify([
    person.first,
    person.last,
    person.civility,
    person.birth,
    person.emails,
    nameEmails,
    person.phones,
    person.outlets,
    person.city,
    person.postalCode,
    person.street,
  ]);
}

type Packed = [
  string,
  string,
  PreparedPerson['civility'],
  string | null,
  string[],
  number[],
  string[],
  string[],
  string,
  string,
  string[],
];

/**
 * A list of one outlet, shared by the unpacked records naming it: a file
 * names a few hundred outlets over thousands of rows.
 */
const oneOutlet = remembered(
  (outlet: string) => Object.freeze([interned(outlet)]) as unknown as string[],
  20_000,
);

/** The record `packPerson` packed, as `preparePerson` gave it. */
export function unpackPerson(id: string, packed: string): PreparedPerson {
  const [
    first,
    last,
    civility,
    birth,
    emails,
    nameEmails,
    phones,
    outlets,
    city,
    postalCode,
    street,
  ] = JSON.parse(packed) as Packed;
  const emailList = listOf(emails);
  const folded = (value: string) => (value ? interned(value) : '');
  // All emails made of the name: the same list serves both fields.
  const nameEmailList =
    nameEmails.length === emailList.length
      ? emailList
      : listOf(nameEmails.map((at) => emailList[at] as string));

  return {
    id,
    first: folded(first),
    last: folded(last),
    firstSound: first ? soundKey(first) : null,
    lastSound: last ? soundKey(last) : null,
    lastPhonetic: last ? phoneticKey(last) : null,
    civility,
    birth: birth ? interned(birth) : null,
    emails: emailList,
    nameEmails: nameEmailList,
    phones: listOf(phones),
    outlets:
      outlets.length === 1
        ? oneOutlet(outlets[0] as string)
        : listOf(outlets.map(interned)),
    city: folded(city),
    postalCode: interned(postalCode),
    street: listOf(street.map(interned)),
  };
}

/** Bytes of packed records per block of `PackedPeople`. */
const packBlock = 1 << 20;

/**
 * Prepared records packed as UTF-8 text in blocks of a megabyte, for the
 * rows an import keeps while the rest of its file is read. As objects, with
 * five lists each and their strings, they weighed about 800 bytes a row
 * (39 MB for 46,000 rows); as JavaScript strings, `JSON.stringify` leaves
 * each one a chain of pieces. Here a row is its text and three numbers.
 */
export class PackedPeople {
  #blocks: Uint8Array[] = [];
  /** Record `i` is bytes `places[3i + 1]` to `places[3i + 2]` of block `places[3i]`. */
  #places = new Int32Array(3 * 1024);
  #count = 0;
  #used = packBlock;
  readonly #encoder = new TextEncoder();
  readonly #decoder = new TextDecoder();

  /** How many records are packed. */
  get size(): number {
    return this.#count;
  }

  /** Packs a record; returns its number, for `unpack`. */
  add(person: PreparedPerson): number {
    const text = packPerson(person);
    // UTF-8 takes at most three bytes for each UTF-16 unit.
    const most = text.length * 3;
    if (this.#used + most > packBlock) {
      this.#blocks.push(new Uint8Array(Math.max(packBlock, most)));
      this.#used = 0;
    }
    const block = this.#blocks.length - 1;
    const { written } = this.#encoder.encodeInto(
      text,
      (this.#blocks[block] as Uint8Array).subarray(this.#used),
    );
    if (3 * (this.#count + 1) > this.#places.length) {
      const larger = new Int32Array(this.#places.length * 2);
      larger.set(this.#places);
      this.#places = larger;
    }
    const at = 3 * this.#count;
    this.#places[at] = block;
    this.#places[at + 1] = this.#used;
    this.#places[at + 2] = this.#used + written;
    this.#used += written;

    return this.#count++;
  }

  /** Record number `index` as `preparePerson` gave it, under `id`. */
  unpack(index: number, id: string): PreparedPerson {
    const at = 3 * index;
    const block = this.#blocks[this.#places[at] as number] as Uint8Array;
    const text = this.#decoder.decode(
      block.subarray(this.#places[at + 1], this.#places[at + 2]),
    );

    return unpackPerson(id, text);
  }
}
