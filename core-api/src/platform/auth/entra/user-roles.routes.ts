import { z } from 'zod';
import { recordAudit } from '../../../features/audit/audit.service.ts';
import { presentUser } from '../../../features/users/users.service.ts';
import { keepAnAdministrator } from '../../../features/users/user-status.service.ts';
import { isAdmin, type Ctx } from '../../context.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { route } from '../../http/routes.ts';
import {
  roleAnswer,
  roleInput,
  type RoleAnswer,
} from './user-roles.schemas.ts';

/**
 * Sets a user's role by hand. For an Entra ID account this pins the role:
 * group claims no longer change it until the pin is removed (`role: null`).
 */
export async function setUserRole(
  ctx: Ctx,
  userId: number,
  role: 'admin' | 'editor' | null,
): Promise<RoleAnswer> {
  if (!isAdmin(ctx.actor)) throw forbidden();

  return ctx.db.sequelize.transaction(async (transaction) => {
    const user = await ctx.db.models.User.findByPk(userId, { transaction });
    if (!user) throw notFound('Utilisateur / user', userId);
    // A local account linked to an Entra ID identity may follow the groups
    // too; one without such an identity has no groups to follow.
    if (role === null && !user.entraObjectId) {
      throw new AppError('VALIDATION_FAILED', {
        fields: [
          {
            path: 'role',
            message:
              'un compte sans identité Entra ID a toujours un rôle / ' +
              'an account without an Entra ID identity always has a role',
          },
        ],
      });
    }
    if (user.id === ctx.actor.id && role !== 'admin') {
      throw new AppError('CONFLICT', {
        fr: 'Vous ne pouvez pas retirer votre propre rôle d’administrateur.',
        en: 'You cannot remove your own administrator role.',
      });
    }
    if (role === 'editor') await keepAnAdministrator(ctx, user, transaction);
    const before = { role: user.role, rolePinned: user.rolePinned };
    user.rolePinned = role !== null;
    if (role) user.role = role;
    await user.save({ transaction });
    await recordAudit(
      ctx,
      {
        action: 'role.change',
        entityType: 'user',
        entityId: user.id,
        summary: role
          ? 'fixé par un administrateur / set by an administrator'
          : 'rendu aux groupes Entra ID / handed back to Entra ID groups',
        before,
        after: { role: user.role, rolePinned: user.rolePinned },
      },
      transaction,
    );

    return {
      user: presentUser(user),
      identitySource: user.identitySource,
      rolePinned: user.rolePinned,
    };
  });
}

export const userRoleRoutes = [
  route({
    method: 'put',
    path: '/api/users/:id/role',
    summary:
      'Fixer le rôle d’un utilisateur (prime sur les groupes Entra ID ; null les rétablit)',
    tag: 'users',
    access: 'admin',
    params: z.object({ id: z.coerce.number().int().positive() }),
    body: roleInput,
    response: roleAnswer,
    handler: ({ params, body }, ctx) => setUserRole(ctx, params.id, body.role),
  }),
];
