import { DataTypes, Op, type QueryInterface } from 'sequelize';

const { BIGINT, DATE, INTEGER, STRING } = DataTypes;

const ref = (table: string, allowNull: boolean) => ({
  type: INTEGER,
  allowNull,
  references: { model: table, key: 'id' },
  onDelete: 'NO ACTION',
  onUpdate: 'NO ACTION',
});

/**
 * A contact's history of interactions (issue #5, R21): e-mails logged from
 * Outlook, calls, meetings, notes, and later the sends and events that
 * reached the contact. The moves a contact merge made, so its undo can put
 * each interaction back.
 */
export async function up({ context }: { context: QueryInterface }) {
  await context.createTable('interactions', {
    id: {
      type: BIGINT,
      autoIncrement: true,
      primaryKey: true,
      allowNull: false,
    },
    contact_id: ref('contacts', false),
    company_id: ref('companies', true),
    kind: { type: STRING(20), allowNull: false },
    occurred_at: { type: DATE, allowNull: false },
    author_id: ref('users', true),
    subject: { type: STRING(500), allowNull: true },
    summary: { type: STRING(2000), allowNull: true },
    // An https address, or a message id (`<…@…>`) the mail client can open.
    link: { type: STRING(1000), allowNull: true },
    source: { type: STRING(20), allowNull: false },
    // What the source calls it (the Outlook internet message id, a send's
    // recipient id): logging the same thing twice finds this row again.
    external_id: { type: STRING(500), allowNull: true },
    created_at: { type: DATE, allowNull: false },
    updated_at: { type: DATE, allowNull: false },
    deleted_at: { type: DATE, allowNull: true },
  });
  await context.addIndex('interactions', ['contact_id', 'occurred_at'], {
    name: 'interactions_contact_time',
  });
  // Filtered on a non-null external id, since SQL Server counts NULLs as
  // equal and notes typed in the portal have none.
  await context.addIndex('interactions', ['contact_id', 'external_id'], {
    name: 'interactions_contact_external',
    unique: true,
    where: { external_id: { [Op.ne]: null } },
  });
  await context.addIndex('interactions', ['author_id'], {
    name: 'interactions_author',
  });

  await context.createTable('interaction_merge_moves', {
    // No foreign keys: read back only by merge id, and the interaction may
    // be deleted meanwhile.
    merge_id: { type: INTEGER, allowNull: false, primaryKey: true },
    interaction_id: { type: BIGINT, allowNull: false, primaryKey: true },
  });
}

export async function down({ context }: { context: QueryInterface }) {
  await context.dropTable('interaction_merge_moves');
  await context.dropTable('interactions');
}
