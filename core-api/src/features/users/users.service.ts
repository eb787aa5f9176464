import {
  generatePassword,
  hashPassword,
  verifyPassword,
} from '../../platform/auth/passwords.ts';
import type { SecretBox } from '../../platform/auth/secret-box.ts';
import {
  openSession,
  stageOf,
  type Authenticated,
} from '../../platform/auth/sessions.ts';
import {
  generateTotpSecret,
  otpauthUrl,
  verifyTotp,
} from '../../platform/auth/totp.ts';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import type { UserRow } from '../../platform/db/models.ts';
import { emailForms } from '../../platform/text/email.ts';
import { AppError, forbidden } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type {
  Role,
  SessionDto,
  SignInResult,
  UserDto,
} from '../auth/auth.schemas.ts';
import { checkDepartmentExists as checkDepartment } from '../senders/departments.service.ts';
import type { ManagedUserDto } from './users.schemas.ts';

export function presentUser(user: UserRow): UserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    locale: user.locale,
    totpEnabled: user.totpEnabled,
    mustChangePassword: user.mustChangePassword,
    active: user.active,
    lastSignInAt: user.lastSignInAt ? user.lastSignInAt.toISOString() : null,
  };
}

/** A user as the administration shows them, with their department and identity. */
export function presentManagedUser(user: UserRow): ManagedUserDto {
  return {
    ...presentUser(user),
    departmentId: user.departmentId ?? null,
    identitySource: user.identitySource,
    entraIdentity:
      user.entraTenantId && user.entraObjectId
        ? { tenantId: user.entraTenantId, objectId: user.entraObjectId }
        : null,
    rolePinned: user.rolePinned,
  };
}

export type NewUser = {
  email: string;
  displayName: string;
  role: Role;
  password?: string;
  departmentId?: number | null;
};

/**
 * Creates a local account. Without a password, a one-time password is
 * generated, returned once and must be replaced at first sign-in.
 */
export async function createUser(
  ctx: Ctx,
  input: NewUser,
): Promise<{ user: ManagedUserDto; oneTimePassword?: string }> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  const email = input.email.trim().toLowerCase();
  const oneTimePassword = input.password ? undefined : generatePassword();
  const password = input.password ?? (oneTimePassword as string);

  return ctx.db.sequelize.transaction(async (transaction) => {
    if (input.departmentId)
      await checkDepartment(
        ctx,
        input.departmentId,
        'departmentId',
        transaction,
      );
    if (
      await ctx.db.models.User.count({
        where: { email: emailForms(email) },
        transaction,
      })
    ) {
      throw new AppError('CONFLICT', {
        fr: `Un compte existe déjà pour ${email}.`,
        en: `An account already exists for ${email}.`,
        fields: [{ path: 'email', message: 'déjà utilisée / already used' }],
      });
    }
    const user = await ctx.db.models.User.create(
      {
        email,
        displayName: input.displayName,
        role: input.role,
        passwordHash: await hashPassword(password),
        mustChangePassword: oneTimePassword !== undefined,
        totpSecret: null,
        lastSignInAt: null,
        departmentId: input.departmentId ?? null,
      },
      { transaction },
    );
    const dto = presentManagedUser(user);
    await recordAudit(
      ctx,
      { action: 'create', entityType: 'user', entityId: user.id, after: dto },
      transaction,
    );

    return { user: dto, oneTimePassword };
  });
}

export type AuthDeps = { ctx: Ctx; box: SecretBox; sessionTtlHours: number };

/**
 * Checks a sign-in. An administrator who has a second factor must give its
 * code; one who has none gets a fresh secret to enrol, and a session limited
 * to confirming it.
 */
export async function signIn(
  deps: AuthDeps,
  input: { email: string; password: string; totp?: string },
): Promise<SignInResult> {
  const { ctx, box } = deps;
  const user = await ctx.db.models.User.findOne({
    where: { email: emailForms(input.email) },
  });
  const valid =
    user?.passwordHash && user.active
      ? await verifyPassword(input.password, user.passwordHash)
      : await verifyPassword(input.password, dummyHash);

  if (!user || !valid) {
    ctx.log.info({ reason: 'credentials' }, 'auth.signin.failed');
    throw new AppError('INVALID_CREDENTIALS');
  }

  let mfaSatisfied = false;
  if (user.role === 'admin' && user.totpEnabled && user.totpSecret) {
    if (!input.totp) throw new AppError('MFA_REQUIRED');
    if (!acceptTotp(box, user, input.totp)) {
      ctx.log.info({ reason: 'totp', userId: user.id }, 'auth.signin.failed');
      throw new AppError('MFA_INVALID');
    }
    mfaSatisfied = true;
  }

  let enrolment: SignInResult['enrolment'];
  if (user.role === 'admin' && !user.totpEnabled) {
    const secret = generateTotpSecret();
    user.totpSecret = box.seal(secret);
    enrolment = { secret, otpauthUrl: otpauthUrl(secret, user.email) };
  }
  user.lastSignInAt = new Date();
  await user.save();

  const { token, session } = await openSession(
    ctx.db,
    user,
    mfaSatisfied,
    deps.sessionTtlHours,
  );
  ctx.log.info({ userId: user.id }, 'auth.signin.succeeded');
  const stage = stageOf(user, session);

  return {
    token,
    expiresAt: session.expiresAt.toISOString(),
    stage,
    user: presentUser(user),
    ...(stage === 'mfa_enrolment' && enrolment ? { enrolment } : {}),
  };
}

/**
 * Checks a second-factor code and, when right, marks its time step as used
 * (saved with the user): each code opens one session at most.
 */
function acceptTotp(box: SecretBox, user: UserRow, code: string): boolean {
  if (!user.totpSecret) return false;
  const step = verifyTotp(box.open(user.totpSecret), code);
  if (step === null || step <= Number(user.totpLastStep ?? -1)) return false;
  user.totpLastStep = step;

  return true;
}

// Verifying against a fixed hash when the account does not exist keeps the
// answer time the same, so timing does not reveal which emails have accounts.
let dummyHash = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA';
void hashPassword('relais-timing-equaliser').then((hash) => {
  dummyHash = hash;
});

export function presentSession(auth: Authenticated): SessionDto {
  return {
    user: presentUser(auth.user),
    stage: stageOf(auth.user, auth.session),
    expiresAt: auth.session.expiresAt.toISOString(),
  };
}

/** Confirms a second factor: during enrolment, or to lift a session to full rights. */
export async function confirmMfa(
  deps: AuthDeps,
  auth: Authenticated,
  code: string,
): Promise<SessionDto> {
  const { ctx, box } = deps;
  const { user, session } = auth;
  if (!acceptTotp(box, user, code)) {
    throw new AppError('MFA_INVALID', {
      fields: [{ path: 'code', message: 'code incorrect / wrong code' }],
    });
  }

  await ctx.db.sequelize.transaction(async (transaction) => {
    const enrolling = !user.totpEnabled;
    user.totpEnabled = true;
    await user.save({ transaction });
    session.mfaSatisfied = true;
    await session.save({ transaction });
    if (enrolling) {
      await recordAudit(
        ctx,
        { action: 'mfa.enrol', entityType: 'user', entityId: user.id },
        transaction,
      );
    }
  });

  return presentSession(auth);
}

/** Replaces a password (the one-time one at first sign-in, or any later). */
export async function changePassword(
  deps: AuthDeps,
  auth: Authenticated,
  input: { currentPassword: string; newPassword: string },
): Promise<SessionDto> {
  const { ctx } = deps;
  const { user } = auth;
  if (
    !user.passwordHash ||
    !(await verifyPassword(input.currentPassword, user.passwordHash))
  ) {
    throw new AppError('INVALID_CREDENTIALS', {
      fields: [
        {
          path: 'currentPassword',
          message: 'mot de passe incorrect / wrong password',
        },
      ],
    });
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [
        {
          path: 'newPassword',
          message:
            'doit différer de l’actuel / must differ from the current one',
        },
      ],
    });
  }

  await ctx.db.sequelize.transaction(async (transaction) => {
    user.passwordHash = await hashPassword(input.newPassword);
    user.mustChangePassword = false;
    await user.save({ transaction });
    await recordAudit(
      ctx,
      { action: 'password.change', entityType: 'user', entityId: user.id },
      transaction,
    );
  });

  return presentSession(auth);
}

export async function signOut(ctx: Ctx, auth: Authenticated): Promise<void> {
  await auth.session.destroy();
  ctx.log.info({ userId: auth.user.id }, 'auth.signout');
}

export async function listUsers(ctx: Ctx): Promise<ManagedUserDto[]> {
  const users = await ctx.db.models.User.findAll({
    order: [['displayName', 'ASC']],
  });

  return users.map(presentManagedUser);
}
