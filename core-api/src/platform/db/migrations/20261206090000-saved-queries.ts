import { DataTypes, type QueryInterface } from 'sequelize';

const { DATE, INTEGER, STRING, TEXT } = DataTypes;

const ref = (table: string, allowNull: boolean) => ({
  type: INTEGER,
  allowNull,
  references: { model: table, key: 'id' },
  onDelete: 'NO ACTION',
  onUpdate: 'NO ACTION',
});

/**
 * Saved queries (issue #4): dynamic targets, re-evaluated each time they are
 * used. The definition is the query's JSON (see features/targeting/
 * query.schemas.ts). Also the indexes the targeting engine's plans need: the
 * order by update date (a page of "everyone, latest first" walks it and
 * stops), creation dates, a contact's cities (sorting by city, checking a
 * city without reading the address rows), and the pairs read from a company
 * back to its contacts. Not the contact type: seven values, the most common
 * more than half the base, so SQLite would start from it and sort what a
 * walk of the name index would have cut short.
 */
export async function up({ context }: { context: QueryInterface }) {
  await context.createTable('saved_queries', {
    id: {
      type: INTEGER,
      autoIncrement: true,
      primaryKey: true,
      allowNull: false,
    },
    name: { type: STRING(200), allowNull: false },
    description: { type: STRING(2000), allowNull: true },
    entity: { type: STRING(10), allowNull: false },
    definition: { type: TEXT, allowNull: false },
    owner_id: ref('users', false),
    version: { type: INTEGER, allowNull: false, defaultValue: 1 },
    created_by_id: ref('users', true),
    updated_by_id: ref('users', true),
    created_at: { type: DATE, allowNull: false },
    updated_at: { type: DATE, allowNull: false },
    deleted_at: { type: DATE, allowNull: true },
  });
  await context.addIndex('saved_queries', ['owner_id'], {
    name: 'saved_queries_owner',
  });
  await context.addIndex('saved_queries', ['deleted_at', 'name'], {
    name: 'saved_queries_live',
  });

  await context.addIndex('contacts', ['updated_at'], {
    name: 'contacts_updated_at',
  });
  await context.addIndex('contacts', ['created_at'], {
    name: 'contacts_created_at',
  });
  await context.addIndex('contact_addresses', ['contact_id', 'city'], {
    name: 'contact_addresses_contact_city',
  });
  await context.addIndex('contact_companies', ['company_id', 'contact_id'], {
    name: 'contact_companies_company_contact',
  });
}

export async function down({ context }: { context: QueryInterface }) {
  await context.removeIndex(
    'contact_companies',
    'contact_companies_company_contact',
  );
  await context.removeIndex(
    'contact_addresses',
    'contact_addresses_contact_city',
  );
  await context.removeIndex('contacts', 'contacts_created_at');
  await context.removeIndex('contacts', 'contacts_updated_at');
  await context.dropTable('saved_queries');
}
