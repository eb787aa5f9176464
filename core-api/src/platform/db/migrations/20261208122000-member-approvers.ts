import { DataTypes, type QueryInterface } from 'sequelize';

const { INTEGER } = DataTypes;

const tables = ['list_contacts', 'list_companies'];

/**
 * A member brought by an approved request shows who proposed it (its
 * `added_by_id`) and who approved it, kept here (issue #6). Members added
 * before keep NULL: who approved them is in the list's history. NO ACTION,
 * as `added_by_id`: users are deactivated, not deleted.
 */
export async function up({ context }: { context: QueryInterface }) {
  for (const table of tables) {
    await context.addColumn(table, 'approved_by_id', {
      type: INTEGER,
      allowNull: true,
      references: { model: 'users', key: 'id' },
      onDelete: 'NO ACTION',
      onUpdate: 'NO ACTION',
    });
  }
}

export async function down({ context }: { context: QueryInterface }) {
  for (const table of tables) {
    await context.removeColumn(table, 'approved_by_id');
  }
}
