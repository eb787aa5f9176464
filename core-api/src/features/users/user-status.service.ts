import { Op, type Transaction } from 'sequelize';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import type { UserRow } from '../../platform/db/models.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { ManagedUserDto } from './users.schemas.ts';
import { presentManagedUser } from './users.service.ts';

/**
 * Refuses a change that would leave Relais without an active
 * administrator: nobody could then manage accounts, the taxonomy or the
 * settings (the start-up would create a new administrator, but only once
 * the server restarts). Called before a role change or a deactivation of
 * `user`, in the same transaction.
 */
export async function keepAnAdministrator(
  ctx: Ctx,
  user: UserRow,
  transaction: Transaction,
): Promise<void> {
  if (user.role !== 'admin' || !user.active) return;
  const others = await ctx.db.models.User.count({
    where: { role: 'admin', active: true, id: { [Op.ne]: user.id } },
    transaction,
  });
  if (others > 0) return;
  throw new AppError('CONFLICT', {
    fr: 'C’est le dernier administrateur actif : nommez-en un autre avant.',
    en: 'This is the last active administrator: appoint another one first.',
    reason: 'last_admin',
  });
}

/**
 * Deactivates an account (its sessions end and no sign-in opens it, local
 * or Entra ID) or reactivates it. Nobody deactivates themselves or the
 * last active administrator. The account, its lists and its history stay.
 */
export async function setUserActive(
  ctx: Ctx,
  userId: number,
  active: boolean,
): Promise<ManagedUserDto> {
  if (!isAdmin(ctx.actor)) throw forbidden();

  return ctx.db.sequelize.transaction(async (transaction) => {
    const { User, Session } = ctx.db.models;
    const user = await User.findByPk(userId, { transaction });
    if (!user) throw notFound('Utilisateur / user', userId);
    if (user.active === active) return presentManagedUser(user);
    if (!active && user.id === ctx.actor.id) {
      throw new AppError('CONFLICT', {
        fr: 'Vous ne pouvez pas désactiver votre propre compte.',
        en: 'You cannot deactivate your own account.',
        reason: 'self',
      });
    }
    if (!active) await keepAnAdministrator(ctx, user, transaction);

    user.active = active;
    await user.save({ transaction });
    let sessionsEnded = 0;
    if (!active)
      sessionsEnded = await Session.destroy({
        where: { userId: user.id },
        transaction,
      });
    await recordAudit(
      ctx,
      {
        action: active ? 'reactivate' : 'deactivate',
        entityType: 'user',
        entityId: user.id,
        before: { active: !active },
        after: { active },
      },
      transaction,
    );
    ctx.log.info(
      { userId: user.id, active, sessionsEnded },
      'user.status.changed',
    );

    return presentManagedUser(user);
  });
}
