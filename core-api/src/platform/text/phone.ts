import {
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/max';
import { PhoneNumber } from 'libphonenumber-js/core';
import numberingPlans from 'libphonenumber-js/max/metadata';
import { remembered } from './remembered.ts';

/** France's overseas departments and collectivities, each with its own country code. */
export const overseasFrance: readonly CountryCode[] = [
  'GP',
  'MQ',
  'GF',
  'RE',
  'YT',
  'PM',
  'BL',
  'MF',
  'NC',
  'PF',
  'WF',
];

export type NormalisedPhone = {
  /** E.164 form (`+33612345678`), or null when the text is not a valid number. */
  e164: string | null;
  /** The text as it was given, trimmed. */
  raw: string;
};

/**
 * Reads a phone number as written by a person or a spreadsheet. France is the
 * default region; a nine-digit French number that lost its leading zero in
 * Excel (`612345678`) is given it back.
 *
 * @param raw the number as typed
 * @param region the country assumed when the number has no prefix
 */
export function normalisePhone(raw: string, region = 'FR'): NormalisedPhone {
  return recentlyNormalised(`${region}\u0000${raw}`);
}

// One contact's numbers are normalised for its phone rows, then for its
// search words: remembering the last few thousand spares libphonenumber the
// second parse, a tenth of a large import's time.
const recentlyNormalised = remembered((key: string) => {
  const cut = key.indexOf('\u0000');

  return Object.freeze(normaliseOnce(key.slice(cut + 1), key.slice(0, cut)));
}, 20_000);

/**
 * Tells the phone memory the E.164 form `normalisePhone` gave a number
 * earlier, so it is not parsed again: an import's preview reads every
 * number, its commit (another request, maybe another process) writes them.
 *
 * @param raw the number as typed, as it was given to `normalisePhone`
 * @param region the region it was read with
 * @param e164 what `normalisePhone(raw, region).e164` gave
 */
export function knownPhone(
  raw: string,
  region: string,
  e164: string | null,
): void {
  recentlyNormalised.keep(
    `${region}\u0000${raw}`,
    Object.freeze({ e164, raw: raw.trim() }),
  );
}

function normaliseOnce(raw: string, region: string): NormalisedPhone {
  const text = raw.trim();
  let candidate = text.replace(/^00/, '+');
  const digits = candidate.replace(/\D/g, '');

  if (
    region === 'FR' &&
    /^[1-9]\d{8}$/.test(digits) &&
    !candidate.startsWith('+')
  ) {
    candidate = `0${digits}`;
  }

  const french = region === 'FR' ? frenchNationalNumber(candidate) : null;
  if (french) {
    if (validIn('FR', french)) return { e164: `+33${french}`, raw: text };
    // Written from abroad (+33), it can only be French.
    if (candidate.startsWith('+')) return { e164: null, raw: text };
    for (const overseas of overseasFrance) {
      if (validIn(overseas, french)) {
        return {
          e164: `+${getCountryCallingCode(overseas)}${french}`,
          raw: text,
        };
      }
    }

    return { e164: null, raw: text };
  }

  const parsed = parsePhoneNumberFromString(candidate, region as CountryCode);
  if (parsed?.isValid()) return { e164: parsed.number, raw: text };

  // Overseas France dials nationally with a 0 too (0590 Guadeloupe, 0262
  // Réunion) but under its own country code, which region FR does not reach.
  if (region === 'FR' && /^0\d{9}$/.test(candidate.replace(/\D/g, ''))) {
    for (const overseas of overseasFrance) {
      const local = parsePhoneNumberFromString(candidate, overseas);
      if (local?.isValid()) return { e164: local.number, raw: text };
    }
  }

  return { e164: null, raw: text };
}

// A French number as nearly every list writes it: `06 12 34 56 78`,
// `0612345678`, `01.23.45.67.89`, `+33 6 12 34 56 78`. Its national number
// is these nine digits whatever the territory, France's or overseas.
const frenchForm = /^(?:0|\+33[ .-]?)([1-9](?:[ .-]?\d\d){4})$/;

/**
 * The nine digits after the 0 of a number written in one of the usual French
 * forms, or null. Such a number is checked straight against the numbering
 * plans, France's then overseas France's, in the order a parse tries them:
 * parsing the text in full, up to twelve times for a number no plan knows,
 * cost most of a large import's reading of phone numbers. Anything else is
 * parsed as before.
 */
function frenchNationalNumber(candidate: string): string | null {
  const form = frenchForm.exec(candidate);

  return form ? form[1]!.replace(/\D/g, '') : null;
}

// The library's number built from a country and a national number, which
// its typings leave out (they describe the E.164 form only).
const NationalNumber = PhoneNumber as unknown as new (
  country: CountryCode,
  nationalNumber: string,
  metadata: typeof numberingPlans,
) => PhoneNumber;

/** Whether a national number is valid in a country's numbering plan. */
function validIn(country: CountryCode, nationalNumber: string): boolean {
  return new NationalNumber(country, nationalNumber, numberingPlans).isValid();
}

/**
 * How a stored number reads on screen: national form for numbers of the
 * default region (`06 12 34 56 78`), international otherwise.
 */
export function displayPhone(
  e164: string | null,
  raw: string,
  region = 'FR',
): string {
  if (!e164) return raw;
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return raw;

  return parsed.country === region
    ? parsed.formatNational()
    : parsed.formatInternational();
}

/**
 * The digit strings a number is found by: the national form with its leading
 * zero and the international digits, so `0612`, `612` typed after `+33` and
 * `33612` all reach it.
 */
export function phoneSearchKeys(e164: string | null, raw: string): string[] {
  const keys = new Set<string>();
  const rawDigits = raw.replace(/\D/g, '');
  if (rawDigits.length >= 4) keys.add(rawDigits);

  if (e164) {
    keys.add(e164.slice(1));
    const national = nationalNumberOf(e164);
    if (national) keys.add(`0${national}`);
  }

  return [...keys];
}

/** Every country calling code (`33`, `1`, `590`): no code is another's prefix. */
let callingCodes: Set<string> | null = null;

/**
 * The national significant number of an E.164 number: what follows its
 * country calling code, found without parsing the number again.
 */
function nationalNumberOf(e164: string): string | null {
  callingCodes ??= new Set(
    getCountries().map((country) => getCountryCallingCode(country)),
  );
  for (let length = 1; length <= 3; length++) {
    if (callingCodes.has(e164.slice(1, 1 + length))) {
      return e164.slice(1 + length) || null;
    }
  }

  return parsePhoneNumberFromString(e164)?.nationalNumber ?? null;
}
