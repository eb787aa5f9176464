import type { TableRowDto, TargetEntity, TargetSort } from 'core-api/client';
import { formatDateTime } from '../../../format.ts';
import type { MessageKey } from '../../../i18n/messages.ts';
import { isMessageKey, type Translate } from '../../../i18n/translate.ts';
import { readTableColumns, writeTableColumns } from '../../../preferences.ts';

export type ColumnKey =
  | 'name'
  | 'organisation'
  | 'function'
  | 'type'
  | 'email'
  | 'phone'
  | 'city'
  | 'postalCode'
  | 'updated'
  | 'contacts';

/** What a link in a cell does: write (mailto:) or call (tel:). */
export type CellLink = 'mail' | 'call';

/** One column of a table: its words, width, order and value. */
export type ColumnDef = {
  key: ColumnKey;
  label: MessageKey;
  /** The order the column header sets, if any. */
  sort?: TargetSort['by'];
  /** Its share of the width, and the least it takes (rem). */
  grow: number;
  minRem: number;
  /** Always shown (the name, which opens the card). */
  fixed?: boolean;
  link?: CellLink;
  text: (row: TableRowDto, t: Translate) => string;
  /** How the value reads on a phone's card, where no header names it. */
  cardText?: (row: TableRowDto, t: Translate) => string;
};

/** `dd/mm/yyyy`, the day in Paris. */
const updatedOn = (row: TableRowDto) =>
  formatDateTime(row.updatedAt).slice(0, 10);

const contactTypeText = (row: TableRowDto, t: Translate) => {
  const key = `contactType.${row.type}`;

  return row.type && isMessageKey(key) ? t(key) : (row.type ?? '');
};

const common = {
  email: {
    key: 'email',
    label: 'table.column.email',
    grow: 2,
    minRem: 12,
    link: 'mail',
    text: (row) => row.email ?? '',
  },
  phone: {
    key: 'phone',
    label: 'table.column.phone',
    grow: 1,
    minRem: 8.5,
    link: 'call',
    text: (row) => row.phone ?? '',
  },
  city: {
    key: 'city',
    label: 'table.column.city',
    sort: 'city',
    grow: 1,
    minRem: 7,
    text: (row) => row.city ?? '',
  },
  postalCode: {
    key: 'postalCode',
    label: 'table.column.postalCode',
    grow: 0.6,
    minRem: 5.5,
    text: (row) => row.postalCode ?? '',
  },
  updated: {
    key: 'updated',
    label: 'table.column.updated',
    sort: 'updated',
    grow: 1,
    minRem: 8.5,
    text: updatedOn,
  },
} satisfies Record<string, ColumnDef>;

/** The columns a contacts table offers, in their order. */
export const contactColumns: readonly ColumnDef[] = [
  {
    key: 'name',
    label: 'table.column.name',
    sort: 'name',
    grow: 2,
    minRem: 11,
    fixed: true,
    text: (row) => row.displayName,
  },
  {
    key: 'organisation',
    label: 'table.column.organisation',
    sort: 'company',
    grow: 2,
    minRem: 10,
    text: (row) => row.organisation ?? '',
  },
  {
    key: 'function',
    label: 'table.column.function',
    grow: 1.5,
    minRem: 9,
    text: (row) => row.function ?? '',
  },
  {
    key: 'type',
    label: 'table.column.type',
    grow: 1,
    minRem: 7,
    text: contactTypeText,
  },
  common.email,
  common.phone,
  common.city,
  common.postalCode,
  common.updated,
];

/** The columns a companies table offers, in their order. */
export const companyColumns: readonly ColumnDef[] = [
  {
    key: 'name',
    label: 'table.column.name',
    sort: 'name',
    grow: 2.5,
    minRem: 12,
    fixed: true,
    text: (row) => row.displayName,
  },
  {
    key: 'type',
    label: 'table.column.type',
    grow: 1,
    minRem: 7,
    text: (row) => row.type ?? '',
  },
  {
    key: 'contacts',
    label: 'table.column.contacts',
    grow: 0.8,
    minRem: 6.5,
    text: (row) => String(row.contactCount ?? 0),
    cardText: (row, t) =>
      t('table.card.contacts', { count: row.contactCount ?? 0 }),
  },
  common.email,
  common.phone,
  common.city,
  common.postalCode,
  common.updated,
];

export function columnsOf(entity: TargetEntity): readonly ColumnDef[] {
  return entity === 'company' ? companyColumns : contactColumns;
}

const defaults: Record<TargetEntity, ColumnKey[]> = {
  contact: ['name', 'organisation', 'function', 'type', 'email', 'city'],
  company: ['name', 'type', 'contacts', 'city', 'email', 'phone'],
};

/** Where a person's choice of columns is kept on this browser. */
const storageKey = (entity: TargetEntity, userId: number | undefined) =>
  `${entity}.${userId ?? 'anonymous'}`;

/**
 * The columns shown, as the person last chose them for this table, else the
 * defaults; unknown keys (a column since removed) are dropped, the fixed
 * ones always kept, and the table's own order applies.
 */
export function readColumns(
  entity: TargetEntity,
  userId: number | undefined,
): ColumnKey[] {
  const all = columnsOf(entity);
  const chosen = readTableColumns(storageKey(entity, userId));
  const keys = new Set<string>(chosen ?? defaults[entity]);

  return all
    .filter((column) => column.fixed || keys.has(column.key))
    .map((column) => column.key);
}

/** Keeps the person's choice of columns for their next visits. */
export function writeColumns(
  entity: TargetEntity,
  userId: number | undefined,
  keys: ColumnKey[],
): void {
  writeTableColumns(storageKey(entity, userId), keys);
}
