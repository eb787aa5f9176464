import supertest from 'supertest';
import { createApp } from '../app.ts';
import { SecretBox } from '../platform/auth/secret-box.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { totpAt } from '../platform/auth/totp.ts';
import { systemActor, type Actor, type Ctx } from '../platform/context.ts';
import type { Db, UserRow } from '../platform/db/models.ts';
import { memoryLogger } from './memory-logger.ts';

export const testSecret = 'test-secret-key-of-at-least-32-characters';
export const testPassword = 'correct horse battery staple';

export function ctxFor(db: Db, actor: Actor = systemActor): Ctx {
  return { db, actor, log: memoryLogger().log, region: 'FR' };
}

export function actorOf(user: UserRow): Actor {
  return { id: user.id, label: user.displayName, role: user.role };
}

/** The current code of a user's second factor. */
export function currentCode(box: SecretBox, user: UserRow): string {
  return totpAt(
    box.open(user.totpSecret as string),
    Math.floor(Date.now() / 30_000),
  );
}

/**
 * An app over a test database, with an administrator (second factor on) and
 * two editors, each already signed in.
 */
export async function signedInApp(db: Db) {
  const box = new SecretBox(testSecret);
  const { log, lines } = memoryLogger();
  const app = createApp({ db, log, box, region: 'FR', sessionTtlHours: 1 });
  const request = supertest(app);
  const passwordHash = await hashPassword(testPassword);
  const suffix = Math.random().toString(36).slice(2, 8);

  const admin = await db.models.User.create({
    email: `admin-${suffix}@example.org`,
    displayName: 'Alice Admin',
    role: 'admin',
    passwordHash,
    totpSecret: box.seal('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'),
    totpEnabled: true,
    lastSignInAt: null,
  });
  const editor = await db.models.User.create({
    email: `editor-${suffix}@example.org`,
    displayName: 'Eddie Editor',
    role: 'editor',
    passwordHash,
    totpSecret: null,
    lastSignInAt: null,
  });
  const other = await db.models.User.create({
    email: `other-${suffix}@example.org`,
    displayName: 'Olga Other',
    role: 'editor',
    passwordHash,
    totpSecret: null,
    lastSignInAt: null,
  });

  const signIn = async (user: UserRow) => {
    const response = await request.post('/api/auth/signin').send({
      email: user.email,
      password: testPassword,
      ...(user.role === 'admin' ? { totp: currentCode(box, user) } : {}),
    });
    if (response.status !== 200)
      throw new Error(`sign-in failed: ${JSON.stringify(response.body)}`);

    return response.body.token as string;
  };

  return {
    app,
    request,
    box,
    logLines: lines,
    admin,
    editor,
    other,
    tokens: {
      admin: await signIn(admin),
      editor: await signIn(editor),
      other: await signIn(other),
    },
  };
}

type SignedIn = Awaited<ReturnType<typeof signedInApp>>;

/** Which signed-in user of the harness sends a request. */
export type Who = keyof SignedIn['tokens'];

/** Requests sent by one of the harness's users, its bearer token set. */
export function requestsOf(h: SignedIn) {
  const auth = (who: Who) => ({ Authorization: `Bearer ${h.tokens[who]}` });

  return {
    get: (who: Who, path: string) => h.request.get(path).set(auth(who)),
    post: (who: Who, path: string, body: object = {}) =>
      h.request.post(path).set(auth(who)).send(body),
    put: (who: Who, path: string, body: object) =>
      h.request.put(path).set(auth(who)).send(body),
    del: (who: Who, path: string) => h.request.delete(path).set(auth(who)),
  };
}
