import { sortKey } from './fold.ts';

/**
 * The stored key of a missing name (none typed, or nothing left to sort by
 * once folded): U+FFFF, above every character a folded key can hold in the
 * Basic Multilingual Plane, so a contact with no surname sorts after every
 * surname in ascending order and before them in descending order, the same
 * on SQLite, PostgreSQL ("C") and SQL Server (BIN2), and still from the
 * `contacts_name_keys` index (a NULL would come first on SQLite and SQL
 * Server but last on PostgreSQL, and no portable NULLS LAST uses an index).
 * Letters beyond that plane (rare scripts, CJK extensions) sort after it on
 * SQLite and PostgreSQL, which compare code points.
 */
export const MISSING_NAME_KEY = '\uffff';

/**
 * The stored sort keys of a contact's names, written beside them by every
 * writer (typed contacts, imports, feeds, merges and their undo all go
 * through `insertContacts` or `updateContact`, migrations through
 * `backfillSortKeys`): lists, targets and exports sort on them, so the order
 * is French and the same on every database. A missing name sorts last
 * (`MISSING_NAME_KEY`).
 */
export function contactSortKeys(names: {
  lastName?: string | null;
  firstName?: string | null;
}): { lastNameKey: string; firstNameKey: string } {
  return {
    lastNameKey: sortKey(names.lastName) ?? MISSING_NAME_KEY,
    firstNameKey: sortKey(names.firstName) ?? MISSING_NAME_KEY,
  };
}
