import { DataTypes, type QueryInterface } from 'sequelize';

const { DATE, INTEGER, TEXT } = DataTypes;

// A fresh object per column: Sequelize writes the column name into it.
const ref = (table: string, allowNull: boolean) => ({
  type: INTEGER,
  allowNull,
  references: { model: table, key: 'id' },
  onDelete: 'NO ACTION',
  onUpdate: 'NO ACTION',
});

/**
 * Merges of two contacts into one, kept so a merge can be undone: the
 * survivor's record before the merge, and the contacts whose intermediary
 * moved to the survivor. The merged contact stays, deleted softly, pointing
 * to the contact it went into.
 */
export async function up({ context }: { context: QueryInterface }) {
  await context.addColumn('contacts', 'merged_into_id', ref('contacts', true));
  await context.createTable('contact_merges', {
    id: {
      type: INTEGER,
      autoIncrement: true,
      primaryKey: true,
      allowNull: false,
    },
    survivor_id: ref('contacts', false),
    merged_id: ref('contacts', false),
    pair_id: ref('duplicate_pairs', true),
    survivor_before: { type: TEXT, allowNull: false },
    survivor_version_after: { type: INTEGER, allowNull: false },
    repointed_ids: { type: TEXT, allowNull: false, defaultValue: '[]' },
    merged_by_id: ref('users', true),
    undone_at: { type: DATE, allowNull: true },
    created_at: { type: DATE, allowNull: false },
    updated_at: { type: DATE, allowNull: false },
  });
  await context.addIndex('contact_merges', ['survivor_id'], {
    name: 'contact_merges_survivor',
  });
  await context.addIndex('contact_merges', ['merged_id'], {
    name: 'contact_merges_merged',
  });
}

export async function down({ context }: { context: QueryInterface }) {
  await context.dropTable('contact_merges');
  await context.removeColumn('contacts', 'merged_into_id');
}
