import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import supertest from 'supertest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { entraApp, personClaims } from '../../../test/entra-app.ts';
import { testPassword } from '../../../test/harness.ts';
import { memoryLogger } from '../../../test/memory-logger.ts';
import { startOidcIssuer, type OidcIssuer } from '../../../test/oidc-issuer.ts';
import { hashPassword } from '../passwords.ts';
import { SigningKeys } from './signing-keys.ts';

const clientId = randomUUID();
const appIdUri = `api://relais.example.org/${clientId}`;
const adminGroup = randomUUID();
const editorGroup = randomUUID();

describeEachDatabase('Entra ID access tokens', (db) => {
  let issuer: OidcIssuer;
  let stranger: OidcIssuer;
  let request: ReturnType<typeof supertest>;
  let lines: string[];
  let keys: SigningKeys;

  /** Claims of a valid token for one user; each test overrides some. */
  const claims = (oid: string, extra: Record<string, unknown> = {}) =>
    personClaims(clientId, oid, editorGroup, extra);
  const me = (token: string) =>
    request.get('/api/auth/session').set('Authorization', `Bearer ${token}`);
  const refusal = async (token: string, reason: string) => {
    const response = await me(token);
    expect(response.status, JSON.stringify(response.body)).to.equal(401);
    expect(response.body.error.code).to.equal('TOKEN_REFUSED');
    expect(response.body.error.reason).to.equal(reason);
    expect(response.body.error.message).to.be.a('string').and.not.equal('');
    expect(response.body.error.messageEn).to.not.equal(
      response.body.error.message,
    );
    return response;
  };

  before(async () => {
    issuer = await startOidcIssuer();
    // Another tenant, with its own keys: a token from it is refused.
    stranger = await startOidcIssuer({ ca: issuer.ca });
    keys = new SigningKeys({
      authority: issuer.url,
      ca: issuer.ca.caPem,
      refetchIntervalMs: 60_000,
    });
    const memory = memoryLogger();
    lines = memory.lines;
    const app = entraApp(db(), issuer, {
      audiences: [clientId, appIdUri],
      groups: { admin: [adminGroup], editor: [editorGroup] },
      keys,
      log: memory.log,
    });
    request = supertest(app);
  });

  after(async () => {
    await stranger.close();
    await issuer.close();
  });

  it('accepts a valid token and creates the user from its claims', async () => {
    const oid = randomUUID();
    const response = await me(issuer.mint(claims(oid)));

    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    expect(response.body.stage).to.equal('ready');
    expect(response.body.user).to.include({
      displayName: 'Camille Dupont',
      email: `camille.${oid.slice(0, 8)}@contoso.example`,
      role: 'editor',
    });
    const user = await db().models.User.findOne({
      where: { entraObjectId: oid },
    });
    expect(user?.identitySource).to.equal('entra');
    expect(user?.entraTenantId).to.equal(issuer.tenantIds[0]);
    expect(user?.passwordHash).to.equal(null);
  });

  it('keeps one user per tenant and object id and follows later changes', async () => {
    const oid = randomUUID();
    await me(issuer.mint(claims(oid)));
    const renamed = await me(
      issuer.mint(claims(oid, { name: 'Camille Dupont-Martin' })),
    );

    expect(renamed.status).to.equal(200);
    expect(renamed.body.user.displayName).to.equal('Camille Dupont-Martin');
    expect(
      await db().models.User.count({ where: { entraObjectId: oid } }),
    ).to.equal(1);
  });

  it('accepts the version 1 issuer and the api:// audience', async () => {
    const tenantId = issuer.tenantIds[0];
    const token = issuer.mint(
      claims(randomUUID(), {
        iss: `https://sts.windows.net/${tenantId}/`,
        aud: appIdUri,
        ver: '1.0',
      }),
    );

    expect((await me(token)).status).to.equal(200);
  });

  it('gives the role of the groups: administrator wins, none is refused', async () => {
    const both = await me(
      issuer.mint(claims(randomUUID(), { groups: [editorGroup, adminGroup] })),
    );
    expect(both.status).to.equal(200);
    expect(both.body.user.role).to.equal('admin');

    const none = await me(
      issuer.mint(claims(randomUUID(), { groups: [randomUUID()] })),
    );
    expect(none.status).to.equal(403);
    expect(none.body.error.reason).to.equal('no_role');
    expect(none.body.error.message).to.match(/groupe Entra ID/);
  });

  it('follows the groups, unless an administrator pinned the role', async () => {
    const admin = issuer.mint(claims(randomUUID(), { groups: [adminGroup] }));
    const oid = randomUUID();
    const asEditor = issuer.mint(claims(oid));
    const asAdmin = issuer.mint(claims(oid, { groups: [adminGroup] }));
    const asNobody = issuer.mint(claims(oid, { groups: [] }));
    expect((await me(asAdmin)).body.user.role).to.equal('admin');
    const user = await me(asEditor);
    expect(user.body.user.role).to.equal('editor');

    const pinned = await request
      .put(`/api/users/${user.body.user.id}/role`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ role: 'admin' });
    expect(pinned.status, JSON.stringify(pinned.body)).to.equal(200);
    expect(pinned.body).to.deep.include({ rolePinned: true });
    // The groups say editor, then nothing: the pinned role holds.
    expect((await me(asEditor)).body.user.role).to.equal('admin');
    expect((await me(asNobody)).body.user.role).to.equal('admin');

    const unpinned = await request
      .put(`/api/users/${user.body.user.id}/role`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ role: null });
    expect(unpinned.body.rolePinned).to.equal(false);
    expect((await me(asEditor)).body.user.role).to.equal('editor');
    expect((await me(asNobody)).status).to.equal(403);

    const byEditor = await request
      .put(`/api/users/${user.body.user.id}/role`)
      .set('Authorization', `Bearer ${asEditor}`)
      .send({ role: 'admin' });
    expect(byEditor.status).to.equal(403);
  });

  it('refuses a token meant for another application', async () => {
    await refusal(
      issuer.mint(claims(randomUUID(), { aud: randomUUID() })),
      'audience',
    );
  });

  it('refuses a token from another issuer', async () => {
    await refusal(
      issuer.mint(claims(randomUUID(), { iss: 'https://evil.example/v2.0' })),
      'issuer',
    );
  });

  it('refuses an expired token and one not valid yet', async () => {
    const now = Math.floor(Date.now() / 1000);
    await refusal(
      issuer.mint(claims(randomUUID(), { iat: now - 7200, exp: now - 600 })),
      'expired',
    );
    await refusal(
      issuer.mint(claims(randomUUID(), { nbf: now + 600, exp: now + 4200 })),
      'not_yet_valid',
    );
  });

  it('tolerates a small clock skew', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = issuer.mint(
      claims(randomUUID(), { nbf: now + 20, exp: now - 20 + 3600 }),
    );

    expect((await me(token)).status).to.equal(200);
  });

  it('refuses a bad signature and a token signed with none', async () => {
    await refusal(
      issuer.mint(claims(randomUUID()), { forgeSignature: true }),
      'signature',
    );
    const [head, body] = issuer.mint(claims(randomUUID())).split('.');
    const none = Buffer.from(
      JSON.stringify({ alg: 'none', kid: issuer.currentKid() }),
    ).toString('base64url');
    await refusal(`${none}.${body}.AAAA`, 'algorithm');
    const hs = Buffer.from(JSON.stringify({ alg: 'HS256' })).toString(
      'base64url',
    );
    await refusal(`${hs}.${body}.${head}`, 'algorithm');
  });

  it('refuses a token from a tenant not in the list', async () => {
    const foreign = stranger.mint(claims(randomUUID()), {
      tenantId: stranger.tenantIds[0],
    });
    const before = issuer.requests.length + stranger.requests.length;

    await refusal(foreign, 'unknown_tenant');
    // Refused before anything was fetched for that tenant.
    expect(issuer.requests.length + stranger.requests.length).to.equal(before);
  });

  it('refuses a token without the required scope', async () => {
    await refusal(
      issuer.mint(claims(randomUUID(), { scp: 'User.Read' })),
      'missing_scope',
    );
    // An application token (roles, no scp) is no user's.
    const appOnly = claims(randomUUID(), { roles: ['Relais.All'] });
    delete (appOnly as { scp?: string }).scp;
    await refusal(issuer.mint(appOnly), 'missing_scope');
  });

  it('refetches the keys once on an unknown kid, then rate-limits', async () => {
    const keyFetches = () =>
      issuer.requests.filter((r) => r.path.endsWith('/keys')).length;
    expect((await me(issuer.mint(claims(randomUUID())))).status).to.equal(200);
    const before = keyFetches();

    // The tenant rotates its keys: the first token with the new kid makes
    // one fresh fetch and passes.
    issuer.rotate({ retireOld: true });
    expect((await me(issuer.mint(claims(randomUUID())))).status).to.equal(200);
    expect(keyFetches()).to.equal(before + 1);
    expect((await me(issuer.mint(claims(randomUUID())))).status).to.equal(200);
    expect(keyFetches()).to.equal(before + 1);

    // Made-up kids do not each trigger a fetch.
    for (let i = 0; i < 3; i++) {
      await refusal(
        issuer.mint(claims(randomUUID()), { unpublishedKey: true }),
        'unknown_key',
      );
    }
    expect(keyFetches()).to.equal(before + 1);
  });

  it('reads tokens from the Authorization header only', async () => {
    const token = issuer.mint(claims(randomUUID()));
    const inQuery = await request.get(
      `/api/auth/session?access_token=${token}`,
    );
    expect(inQuery.status).to.equal(401);
    expect(inQuery.body.error.code).to.equal('UNAUTHENTICATED');
    const inCookie = await request
      .get('/api/auth/session')
      .set('Cookie', `access_token=${token}`);
    expect(inCookie.status).to.equal(401);
  });

  it('logs refusals with their reason and never the token', async () => {
    const token = issuer.mint(claims(randomUUID(), { aud: randomUUID() }));
    await refusal(token, 'audience');
    const logged = lines.join('\n');
    expect(logged).to.include('"reason":"audience"');
    expect(logged).to.not.include(token.split('.')[2]);
    expect(logged).to.not.include(token.split('.')[1]);
  });

  it('keeps local accounts working beside Entra ID', async () => {
    const user = await db().models.User.create({
      email: `local-${randomUUID().slice(0, 8)}@relais.example`,
      displayName: 'Louis Local',
      role: 'editor',
      passwordHash: await hashPassword(testPassword),
      totpSecret: null,
      lastSignInAt: null,
    });
    const signIn = await request
      .post('/api/auth/signin')
      .send({ email: user.email, password: testPassword });
    expect(signIn.status, JSON.stringify(signIn.body)).to.equal(200);

    const session = await me(signIn.body.token);
    expect(session.status).to.equal(200);
    expect(session.body.user.email).to.equal(user.email);
    expect((await me('not-a-real-session-token-at-all')).status).to.equal(401);
  });

  it('answers 503 when the tenant’s keys cannot be fetched', async () => {
    const unreachable = entraApp(db(), issuer, {
      audiences: [clientId],
      groups: { admin: [adminGroup], editor: [editorGroup] },
      // Port 9 (discard) on loopback: nothing answers.
      keys: new SigningKeys({ authority: 'https://127.0.0.1:9' }),
    });
    const response = await supertest(unreachable)
      .get('/api/auth/session')
      .set('Authorization', `Bearer ${issuer.mint(claims(randomUUID()))}`);

    expect(response.status).to.equal(503);
    expect(response.body.error.code).to.equal('IDENTITY_UNAVAILABLE');
  });

  it('will not take over a local account through a token address', async () => {
    const email = `shared-${randomUUID().slice(0, 8)}@contoso.example`;
    await db().models.User.create({
      email,
      displayName: 'Compte local',
      role: 'admin',
      passwordHash: await hashPassword(testPassword),
      totpSecret: null,
      lastSignInAt: null,
    });
    const response = await me(
      issuer.mint(claims(randomUUID(), { preferred_username: email })),
    );

    expect(response.status).to.equal(403);
    expect(response.body.error.reason).to.equal('account_conflict');
  });
});
