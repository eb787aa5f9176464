import { DataTypes, Op, type QueryInterface } from 'sequelize';

const { BOOLEAN, DATE, INTEGER, STRING } = DataTypes;

const ref = (table: string, allowNull: boolean) => ({
  type: INTEGER,
  allowNull,
  references: { model: table, key: 'id' },
  onDelete: 'NO ACTION',
  onUpdate: 'NO ACTION',
});

const stamps = () => ({
  created_at: { type: DATE, allowNull: false },
  updated_at: { type: DATE, allowNull: false },
});

/**
 * Sending rights (R24): the departments (services) of the organisation's own
 * staff, each user's department, the addresses mail may be sent from, and
 * who may use each (departments, users), with one default per department.
 * Every foreign key is NO ACTION: the services delete grants themselves, so
 * SQL Server sees no second cascading path.
 */
export async function up({ context }: { context: QueryInterface }) {
  await context.createTable('departments', {
    id: {
      type: INTEGER,
      autoIncrement: true,
      primaryKey: true,
      allowNull: false,
    },
    name: { type: STRING(200), allowNull: false },
    code: { type: STRING(20), allowNull: false, unique: true },
    version: { type: INTEGER, allowNull: false, defaultValue: 1 },
    created_by_id: ref('users', true),
    updated_by_id: ref('users', true),
    ...stamps(),
  });
  await context.addColumn('users', 'department_id', ref('departments', true));
  await context.addIndex('users', ['department_id'], {
    name: 'users_department',
  });

  await context.createTable('sender_addresses', {
    id: {
      type: INTEGER,
      autoIncrement: true,
      primaryKey: true,
      allowNull: false,
    },
    address: { type: STRING(320), allowNull: false },
    display_name: { type: STRING(200), allowNull: false },
    reply_to: { type: STRING(320), allowNull: true },
    active: { type: BOOLEAN, allowNull: false, defaultValue: true },
    version: { type: INTEGER, allowNull: false, defaultValue: 1 },
    created_by_id: ref('users', true),
    updated_by_id: ref('users', true),
    ...stamps(),
    deleted_at: { type: DATE, allowNull: true },
  });
  // One live row per address; a deleted one may be declared again.
  await context.addIndex('sender_addresses', ['address'], {
    name: 'sender_addresses_address',
    unique: true,
    where: { deleted_at: null },
  });

  await context.createTable('sender_grants', {
    id: {
      type: INTEGER,
      autoIncrement: true,
      primaryKey: true,
      allowNull: false,
    },
    sender_address_id: ref('sender_addresses', false),
    // Exactly one of the two is set.
    department_id: ref('departments', true),
    user_id: ref('users', true),
    is_default: { type: BOOLEAN, allowNull: false, defaultValue: false },
  });
  await context.addIndex('sender_grants', ['sender_address_id'], {
    name: 'sender_grants_address',
  });
  // Filtered on non-null ids, since SQL Server counts NULLs as equal.
  await context.addIndex(
    'sender_grants',
    ['department_id', 'sender_address_id'],
    {
      name: 'sender_grants_department',
      unique: true,
      where: { department_id: { [Op.ne]: null } },
    },
  );
  await context.addIndex('sender_grants', ['user_id', 'sender_address_id'], {
    name: 'sender_grants_user',
    unique: true,
    where: { user_id: { [Op.ne]: null } },
  });
  // One default address per department, even when two administrators save
  // at once.
  await context.addIndex('sender_grants', ['department_id'], {
    name: 'sender_grants_default',
    unique: true,
    where: { is_default: true },
  });
}

export async function down({ context }: { context: QueryInterface }) {
  await context.dropTable('sender_grants');
  await context.dropTable('sender_addresses');
  await context.removeIndex('users', 'users_department');
  await context.removeColumn('users', 'department_id');
  await context.dropTable('departments');
}
