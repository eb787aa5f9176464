import { UniqueConstraintError, type Transaction } from 'sequelize';
import { recordAudit } from '../../../features/audit/audit.service.ts';
import type { Ctx } from '../../context.ts';
import type { UserRow } from '../../db/models.ts';
import { AppError } from '../../http/errors.ts';
import type { EntraIdentity } from './access-token.ts';

export type Role = 'admin' | 'editor';

/** Entra ID groups that give a Relais role (object ids). */
export type RoleGroups = { admin: string[]; editor: string[] };

/** The role a user's groups give: administrator wins, null when none. */
export function roleFromGroups(
  groups: string[],
  mapping: RoleGroups,
): Role | null {
  const member = new Set(groups.map((id) => id.toLowerCase()));
  const has = (ids: string[]) => ids.some((id) => member.has(id.toLowerCase()));
  if (has(mapping.admin)) return 'admin';
  if (has(mapping.editor)) return 'editor';

  return null;
}

const refused = (reason: string, fr: string, en: string) =>
  new AppError('FORBIDDEN', { reason, fr, en });

// A sign-in date written on every request would make each call a write;
// once in this span is enough to tell who uses Relais.
const signInStampMs = 15 * 60_000;

/**
 * The Relais account of an Entra ID user, created by their first valid token
 * and kept in step with later ones (name, address, role from groups).
 *
 * Role precedence: a role pinned by an administrator stays whatever the
 * groups say; otherwise the groups decide at every token (administrator
 * group first, then editor group), and a user in neither is refused.
 */
export async function accountOf(
  ctx: Ctx,
  identity: EntraIdentity,
  groups: RoleGroups,
): Promise<UserRow> {
  const { User } = ctx.db.models;
  const where = {
    entraTenantId: identity.tenantId,
    entraObjectId: identity.objectId,
  };
  const existing = await User.findOne({ where });
  if (existing && !existing.active) {
    throw refused(
      'account_disabled',
      'Ce compte Relais est désactivé.',
      'This Relais account is disabled.',
    );
  }
  const role = existing?.rolePinned
    ? existing.role
    : roleFromGroups(identity.groups, groups);
  if (!role) {
    ctx.log.info(
      { reason: 'no_role', overflow: identity.groupsOverflow },
      'auth.entra.refused',
    );
    throw refused(
      'no_role',
      'Aucun rôle Relais pour ce compte : demandez à un administrateur de ' +
        'vous ajouter au groupe Entra ID des rédacteurs ou des administrateurs.',
      'No Relais role for this account: ask an administrator to add you to ' +
        'the Entra ID editors or administrators group.',
    );
  }

  try {
    return await save(ctx, identity, existing, role);
  } catch (error) {
    // Two first requests at once: the second finds the account the first
    // just created.
    const raced =
      error instanceof UniqueConstraintError && !existing
        ? await User.findOne({ where })
        : null;
    if (!raced) throw error;

    return raced;
  }
}

function save(
  ctx: Ctx,
  identity: EntraIdentity,
  existing: UserRow | null,
  role: Role,
): Promise<UserRow> {
  return ctx.db.sequelize.transaction(async (transaction) => {
    // A local account linked by an administrator keeps the address it
    // signs in with by password; the others follow the token's.
    const email =
      existing?.identitySource === 'local'
        ? existing.email
        : await freeEmail(ctx, identity, existing, transaction);
    if (!existing)
      return createAccount(ctx, identity, role, email, transaction);

    const changed =
      existing.role !== role ||
      existing.displayName !== identity.displayName.slice(0, 200) ||
      existing.email !== email;
    const stale =
      !existing.lastSignInAt ||
      Date.now() - existing.lastSignInAt.getTime() > signInStampMs;
    if (!changed && !stale) return existing;

    const before = { role: existing.role, displayName: existing.displayName };
    existing.role = role;
    existing.displayName = identity.displayName.slice(0, 200);
    existing.email = email;
    existing.lastSignInAt = new Date();
    await existing.save({ transaction });
    if (before.role !== role) {
      await recordAudit(
        ctx,
        {
          action: 'role.change',
          entityType: 'user',
          entityId: existing.id,
          summary: 'groupes Entra ID / Entra ID groups',
          before: { role: before.role },
          after: { role },
        },
        transaction,
      );
    }

    return existing;
  });
}

/**
 * The address to store. Another account holding it (a local one, say) is
 * not taken over: a token's address is not proof that the person owns that
 * account.
 */
async function freeEmail(
  ctx: Ctx,
  identity: EntraIdentity,
  existing: UserRow | null,
  transaction: Transaction,
): Promise<string> {
  if (!identity.email) {
    if (existing) return existing.email;
    throw refused(
      'missing_email',
      'Le jeton ne porte aucune adresse (preferred_username ou email).',
      'The token carries no address (preferred_username or email).',
    );
  }
  const holder = await ctx.db.models.User.findOne({
    where: { email: identity.email },
    transaction,
  });
  if (!holder || holder.id === existing?.id) return identity.email;
  throw refused(
    'account_conflict',
    'Un autre compte Relais utilise déjà cette adresse : si c’est le vôtre, ' +
      'un administrateur peut le lier à votre identité Entra ID ' +
      '(Administration → Utilisateurs).',
    'Another Relais account already uses this address: if it is yours, an ' +
      'administrator can link it to your Entra ID identity ' +
      '(Administration → Users).',
  );
}

async function createAccount(
  ctx: Ctx,
  identity: EntraIdentity,
  role: Role,
  email: string,
  transaction: Transaction,
): Promise<UserRow> {
  const user = await ctx.db.models.User.create(
    {
      email,
      displayName: identity.displayName.slice(0, 200),
      role,
      passwordHash: null,
      totpSecret: null,
      lastSignInAt: new Date(),
      identitySource: 'entra',
      entraTenantId: identity.tenantId,
      entraObjectId: identity.objectId,
    },
    { transaction },
  );
  await recordAudit(
    ctx,
    {
      action: 'create',
      entityType: 'user',
      entityId: user.id,
      summary: 'première connexion Entra ID / first Entra ID sign-in',
      after: { role, identitySource: 'entra' },
    },
    transaction,
  );
  ctx.log.info({ userId: user.id, role }, 'auth.entra.user_created');

  return user;
}
