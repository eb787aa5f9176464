import { DataTypes, Op, type QueryInterface } from 'sequelize';

const { BOOLEAN, STRING } = DataTypes;

/**
 * Users who sign in with Microsoft Entra ID are known by their tenant and
 * object ids (stable, unlike the address); `identity_source` says which
 * provider vouches for an account, and `role_pinned` marks a role set by an
 * administrator, which group claims no longer change.
 */
export async function up({
  context,
}: {
  context: QueryInterface;
}): Promise<void> {
  await context.addColumn('users', 'identity_source', {
    type: STRING(20),
    allowNull: false,
    defaultValue: 'local',
  });
  await context.addColumn('users', 'entra_tenant_id', {
    type: STRING(36),
    allowNull: true,
  });
  await context.addColumn('users', 'entra_object_id', {
    type: STRING(36),
    allowNull: true,
  });
  await context.addColumn('users', 'role_pinned', {
    type: BOOLEAN,
    allowNull: false,
    defaultValue: false,
  });
  // Filtered on a non-null object id, since SQL Server counts NULLs as equal
  // and every local account has none.
  await context.addIndex('users', ['entra_tenant_id', 'entra_object_id'], {
    name: 'users_entra_identity',
    unique: true,
    where: { entra_object_id: { [Op.ne]: null } },
  });
}

export async function down({
  context,
}: {
  context: QueryInterface;
}): Promise<void> {
  await context.removeIndex('users', 'users_entra_identity');
  for (const column of [
    'role_pinned',
    'entra_object_id',
    'entra_tenant_id',
    'identity_source',
  ]) {
    await context.removeColumn('users', column);
  }
}
