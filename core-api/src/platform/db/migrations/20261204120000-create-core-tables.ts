import { DataTypes, type QueryInterface } from 'sequelize';

const { BIGINT, BOOLEAN, DATE, INTEGER, STRING, TEXT } = DataTypes;

const id = {
  type: INTEGER,
  autoIncrement: true,
  primaryKey: true,
  allowNull: false,
};
const stamps = {
  created_at: { type: DATE, allowNull: false },
  updated_at: { type: DATE, allowNull: false },
};

/** A foreign key. SQL Server refuses cascades that form cycles, hence NO ACTION by default. */
function ref(table: string, nullable: boolean, onDelete = 'NO ACTION') {
  return {
    type: INTEGER,
    allowNull: nullable,
    references: { model: table, key: 'id' },
    onDelete,
    onUpdate: 'NO ACTION',
  };
}

/** Columns that record where a record came from and who last changed it. */
const provenance = {
  origin: { type: STRING(120), allowNull: true },
  import_batch_id: ref('import_batches', true),
  field_sources: { type: TEXT, allowNull: false, defaultValue: '{}' },
  version: { type: INTEGER, allowNull: false, defaultValue: 1 },
  created_by_id: ref('users', true),
  updated_by_id: ref('users', true),
  ...stamps,
  deleted_at: { type: DATE, allowNull: true },
};

export async function up({
  context: qi,
}: {
  context: QueryInterface;
}): Promise<void> {
  await qi.createTable('users', {
    id,
    email: { type: STRING(320), allowNull: false, unique: true },
    display_name: { type: STRING(200), allowNull: false },
    role: { type: STRING(20), allowNull: false },
    password_hash: { type: STRING(300), allowNull: true },
    must_change_password: {
      type: BOOLEAN,
      allowNull: false,
      defaultValue: false,
    },
    totp_secret: { type: STRING(300), allowNull: true },
    totp_enabled: { type: BOOLEAN, allowNull: false, defaultValue: false },
    locale: { type: STRING(5), allowNull: false, defaultValue: 'fr' },
    active: { type: BOOLEAN, allowNull: false, defaultValue: true },
    last_sign_in_at: { type: DATE, allowNull: true },
    ...stamps,
  });

  await qi.createTable('sessions', {
    id: { type: STRING(64), primaryKey: true, allowNull: false },
    user_id: ref('users', false, 'CASCADE'),
    mfa_satisfied: { type: BOOLEAN, allowNull: false, defaultValue: false },
    expires_at: { type: DATE, allowNull: false },
    ...stamps,
  });
  await qi.addIndex('sessions', ['user_id']);

  await qi.createTable('audit_events', {
    id: {
      type: BIGINT,
      autoIncrement: true,
      primaryKey: true,
      allowNull: false,
    },
    occurred_at: { type: DATE, allowNull: false },
    actor_id: ref('users', true),
    actor_label: { type: STRING(200), allowNull: false },
    action: { type: STRING(40), allowNull: false },
    entity_type: { type: STRING(40), allowNull: false },
    entity_id: { type: STRING(64), allowNull: true },
    parent_id: {
      type: BIGINT,
      allowNull: true,
      references: { model: 'audit_events', key: 'id' },
      onDelete: 'NO ACTION',
      onUpdate: 'NO ACTION',
    },
    summary: { type: STRING(500), allowNull: true },
    before_data: { type: TEXT, allowNull: true },
    after_data: { type: TEXT, allowNull: true },
    request_id: { type: STRING(64), allowNull: true },
  });
  await qi.addIndex('audit_events', ['entity_type', 'entity_id']);
  await qi.addIndex('audit_events', ['occurred_at']);
  await qi.addIndex('audit_events', ['actor_id']);
  await qi.addIndex('audit_events', ['parent_id']);

  await qi.createTable('import_batches', {
    id,
    file_name: { type: STRING(300), allowNull: false },
    format: { type: STRING(20), allowNull: false },
    status: { type: STRING(20), allowNull: false },
    total_rows: { type: INTEGER, allowNull: false, defaultValue: 0 },
    created_count: { type: INTEGER, allowNull: false, defaultValue: 0 },
    rejected_count: { type: INTEGER, allowNull: false, defaultValue: 0 },
    report: { type: TEXT, allowNull: false, defaultValue: '{}' },
    created_by_id: ref('users', true),
    audit_event_id: {
      type: BIGINT,
      allowNull: true,
      references: { model: 'audit_events', key: 'id' },
      onDelete: 'NO ACTION',
      onUpdate: 'NO ACTION',
    },
    ...stamps,
  });

  await qi.createTable('taxonomy_terms', {
    id,
    kind: { type: STRING(20), allowNull: false },
    parent_id: ref('taxonomy_terms', true),
    label: { type: STRING(200), allowNull: false },
    label_en: { type: STRING(200), allowNull: true },
    position: { type: INTEGER, allowNull: false, defaultValue: 0 },
    version: { type: INTEGER, allowNull: false, defaultValue: 1 },
    ...stamps,
    deleted_at: { type: DATE, allowNull: true },
  });
  await qi.addIndex('taxonomy_terms', ['kind', 'parent_id']);

  await qi.createTable('companies', {
    id,
    name: { type: STRING(300), allowNull: false },
    name_key: { type: STRING(300), allowNull: false },
    legal_name: { type: STRING(300), allowNull: true },
    company_type: { type: STRING(60), allowNull: true },
    sector_id: ref('taxonomy_terms', true),
    street: { type: STRING(300), allowNull: true },
    street2: { type: STRING(300), allowNull: true },
    postal_code: { type: STRING(20), allowNull: true },
    city: { type: STRING(120), allowNull: true },
    region: { type: STRING(120), allowNull: true },
    country: { type: STRING(2), allowNull: true },
    phone_e164: { type: STRING(20), allowNull: true },
    phone_raw: { type: STRING(60), allowNull: true },
    fax_e164: { type: STRING(20), allowNull: true },
    fax_raw: { type: STRING(60), allowNull: true },
    email: { type: STRING(320), allowNull: true },
    website: { type: STRING(500), allowNull: true },
    notes: { type: TEXT, allowNull: true },
    ...provenance,
  });
  await qi.addIndex('companies', ['name_key']);
  await qi.addIndex('companies', ['deleted_at']);

  await qi.createTable('contacts', {
    id,
    civility: { type: STRING(10), allowNull: true },
    title: { type: STRING(120), allowNull: true },
    first_name: { type: STRING(120), allowNull: true },
    last_name: { type: STRING(120), allowNull: true },
    birth_date: { type: STRING(10), allowNull: true },
    contact_type: { type: STRING(30), allowNull: false },
    preferred_channel: { type: STRING(20), allowNull: true },
    intermediary_id: ref('contacts', true),
    intermediary_role: { type: STRING(120), allowNull: true },
    notes: { type: TEXT, allowNull: true },
    do_not_contact: { type: BOOLEAN, allowNull: false, defaultValue: false },
    opt_out_email: { type: BOOLEAN, allowNull: false, defaultValue: false },
    opt_out_sms: { type: BOOLEAN, allowNull: false, defaultValue: false },
    opt_out_post: { type: BOOLEAN, allowNull: false, defaultValue: false },
    opt_out_phone: { type: BOOLEAN, allowNull: false, defaultValue: false },
    ...provenance,
  });
  await qi.addIndex('contacts', ['last_name', 'first_name']);
  await qi.addIndex('contacts', ['deleted_at']);
  await qi.addIndex('contacts', ['import_batch_id']);
  await qi.addIndex('contacts', ['intermediary_id']);

  const child = {
    contact_id: ref('contacts', false, 'CASCADE'),
    position: { type: INTEGER, allowNull: false, defaultValue: 0 },
  };

  await qi.createTable('contact_emails', {
    id,
    ...child,
    address: { type: STRING(320), allowNull: false },
    label: { type: STRING(20), allowNull: true },
    is_primary: { type: BOOLEAN, allowNull: false, defaultValue: false },
  });
  await qi.addIndex('contact_emails', ['contact_id']);
  await qi.addIndex('contact_emails', ['address']);

  await qi.createTable('contact_phones', {
    id,
    ...child,
    kind: { type: STRING(20), allowNull: false },
    e164: { type: STRING(20), allowNull: true },
    raw: { type: STRING(60), allowNull: false },
    is_primary: { type: BOOLEAN, allowNull: false, defaultValue: false },
  });
  await qi.addIndex('contact_phones', ['contact_id']);
  await qi.addIndex('contact_phones', ['e164']);

  await qi.createTable('contact_addresses', {
    id,
    ...child,
    label: { type: STRING(20), allowNull: true },
    street: { type: STRING(300), allowNull: true },
    street2: { type: STRING(300), allowNull: true },
    postal_code: { type: STRING(20), allowNull: true },
    city: { type: STRING(120), allowNull: true },
    region: { type: STRING(120), allowNull: true },
    country: { type: STRING(2), allowNull: true },
    is_primary: { type: BOOLEAN, allowNull: false, defaultValue: false },
  });
  await qi.addIndex('contact_addresses', ['contact_id']);
  await qi.addIndex('contact_addresses', ['postal_code']);

  const social = {
    id,
    network: { type: STRING(30), allowNull: false },
    handle: { type: STRING(200), allowNull: true },
    url: { type: STRING(500), allowNull: true },
    position: { type: INTEGER, allowNull: false, defaultValue: 0 },
  };
  await qi.createTable('contact_social_accounts', {
    ...social,
    contact_id: ref('contacts', false, 'CASCADE'),
  });
  await qi.addIndex('contact_social_accounts', ['contact_id']);
  await qi.createTable('company_social_accounts', {
    ...social,
    company_id: ref('companies', false, 'CASCADE'),
  });
  await qi.addIndex('company_social_accounts', ['company_id']);

  await qi.createTable('contact_companies', {
    id,
    ...child,
    company_id: ref('companies', false),
    function: { type: STRING(200), allowNull: true },
    department: { type: STRING(200), allowNull: true },
    start_date: { type: STRING(10), allowNull: true },
    end_date: { type: STRING(10), allowNull: true },
    is_primary: { type: BOOLEAN, allowNull: false, defaultValue: false },
  });
  await qi.addIndex('contact_companies', ['contact_id']);
  await qi.addIndex('contact_companies', ['company_id']);

  await qi.createTable('contact_terms', {
    contact_id: { ...ref('contacts', false, 'CASCADE'), primaryKey: true },
    term_id: { ...ref('taxonomy_terms', false), primaryKey: true },
  });
  await qi.addIndex('contact_terms', ['term_id']);
  await qi.createTable('company_terms', {
    company_id: { ...ref('companies', false, 'CASCADE'), primaryKey: true },
    term_id: { ...ref('taxonomy_terms', false), primaryKey: true },
  });
  await qi.addIndex('company_terms', ['term_id']);

  await qi.createTable('search_tokens', {
    id: {
      type: BIGINT,
      autoIncrement: true,
      primaryKey: true,
      allowNull: false,
    },
    entity_type: { type: STRING(10), allowNull: false },
    entity_id: { type: INTEGER, allowNull: false },
    field: { type: STRING(20), allowNull: false },
    token: { type: STRING(64), allowNull: false },
    phonetic: { type: STRING(32), allowNull: true },
  });
  if (qi.sequelize.getDialect() === 'postgres') {
    // Byte order lets PostgreSQL use the B-tree index for `token LIKE 'dup%'`;
    // under a linguistic collation it would scan the table.
    await qi.sequelize.query(
      'ALTER TABLE search_tokens ALTER COLUMN token TYPE varchar(64) COLLATE "C", ' +
        'ALTER COLUMN phonetic TYPE varchar(32) COLLATE "C"',
    );
  }
  await qi.addIndex('search_tokens', ['token', 'entity_type'], {
    name: 'search_tokens_token',
  });
  await qi.addIndex('search_tokens', ['phonetic', 'entity_type'], {
    name: 'search_tokens_phonetic',
  });
  await qi.addIndex('search_tokens', ['entity_type', 'entity_id'], {
    name: 'search_tokens_entity',
  });
}

export async function down({
  context: qi,
}: {
  context: QueryInterface;
}): Promise<void> {
  const tables = [
    'search_tokens',
    'company_terms',
    'contact_terms',
    'contact_companies',
    'company_social_accounts',
    'contact_social_accounts',
    'contact_addresses',
    'contact_phones',
    'contact_emails',
    'contacts',
    'companies',
    'taxonomy_terms',
    'import_batches',
    'audit_events',
    'sessions',
    'users',
  ];
  for (const table of tables) await qi.dropTable(table);
}
