import {
  col,
  fn,
  Op,
  UniqueConstraintError,
  type Transaction,
} from 'sequelize';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import type { DepartmentRow } from '../../platform/db/models.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { presentManagedUser } from '../users/users.service.ts';
import type { ManagedUserDto } from '../users/users.schemas.ts';
import type { DepartmentDto, departmentInput } from './senders.schemas.ts';
import type { z } from 'zod';
import { counted } from '../../platform/text/plural.ts';

const what = 'Service / department';

type Input = z.output<typeof departmentInput>;

/** How many rows of a table point at each department. */
async function countPerDepartment(
  model: Ctx['db']['models']['User'] | Ctx['db']['models']['SenderGrant'],
  ids: number[],
): Promise<Map<number, number>> {
  const rows = (await (model as Ctx['db']['models']['User']).findAll({
    attributes: ['departmentId', [fn('COUNT', col('id')), 'count']],
    where: { departmentId: ids },
    // The column, not the attribute: SQL Server groups by no alias.
    group: [col('department_id')],
    raw: true,
  })) as unknown as { departmentId: number; count: number | string }[];

  return new Map(
    rows.map((row) => [Number(row.departmentId), Number(row.count)]),
  );
}

async function present(
  ctx: Ctx,
  rows: DepartmentRow[],
): Promise<DepartmentDto[]> {
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const { User, SenderGrant } = ctx.db.models;
  const [users, senders] = await Promise.all([
    countPerDepartment(User, ids),
    countPerDepartment(SenderGrant, ids),
  ]);

  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    code: row.code,
    userCount: users.get(row.id) ?? 0,
    senderCount: senders.get(row.id) ?? 0,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

const presentOne = async (ctx: Ctx, row: DepartmentRow) =>
  (await present(ctx, [row]))[0]!;

const auditView = (row: DepartmentRow) => ({ name: row.name, code: row.code });

async function findDepartment(
  ctx: Ctx,
  id: number,
  transaction?: Transaction,
): Promise<DepartmentRow> {
  const row = await ctx.db.models.Department.findByPk(id, { transaction });
  if (!row) throw notFound(what, id);

  return row;
}

const codeTaken = (code: string) =>
  new AppError('CONFLICT', {
    fr: `Le code de service ${code} est déjà pris.`,
    en: `Department code ${code} is already taken.`,
    fields: [{ path: 'code', message: 'déjà pris / already taken' }],
  });

/** Refuses a code another department holds; the unique index settles a race. */
async function checkCode(
  ctx: Ctx,
  code: string,
  id: number | null,
  transaction: Transaction,
): Promise<void> {
  const taken = await ctx.db.models.Department.count({
    where: { code, ...(id === null ? {} : { id: { [Op.ne]: id } }) },
    transaction,
  });
  if (taken > 0) throw codeTaken(code);
}

/** Runs a write, turning a lost race on the unique code into the same 409. */
async function guarded<T>(code: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof UniqueConstraintError) throw codeTaken(code);
    throw error;
  }
}

/** Every department, by name. */
export async function listDepartments(
  ctx: Ctx,
): Promise<{ items: DepartmentDto[] }> {
  const rows = await ctx.db.models.Department.findAll({
    order: [
      ['name', 'ASC'],
      ['id', 'ASC'],
    ],
  });

  return { items: await present(ctx, rows) };
}

export async function createDepartment(
  ctx: Ctx,
  input: Input,
): Promise<DepartmentDto> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  const row = await guarded(input.code, () =>
    ctx.db.sequelize.transaction(async (transaction) => {
      await checkCode(ctx, input.code, null, transaction);
      const created = await ctx.db.models.Department.create(
        { ...input, createdById: ctx.actor.id, updatedById: ctx.actor.id },
        { transaction },
      );
      await recordAudit(
        ctx,
        {
          action: 'create',
          entityType: 'department',
          entityId: created.id,
          summary: created.name,
          after: auditView(created),
        },
        transaction,
      );

      return created;
    }),
  );

  return presentOne(ctx, row);
}

export async function updateDepartment(
  ctx: Ctx,
  id: number,
  input: Input & { version: number },
): Promise<DepartmentDto> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  const row = await guarded(input.code, () =>
    ctx.db.sequelize.transaction(async (transaction) => {
      const current = await findDepartment(ctx, id, transaction);
      await checkCode(ctx, input.code, id, transaction);
      const before = auditView(current);
      await updateVersioned(
        ctx.db.models.Department,
        { id, read: input.version, found: current.version },
        { name: input.name, code: input.code, updatedById: ctx.actor.id },
        transaction,
      );
      const updated = await findDepartment(ctx, id, transaction);
      await recordAudit(
        ctx,
        {
          action: 'update',
          entityType: 'department',
          entityId: id,
          summary: updated.name,
          before,
          after: auditView(updated),
        },
        transaction,
      );

      return updated;
    }),
  );

  return presentOne(ctx, row);
}

/**
 * Deletes a department nobody belongs to any more, with its rights on
 * sender addresses (listed in the audit trail).
 */
export async function deleteDepartment(ctx: Ctx, id: number): Promise<void> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  await ctx.db.sequelize.transaction(async (transaction) => {
    const row = await findDepartment(ctx, id, transaction);
    const members = await ctx.db.models.User.count({
      where: { departmentId: id },
      transaction,
    });
    if (members > 0) {
      throw new AppError('CONFLICT', {
        fr:
          `Le service « ${row.name} » compte ` +
          counted(
            'fr',
            members,
            'utilisateur : changez d’abord son service.',
            'utilisateurs : changez d’abord leur service.',
          ),
        en:
          `Department "${row.name}" still has ` +
          counted(
            'en',
            members,
            'user: move them first.',
            'users: move them first.',
          ),
      });
    }
    const grants = await ctx.db.models.SenderGrant.findAll({
      where: { departmentId: id },
      transaction,
    });
    await ctx.db.models.SenderGrant.destroy({
      where: { departmentId: id },
      transaction,
    });
    await row.destroy({ transaction });
    await recordAudit(
      ctx,
      {
        action: 'delete',
        entityType: 'department',
        entityId: id,
        summary: row.name,
        before: {
          ...auditView(row),
          senderAddressIds: grants.map((grant) => grant.senderAddressId),
        },
      },
      transaction,
    );
  });
}

/** Refuses a department id that does not exist, naming the field. */
export async function checkDepartmentExists(
  ctx: Ctx,
  departmentId: number,
  path: string,
  transaction?: Transaction,
): Promise<void> {
  const found = await ctx.db.models.Department.count({
    where: { id: departmentId },
    transaction,
  });
  if (found > 0) return;
  throw new AppError('VALIDATION_FAILED', {
    fields: [
      {
        path,
        message: `service ${departmentId} inconnu / unknown department ${departmentId}`,
      },
    ],
  });
}

/** Puts a user in a department, or in none (administrators). */
export async function setUserDepartment(
  ctx: Ctx,
  userId: number,
  departmentId: number | null,
): Promise<ManagedUserDto> {
  if (!isAdmin(ctx.actor)) throw forbidden();

  return ctx.db.sequelize.transaction(async (transaction) => {
    const user = await ctx.db.models.User.findByPk(userId, { transaction });
    if (!user) throw notFound('Utilisateur / user', userId);
    if (departmentId !== null)
      await checkDepartmentExists(
        ctx,
        departmentId,
        'departmentId',
        transaction,
      );
    const before = { departmentId: user.departmentId ?? null };
    user.departmentId = departmentId;
    await user.save({ transaction });
    await recordAudit(
      ctx,
      {
        action: 'department.change',
        entityType: 'user',
        entityId: user.id,
        before,
        after: { departmentId },
      },
      transaction,
    );

    return presentManagedUser(user);
  });
}
