import { UniqueConstraintError } from 'sequelize';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import type { FeedAllowedHostRow } from '../../platform/db/models.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { AllowedHostDto } from './feeds.schemas.ts';

function presentHost(row: FeedAllowedHostRow): AllowedHostDto {
  return {
    id: row.id,
    host: row.host,
    note: row.note,
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The hosts feeds may reach despite a private address, by name. */
export async function listAllowedHosts(ctx: Ctx): Promise<AllowedHostDto[]> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  const rows = await ctx.db.models.FeedAllowedHost.findAll({
    order: [['host', 'ASC']],
  });

  return rows.map(presentHost);
}

/**
 * Allows feeds to reach a host although it resolves to a private address
 * (an intranet CRM), or over plain http. The exact name only: neither its
 * sub-domains nor other names of the same address.
 */
export async function allowHost(
  ctx: Ctx,
  input: { host: string; note?: string | null },
): Promise<AllowedHostDto> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  try {
    return await ctx.db.sequelize.transaction(async (transaction) => {
      const row = await ctx.db.models.FeedAllowedHost.create(
        {
          host: input.host,
          note: input.note ?? null,
          createdById: ctx.actor.id,
        },
        { transaction },
      );
      const dto = presentHost(row);
      await recordAudit(
        ctx,
        {
          action: 'create',
          entityType: 'feed_allowed_host',
          entityId: row.id,
          summary: row.host,
          after: dto,
        },
        transaction,
      );

      return dto;
    });
  } catch (error) {
    if (!(error instanceof UniqueConstraintError)) throw error;
    throw new AppError('CONFLICT', {
      fr: `${input.host} est déjà autorisé.`,
      en: `${input.host} is already allowed.`,
    });
  }
}

/** Takes a host off the allow-list: its feeds' next runs are refused. */
export async function disallowHost(ctx: Ctx, id: number): Promise<void> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  await ctx.db.sequelize.transaction(async (transaction) => {
    const row = await ctx.db.models.FeedAllowedHost.findByPk(id, {
      transaction,
    });
    if (!row) throw notFound('Hôte autorisé / allowed host', id);
    await row.destroy({ transaction });
    await recordAudit(
      ctx,
      {
        action: 'delete',
        entityType: 'feed_allowed_host',
        entityId: id,
        summary: row.host,
        before: presentHost(row),
      },
      transaction,
    );
  });
}
