import { sortKey } from '../../platform/text/fold.ts';

/**
 * The stored sort keys of a contact's names, written beside them by every
 * writer (typed contacts, imports, feeds, merges and their undo all go
 * through `insertContacts` or `updateContact`): lists, targets and exports
 * sort on them, so the order is French and the same on every database.
 */
export function contactSortKeys(names: {
  lastName?: string | null;
  firstName?: string | null;
}): { lastNameKey: string | null; firstNameKey: string | null } {
  return {
    lastNameKey: sortKey(names.lastName),
    firstNameKey: sortKey(names.firstName),
  };
}
