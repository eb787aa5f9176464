import { formatBirthDate, formatDate } from '../../format.ts';

const FULL = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DAY_MONTH = /^(\d{1,2})\/(\d{1,2})$/;

const two = (value: string) => value.padStart(2, '0');

/**
 * A date typed `jj/mm/aaaa` as the API stores it (`aaaa-mm-jj`); with
 * `dayMonth`, `jj/mm` too (a birthday without its year, `--mm-jj`).
 * Empty text is null; text in no such form is undefined. A day that does
 * not exist (31/02) is given as typed: `isRealDay` tells, the API refuses it.
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

/**
 * Whether a date as `typedDate` gives it exists on the calendar: not
 * 31/02/1980 nor 32/01; 29/02 without a year does (2000 was a leap year).
 */
export function isRealDay(value: string): boolean {
  const [year, month, day] = (
    value.startsWith('--') ? `2000${value.slice(1)}` : value
  )
    .split('-')
    .map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));

  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
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
