import { expect } from 'chai';
import supertest from 'supertest';
import { allRoutes, createApp } from './app.ts';
import { SecretBox } from './platform/auth/secret-box.ts';
import { describeEachDatabase } from './test/databases.ts';
import { signedInApp, testPassword, testSecret } from './test/harness.ts';
import { memoryLogger } from './test/memory-logger.ts';
import { hashPassword } from './platform/auth/passwords.ts';

type Harness = Awaited<ReturnType<typeof signedInApp>>;

describeEachDatabase('access to every route', (db) => {
  let h: Harness;
  const routes = allRoutes({
    db: null as never,
    log: null as never,
    box: new SecretBox(testSecret),
    region: 'FR',
    sessionTtlHours: 1,
  });
  const call = (method: string, path: string, token?: string) => {
    const url = path.replace(/:(\w+)/g, '1');
    const request = h.request[method as 'get'](url);
    return token ? request.set('Authorization', `Bearer ${token}`) : request;
  };

  before(async () => {
    h = await signedInApp(db());
  });

  for (const route of routes.filter((r) => r.access !== 'public')) {
    const name = `${route.method.toUpperCase()} ${route.path}`;

    it(`${name} refuses a request without a session`, async () => {
      const response = await call(route.method, route.path);
      expect(response.status).to.equal(401);
      expect(response.body.error.code).to.equal('UNAUTHENTICATED');
    });

    it(`${name} refuses an unknown token`, async () => {
      const response = await call(route.method, route.path, 'x'.repeat(43));
      expect(response.status).to.equal(401);
    });

    if (route.access === 'admin') {
      it(`${name} refuses an editor`, async () => {
        const response = await call(route.method, route.path, h.tokens.editor);
        expect(response.status).to.equal(403);
        expect(response.body.error.code).to.equal('FORBIDDEN');
      });
    }

    if (route.access === 'editor' || route.access === 'admin') {
      it(`${name} lets the allowed roles through`, async () => {
        const tokens =
          route.access === 'admin'
            ? [h.tokens.admin]
            : [h.tokens.editor, h.tokens.admin];
        for (const token of tokens) {
          const response = await call(route.method, route.path, token);
          expect(response.status, JSON.stringify(response.body)).to.be.oneOf([
            200, 201, 204, 400, 404, 409, 422,
          ]);
        }
      });
    }
  }

  it('lists no route without an explicit access rule', () => {
    for (const route of routes)
      expect(route.access).to.be.oneOf([
        'public',
        'session',
        'editor',
        'admin',
      ]);
  });
});

describeEachDatabase('platform endpoints', (db) => {
  it('reports liveness and readiness', async () => {
    const { log } = memoryLogger();
    const request = supertest(
      createApp({
        db: db(),
        log,
        box: new SecretBox(testSecret),
        region: 'FR',
        sessionTtlHours: 1,
      }),
    );

    expect((await request.get('/health/live')).body).to.deep.equal({
      status: 'ok',
    });
    expect((await request.get('/health/ready')).body).to.deep.equal({
      status: 'ok',
      database: 'ok',
    });
  });

  it('asks browsers for https only when Relais is served over https', async () => {
    const headersOf = async (https: boolean) =>
      (
        await supertest(
          createApp({
            db: db(),
            log: memoryLogger().log,
            box: new SecretBox(testSecret),
            region: 'FR',
            sessionTtlHours: 1,
            https,
          }),
        ).get('/health/live')
      ).headers;

    const plain = await headersOf(false);
    expect(plain['strict-transport-security']).to.equal(undefined);
    expect(plain['content-security-policy']).not.to.include(
      'upgrade-insecure-requests',
    );
    const secure = await headersOf(true);
    expect(secure['strict-transport-security']).to.match(/max-age=/);
    expect(secure['content-security-policy']).to.include(
      'upgrade-insecure-requests',
    );
  });

  it('publishes an OpenAPI document covering every route', async () => {
    const { log } = memoryLogger();
    const deps = {
      db: db(),
      log,
      box: new SecretBox(testSecret),
      region: 'FR',
      sessionTtlHours: 1,
    };
    const response = await supertest(createApp(deps)).get('/api/openapi.json');

    expect(response.status).to.equal(200);
    expect(response.body.openapi).to.equal('3.0.3');
    for (const route of allRoutes(deps)) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      expect(response.body.paths[path], path).to.have.property(route.method);
    }
    const create = response.body.paths['/api/contacts'].post;
    expect(
      create.requestBody.content['application/json'].schema.properties,
    ).to.have.property('lastName');
  });

  it('gives each request an id, answers unknown routes in JSON, logs no secret', async () => {
    const { log, lines } = memoryLogger();
    const request = supertest(
      createApp({
        db: db(),
        log,
        box: new SecretBox(testSecret),
        region: 'FR',
        sessionTtlHours: 1,
      }),
    );
    const response = await request
      .get('/api/nothing-here')
      .set('Authorization', 'Bearer secret-token-value-0123456789');

    expect(response.status).to.equal(401);
    expect(response.headers['x-request-id']).to.be.a('string');
    const missing = await request.get('/api/nothing-here');
    expect(missing.status).to.equal(404);
    expect(missing.body.error.code).to.equal('NOT_FOUND');
    expect(lines.join('')).not.to.include('secret-token-value');
  });

  it('refuses unreadable JSON with a 400', async () => {
    const h = await signedInApp(db());
    const response = await h.request
      .post('/api/contacts')
      .set('Authorization', `Bearer ${h.tokens.editor}`)
      .set('Content-Type', 'application/json')
      .send('{"lastName": ');
    expect(response.status).to.equal(400);
    expect(response.body.error.fields[0].path).to.equal('(body)');
  });
});

describeEachDatabase('sign-in', (db) => {
  let h: Harness;

  before(async () => {
    h = await signedInApp(db());
  });

  it('refuses a wrong password without saying whether the account exists', async () => {
    const wrong = await h.request
      .post('/api/auth/signin')
      .send({ email: h.editor.email, password: 'nope' });
    const unknown = await h.request
      .post('/api/auth/signin')
      .send({ email: 'ghost@example.org', password: 'nope' });

    expect(wrong.status).to.equal(401);
    expect(unknown.status).to.equal(401);
    expect(wrong.body.error.code).to.equal('INVALID_CREDENTIALS');
    expect(unknown.body.error.message).to.equal(wrong.body.error.message);
  });

  it('asks an administrator for the second factor, and refuses a wrong code', async () => {
    const missing = await h.request
      .post('/api/auth/signin')
      .send({ email: h.admin.email, password: testPassword });
    expect(missing.status).to.equal(401);
    expect(missing.body.error.code).to.equal('MFA_REQUIRED');

    const wrong = await h.request
      .post('/api/auth/signin')
      .send({ email: h.admin.email, password: testPassword, totp: '000000' });
    expect(wrong.body.error.code).to.equal('MFA_INVALID');
  });

  it('enrols an administrator: one-time password, second factor, full rights', async () => {
    const box = h.box;
    const created = await h.request
      .post('/api/users')
      .set('Authorization', `Bearer ${h.tokens.admin}`)
      .send({
        email: 'new.admin@example.org',
        displayName: 'Nouvelle Admin',
        role: 'admin',
      });
    expect(created.status).to.equal(201);
    const oneTime = created.body.oneTimePassword as string;
    expect(oneTime).to.have.length(20);

    const first = await h.request
      .post('/api/auth/signin')
      .send({ email: 'new.admin@example.org', password: oneTime });
    expect(first.body.stage).to.equal('password_change');
    const token = first.body.token as string;
    const bearer = { Authorization: `Bearer ${token}` };
    expect(
      (await h.request.get('/api/contacts').set(bearer)).body.error.code,
    ).to.equal('STAGE_INCOMPLETE');

    const changed = await h.request
      .post('/api/auth/password')
      .set(bearer)
      .send({ currentPassword: oneTime, newPassword: 'a new long passphrase' });
    expect(changed.body.stage).to.equal('mfa_enrolment');

    const again = await h.request.post('/api/auth/signin').send({
      email: 'new.admin@example.org',
      password: 'a new long passphrase',
    });
    expect(again.body.stage).to.equal('mfa_enrolment');
    expect(again.body.enrolment.otpauthUrl).to.match(/^otpauth:\/\/totp\//);
    const secondBearer = { Authorization: `Bearer ${again.body.token}` };

    const bad = await h.request
      .post('/api/auth/mfa/confirm')
      .set(secondBearer)
      .send({ code: '123456' });
    expect(bad.status).to.equal(401);
    const { totpAt } = await import('./platform/auth/totp.ts');
    const code = totpAt(
      again.body.enrolment.secret,
      Math.floor(Date.now() / 30_000),
    );
    const confirmed = await h.request
      .post('/api/auth/mfa/confirm')
      .set(secondBearer)
      .send({ code });
    expect(confirmed.body.stage).to.equal('ready');
    expect(
      (await h.request.get('/api/users').set(secondBearer)).status,
    ).to.equal(200);

    const signInWith = (totp: string) =>
      h.request.post('/api/auth/signin').send({
        email: 'new.admin@example.org',
        password: 'a new long passphrase',
        totp,
      });
    const replayed = await signInWith(code);
    expect(replayed.status, 'a code opens one session at most').to.equal(401);
    expect(replayed.body.error.code).to.equal('MFA_INVALID');
    const step = Math.floor(Date.now() / 30_000) + 1;
    expect(
      (await signInWith(totpAt(again.body.enrolment.secret, step))).body.stage,
    ).to.equal('ready');

    const stored = await db().models.User.findOne({
      where: { email: 'new.admin@example.org' },
    });
    expect(stored?.totpSecret).not.to.include(again.body.enrolment.secret);
    expect(box.open(stored?.totpSecret as string)).to.equal(
      again.body.enrolment.secret,
    );
  });

  it('ends a session on sign-out', async () => {
    const signIn = await h.request
      .post('/api/auth/signin')
      .send({ email: h.other.email, password: testPassword });
    const bearer = { Authorization: `Bearer ${signIn.body.token}` };
    expect(
      (await h.request.get('/api/auth/session').set(bearer)).status,
    ).to.equal(200);
    expect(
      (await h.request.post('/api/auth/signout').set(bearer)).status,
    ).to.equal(204);
    expect(
      (await h.request.get('/api/auth/session').set(bearer)).status,
    ).to.equal(401);
  });

  it('slows down repeated guessing', async () => {
    const email = 'target@example.org';
    await db().models.User.create({
      email,
      displayName: 'Cible',
      role: 'editor',
      passwordHash: await hashPassword(testPassword),
      totpSecret: null,
      lastSignInAt: null,
    });
    let last: supertest.Response | undefined;
    for (let attempt = 0; attempt < 11; attempt += 1) {
      last = await h.request
        .post('/api/auth/signin')
        .send({ email, password: 'guess' });
    }
    expect(last?.status).to.equal(429);
    expect(Number(last?.headers['retry-after'])).to.be.within(890, 900);
    expect(last?.body.error.message).to.equal(
      'Trop de tentatives de connexion. Réessayez dans 15 minutes.',
    );
  });

  it('never locks an address out for the other clients', async () => {
    const email = 'locked-out@example.org';
    await db().models.User.create({
      email,
      displayName: 'Cible',
      role: 'editor',
      passwordHash: await hashPassword(testPassword),
      totpSecret: null,
      lastSignInAt: null,
    });
    const { log, lines } = memoryLogger();
    const app = (trustProxy: boolean) =>
      supertest(
        createApp({
          db: db(),
          log,
          box: new SecretBox(testSecret),
          region: 'FR',
          sessionTtlHours: 1,
          trustProxy,
        }),
      );
    const behindProxy = app(true);
    const from = (client: string, password: string) =>
      behindProxy
        .post('/api/auth/signin')
        .set('X-Forwarded-For', client)
        .send({ email, password });
    for (let attempt = 0; attempt < 10; attempt += 1)
      await from('198.51.100.7', 'guess');
    expect((await from('198.51.100.7', testPassword)).status).to.equal(429);
    expect((await from('203.0.113.9', testPassword)).status).to.equal(200);

    // Not trusted, the proxy's header is ignored and its presence logged once.
    const untrusted = app(false);
    for (let attempt = 0; attempt < 2; attempt += 1)
      await untrusted
        .post('/api/auth/signin')
        .set('X-Forwarded-For', '203.0.113.9')
        .send({ email, password: 'guess' });
    expect(
      lines.filter((line) => line.includes('auth.signin.proxy_untrusted')),
    ).to.have.length(1);
  });
});
