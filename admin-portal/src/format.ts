/**
 * Date and number formats of the portal: dates French day-first in both
 * languages, times in Paris time whatever the browser's zone, since the team
 * works there; numbers with the reader's decimal mark.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MONTH = /^--(\d{2})-(\d{2})$/;

const parisDateTime = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `2026-03-05` → `05/03/2026`; anything else is returned as is. */
export function formatDate(value: string): string {
  const match = ISO_DATE.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;

  return `${day}/${month}/${year}`;
}

/** A birth date: `1975-07-14` → `14/07/1975`, day and month only `--07-14` → `14/07`. */
export function formatBirthDate(value: string): string {
  const match = DAY_MONTH.exec(value);
  if (!match) return formatDate(value);
  const [, month, day] = match;

  return `${day}/${month}`;
}

/**
 * An instant (ISO 8601 with a zone) as `dd/mm/yyyy HH:mm` in Paris time;
 * an unreadable value is returned as is.
 */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts: Record<string, string> = {};
  for (const part of parisDateTime.formatToParts(date))
    parts[part.type] = part.value;

  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

const scoreFormats = new Map<string, Intl.NumberFormat>();

/**
 * A duplicate score or an evidence weight, one decimal at most, in the
 * reader's language: `12,5` in French, `12.5` in English; `signed` adds `+`.
 */
export function formatScore(
  value: number,
  locale: 'fr' | 'en',
  signed = false,
): string {
  const key = `${locale}:${signed}`;
  let format = scoreFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      maximumFractionDigits: 1,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    scoreFormats.set(key, format);
  }

  return format.format(value);
}

/** A file's size in kilobytes or megabytes, in the reader's language. */
export function formatFileSize(bytes: number, locale: 'fr' | 'en'): string {
  const megabytes = bytes >= 1024 * 1024;
  const format = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'unit',
    unit: megabytes ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: megabytes ? 1 : 0,
  });

  return format.format(
    megabytes ? bytes / (1024 * 1024) : Math.max(1, bytes / 1024),
  );
}
