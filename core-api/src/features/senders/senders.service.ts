import { Op, UniqueConstraintError, type Transaction } from 'sequelize';
import type { z } from 'zod';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import type { SenderAddressRow } from '../../platform/db/models.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import {
  AppError,
  forbidden,
  notFound,
  type FieldProblem,
} from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type {
  MySenderAddress,
  SenderAddressDto,
  senderAddressInput,
} from './senders.schemas.ts';

const what = 'Adresse d’expéditeur / sender address';

type Input = z.output<typeof senderAddressInput>;

/** The address rows with their grants, departments and users, for display. */
async function present(
  ctx: Ctx,
  rows: SenderAddressRow[],
  transaction?: Transaction,
): Promise<SenderAddressDto[]> {
  if (rows.length === 0) return [];
  const { Department, SenderGrant, User } = ctx.db.models;
  const grants = await SenderGrant.findAll({
    where: { senderAddressId: rows.map((row) => row.id) },
    transaction,
  });
  const departmentIds = grants.flatMap((g) => g.departmentId ?? []);
  const userIds = grants.flatMap((g) => g.userId ?? []);
  const [departments, users] = await Promise.all([
    departmentIds.length
      ? Department.findAll({ where: { id: departmentIds }, transaction })
      : [],
    userIds.length
      ? User.findAll({
          where: { id: userIds },
          attributes: ['id', 'displayName', 'email'],
          transaction,
        })
      : [],
  ]);
  const departmentOf = new Map(departments.map((d) => [d.id, d]));
  const userOf = new Map(users.map((u) => [u.id, u]));

  return rows.map((row) => {
    const own = grants.filter((grant) => grant.senderAddressId === row.id);
    return {
      id: row.id,
      address: row.address,
      displayName: row.displayName,
      replyTo: row.replyTo,
      active: row.active,
      departments: own
        .flatMap((grant) => {
          const department = departmentOf.get(grant.departmentId ?? -1);
          return department
            ? [
                {
                  id: department.id,
                  name: department.name,
                  code: department.code,
                  isDefault: grant.isDefault,
                },
              ]
            : [];
        })
        .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
      users: own
        .flatMap((grant) => {
          const user = userOf.get(grant.userId ?? -1);
          return user
            ? [
                {
                  id: user.id,
                  displayName: user.displayName,
                  email: user.email,
                },
              ]
            : [];
        })
        .sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr')),
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}

const presentOne = async (
  ctx: Ctx,
  row: SenderAddressRow,
  transaction?: Transaction,
) => (await present(ctx, [row], transaction))[0]!;

/** What the audit trail keeps of an address and who may use it. */
const auditView = (dto: SenderAddressDto) => ({
  address: dto.address,
  displayName: dto.displayName,
  replyTo: dto.replyTo,
  active: dto.active,
  departmentIds: dto.departments.map((d) => d.id),
  userIds: dto.users.map((u) => u.id),
  defaultForDepartmentIds: dto.departments
    .filter((d) => d.isDefault)
    .map((d) => d.id),
});

async function findAddress(
  ctx: Ctx,
  id: number,
  transaction?: Transaction,
): Promise<SenderAddressRow> {
  const row = await ctx.db.models.SenderAddress.findByPk(id, { transaction });
  if (!row) throw notFound(what, id);

  return row;
}

const addressTaken = (address: string) =>
  new AppError('CONFLICT', {
    fr: `L’adresse ${address} est déjà déclarée.`,
    en: `The address ${address} is already declared.`,
    fields: [{ path: 'address', message: 'déjà déclarée / already declared' }],
  });

/** Refuses departments and users that do not exist, each named by its place. */
async function checkGrantees(
  ctx: Ctx,
  input: Input,
  transaction: Transaction,
): Promise<void> {
  const { Department, User } = ctx.db.models;
  const [departments, users] = await Promise.all([
    input.departmentIds.length
      ? Department.findAll({
          where: { id: input.departmentIds },
          attributes: ['id'],
          transaction,
        })
      : [],
    input.userIds.length
      ? User.findAll({
          where: { id: input.userIds },
          attributes: ['id'],
          transaction,
        })
      : [],
  ]);
  const problems: FieldProblem[] = [];
  const known = new Set(departments.map((d) => d.id));
  input.departmentIds.forEach((id, index) => {
    if (!known.has(id))
      problems.push({
        path: `departmentIds.${index}`,
        message: `service ${id} inconnu / unknown department ${id}`,
      });
  });
  const people = new Set(users.map((u) => u.id));
  input.userIds.forEach((id, index) => {
    if (!people.has(id))
      problems.push({
        path: `userIds.${index}`,
        message: `utilisateur ${id} inconnu / unknown user ${id}`,
      });
  });
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', { fields: problems });
}

/**
 * Replaces who may use an address. A department's default moves to this
 * address: the administrator's latest choice wins, and the department's
 * previous default stays granted, just no longer the default.
 */
async function writeGrants(
  ctx: Ctx,
  addressId: number,
  input: Input,
  transaction: Transaction,
): Promise<void> {
  const { SenderGrant } = ctx.db.models;
  await SenderGrant.destroy({
    where: { senderAddressId: addressId },
    transaction,
  });
  if (input.defaultForDepartmentIds.length > 0) {
    await SenderGrant.update(
      { isDefault: false },
      {
        where: {
          departmentId: input.defaultForDepartmentIds,
          isDefault: true,
        },
        transaction,
      },
    );
  }
  const defaults = new Set(input.defaultForDepartmentIds);
  const rows: {
    senderAddressId: number;
    departmentId: number | null;
    userId: number | null;
    isDefault: boolean;
  }[] = [
    ...[...new Set(input.departmentIds)].map((departmentId) => ({
      senderAddressId: addressId,
      departmentId,
      userId: null,
      isDefault: defaults.has(departmentId),
    })),
    ...[...new Set(input.userIds)].map((userId) => ({
      senderAddressId: addressId,
      departmentId: null,
      userId,
      isDefault: false,
    })),
  ];
  if (rows.length > 0) await SenderGrant.bulkCreate(rows, { transaction });
}

/** Runs a write, turning a lost race on a unique index into a 409. */
async function guarded<T>(address: string, write: () => Promise<T>) {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof UniqueConstraintError)) throw error;
    // PostgreSQL names the column in `fields`, SQLite in its message.
    const onAddress =
      Object.keys(error.fields ?? {}).includes('address') ||
      error.message.includes('sender_addresses.address');
    if (onAddress) throw addressTaken(address);
    throw new AppError('CONFLICT', {
      fr: 'Un autre administrateur a changé ces droits en même temps. Rechargez.',
      en: 'Another administrator changed these rights at the same time. Reload.',
    });
  }
}

/** Every declared address (deactivated ones too), for administrators. */
export async function listSenderAddresses(
  ctx: Ctx,
): Promise<{ items: SenderAddressDto[] }> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  const rows = await ctx.db.models.SenderAddress.findAll({
    order: [
      ['address', 'ASC'],
      ['id', 'ASC'],
    ],
  });

  return { items: await present(ctx, rows) };
}

export async function getSenderAddress(
  ctx: Ctx,
  id: number,
): Promise<SenderAddressDto> {
  if (!isAdmin(ctx.actor)) throw forbidden();

  return presentOne(ctx, await findAddress(ctx, id));
}

/** Declares an address and who may use it. */
export async function createSenderAddress(
  ctx: Ctx,
  input: Input,
): Promise<SenderAddressDto> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  const dto = await guarded(input.address, () =>
    ctx.db.sequelize.transaction(async (transaction) => {
      await checkGrantees(ctx, input, transaction);
      const taken = await ctx.db.models.SenderAddress.count({
        where: { address: input.address },
        transaction,
      });
      if (taken > 0) throw addressTaken(input.address);
      const row = await ctx.db.models.SenderAddress.create(
        {
          address: input.address,
          displayName: input.displayName,
          replyTo: input.replyTo ?? null,
          active: input.active,
          createdById: ctx.actor.id,
          updatedById: ctx.actor.id,
        },
        { transaction },
      );
      await writeGrants(ctx, row.id, input, transaction);
      const created = await presentOne(ctx, row, transaction);
      await recordAudit(
        ctx,
        {
          action: 'create',
          entityType: 'sender_address',
          entityId: row.id,
          summary: row.address,
          after: auditView(created),
        },
        transaction,
      );

      return created;
    }),
  );
  ctx.log.info({ senderAddressId: dto.id }, 'sender.address.created');

  return dto;
}

/** Replaces an address and its rights, given the version read. */
export async function updateSenderAddress(
  ctx: Ctx,
  id: number,
  input: Input & { version: number },
): Promise<SenderAddressDto> {
  if (!isAdmin(ctx.actor)) throw forbidden();

  return guarded(input.address, () =>
    ctx.db.sequelize.transaction(async (transaction) => {
      const current = await findAddress(ctx, id, transaction);
      await checkGrantees(ctx, input, transaction);
      const taken = await ctx.db.models.SenderAddress.count({
        where: { address: input.address, id: { [Op.ne]: id } },
        transaction,
      });
      if (taken > 0) throw addressTaken(input.address);
      const before = auditView(await presentOne(ctx, current, transaction));
      await updateVersioned(
        ctx.db.models.SenderAddress,
        { id, read: input.version, found: current.version },
        {
          address: input.address,
          displayName: input.displayName,
          replyTo: input.replyTo ?? null,
          active: input.active,
          updatedById: ctx.actor.id,
        },
        transaction,
      );
      await writeGrants(ctx, id, input, transaction);
      const updated = await presentOne(
        ctx,
        await findAddress(ctx, id, transaction),
        transaction,
      );
      await recordAudit(
        ctx,
        {
          action: 'update',
          entityType: 'sender_address',
          entityId: id,
          summary: updated.address,
          before,
          after: auditView(updated),
        },
        transaction,
      );

      return updated;
    }),
  );
}

/**
 * Deletes an address: soft, so what was sent from it keeps its sender; its
 * rights go (kept in the audit trail).
 */
export async function deleteSenderAddress(ctx: Ctx, id: number): Promise<void> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  await ctx.db.sequelize.transaction(async (transaction) => {
    const row = await findAddress(ctx, id, transaction);
    const before = auditView(await presentOne(ctx, row, transaction));
    await ctx.db.models.SenderGrant.destroy({
      where: { senderAddressId: id },
      transaction,
    });
    await row.destroy({ transaction });
    await recordAudit(
      ctx,
      {
        action: 'delete',
        entityType: 'sender_address',
        entityId: id,
        summary: row.address,
        before,
      },
      transaction,
    );
  });
  ctx.log.info({ senderAddressId: id }, 'sender.address.deleted');
}

/** The caller's department, read fresh (an administrator may just have moved them). */
async function departmentOf(ctx: Ctx): Promise<number | null> {
  if (ctx.actor.id === null) return null;
  const user = await ctx.db.models.User.findByPk(ctx.actor.id, {
    attributes: ['id', 'departmentId'],
  });

  return user?.departmentId ?? null;
}

/** The grants that let the caller use addresses: their own and their department's. */
function callerGrants(ctx: Ctx, departmentId: number | null) {
  return [
    { userId: ctx.actor.id ?? -1 },
    ...(departmentId === null ? [] : [{ departmentId }]),
  ];
}

/**
 * The active addresses the caller may send from, their department's
 * default first; administrators may use every active address.
 */
export async function mySenderAddresses(
  ctx: Ctx,
): Promise<{ items: MySenderAddress[] }> {
  const { SenderAddress, SenderGrant } = ctx.db.models;
  const departmentId = await departmentOf(ctx);
  const defaults = new Set(
    departmentId === null
      ? []
      : (
          await SenderGrant.findAll({
            where: { departmentId, isDefault: true },
            attributes: ['senderAddressId'],
          })
        ).map((grant) => grant.senderAddressId),
  );
  let ids: number[] | null = null;
  if (!isAdmin(ctx.actor)) {
    const grants = await SenderGrant.findAll({
      where: { [Op.or]: callerGrants(ctx, departmentId) },
      attributes: ['senderAddressId'],
    });
    ids = [...new Set(grants.map((grant) => grant.senderAddressId))];
  }
  const rows =
    ids?.length === 0
      ? []
      : await SenderAddress.findAll({
          where: { active: true, ...(ids ? { id: ids } : {}) },
          order: [
            ['displayName', 'ASC'],
            ['address', 'ASC'],
          ],
        });
  const items = rows.map((row) => ({
    id: row.id,
    address: row.address,
    displayName: row.displayName,
    replyTo: row.replyTo,
    isDefault: defaults.has(row.id),
  }));

  return {
    items: [
      ...items.filter((item) => item.isDefault),
      ...items.filter((item) => !item.isDefault),
    ],
  };
}

/**
 * Checks that the caller may send from an address, for the sends that
 * will call it before anything leaves: the address must be declared and
 * active, and granted to the caller or their department (administrators
 * may use any active address). Returns the address to send from.
 */
export async function assertSenderAllowed(
  ctx: Ctx,
  senderId: number,
): Promise<SenderAddressRow> {
  const row = await findAddress(ctx, senderId);
  if (!row.active) {
    throw new AppError('FORBIDDEN', {
      fr: `L’adresse d’expéditeur ${row.address} est désactivée.`,
      en: `The sender address ${row.address} is deactivated.`,
      reason: 'sender_inactive',
    });
  }
  if (isAdmin(ctx.actor)) return row;
  const departmentId = await departmentOf(ctx);
  const granted = await ctx.db.models.SenderGrant.count({
    where: {
      senderAddressId: senderId,
      [Op.or]: callerGrants(ctx, departmentId),
    },
  });
  if (granted === 0) {
    ctx.log.info(
      { senderAddressId: senderId, userId: ctx.actor.id },
      'sender.refused',
    );
    throw new AppError('FORBIDDEN', {
      fr: `Vous n’êtes pas autorisé à envoyer depuis l’adresse ${row.address}.`,
      en: `You are not allowed to send from the address ${row.address}.`,
      reason: 'sender_not_allowed',
    });
  }

  return row;
}
