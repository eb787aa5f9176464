import { normalisePhone } from '../../../platform/text/phone.ts';
import { countryCode } from './countries.ts';
import type { CellValue } from './dates.ts';
import type { FieldIssue } from './read-types.ts';

/** `6.12345678E+8`, `6,12E+08`: how Excel writes a long number it shows in scientific notation. */
const SCIENTIFIC = /^(\d)(?:[.,](\d+))?e\+?(\d{1,2})$/i;

/**
 * The digits of a number Excel showed in scientific notation, or null when
 * the notation kept fewer digits than the number had (`6,12E+08` for
 * 612345678: the rest is lost).
 */
function scientificDigits(text: string): string | null | undefined {
  const match = SCIENTIFIC.exec(text.trim());
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  const exponent = Number(match[3]);
  if (fraction.length !== exponent) return null;

  return `${match[1]}${fraction}`;
}

/**
 * A number that lost its `+` to Excel (`33612345678`, `447911123456`): ten
 * digits or more without a leading zero cannot be a French national number,
 * so it is read as international when that makes a valid number.
 */
function withPlus(digits: string): string {
  if (digits.length < 10 || digits.startsWith('0')) return digits;

  return normalisePhone(`+${digits}`).e164 ?? digits;
}

/**
 * The phone numbers in a cell, undoing what Excel does to numbers typed
 * without quotes: stored as numbers they lose their leading zero (restored
 * later by the phone normaliser, France being the default region) or their
 * `+`; saved to CSV they may be written in scientific notation. A number
 * whose digits the notation lost is refused, not imported wrong.
 *
 * @param value the cell as the file gave it
 * @param text the same cell as trimmed text
 */
export function phonesFromCell(
  value: CellValue,
  text: string,
): { numbers: string[]; issue?: FieldIssue } {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value > 0
      ? { numbers: [withPlus(String(value))] }
      : { numbers: [text] };
  }
  const digits = scientificDigits(text);
  if (digits === null) {
    return {
      numbers: [],
      issue: {
        field: 'phones',
        reason:
          `numéro de téléphone abîmé par Excel « ${text} » : ` +
          'des chiffres sont perdus (non importé)',
        reasonEn: `phone number mangled by Excel "${text}": digits were lost (not imported)`,
      },
    };
  }
  if (digits !== undefined) return { numbers: [withPlus(digits)] };
  const whole = /^(\d+)\.0+$/.exec(text)?.[1] ?? text;
  if (/^\d+$/.test(whole)) return { numbers: [withPlus(whole)] };

  return {
    numbers: text.split(/\s*(?:;|\s\/\s|\n)\s*/).filter((n) => n !== ''),
  };
}

/**
 * A postal code as the file gave it, with the leading zero Excel drops
 * from numbers given back (`1000` → `01000`) when the address is French or
 * names no country. French codes have five digits and those of the nine
 * first departments start with 0, so four digits there can only be such a
 * loss; a CSV saved by Excel writes the number the same way, as text.
 *
 * @param postalCode the code as read
 * @param country the country written in the address, if any
 */
export function restorePostalCode(
  postalCode: string,
  country: string | undefined,
): string {
  const french = !country?.trim() || countryCode(country) === 'FR';
  const whole = /^(\d+)\.0+$/.exec(postalCode)?.[1] ?? postalCode;
  if (!french || !/^\d{4}$/.test(whole)) return postalCode;

  return whole.padStart(5, '0');
}
