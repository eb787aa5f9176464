import { expect } from 'chai';
import { setUserRole } from '../../platform/auth/entra/user-roles.routes.ts';
import { AppError } from '../../platform/http/errors.ts';
import { describeEachDatabase } from '../../test/databases.ts';
import {
  ctxFor,
  requestsOf,
  signedInApp,
  testPassword,
} from '../../test/harness.ts';
import { setUserActive } from './user-status.service.ts';

type Harness = Awaited<ReturnType<typeof signedInApp>>;

describeEachDatabase('account status API', (db) => {
  let h: Harness;
  let api: ReturnType<typeof requestsOf>;
  const signIn = (email: string) =>
    h.request.post('/api/auth/signin').send({ email, password: testPassword });

  before(async () => {
    h = await signedInApp(db());
    api = requestsOf(h);
  });

  it('deactivates an account, ending its sessions, and reactivates it', async () => {
    const off = await api.put('admin', `/api/users/${h.other.id}/active`, {
      active: false,
    });
    expect(off.status, JSON.stringify(off.body)).to.equal(200);
    expect(off.body).to.deep.include({ id: h.other.id, active: false });
    expect((await api.get('other', '/api/taxonomy')).status).to.equal(401);
    expect((await signIn(h.other.email)).status).to.equal(401);

    const on = await api.put('admin', `/api/users/${h.other.id}/active`, {
      active: true,
    });
    expect(on.body.active).to.equal(true);
    const again = await signIn(h.other.email);
    expect(again.status).to.equal(200);
    h.tokens.other = again.body.token;

    const audit = await api.get(
      'admin',
      `/api/audit?entityType=user&entityId=${h.other.id}`,
    );
    expect(
      audit.body.items.slice(0, 2).map((e: { action: string }) => e.action),
    ).to.deep.equal(['reactivate', 'deactivate']);
    expect(audit.body.items[1].after).to.deep.equal({ active: false });
  });

  it('refuses an administrator deactivating their own account', async () => {
    const self = await api.put('admin', `/api/users/${h.admin.id}/active`, {
      active: false,
    });
    expect(self.status).to.equal(409);
    expect(self.body.error.reason).to.equal('self');
    expect(self.body.error.message).to.equal(
      'Vous ne pouvez pas désactiver votre propre compte.',
    );
  });

  it('never leaves Relais without an active administrator', async () => {
    // The command line acts as the system, which may act on anyone.
    const system = ctxFor(db());
    for (const attempt of [
      () => setUserActive(system, h.admin.id, false),
      () => setUserRole(system, h.admin.id, 'editor'),
    ]) {
      const refusal = await attempt().then(
        () => null,
        (error: unknown) => error,
      );
      expect(refusal).to.be.instanceOf(AppError);
      expect((refusal as AppError).reason).to.equal('last_admin');
    }

    // With a second administrator, either may go.
    const second = await api.post('admin', '/api/users', {
      email: 'second.admin@example.org',
      displayName: 'Second Admin',
      role: 'admin',
    });
    expect(second.status).to.equal(201);
    const demoted = await api.put(
      'admin',
      `/api/users/${second.body.user.id}/role`,
      { role: 'editor' },
    );
    expect(demoted.status).to.equal(200);
    const reread = await api.get('admin', '/api/users');
    const account = reread.body.items.find(
      (u: { id: number }) => u.id === second.body.user.id,
    );
    expect(account.role).to.equal('editor');
  });

  it('names the field of a bad body and keeps the route for administrators', async () => {
    const bad = await api.put('admin', `/api/users/${h.other.id}/active`, {
      active: 'non',
    });
    expect(bad.status).to.equal(400);
    expect(bad.body.error.fields[0].path).to.equal('active');
    const unknown = await api.put('admin', '/api/users/987654/active', {
      active: false,
    });
    expect(unknown.status).to.equal(404);
    const editor = await api.put('editor', `/api/users/${h.other.id}/active`, {
      active: false,
    });
    expect(editor.status).to.equal(403);
  });
});
