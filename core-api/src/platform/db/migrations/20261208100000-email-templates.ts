import { DataTypes, type QueryInterface } from 'sequelize';

const { BOOLEAN, DATE, INTEGER, STRING, TEXT } = DataTypes;

const ref = (table: string, allowNull: boolean) => ({
  type: INTEGER,
  allowNull,
  references: { model: table, key: 'id' },
  onDelete: 'NO ACTION',
  onUpdate: 'NO ACTION',
});

/**
 * Saved e-mail templates (issue #5): a subject and an HTML body with merge
 * fields (`{{prenom}}`), private to their owner or shared with everyone,
 * filled for an e-mail's recipients by the Outlook add-in and, later, by
 * sends. Soft-deleted like the other records people write.
 */
export async function up({ context }: { context: QueryInterface }) {
  await context.createTable('email_templates', {
    id: {
      type: INTEGER,
      autoIncrement: true,
      primaryKey: true,
      allowNull: false,
    },
    name: { type: STRING(200), allowNull: false },
    description: { type: STRING(1000), allowNull: true },
    subject: { type: STRING(500), allowNull: false },
    // Cleaned against an allow-list before it is stored.
    body_html: { type: TEXT, allowNull: false },
    // Null: derived from the HTML when the template is filled.
    body_text: { type: TEXT, allowNull: true },
    language: { type: STRING(2), allowNull: false, defaultValue: 'fr' },
    shared: { type: BOOLEAN, allowNull: false, defaultValue: false },
    owner_id: ref('users', false),
    version: { type: INTEGER, allowNull: false, defaultValue: 1 },
    created_by_id: ref('users', true),
    updated_by_id: ref('users', true),
    created_at: { type: DATE, allowNull: false },
    updated_at: { type: DATE, allowNull: false },
    deleted_at: { type: DATE, allowNull: true },
  });
  await context.addIndex('email_templates', ['owner_id'], {
    name: 'email_templates_owner',
  });
  await context.addIndex('email_templates', ['deleted_at', 'shared', 'name'], {
    name: 'email_templates_live',
  });
}

export async function down({ context }: { context: QueryInterface }) {
  await context.dropTable('email_templates');
}
