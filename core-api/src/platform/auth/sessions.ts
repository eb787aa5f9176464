import { createHash, randomBytes } from 'node:crypto';
import type { Db, SessionRow, UserRow } from '../db/models.ts';

export type Stage = 'ready' | 'mfa_enrolment' | 'password_change';

/** A request's identity once its bearer token checked out. */
export type Authenticated = {
  user: UserRow;
  session: SessionRow;
  stage: Stage;
};

/** Only the token's hash is stored: a copy of the table opens no session. */
export function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * What a session may do. Administrators need a confirmed second factor (R28);
 * a one-time password must be replaced before anything else.
 */
export function stageOf(user: UserRow, session: SessionRow): Stage {
  if (user.mustChangePassword) return 'password_change';
  if (user.role === 'admin' && (!user.totpEnabled || !session.mfaSatisfied))
    return 'mfa_enrolment';

  return 'ready';
}

/** Opens a session and returns its bearer token (shown once, never stored). */
export async function openSession(
  db: Db,
  user: UserRow,
  mfaSatisfied: boolean,
  ttlHours: number,
): Promise<{ token: string; session: SessionRow }> {
  const token = randomBytes(32).toString('base64url');
  const session = await db.models.Session.create({
    id: tokenId(token),
    userId: user.id,
    mfaSatisfied,
    expiresAt: new Date(Date.now() + ttlHours * 3_600_000),
  });

  return { token, session };
}

/** Finds the live session of a bearer token, or null. */
export async function authenticateToken(
  db: Db,
  token: string,
): Promise<Authenticated | null> {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const session = await db.models.Session.findByPk(tokenId(token));
  if (!session || session.expiresAt.getTime() <= Date.now()) return null;

  const user = await db.models.User.findByPk(session.userId);
  if (!user || !user.active) return null;

  return { user, session, stage: stageOf(user, session) };
}
