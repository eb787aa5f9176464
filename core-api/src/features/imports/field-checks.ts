import { fold } from '../../platform/text/fold.ts';
import { overseasFrance } from '../../platform/text/phone.ts';
import type { ContactInputParsed } from '../contacts/contacts.schemas.ts';
import { frenchDepartments } from '../contacts/french-departments.ts';
import type { FieldIssue } from './readers/read-types.ts';

/**
 * Countries whose addresses take French postal codes: France and the
 * overseas departments and collectivities La Poste serves.
 */
const frenchPostCountries = new Set<string>(['FR', ...overseasFrance]);

/** Overseas prefixes besides the departments' own: collectivities, Pacific. */
const overseasPrefixes = new Set(['975', '977', '978', '986', '987', '988']);

/**
 * Whether a French postal code is five digits starting with an existing
 * department (`20` for Corsica, whose codes predate 2A and 2B; three digits
 * overseas), optionally followed by CEDEX and its number.
 *
 * @param code the postal code as stored
 */
export function isFrenchPostalCode(code: string): boolean {
  const match = /^(\d{5})(?: cedex(?: \d{1,2})?)?$/.exec(
    fold(code).replace(/\s+/g, ' ').trim(),
  );
  if (!match) return false;
  const digits = match[1] as string;
  if (digits.startsWith('97') || digits.startsWith('98')) {
    const prefix = digits.slice(0, 3);

    return prefix in frenchDepartments || overseasPrefixes.has(prefix);
  }
  const department = digits.slice(0, 2);

  return department === '20' || department in frenchDepartments;
}

/**
 * Whether an address takes a French postal code: its country says so, or it
 * names none, the installation's region is France and the code holds no
 * letters (`SW1A 1AA` without a country is left alone).
 */
function takesFrenchCode(
  address: ContactInputParsed['addresses'][number],
  region: string,
): boolean {
  if (address.country) return frenchPostCountries.has(address.country);
  const code = fold(address.postalCode ?? '').replace(/cedex/g, '');

  return region === 'FR' && !/[a-z]/.test(code);
}

/**
 * The checks a row's values get once the contact schema accepted them,
 * with what the schema cannot know: a phone number that does not read as a
 * number of its country is kept as written, unverified (as the contacts API
 * keeps it: no E.164 form), with a warning; a French postal code that cannot
 * exist is left out of its address, with a warning. Foreign addresses are
 * left as written.
 *
 * @param input the row as the schema accepted it
 * @param e164 the E.164 form of each of its numbers (null: unreadable)
 * @param region the country assumed for numbers and addresses without one
 * @returns the row to stage, and its warnings
 */
export function checkStagedFields(
  input: ContactInputParsed,
  e164: Record<string, string | null>,
  region: string,
): { input: ContactInputParsed; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  for (const phone of input.phones) {
    if (e164[phone.number] !== null) continue;
    issues.push({
      field: 'phones',
      reason:
        `numéro de téléphone non reconnu « ${phone.number} » : ` +
        'gardé tel quel, non vérifié',
      reasonEn:
        `unrecognised phone number "${phone.number}": ` +
        'kept as written, unverified',
    });
  }

  let changed = false;
  const addresses = input.addresses.flatMap((address) => {
    const code = address.postalCode;
    if (!code || !takesFrenchCode(address, region) || isFrenchPostalCode(code))
      return [address];
    issues.push({
      field: 'addresses',
      reason:
        `code postal français invalide « ${code} » (non importé) : cinq ` +
        'chiffres d’un département existant attendus',
      reasonEn:
        `invalid French postal code "${code}" (not imported): five digits of ` +
        'an existing department expected',
    });
    changed = true;
    const { postalCode: _dropped, ...rest } = address;
    const kept = Object.entries(rest).some(
      ([key, value]) =>
        value !== null &&
        value !== undefined &&
        key !== 'isPrimary' &&
        key !== 'label',
    );

    return kept ? [{ ...rest, postalCode: null }] : [];
  });
  if (!changed) return { input, issues };
  if (addresses.length > 0 && !addresses.some((address) => address.isPrimary))
    addresses[0] = {
      ...(addresses[0] as (typeof addresses)[number]),
      isPrimary: true,
    };

  return { input: { ...input, addresses }, issues };
}
