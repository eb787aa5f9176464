/**
 * Spreadsheet formula injection. A cell whose text starts with `=`, `+`,
 * `-` or `@` (or a tab or carriage return, which some programs skip before
 * reading the rest) is run as a formula when a CSV is opened in Excel or
 * LibreOffice, or when someone edits the cell: `=HYPERLINK(...)` leaks data,
 * `=cmd|...` starts programs. Such text gets a leading apostrophe, which
 * spreadsheets read as "this is text" and hide. Relais's own CSV reader
 * takes that apostrophe off again (imports/readers/csv-reader.ts `unguard`),
 * so an export re-imported gives back the exact text. Workbooks (xlsx) do not
 * need the guard: a text cell there is never a formula.
 *
 * One exception, by design: a phone number such as `+33 1 23 45 67 89`.
 * Prefixing it would put an apostrophe into Outlook's phone field (Outlook
 * imports the CSV as is) and break the round trip; left alone, a `+` and
 * digits can at worst show as a sum, never call a function or reach the
 * network. Only phone columns get the exception, and only for `+`, digits,
 * spaces, dots, dashes and brackets.
 */
const triggers = /^[=+\-@\t\r]/;
const phoneLike = /^\+[\d\s().-]+$/;

/**
 * The text a spreadsheet will show as text.
 *
 * @param value the cell's text
 * @param phone true for a phone or fax column
 */
export function neutralise(value: string, phone = false): string {
  if (!triggers.test(value)) return value;
  if (phone && phoneLike.test(value)) return value;

  return `'${value}`;
}
