import { finaliseDraft } from './contact-draft.ts';
import { detectDateOrder } from './dates.ts';
import type { CellValue } from './dates.ts';
import { applyChoices, keyOfTarget } from './column-keys.ts';
import { mapHeaders } from './header-map.ts';
import type { ColumnTarget, HeaderMapping } from './header-map.ts';
import { contactRow, issueRow } from './read-types.ts';
import type {
  FieldIssue,
  ReadOptions,
  ReadRow,
  RowPlace,
  TableMapping,
} from './read-types.ts';
import { cellText, draftFromCells } from './row-draft.ts';
import { looksLikeEmail, looksLikePhone, readsAsFunction } from './values.ts';
import { counted } from '../../../platform/text/plural.ts';

/**
 * One row of a CSV file or a worksheet, cells in column order; a row the
 * file reader could not cut into cells carries the reason instead.
 */
export type TableRow = {
  line: number;
  sheet?: string;
  cells: CellValue[];
  issue?: FieldIssue;
  /** What the file reader noticed without refusing the row (its encoding). */
  warnings?: FieldIssue[];
};

/** How a table was read: its header mapping, or null when no header row was found. */
export type TableOutcome = {
  mapping: HeaderMapping | null;
  headerless: boolean;
  rows: number;
};

/** Rows looked at to find the header row (title lines may sit above it). */
const HEADER_WINDOW = 20;

/** Data rows looked at to tell day-first from month-first dates. */
const DATE_WINDOW = 200;

const isEmptyRow = (cells: CellValue[]): boolean =>
  cells.every((cell) => cellText(cell) === '');

/**
 * Column targets for a file without a header row, guessed from one data
 * row: emails and phone numbers are recognised by their shape; among the
 * remaining text cells, one that is two others joined by a space is the
 * display name, then come first name and last name. Cells of digits only
 * (row numbers, ids) are not names.
 *
 * @param cells the first data row
 */
export function guessColumns(
  cells: readonly CellValue[],
): (ColumnTarget | null)[] {
  const texts = cells.map(cellText);
  const targets: (ColumnTarget | null)[] = texts.map(() => null);
  const nameColumns: number[] = [];
  texts.forEach((text, index) => {
    if (text === '') return;
    if (looksLikeEmail(text))
      targets[index] = { field: 'email', slot: `c${index}` };
    else if (looksLikePhone(text)) {
      targets[index] = { field: 'phone', slot: `c${index}`, kind: 'other' };
    } else if (!/^[\d\s.,-]+$/.test(text)) nameColumns.push(index);
  });

  // The columns of each text, so a wide row is not compared cell by cell
  // with every pair of others (20,000 columns would never finish).
  const columnsOf = new Map<string, number[]>();
  for (const index of nameColumns) {
    const text = texts[index] ?? '';
    const list = columnsOf.get(text) ?? [];
    if (list.length < 3) list.push(index);
    columnsOf.set(text, list);
  }
  const joins = (candidate: number): boolean => {
    const text = texts[candidate] ?? '';
    for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) {
      const firsts = (columnsOf.get(text.slice(0, at)) ?? []).filter(
        (a) => a !== candidate,
      );
      const seconds = (columnsOf.get(text.slice(at + 1)) ?? []).filter(
        (b) => b !== candidate,
      );
      if (firsts.some((a) => seconds.some((b) => a !== b))) return true;
    }

    return false;
  };
  const display = nameColumns.find(joins);
  if (display !== undefined) targets[display] = { field: 'displayName' };
  const rest = nameColumns.filter((index) => index !== display);
  if (rest.length === 1 && display === undefined) {
    targets[rest[0] ?? 0] = { field: 'displayName' };
  } else {
    const [first, last] = rest;
    if (first !== undefined) targets[first] = { field: 'firstName' };
    if (last !== undefined) targets[last] = { field: 'lastName' };
  }

  return targets;
}

/**
 * What a column fills that holds one value per contact: the reader keeps
 * the first column's value and drops any other's. Null for a column whose
 * values add up (emails, phones, notes, terms...).
 */
function singleValue(target: ColumnTarget): string | null {
  switch (target.field) {
    case 'company':
    case 'function':
    case 'department':
      return `${target.field}:${target.slot}`;
    case 'address':
      return `address:${target.slot}:${target.part}`;
    case 'civility':
    case 'title':
    case 'firstName':
    case 'lastName':
    case 'displayName':
    case 'origin':
    case 'preferredChannel':
    case 'externalId':
    case 'birthDate':
    case 'birthYear':
    case 'birthMonth':
    case 'birthDay':
    case 'contactType':
      return target.field;
    default:
      return null;
  }
}

/**
 * The targets after a person's choices, told to the caller's listener. A
 * file without a header row names its columns by position ("Colonne 3").
 * A second column for a single-valued field is left out and named, so
 * its values are not dropped silently.
 */
function chooseColumns(
  suggested: (ColumnTarget | null)[],
  headers: string[],
  options: Pick<ReadOptions, 'columns' | 'onMapping'> & { sheet?: string },
  line: number,
): (ColumnTarget | null)[] {
  const names =
    headers.length > 0
      ? headers
      : suggested.map((_target, index) => `Colonne ${index + 1}`);
  const targets = options.columns
    ? applyChoices(names, suggested, options.columns)
    : [...suggested];
  const duplicates: NonNullable<TableMapping['duplicates']> = [];
  const fedBy = new Map<string, number>();
  targets.forEach((target, index) => {
    const field = target ? singleValue(target) : null;
    if (!target || field === null) return;
    const firstIndex = fedBy.get(field);
    if (firstIndex === undefined) {
      fedBy.set(field, index);
      return;
    }
    duplicates.push({
      index,
      header: names[index]?.trim() ?? '',
      firstIndex,
      firstHeader: names[firstIndex]?.trim() ?? '',
      key: keyOfTarget(target),
    });
    targets[index] = null;
  });
  options.onMapping?.({
    ...(options.sheet ? { sheet: options.sheet } : {}),
    ...(duplicates.length > 0 ? { duplicates } : {}),
    line,
    columns: names.flatMap((header, index) =>
      header.trim() === ''
        ? []
        : [
            {
              index,
              header: header.trim(),
              suggested: keyOf(suggested[index]),
              key: keyOf(targets[index]),
            },
          ],
    ),
  });

  return targets;
}

const keyOf = (target: ColumnTarget | null | undefined) =>
  target ? keyOfTarget(target) : null;

const IDENTITY_FIELDS = new Set([
  'email',
  'lastName',
  'firstName',
  'displayName',
  'company',
]);

/**
 * A header row has several known column names; a one- or two-column file
 * ("Primary Email") may have just one, if it names who the contact is.
 */
function isHeaderRow(mapping: HeaderMapping, cells: string[]): boolean {
  const filled = cells.filter((cell) => cell !== '').length;
  const [only, ...others] = mapping.mapped;
  if (others.length > 0) return true;

  return (
    only !== undefined && filled <= 2 && IDENTITY_FIELDS.has(only.target.field)
  );
}

function raggedIssue(
  cells: readonly CellValue[],
  width: number,
): FieldIssue | null {
  const lost = cells
    .slice(width)
    .map(cellText)
    .filter((text) => text !== '');
  if (lost.length === 0) return null;
  const shown = lost
    .slice(0, 3)
    .map((text) => (text.length > 40 ? `${text.slice(0, 40)}…` : text));
  const more = lost.length > 3 ? ' …' : '';

  return {
    reason:
      counted(
        'fr',
        lost.length,
        `valeur au-delà des ${width} colonnes de l'en-tête, ignorée : `,
        `valeurs au-delà des ${width} colonnes de l'en-tête, ignorées : `,
      ) + `${shown.map((t) => `« ${t} »`).join(', ')}${more}`,
    reasonEn:
      counted(
        'en',
        lost.length,
        `value beyond the header's ${width} columns, ignored: `,
        `values beyond the header's ${width} columns, ignored: `,
      ) + `${shown.map((t) => `"${t}"`).join(', ')}${more}`,
  };
}

/**
 * Suggests the function for a civility or title column whose first values
 * mostly read as job titles (a "Titre" column of `Rédacteur en chef`), when
 * no other column gives the function: its values would otherwise be taken
 * for civilities they are not.
 *
 * @param targets the header mapper's suggestions
 * @param rows the first data rows
 */
function titlesAsFunctions(
  targets: (ColumnTarget | null)[],
  rows: readonly TableRow[],
): (ColumnTarget | null)[] {
  if (targets.some((target) => target?.field === 'function')) return targets;
  let changed = false;

  return targets.map((target, index) => {
    if (changed || (target?.field !== 'civility' && target?.field !== 'title'))
      return target;
    const values = rows
      .map((row) => cellText(row.cells[index] ?? null))
      .filter((text) => text !== '');
    const functions = values.filter(readsAsFunction).length;
    if (functions === 0 || functions * 2 < values.length) return target;
    changed = true;

    return { field: 'function', slot: 'org', fromTitle: true };
  });
}

/**
 * Reads a table (CSV records or worksheet rows) into contacts: finds the
 * header row among the first rows (or recognises a header-less file by
 * an email in its first row), works out the date order from the first
 * data rows, then builds one contact per row. Rows never throw: every
 * problem becomes an issue on the row's line.
 *
 * A person's column choices replace the mapper's suggestions, and the
 * caller is told how the columns were understood before the first row.
 *
 * @param rows the table's rows, in order
 * @param options the caller's date order, column choices, mapping listener
 * @returns how the header was understood (null mapping when none was found)
 */
export async function* readTable(
  rows: AsyncIterable<TableRow>,
  options: Pick<ReadOptions, 'dateOrder' | 'columns' | 'onMapping'> & {
    sheet?: string;
  } = {},
): AsyncGenerator<ReadRow, TableOutcome> {
  const { dateOrder } = options;
  const iterator = rows[Symbol.asyncIterator]();
  let mapping: HeaderMapping | null = null;
  let targets: (ColumnTarget | null)[] | null = null;
  let width = 0;
  let headerTexts: string[] = [];
  let headerLine = 1;
  const pending: TableRow[] = [];

  for (let seen = 0; seen < HEADER_WINDOW && targets === null;) {
    const next = await iterator.next();
    if (next.done) break;
    const row = next.value;
    if (row.issue) {
      pending.push(row);
      continue;
    }
    if (isEmptyRow(row.cells)) continue;
    seen++;
    const texts = row.cells.map(cellText);
    if (texts.some(looksLikeEmail)) {
      targets = guessColumns(row.cells);
      headerLine = row.line;
      width = Number.POSITIVE_INFINITY;
      pending.push(row);
      break;
    }
    const candidate = mapHeaders(texts);
    if (isHeaderRow(candidate, texts)) {
      headerTexts = texts;
      headerLine = row.line;
      mapping = candidate;
      targets = candidate.columns;
      width = texts.length;
      while (width > 0 && texts[width - 1] === '') width--;
    }
  }
  if (targets === null) return { mapping: null, headerless: false, rows: 0 };
  while (pending.length < DATE_WINDOW) {
    const next = await iterator.next();
    if (next.done) break;
    pending.push(next.value);
  }
  targets = chooseColumns(
    titlesAsFunctions(targets, pending),
    headerTexts,
    options,
    headerLine,
  );

  const birthColumns = targets.flatMap((t, i) =>
    t?.field === 'birthDate' ? [i] : [],
  );
  const order =
    dateOrder ??
    detectDateOrder(
      pending.flatMap((row) => birthColumns.map((i) => row.cells[i])),
    ) ??
    'dmy';

  let count = 0;
  const handle = function* (row: TableRow): Generator<ReadRow> {
    const place: RowPlace = row.sheet
      ? { line: row.line, sheet: row.sheet }
      : { line: row.line };
    if (row.issue) {
      yield issueRow(place, row.issue);
      return;
    }
    if (isEmptyRow(row.cells)) return;
    const draft = draftFromCells(row.cells, targets ?? [], order);
    const ragged = raggedIssue(row.cells, width);
    if (ragged) draft.issues.push(ragged);
    if (row.warnings) draft.issues.push(...row.warnings);
    const { contact, issues } = finaliseDraft(draft);
    if (contact) {
      count++;
      yield contactRow(place, contact);
    }
    for (const issue of issues) yield issueRow(place, issue);
  };

  for (const row of pending) yield* handle(row);
  pending.length = 0;
  for (
    let next = await iterator.next();
    !next.done;
    next = await iterator.next()
  ) {
    yield* handle(next.value);
  }

  return { mapping, headerless: mapping === null, rows: count };
}
