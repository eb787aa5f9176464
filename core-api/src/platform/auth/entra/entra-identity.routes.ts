import { UniqueConstraintError, type Transaction } from 'sequelize';
import { z } from 'zod';
import { recordAudit } from '../../../features/audit/audit.service.ts';
import {
  managedUserDto,
  type ManagedUserDto,
} from '../../../features/users/users.schemas.ts';
import { presentManagedUser } from '../../../features/users/users.service.ts';
import { isAdmin, type Ctx } from '../../context.ts';
import type { UserRow } from '../../db/models.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { route } from '../../http/routes.ts';
import {
  entraIdentityInput,
  type EntraIdentityDto,
} from './entra-identity.schemas.ts';

const linkedElsewhere = (holder: UserRow) =>
  new AppError('CONFLICT', {
    fr:
      `Cette identité Entra ID est déjà liée au compte de ${holder.displayName} : ` +
      'déliez-la d’abord de ce compte.',
    en:
      `This Entra ID identity is already linked to ${holder.displayName}’s ` +
      'account: unlink it from that account first.',
    fields: [
      {
        path: 'objectId',
        message:
          'déjà liée à un autre compte / already linked to another account',
      },
    ],
  });

const identityOf = (user: UserRow): EntraIdentityDto | null =>
  user.entraTenantId && user.entraObjectId
    ? { tenantId: user.entraTenantId, objectId: user.entraObjectId }
    : null;

async function userToChange(
  ctx: Ctx,
  userId: number,
  transaction: Transaction,
): Promise<UserRow> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  const user = await ctx.db.models.User.findByPk(userId, { transaction });
  if (!user) throw notFound('Utilisateur / user', userId);

  return user;
}

const holderOf = (
  ctx: Ctx,
  identity: EntraIdentityDto,
  transaction?: Transaction,
) =>
  ctx.db.models.User.findOne({
    where: {
      entraTenantId: identity.tenantId,
      entraObjectId: identity.objectId,
    },
    transaction,
  });

/** Writes an account's new identity and pin, with their audit event. */
async function saveIdentity(
  ctx: Ctx,
  user: UserRow,
  change: { identity: EntraIdentityDto | null; rolePinned: boolean },
  transaction: Transaction,
): Promise<ManagedUserDto> {
  const before = {
    entraIdentity: identityOf(user),
    rolePinned: user.rolePinned,
  };
  user.entraTenantId = change.identity?.tenantId ?? null;
  user.entraObjectId = change.identity?.objectId ?? null;
  user.rolePinned = change.rolePinned;
  await user.save({ transaction });
  const linked = change.identity !== null;
  await recordAudit(
    ctx,
    {
      action: linked ? 'entra.link' : 'entra.unlink',
      entityType: 'user',
      entityId: user.id,
      summary: linked
        ? 'identité Entra ID liée / Entra ID identity linked'
        : 'identité Entra ID déliée / Entra ID identity unlinked',
      before,
      after: { entraIdentity: change.identity, rolePinned: change.rolePinned },
    },
    transaction,
  );
  ctx.log.info(
    { userId: user.id },
    linked ? 'users.entra.linked' : 'users.entra.unlinked',
  );

  return presentManagedUser(user);
}

/**
 * Links an account to an Entra ID identity (tenant and object ids): that
 * person's tokens then open this account, with its lists, templates and
 * history, instead of creating a new one. A local account keeps its
 * password (the portal signs in with it) and its address, and its role is
 * pinned, so the groups do not change it until an administrator hands it
 * back to them. An identity linked to another account is refused.
 */
export async function linkEntraIdentity(
  ctx: Ctx,
  userId: number,
  identity: EntraIdentityDto,
): Promise<ManagedUserDto> {
  try {
    return await ctx.db.sequelize.transaction(async (transaction) => {
      const user = await userToChange(ctx, userId, transaction);
      const holder = await holderOf(ctx, identity, transaction);
      if (holder && holder.id !== user.id) throw linkedElsewhere(holder);
      if (holder) return presentManagedUser(user);

      const rolePinned = user.identitySource === 'local' || user.rolePinned;

      return saveIdentity(ctx, user, { identity, rolePinned }, transaction);
    });
  } catch (error) {
    // Two administrators linking the same identity at once: the unique
    // index lets one through.
    if (!(error instanceof UniqueConstraintError)) throw error;
    const holder = await holderOf(ctx, identity);
    throw holder ? linkedElsewhere(holder) : error;
  }
}

/**
 * Unlinks an account from its Entra ID identity: that person's tokens no
 * longer open it. Refused for an account Entra ID created, which has no
 * password to sign in with otherwise.
 */
export async function unlinkEntraIdentity(
  ctx: Ctx,
  userId: number,
): Promise<ManagedUserDto> {
  return ctx.db.sequelize.transaction(async (transaction) => {
    const user = await userToChange(ctx, userId, transaction);
    if (!identityOf(user)) return presentManagedUser(user);
    if (user.identitySource === 'entra') {
      throw new AppError('CONFLICT', {
        fr:
          'Ce compte a été créé par une connexion Entra ID et n’a pas de mot de ' +
          'passe : sans son identité Entra ID, personne ne pourrait l’ouvrir.',
        en:
          'This account was created by an Entra ID sign-in and has no ' +
          'password: without its Entra ID identity, nobody could open it.',
      });
    }

    // A local account's role is the administrator's: nothing to pin.
    return saveIdentity(
      ctx,
      user,
      { identity: null, rolePinned: false },
      transaction,
    );
  });
}

const byId = z.object({ id: z.coerce.number().int().positive() });

export const entraIdentityRoutes = [
  route({
    method: 'put',
    path: '/api/users/:id/entra-identity',
    summary:
      'Lier un compte à son identité Entra ID (locataire et objet) : ses jetons ouvrent ce compte',
    tag: 'users',
    access: 'admin',
    params: byId,
    body: entraIdentityInput,
    response: managedUserDto,
    handler: ({ params, body }, ctx) => linkEntraIdentity(ctx, params.id, body),
  }),
  route({
    method: 'delete',
    path: '/api/users/:id/entra-identity',
    summary: 'Délier un compte local de son identité Entra ID',
    tag: 'users',
    access: 'admin',
    params: byId,
    response: managedUserDto,
    handler: ({ params }, ctx) => unlinkEntraIdentity(ctx, params.id),
  }),
];
