import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Remembers the last accepted time step of each second factor, so a code
 * seen once (over a shoulder, in a proxy log) cannot open a second session.
 */
export async function up({
  context,
}: {
  context: QueryInterface;
}): Promise<void> {
  await context.addColumn('users', 'totp_last_step', {
    type: DataTypes.BIGINT,
    allowNull: true,
  });
}

export async function down({
  context,
}: {
  context: QueryInterface;
}): Promise<void> {
  await context.removeColumn('users', 'totp_last_step');
}
