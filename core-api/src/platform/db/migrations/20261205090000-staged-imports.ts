import { DataTypes, type QueryInterface } from 'sequelize';

const { BLOB, DATE, FLOAT, INTEGER, STRING, TEXT } = DataTypes;

// A fresh object per column: Sequelize writes the column name into it.
const ref = (table: string, allowNull: boolean) => ({
  type: INTEGER,
  allowNull,
  references: { model: table, key: 'id' },
  onDelete: 'NO ACTION',
  onUpdate: 'NO ACTION',
});

const id = () => ({
  type: INTEGER,
  autoIncrement: true,
  primaryKey: true,
  allowNull: false,
});

const stamps = () => ({
  created_at: { type: DATE, allowNull: false },
  updated_at: { type: DATE, allowNull: false },
});

/**
 * Staged imports: a file is read into a batch of rows, each with the outcome
 * it would have (create, merge into a contact, update a feed's record,
 * review, reject); a person looks, adjusts the column mapping, then commits.
 * The file is kept until then so a new mapping can read it again. Mapping
 * profiles remember a source's columns; settings hold the survivorship rules.
 * Contacts keep the key a feed knows them by, and the date a feed stopped
 * carrying them.
 */
export async function up({ context }: { context: QueryInterface }) {
  await context.addColumn('import_batches', 'phase', {
    type: STRING(20),
    allowNull: true,
  });
  await context.addColumn('import_batches', 'progress_done', {
    type: INTEGER,
    allowNull: false,
    defaultValue: 0,
  });
  await context.addColumn('import_batches', 'progress_total', {
    type: INTEGER,
    allowNull: false,
    defaultValue: 0,
  });
  await context.addColumn('import_batches', 'options', {
    type: TEXT,
    allowNull: false,
    defaultValue: '{}',
  });
  await context.addColumn('import_batches', 'error', {
    type: TEXT,
    allowNull: true,
  });
  await context.addColumn('import_batches', 'committed_at', {
    type: DATE,
    allowNull: true,
  });

  await context.createTable('import_files', {
    batch_id: {
      type: INTEGER,
      primaryKey: true,
      allowNull: false,
      references: { model: 'import_batches', key: 'id' },
      onDelete: 'NO ACTION',
      onUpdate: 'NO ACTION',
    },
    data: { type: BLOB, allowNull: false },
    size: { type: INTEGER, allowNull: false },
    created_at: { type: DATE, allowNull: false },
  });

  await context.createTable('import_rows', {
    id: id(),
    batch_id: ref('import_batches', false),
    line: { type: INTEGER, allowNull: false },
    sheet: { type: STRING(100), allowNull: true },
    outcome: { type: STRING(10), allowNull: false },
    // No foreign key: an undone import removes the contacts it created.
    contact_id: { type: INTEGER, allowNull: true },
    merge_line: { type: INTEGER, allowNull: true },
    score: { type: FLOAT, allowNull: true },
    external_id: { type: STRING(200), allowNull: true },
    data: { type: TEXT, allowNull: true },
    issues: { type: TEXT, allowNull: true },
    before_data: { type: TEXT, allowNull: true },
  });
  await context.addIndex('import_rows', ['batch_id', 'outcome', 'line'], {
    name: 'import_rows_batch_outcome',
  });
  await context.addIndex('import_rows', ['batch_id', 'line'], {
    name: 'import_rows_batch_line',
  });

  await context.createTable('mapping_profiles', {
    id: id(),
    name: { type: STRING(120), allowNull: false, unique: true },
    description: { type: STRING(500), allowNull: true },
    columns: { type: TEXT, allowNull: false },
    version: { type: INTEGER, allowNull: false, defaultValue: 1 },
    created_by_id: ref('users', true),
    updated_by_id: ref('users', true),
    ...stamps(),
  });

  await context.createTable('settings', {
    key: { type: STRING(100), primaryKey: true, allowNull: false },
    value: { type: TEXT, allowNull: false },
    version: { type: INTEGER, allowNull: false, defaultValue: 1 },
    updated_by_id: ref('users', true),
    ...stamps(),
  });

  await context.addColumn('contacts', 'external_source', {
    type: STRING(100),
    allowNull: true,
  });
  await context.addColumn('contacts', 'external_id', {
    type: STRING(200),
    allowNull: true,
  });
  await context.addIndex('contacts', ['external_source', 'external_id'], {
    name: 'contacts_external',
  });
  // Set when a feed no longer carries the contact: kept, but out of targets.
  await context.addColumn('contacts', 'deactivated_at', {
    type: DATE,
    allowNull: true,
  });
}

export async function down({ context }: { context: QueryInterface }) {
  await context.removeColumn('contacts', 'deactivated_at');
  await context.removeIndex('contacts', 'contacts_external');
  await context.removeColumn('contacts', 'external_id');
  await context.removeColumn('contacts', 'external_source');
  await context.dropTable('settings');
  await context.dropTable('mapping_profiles');
  await context.dropTable('import_rows');
  await context.dropTable('import_files');
  for (const column of [
    'committed_at',
    'error',
    'options',
    'progress_total',
    'progress_done',
    'phase',
  ]) {
    await context.removeColumn('import_batches', column);
  }
}
