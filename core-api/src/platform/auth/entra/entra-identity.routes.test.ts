import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import supertest from 'supertest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { entraApp, personClaims } from '../../../test/entra-app.ts';
import { testPassword } from '../../../test/harness.ts';
import { startOidcIssuer, type OidcIssuer } from '../../../test/oidc-issuer.ts';
import { hashPassword } from '../passwords.ts';

const clientId = randomUUID();
const adminGroup = randomUUID();
const editorGroup = randomUUID();

describeEachDatabase('Entra ID identity of a local account', (db) => {
  let issuer: OidcIssuer;
  let request: ReturnType<typeof supertest>;
  let admin = '';
  let adminId = 0;
  let tenantId = '';

  /** A token of the directory for one person; groups say editor by default. */
  const token = (oid: string, extra: Record<string, unknown> = {}) =>
    issuer.mint(personClaims(clientId, oid, editorGroup, extra));
  const as = (bearer: string) => ({ Authorization: `Bearer ${bearer}` });
  const me = (bearer: string) =>
    request.get('/api/auth/session').set(as(bearer));
  const link = (userId: number, body: object, by = admin) =>
    request.put(`/api/users/${userId}/entra-identity`).set(as(by)).send(body);
  const unlink = (userId: number) =>
    request.delete(`/api/users/${userId}/entra-identity`).set(as(admin));
  /** A local account with a password, as created before Entra ID came. */
  const localAccount = async (role: 'admin' | 'editor' = 'editor') => {
    const email = `local-${randomUUID().slice(0, 8)}@relais.example`;
    const user = await db().models.User.create({
      email,
      displayName: 'Camille Dupont (local)',
      role,
      passwordHash: await hashPassword(testPassword),
      totpSecret: null,
      lastSignInAt: null,
    });
    const signIn = await request
      .post('/api/auth/signin')
      .send({ email, password: testPassword });

    return { user, session: signIn.body.token as string };
  };
  const auditOf = (action: string, userId: number) =>
    db().models.AuditEvent.findOne({
      where: { action, entityType: 'user', entityId: String(userId) },
    });

  before(async () => {
    issuer = await startOidcIssuer();
    tenantId = issuer.tenantIds[0] as string;
    request = supertest(
      entraApp(db(), issuer, {
        audiences: [clientId],
        groups: { admin: [adminGroup], editor: [editorGroup] },
      }),
    );
    admin = token(randomUUID(), { groups: [adminGroup] });
    const session = await me(admin);
    expect(session.body.user.role).to.equal('admin');
    adminId = session.body.user.id;
  });

  after(() => issuer.close());

  it('opens the local account, with its templates, for the linked identity', async () => {
    const { user, session } = await localAccount();
    const template = await request
      .post('/api/email-templates')
      .set(as(session))
      .send({ name: 'Relance', subject: 'Bonjour', html: '<p>Bonjour</p>' });
    expect(template.status, JSON.stringify(template.body)).to.equal(201);
    const oid = randomUUID();
    // The directory gives the person's address, that of the local account.
    const before = await me(token(oid, { preferred_username: user.email }));
    expect(before.status).to.equal(403);
    expect(before.body.error.reason).to.equal('account_conflict');
    expect(before.body.error.message).to.include('lier à votre identité');

    const linked = await link(user.id, {
      tenantId: ` ${tenantId.toUpperCase()} `,
      objectId: oid.toUpperCase(),
    });
    expect(linked.status, JSON.stringify(linked.body)).to.equal(200);
    expect(linked.body).to.deep.include({
      id: user.id,
      identitySource: 'local',
      entraIdentity: { tenantId, objectId: oid },
      rolePinned: true,
    });

    // Its groups say administrator and its address differs: the account
    // keeps the role and the address an administrator gave it.
    const signedIn = await me(
      token(oid, {
        groups: [adminGroup],
        preferred_username: 'cd@contoso.example',
      }),
    );
    expect(signedIn.status, JSON.stringify(signedIn.body)).to.equal(200);
    expect(signedIn.body.user).to.include({
      id: user.id,
      email: user.email,
      role: 'editor',
    });
    const templates = await request
      .get('/api/email-templates')
      .set(as(token(oid)));
    const mine = templates.body.items.find(
      (item: { id: number }) => item.id === template.body.id,
    );
    expect(mine).to.include({ canEdit: true, shared: false });
    expect(
      await db().models.User.count({ where: { entraObjectId: oid } }),
    ).to.equal(1);
    // The password still opens the portal.
    const byPassword = await request
      .post('/api/auth/signin')
      .send({ email: user.email, password: testPassword });
    expect(byPassword.body.user?.id).to.equal(user.id);
    const audit = await auditOf('entra.link', user.id);
    expect(JSON.parse(audit?.afterData ?? '{}')).to.deep.equal({
      entraIdentity: { tenantId, objectId: oid },
      rolePinned: true,
    });
    expect(JSON.parse(audit?.beforeData ?? '{}')).to.deep.equal({
      entraIdentity: null,
      rolePinned: false,
    });
  });

  it('hands a linked account’s role to the groups only when asked', async () => {
    const { user } = await localAccount();
    const setRole = (role: string | null) =>
      request.put(`/api/users/${user.id}/role`).set(as(admin)).send({ role });
    const unlinked = await setRole(null);
    expect(unlinked.status).to.equal(400);
    expect(unlinked.body.error.fields[0].path).to.equal('role');

    const oid = randomUUID();
    await link(user.id, { tenantId, objectId: oid });
    expect((await setRole(null)).body.rolePinned).to.equal(false);
    const asAdmin = await me(token(oid, { groups: [adminGroup] }));
    expect(asAdmin.body.user).to.include({ id: user.id, role: 'admin' });
  });

  it('lists each account with how it signs in', async () => {
    const { user } = await localAccount();
    const oid = randomUUID();
    await link(user.id, { tenantId, objectId: oid });
    const listed = await request.get('/api/users').set(as(admin));

    const row = listed.body.items.find((u: { id: number }) => u.id === user.id);
    expect(row).to.deep.include({
      identitySource: 'local',
      entraIdentity: { tenantId, objectId: oid },
      rolePinned: true,
    });
    const created = listed.body.items.find(
      (u: { id: number }) => u.id === adminId,
    );
    expect(created.identitySource).to.equal('entra');
    expect(created.entraIdentity.tenantId).to.equal(tenantId);
  });

  it('refuses an identity linked to another account, saying which', async () => {
    const oid = randomUUID();
    const holder = await me(token(oid));
    expect(holder.status).to.equal(200);
    const { user } = await localAccount();

    const refused = await link(user.id, { tenantId, objectId: oid });
    expect(refused.status).to.equal(409);
    expect(refused.body.error.code).to.equal('CONFLICT');
    expect(refused.body.error.message).to.include('Camille Dupont');
    expect(refused.body.error.message).to.include('déjà liée');
    expect(refused.body.error.messageEn).to.include('already linked');
    expect(refused.body.error.fields[0].path).to.equal('objectId');
    const unchanged = await db().models.User.findByPk(user.id);
    expect(unchanged?.entraObjectId).to.equal(null);
    expect(await auditOf('entra.link', user.id)).to.equal(null);
  });

  it('refuses identifiers that are not GUIDs, naming each field', async () => {
    const { user } = await localAccount();
    const refused = await link(user.id, {
      tenantId: 'contoso.onmicrosoft.com',
      objectId: '1234',
    });

    expect(refused.status).to.equal(400);
    const fields = refused.body.error.fields as {
      path: string;
      message: string;
    }[];
    expect(fields.map((f) => f.path).sort()).to.deep.equal([
      'objectId',
      'tenantId',
    ]);
    expect(fields[0]?.message).to.match(/8-4-4-4-12 chiffres.*\/.*hexadecimal/);
  });

  it('unlinks: the identity’s tokens no longer open the account', async () => {
    const { user } = await localAccount();
    const oid = randomUUID();
    await link(user.id, { tenantId, objectId: oid });
    const bearer = token(oid, { preferred_username: user.email });
    expect((await me(bearer)).body.user.id).to.equal(user.id);

    const unlinked = await unlink(user.id);
    expect(unlinked.status, JSON.stringify(unlinked.body)).to.equal(200);
    expect(unlinked.body).to.deep.include({
      entraIdentity: null,
      rolePinned: false,
    });
    const after = await me(bearer);
    expect(after.status).to.equal(403);
    expect(after.body.error.reason).to.equal('account_conflict');
    expect(await auditOf('entra.unlink', user.id)).to.not.equal(null);
    // Unlinking what is not linked changes nothing.
    expect((await unlink(user.id)).status).to.equal(200);
  });

  it('keeps the identity of an account Entra ID created', async () => {
    const oid = randomUUID();
    const created = await me(token(oid));

    const refused = await unlink(created.body.user.id);
    expect(refused.status).to.equal(409);
    expect(refused.body.error.message).to.include('pas de mot de passe');
    expect(refused.body.error.messageEn).to.include('no password');
    expect((await me(token(oid))).body.user.id).to.equal(created.body.user.id);
  });

  it('is for administrators only, and names an unknown account', async () => {
    const { user } = await localAccount();
    const identity = { tenantId, objectId: randomUUID() };
    const byEditor = await link(user.id, identity, token(randomUUID()));
    expect(byEditor.status).to.equal(403);

    const unknown = await link(2_000_000_000, identity);
    expect(unknown.status).to.equal(404);
  });
});
