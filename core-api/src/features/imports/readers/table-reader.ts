import { fold } from '../../../platform/text/fold.ts';
import { clean, finaliseDraft, newDraft } from './contact-draft.ts';
import type { AddressDraft, ContactDraft } from './contact-draft.ts';
import { birthDateIssue, detectDateOrder, parseDate } from './dates.ts';
import type { CellValue, ParsedDate } from './dates.ts';
import { googleLabel, mapHeaders } from './header-map.ts';
import type { ColumnTarget, HeaderMapping, PhoneKind } from './header-map.ts';
import { contactRow, issueRow } from './read-types.ts';
import type { DateOrder, FieldIssue, ReadRow, RowPlace } from './read-types.ts';
import {
  extractEmails,
  looksLikeEmail,
  looksLikePhone,
  parseCivility,
  parseContactType,
  socialFromCell,
  splitTerms,
} from './values.ts';

/** One row of a CSV file or a worksheet, cells in column order. */
export type TableRow = { line: number; sheet?: string; cells: CellValue[] };

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

/** The text of a cell as a string field takes it. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? ''
      : value.toISOString().slice(0, 10);
  }

  return String(value)
    .replace(/\u00a0/g, ' ')
    .trim();
}

const isEmptyRow = (cells: CellValue[]): boolean =>
  cells.every((cell) => cellText(cell) === '');

const truthy = (text: string): boolean =>
  ['1', 'yes', 'y', 'oui', 'o', 'true', 'vrai', 'x'].includes(
    fold(text).trim(),
  );

function phoneKindFromLabel(text: string): PhoneKind {
  const label = fold(text);
  if (label.includes('fax') || label.includes('telecopie')) return 'fax';
  if (/mobile|cell|portable|gsm|iphone/.test(label)) return 'mobile';
  if (/home|domicile|perso/.test(label)) return 'home';
  if (/work|business|bureau|main|office|pro/.test(label)) return 'office';

  return 'other';
}

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

  const joins = (candidate: number, a: number, b: number): boolean =>
    a !== b &&
    a !== candidate &&
    b !== candidate &&
    texts[candidate] === `${texts[a]} ${texts[b]}`;
  const display = nameColumns.find((candidate) =>
    nameColumns.some((a) => nameColumns.some((b) => joins(candidate, a, b))),
  );
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

type Slotted = {
  affiliations: Map<string, ContactDraft['affiliations'][number]>;
  addresses: Map<
    string,
    AddressDraft & {
      street3?: string;
      pobox?: string;
      extended?: string;
      formatted?: string;
      postalFromNumber?: boolean;
    }
  >;
  emailLabels: Map<string, string>;
  phoneKinds: Map<string, string>;
  addressLabels: Map<string, string>;
};

function first<K extends keyof ContactDraft>(
  draft: ContactDraft,
  key: K,
  value: ContactDraft[K],
) {
  if (draft[key] === undefined) draft[key] = value;
}

function slotAddress(slots: Slotted, slot: string) {
  let address = slots.addresses.get(slot);
  if (!address) {
    address = {};
    slots.addresses.set(slot, address);
  }

  return address;
}

function applyCell(
  draft: ContactDraft,
  slots: Slotted,
  target: ColumnTarget,
  value: CellValue,
  dates: { birth?: CellValue; year?: string; month?: string; day?: string },
): void {
  const text = cellText(value);
  if (text === '') return;
  switch (target.field) {
    case 'civility':
      first(draft, 'civility', parseCivility(text));
      break;
    case 'firstName':
    case 'lastName':
    case 'displayName':
    case 'origin':
      first(draft, target.field, text);
      break;
    case 'externalId':
      first(draft, 'externalId', text);
      break;
    case 'nickname':
      draft.nicknames.push(text);
      break;
    case 'notes':
      draft.notes.push(text);
      break;
    case 'company':
    case 'function':
    case 'department': {
      const affiliation = slots.affiliations.get(target.slot) ?? {};
      slots.affiliations.set(target.slot, affiliation);
      const key = target.field === 'company' ? 'companyName' : target.field;
      affiliation[key] ??= text;
      break;
    }
    case 'birthDate':
      dates.birth ??= value;
      break;
    case 'birthYear':
      dates.year ??= text;
      break;
    case 'birthMonth':
      dates.month ??= text;
      break;
    case 'birthDay':
      dates.day ??= text;
      break;
    case 'contactType': {
      const type = parseContactType(text);
      if (type) first(draft, 'contactType', type);
      else {
        draft.issues.push({
          field: 'contactType',
          reason: `type de contact inconnu « ${text} » (type par défaut)`,
          reasonEn: `unknown contact type "${text}" (default type used)`,
        });
      }
      break;
    }
    case 'terms':
      draft.terms.push(...splitTerms(text, target.kind));
      break;
    case 'email':
      for (const address of extractEmails(text)) {
        draft.emails.push(
          target.label
            ? { address, label: target.label }
            : { address, slot: target.slot },
        );
      }
      break;
    case 'emailType':
      slots.emailLabels.set(target.slot, text);
      break;
    case 'phone':
      for (const number of text.split(/\s*(?:;|\s\/\s|\n)\s*/)) {
        if (number !== '')
          draft.phones.push({ number, kind: target.kind, slot: target.slot });
      }
      break;
    case 'phoneType':
      slots.phoneKinds.set(target.slot, text);
      break;
    case 'address': {
      const address = slotAddress(slots, target.slot);
      if (target.label) address.label = target.label;
      const part = target.part;
      if (part === 'postalCode' && typeof value === 'number')
        address.postalFromNumber = true;
      address[part] ??= text;
      break;
    }
    case 'addressType':
      slots.addressLabels.set(target.slot, text);
      break;
    case 'website':
      draft.websites.push(text);
      break;
    case 'websiteType':
      break;
    case 'social': {
      const account = socialFromCell(text, target.network);
      if (account) draft.socialAccounts.push(account);
      break;
    }
    case 'optOut':
      if (truthy(text)) draft.optOut[target.channel] = true;
      break;
    case 'doNotContact':
      if (truthy(text)) draft.doNotContact = true;
      break;
  }
}

function applyDates(
  draft: ContactDraft,
  dates: { birth?: CellValue; year?: string; month?: string; day?: string },
  order: DateOrder,
): void {
  let parsed: ParsedDate = { kind: 'empty' };
  let raw = '';
  if (dates.birth !== undefined) {
    raw = cellText(dates.birth);
    parsed = parseDate(dates.birth, order);
  } else if (dates.month && dates.day) {
    raw = [dates.day, dates.month, dates.year].filter(Boolean).join('/');
    const monthDay = `${dates.month.padStart(2, '0')}-${dates.day.padStart(2, '0')}`;
    const iso = dates.year
      ? `${dates.year.padStart(4, '0')}-${monthDay}`
      : `--${monthDay}`;
    parsed = parseDate(iso, 'ymd');
  }
  if (parsed.kind === 'date') draft.birthDate = parsed.value;
  const issue = birthDateIssue(parsed, raw);
  if (issue) draft.issues.push(issue);
}

function settleSlots(draft: ContactDraft, slots: Slotted): void {
  for (const affiliation of slots.affiliations.values())
    draft.affiliations.push(affiliation);

  for (const email of draft.emails) {
    const type = email.slot ? slots.emailLabels.get(email.slot) : undefined;
    if (type) {
      const label = googleLabel(fold(type).replace(/\*/g, '').trim());
      if (label) email.label = label;
    }
    delete email.slot;
  }
  for (const phone of draft.phones) {
    const type = phone.slot ? slots.phoneKinds.get(phone.slot) : undefined;
    if (type) phone.kind = phoneKindFromLabel(type);
    delete phone.slot;
  }
  for (const [slot, address] of slots.addresses) {
    const type = slots.addressLabels.get(slot);
    const label = type
      ? googleLabel(fold(type).replace(/\*/g, '').trim())
      : undefined;
    const extra = [
      address.street2,
      address.street3,
      address.extended,
      address.pobox,
    ]
      .map(clean)
      .filter(Boolean);
    const result: AddressDraft = {};
    const street =
      address.street ?? (address.city ? undefined : address.formatted);
    if (street) result.street = street;
    if (extra.length > 0) result.street2 = extra.join(', ');
    let postalCode = address.postalCode;
    const french =
      !address.country || /^(fr|france)$/i.test(address.country.trim());
    // Excel drops the leading zero of postal codes typed as numbers (01000 → 1000).
    if (
      postalCode &&
      address.postalFromNumber &&
      french &&
      /^\d{1,4}$/.test(postalCode)
    ) {
      postalCode = postalCode.padStart(5, '0');
    }
    if (postalCode) result.postalCode = postalCode;
    if (address.city) result.city = address.city;
    if (address.region) result.region = address.region;
    if (address.country) result.country = address.country;
    const finalLabel = label ?? address.label;
    if (finalLabel) result.label = finalLabel;
    draft.addresses.push(result);
  }
}

/**
 * Builds the draft for one row from its cells and the column targets.
 *
 * @param cells the row's values
 * @param targets what each column feeds
 * @param order how ambiguous numeric dates read
 */
export function draftFromCells(
  cells: readonly CellValue[],
  targets: readonly (ColumnTarget | null)[],
  order: DateOrder,
): ContactDraft {
  const draft = newDraft();
  const slots: Slotted = {
    affiliations: new Map(),
    addresses: new Map(),
    emailLabels: new Map(),
    phoneKinds: new Map(),
    addressLabels: new Map(),
  };
  const dates: {
    birth?: CellValue;
    year?: string;
    month?: string;
    day?: string;
  } = {};
  cells.forEach((value, index) => {
    if (cellText(value) === '') return;
    draft.hasData = true;
    const target = targets[index];
    if (target) applyCell(draft, slots, target, value, dates);
  });
  settleSlots(draft, slots);
  applyDates(draft, dates, order);

  return draft;
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
      `${lost.length} valeur(s) au-delà des ${width} colonnes de l'en-tête, ignorée(s) : ` +
      `${shown.map((t) => `« ${t} »`).join(', ')}${more}`,
    reasonEn:
      `${lost.length} value(s) beyond the header's ${width} columns, ignored: ` +
      `${shown.map((t) => `"${t}"`).join(', ')}${more}`,
  };
}

/**
 * Reads a table (CSV records or worksheet rows) into contacts: finds the
 * header row among the first rows (or recognises a header-less file by
 * an email in its first row), works out the date order from the first
 * data rows, then builds one contact per row. Rows never throw: every
 * problem becomes an issue on the row's line.
 *
 * @param rows the table's rows, in order
 * @param dateOrder the caller's date order, if known
 * @returns how the header was understood (null mapping when none was found)
 */
export async function* readTable(
  rows: AsyncIterable<TableRow>,
  dateOrder?: DateOrder,
): AsyncGenerator<ReadRow, TableOutcome> {
  const iterator = rows[Symbol.asyncIterator]();
  let mapping: HeaderMapping | null = null;
  let targets: (ColumnTarget | null)[] | null = null;
  let width = 0;
  const pending: TableRow[] = [];

  for (let seen = 0; seen < HEADER_WINDOW && targets === null;) {
    const next = await iterator.next();
    if (next.done) break;
    const row = next.value;
    if (isEmptyRow(row.cells)) continue;
    seen++;
    const texts = row.cells.map(cellText);
    if (texts.some(looksLikeEmail)) {
      targets = guessColumns(row.cells);
      width = Number.POSITIVE_INFINITY;
      pending.push(row);
      break;
    }
    const candidate = mapHeaders(texts);
    if (isHeaderRow(candidate, texts)) {
      mapping = candidate;
      targets = candidate.columns;
      width = texts.length;
      while (width > 0 && texts[width - 1] === '') width--;
    }
  }
  if (targets === null) return { mapping: null, headerless: false, rows: 0 };

  const birthColumns = targets.flatMap((t, i) =>
    t?.field === 'birthDate' ? [i] : [],
  );
  while (pending.length < DATE_WINDOW) {
    const next = await iterator.next();
    if (next.done) break;
    pending.push(next.value);
  }
  const order =
    dateOrder ??
    detectDateOrder(
      pending.flatMap((row) => birthColumns.map((i) => row.cells[i])),
    ) ??
    'dmy';

  let count = 0;
  const handle = function* (row: TableRow): Generator<ReadRow> {
    if (isEmptyRow(row.cells)) return;
    const place: RowPlace = row.sheet
      ? { line: row.line, sheet: row.sheet }
      : { line: row.line };
    const draft = draftFromCells(row.cells, targets ?? [], order);
    const ragged = raggedIssue(row.cells, width);
    if (ragged) draft.issues.push(ragged);
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
