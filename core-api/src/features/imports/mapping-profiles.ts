import type { z } from 'zod';
import { UniqueConstraintError } from 'sequelize';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import type { MappingProfileRow } from '../../platform/db/models.ts';
import {
  AppError,
  forbidden,
  notFound,
  versionConflict,
} from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type {
  mappingProfileDto,
  mappingProfileInput,
} from './imports.schemas.ts';

type ProfileInput = z.infer<typeof mappingProfileInput>;
type ProfileDto = z.infer<typeof mappingProfileDto>;

const present = (row: MappingProfileRow): ProfileDto => ({
  id: row.id,
  name: row.name,
  description: row.description,
  columns: JSON.parse(row.columns) as ProfileDto['columns'],
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
});

const nameTaken = (name: string) =>
  new AppError('CONFLICT', {
    fr: `Un profil s’appelle déjà « ${name} ».`,
    en: `A profile is already called "${name}".`,
  });

/** The saved column mappings, by name. */
export async function listProfiles(ctx: Ctx): Promise<ProfileDto[]> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  const rows = await ctx.db.models.MappingProfile.findAll({
    order: [['name', 'ASC']],
  });

  return rows.map(present);
}

/**
 * Saves a source's column mapping under a name, so the next file from that
 * source is read the same way.
 */
export async function createProfile(
  ctx: Ctx,
  input: ProfileInput,
): Promise<ProfileDto> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  try {
    return await ctx.db.sequelize.transaction(async (transaction) => {
      const row = await ctx.db.models.MappingProfile.create(
        {
          name: input.name,
          description: input.description ?? null,
          columns: JSON.stringify(input.columns),
          createdById: ctx.actor.id,
          updatedById: ctx.actor.id,
        },
        { transaction },
      );
      await recordAudit(
        ctx,
        {
          action: 'create',
          entityType: 'mapping_profile',
          entityId: row.id,
          summary: input.name,
          after: input,
        },
        transaction,
      );

      return present(row);
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError) throw nameTaken(input.name);
    throw error;
  }
}

/** Replaces a profile; `version` is the one the administrator read. */
export async function updateProfile(
  ctx: Ctx,
  id: number,
  input: ProfileInput & { version: number },
): Promise<ProfileDto> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  const { MappingProfile } = ctx.db.models;
  try {
    return await ctx.db.sequelize.transaction(async (transaction) => {
      const row = await MappingProfile.findByPk(id, { transaction });
      if (!row) throw notFound('Profil de correspondance', id);
      if (row.version !== input.version) {
        throw versionConflict(row.version);
      }
      const before = present(row);
      await row.update(
        {
          name: input.name,
          description: input.description ?? null,
          columns: JSON.stringify(input.columns),
          version: row.version + 1,
          updatedById: ctx.actor.id,
        },
        { transaction },
      );
      await recordAudit(
        ctx,
        {
          action: 'update',
          entityType: 'mapping_profile',
          entityId: id,
          summary: input.name,
          before,
          after: input,
        },
        transaction,
      );

      return present(row);
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError) throw nameTaken(input.name);
    throw error;
  }
}

/** Removes a profile; files already read with it keep their preview. */
export async function deleteProfile(ctx: Ctx, id: number): Promise<void> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  await ctx.db.sequelize.transaction(async (transaction) => {
    const row = await ctx.db.models.MappingProfile.findByPk(id, {
      transaction,
    });
    if (!row) throw notFound('Profil de correspondance', id);
    await row.destroy({ transaction });
    await recordAudit(
      ctx,
      {
        action: 'delete',
        entityType: 'mapping_profile',
        entityId: id,
        summary: row.name,
        before: present(row),
      },
      transaction,
    );
  });
}
