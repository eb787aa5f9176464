import type { QueryInterface } from 'sequelize';
import { MISSING_NAME_KEY } from '../../text/name-keys.ts';

const columns = ['last_name_key', 'first_name_key'];

/**
 * A contact with no surname (or no first name) sorts after the others
 * (issue #6): its key, NULL until now, becomes `MISSING_NAME_KEY`, which the
 * writers store from here on (`contactSortKeys`). The keys are filled by
 * then (`20261208090000-french-sort-keys`), so a NULL one is a missing name;
 * the `contacts_name_keys` index finds them and keeps serving the sort.
 */
export async function up({ context }: { context: QueryInterface }) {
  const missing = context.sequelize.escape(MISSING_NAME_KEY);
  for (const column of columns) {
    await context.sequelize.query(
      `UPDATE contacts SET ${column} = ${missing} WHERE ${column} IS NULL`,
    );
  }
}

export async function down({ context }: { context: QueryInterface }) {
  const missing = context.sequelize.escape(MISSING_NAME_KEY);
  for (const column of columns) {
    await context.sequelize.query(
      `UPDATE contacts SET ${column} = NULL WHERE ${column} = ${missing}`,
    );
  }
}
