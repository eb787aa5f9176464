const parisDate = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** An instant as `dd/mm/yyyy` in Paris time, where the team works. */
export function formatDay(iso: string): string {
  const date = new Date(iso);

  return Number.isNaN(date.getTime()) ? iso : parisDate.format(date);
}
