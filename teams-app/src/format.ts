/**
 * Dates as the team reads them, in both languages: day first, Paris time
 * whatever the computer's zone (`05/03/2026 14:30`).
 */
const parisShort = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'short',
  timeStyle: 'short',
});

/** An instant from the API; an unreadable value is shown as it came. */
export function formatInstant(value: string): string {
  const date = new Date(value);

  return Number.isNaN(date.getTime()) ? value : parisShort.format(date);
}
