import { formatBirthDate, formatDate } from '../../format.ts';

const FULL = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DAY_MONTH = /^(\d{1,2})\/(\d{1,2})$/;

const two = (value: string) => value.padStart(2, '0');

/**
 * A date typed `jj/mm/aaaa` as the API stores it (`aaaa-mm-jj`); with
 * `dayMonth`, `jj/mm` too (a birthday without its year, `--mm-jj`).
 * Empty text is null; text in no such form is undefined. Whether the day
 * exists (31/02) is the API's rule, so it answers that beside the field.
 */
export function typedDate(
  text: string,
  dayMonth = false,
): string | null | undefined {
  const value = text.trim();
  if (value === '') return null;
  const full = FULL.exec(value);
  if (full) return `${full[3]}-${two(full[2] ?? '')}-${two(full[1] ?? '')}`;
  const short = dayMonth ? DAY_MONTH.exec(value) : null;
  if (short) return `--${two(short[2] ?? '')}-${two(short[1] ?? '')}`;

  return undefined;
}

/** A stored date as a person types it: `2026-03-05` → `05/03/2026`. */
export function dateText(value: string | null | undefined): string {
  return value ? formatDate(value) : '';
}

/** A stored birth date as typed: `--07-14` → `14/07`. */
export function birthDateText(value: string | null | undefined): string {
  return value ? formatBirthDate(value) : '';
}

/**
 * A French number in its usual groups once typed: `0612345678` and
 * `06.12.34.56.78` → `06 12 34 56 78`, `+33612345678` → `+33 6 12 34 56 78`.
 * Anything else (a foreign number, an extension) stays as typed.
 */
export function frenchPhoneText(text: string): string {
  const compact = text.replace(/[\s.\-()]/g, '');
  if (/^0[1-9]\d{8}$/.test(compact))
    return compact.replace(/(\d{2})(?=\d)/g, '$1 ');
  if (/^\+33[1-9]\d{8}$/.test(compact)) {
    const national = compact.slice(4).replace(/(\d{2})(?=\d)/g, '$1 ');

    return `+33 ${compact.slice(3, 4)} ${national}`;
  }

  return text;
}
