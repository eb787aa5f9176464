import { fold } from '../../../platform/text/fold.ts';
import { birthDateProblem } from '../../common.schemas.ts';
import type { DateOrder, FieldIssue } from './read-types.ts';

/** A value as a spreadsheet or a text file hands it over. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A date read from a file: `YYYY-MM-DD`, `--MM-DD` (no year), empty, or refused and why. */
export type ParsedDate =
  | { kind: 'date'; value: string }
  | { kind: 'empty' }
  | { kind: 'impossible' }
  | { kind: 'unreadable' };

const monthNames: Record<string, number> = {
  jan: 1,
  janv: 1,
  janvier: 1,
  january: 1,
  feb: 2,
  fev: 2,
  fevr: 2,
  fevrier: 2,
  february: 2,
  mar: 3,
  mars: 3,
  march: 3,
  apr: 4,
  avr: 4,
  avril: 4,
  april: 4,
  may: 5,
  mai: 5,
  jun: 6,
  juin: 6,
  june: 6,
  jul: 7,
  juil: 7,
  juillet: 7,
  july: 7,
  aug: 8,
  aou: 8,
  aout: 8,
  august: 8,
  sep: 9,
  sept: 9,
  septembre: 9,
  september: 9,
  oct: 10,
  octobre: 10,
  october: 10,
  nov: 11,
  novembre: 11,
  november: 11,
  dec: 12,
  decembre: 12,
  december: 12,
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** Days since 1899-12-30: Excel's 1900 date system, Lotus leap-year bug included. */
const excelEpoch = Date.UTC(1899, 11, 30);

/** Apple writes year 1604 for a birthday without a year. */
const APPLE_NO_YEAR = 1604;

function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();

  return day <= last;
}

function fromParts(
  year: number | null,
  month: number,
  day: number,
): ParsedDate {
  if (year === null || year === APPLE_NO_YEAR) {
    // 2000 is a leap year, so 29 February without a year is accepted.
    return isRealDay(2000, month, day)
      ? { kind: 'date', value: `--${pad(month)}-${pad(day)}` }
      : { kind: 'impossible' };
  }
  if (year < 1000 || year > 9999 || !isRealDay(year, month, day))
    return { kind: 'impossible' };

  return { kind: 'date', value: `${year}-${pad(month)}-${pad(day)}` };
}

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  // Two-digit years are birth years: never in the future.
  const century = new Date().getUTCFullYear() % 100;

  return year <= century ? 2000 + year : 1900 + year;
}

function fromDateObject(date: Date): ParsedDate {
  if (Number.isNaN(date.getTime())) return { kind: 'unreadable' };

  // Spreadsheet dates carry no time zone: exceljs hands them over as UTC.
  return fromParts(
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
  );
}

function fromNumber(value: number): ParsedDate {
  if (!Number.isFinite(value)) return { kind: 'unreadable' };
  if (Number.isInteger(value) && value >= 10000101 && value <= 99991231) {
    return fromCompact(String(value));
  }
  if (value >= 1 && value < 2958466) {
    return fromDateObject(
      new Date(excelEpoch + Math.floor(value) * 86_400_000),
    );
  }

  return { kind: 'unreadable' };
}

function fromCompact(digits: string): ParsedDate {
  const [year, month, day] = [
    digits.slice(0, 4),
    digits.slice(4, 6),
    digits.slice(6, 8),
  ];

  return fromParts(Number(year), Number(month), Number(day));
}

function monthNumber(word: string): number | undefined {
  return monthNames[fold(word).replace(/\.$/, '')];
}

function fromNumericText(
  a: string,
  b: string,
  c: string,
  order: DateOrder,
): ParsedDate {
  if (a.length === 4) return fromParts(Number(a), Number(b), Number(c));
  if (order === 'ymd') return fromParts(fullYear(a), Number(b), Number(c));
  const year = fullYear(c);

  return order === 'mdy'
    ? fromParts(year, Number(a), Number(b))
    : fromParts(year, Number(b), Number(a));
}

function fromText(raw: string, order: DateOrder): ParsedDate {
  const text = raw.trim();
  if (text === '' || /^0{1,2}[/.-]0{1,2}[/.-]0{2,4}$/.test(text))
    return { kind: 'empty' };

  let match = /^--(\d{2})-?(\d{2})$/.exec(text);
  if (match) return fromParts(null, Number(match[1]), Number(match[2]));

  match =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      text,
    );
  if (match)
    return fromParts(Number(match[1]), Number(match[2]), Number(match[3]));

  match = /^(\d{8})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (match) return fromCompact(match[1] ?? '');

  // A day and month without a year ("15/08", as the xlsx export writes a
  // birthday entered without one), in the order numeric dates follow.
  match = /^(\d{1,2})[/.](\d{1,2})$/.exec(text);
  if (match) {
    const [a, b] = [Number(match[1]), Number(match[2])];

    return order === 'mdy' ? fromParts(null, a, b) : fromParts(null, b, a);
  }

  match = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (match)
    return fromNumericText(
      match[1] ?? '',
      match[2] ?? '',
      match[3] ?? '',
      order,
    );

  // "1er août 1973", "01-Sep-08", "12 September 2008", "14 février"
  match =
    /^(\d{1,2})(?:er)?[\s./-]+([\p{L}]+\.?)(?:[\s.,/-]+(\d{2}|\d{4}))?$/u.exec(
      text,
    );
  if (match) {
    const month = monthNumber(match[2] ?? '');
    if (month)
      return fromParts(
        match[3] ? fullYear(match[3]) : null,
        month,
        Number(match[1]),
      );
  }

  // "September 12, 2008", "Sept. 12 2008"
  match = /^([\p{L}]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?(?:\s+(\d{4}))?$/u.exec(
    text,
  );
  if (match) {
    const month = monthNumber(match[1] ?? '');
    if (month)
      return fromParts(
        match[3] ? Number(match[3]) : null,
        month,
        Number(match[2]),
      );
  }

  return { kind: 'unreadable' };
}

/**
 * Reads a birth date in any of the ways files write one: ISO (`2008-9-1`,
 * `20080901`, with or without a time), day-first or month-first numbers
 * (`01/08/1973`, as `order` says), month names in French or English,
 * vCard's `--MM-DD`, a day and month alone (`15/08`), Excel Date cells and
 * serial numbers.
 *
 * @param value the cell or property value
 * @param order how to read ambiguous numeric dates; day first by default
 */
export function parseDate(
  value: CellValue,
  order: DateOrder = 'dmy',
): ParsedDate {
  if (value === null || value === undefined || typeof value === 'boolean')
    return { kind: 'empty' };
  if (value instanceof Date) return fromDateObject(value);
  if (typeof value === 'number') return fromNumber(value);

  return fromText(value, order);
}

/**
 * Works out whether a column of numeric dates is day-first or month-first:
 * a first part above 12 proves day-first, a second part above 12 proves
 * month-first. Null when the column does not say, or says both.
 *
 * @param values the column's values
 */
export function detectDateOrder(
  values: Iterable<CellValue>,
): 'dmy' | 'mdy' | null {
  let dayFirst = false;
  let monthFirst = false;
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\s*$/.exec(
      value,
    );
    if (!match) continue;
    if (Number(match[1]) > 12) dayFirst = true;
    if (Number(match[2]) > 12) monthFirst = true;
  }
  if (dayFirst === monthFirst) return null;

  return dayFirst ? 'dmy' : 'mdy';
}

/**
 * The issue for a birth date that could not be kept, or null when it may be.
 *
 * @param parsed what `parseDate` made of it
 * @param raw the value as written, quoted in the message
 */
export function birthDateIssue(
  parsed: ParsedDate,
  raw: string,
): FieldIssue | null {
  if (parsed.kind === 'impossible') {
    return {
      field: 'birthDate',
      reason: `date de naissance impossible « ${raw} » (non importée)`,
      reasonEn: `impossible birth date "${raw}" (not imported)`,
    };
  }
  if (parsed.kind === 'unreadable') {
    return {
      field: 'birthDate',
      reason: `date de naissance illisible « ${raw} » (non importée)`,
      reasonEn: `unreadable birth date "${raw}" (not imported)`,
    };
  }
  // The contact schema's own limits (not in the future, not before 1900),
  // said here so the row keeps its other fields and quotes the value.
  const problem =
    parsed.kind === 'date' ? birthDateProblem(parsed.value) : null;
  if (problem) {
    return {
      field: 'birthDate',
      reason: `date de naissance impossible « ${raw} » (non importée) : ${problem.fr}`,
      reasonEn: `impossible birth date "${raw}" (not imported): ${problem.en}`,
    };
  }

  return null;
}
