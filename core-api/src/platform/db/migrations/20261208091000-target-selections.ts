import { DataTypes, type QueryInterface } from 'sequelize';

const { DATE, INTEGER, STRING } = DataTypes;

/**
 * Large selections of contact or company ids (issue #4): rather than a
 * literal IN list of tens of thousands of values, which SQL Server compiles
 * slowly (and past about 2,100 bound parameters refuses), the ids are
 * written here under a selection id for the time a target is read, and the
 * compiled statement joins them through the primary key. Rows are removed
 * once read; `created_at` lets a later selection sweep those a crash left.
 */
export async function up({ context }: { context: QueryInterface }) {
  await context.createTable('target_selections', {
    selection_id: { type: STRING(36), allowNull: false, primaryKey: true },
    entity_id: { type: INTEGER, allowNull: false, primaryKey: true },
    created_at: { type: DATE, allowNull: false },
  });
  await context.addIndex('target_selections', ['created_at'], {
    name: 'target_selections_created',
  });
}

export async function down({ context }: { context: QueryInterface }) {
  await context.dropTable('target_selections');
}
