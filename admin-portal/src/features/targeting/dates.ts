const TYPED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** `05/03/2026` → `2026-03-05`; undefined for text that is no real day. */
export function parseFrenchDate(text: string): string | undefined {
  const match = TYPED.exec(text.trim());
  if (!match) return undefined;
  const [day, month, year] = [match[1], match[2], match[3]].map(Number) as [
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;

  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
