/**
 * Dates and times as French readers expect them, in Paris time whatever the
 * server's zone: `04/12/2026` and `04/12/2026 09:30`.
 */
const parisDay = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

const parisMinute = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** `04/12/2026`, the day in Paris. */
export function parisDate(at: Date | string): string {
  return parisDay.format(new Date(at));
}

/** `04/12/2026 09:30`, the minute in Paris. */
export function parisDateTime(at: Date | string): string {
  return parisMinute.format(new Date(at)).replace(',', '');
}
