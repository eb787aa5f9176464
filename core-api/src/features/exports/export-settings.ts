import type { Transaction } from 'sequelize';
import type { z } from 'zod';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import {
  AppError,
  forbidden,
  versionConflict,
} from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  exportSettings,
  type exportSettingsDto,
  type ExportSettings,
} from './exports.schemas.ts';

const settingKey = 'exports';

/** The export settings in force: the administrators' if saved, else the defaults. */
export async function getExportSettings(
  ctx: Ctx,
  transaction?: Transaction,
): Promise<z.infer<typeof exportSettingsDto>> {
  const row = await ctx.db.models.Setting.findByPk(settingKey, {
    transaction: transaction ?? ctx.transaction,
  });
  const parsed = exportSettings.safeParse(row ? JSON.parse(row.value) : {});

  return {
    // Settings saved by an older release that no longer validate fall back to the defaults.
    settings: parsed.success ? parsed.data : exportSettings.parse({}),
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/**
 * Saves the settings. `version` is the one the administrator read (0 before
 * the first save): a colleague's save in between is refused, not overwritten.
 */
export async function putExportSettings(
  ctx: Ctx,
  settings: ExportSettings,
  version: number,
): Promise<z.infer<typeof exportSettingsDto>> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  const { Setting } = ctx.db.models;

  return ctx.db.sequelize.transaction(async (transaction) => {
    const current = await getExportSettings(ctx, transaction);
    if (current.version !== version) throw versionConflict(current.version);
    const value = JSON.stringify(settings);
    if (version === 0) {
      await Setting.create(
        { key: settingKey, value, updatedById: ctx.actor.id },
        { transaction },
      );
    } else {
      const [changed] = await Setting.update(
        { value, version: version + 1, updatedById: ctx.actor.id },
        { where: { key: settingKey, version }, transaction },
      );
      if (changed === 0) throw versionConflict(version + 1);
    }
    await recordAudit(
      ctx,
      {
        action: 'update',
        entityType: 'settings',
        entityId: settingKey,
        summary: 'réglages des exports',
        before: current.settings,
        after: settings,
      },
      transaction,
    );

    return getExportSettings(ctx, transaction);
  });
}

/**
 * Refuses an export to a non-administrator when administrators reserved
 * exporting to themselves.
 */
export async function assertMayExport(ctx: Ctx): Promise<void> {
  if (isAdmin(ctx.actor)) return;
  const { settings } = await getExportSettings(ctx);
  if (settings.adminOnly)
    throw new AppError('FORBIDDEN', {
      fr: 'Les exports sont réservés aux administrateurs.',
      en: 'Exports are restricted to administrators.',
    });
}
