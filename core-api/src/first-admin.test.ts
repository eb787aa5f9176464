import { expect } from 'chai';
import { ensureFirstAdmin } from './cli.ts';
import { loadConfig } from './platform/config/config.ts';
import { SecretBox } from './platform/auth/secret-box.ts';
import type { Runtime } from './platform/runtime.ts';
import { describeEachDatabase } from './test/databases.ts';
import { memoryLogger } from './test/memory-logger.ts';
import { testSecret } from './test/harness.ts';

describeEachDatabase('first start', (db) => {
  const runtimeWith = (adminEmail: string): Runtime => ({
    config: loadConfig({ ADMIN_EMAIL: adminEmail, SECRET_KEY: testSecret }),
    db: db(),
    log: memoryLogger().log,
    box: new SecretBox(testSecret),
  });

  it('creates one administrator with a one-time password when none is active', async () => {
    await db().models.User.create({
      email: 'redaction@example.org',
      displayName: 'Rédaction',
      role: 'editor',
      passwordHash: 'x',
    });
    const password = await ensureFirstAdmin(runtimeWith('chef@example.org'));
    expect(password).to.be.a('string').with.length.of.at.least(16);
    const admin = await db().models.User.findOne({
      where: { email: 'chef@example.org' },
    });
    expect(admin?.role).to.equal('admin');
    expect(admin?.mustChangePassword).to.equal(true);

    expect(await ensureFirstAdmin(runtimeWith('autre@example.org'))).to.equal(
      null,
    );
  });

  it('refuses to reuse an editor’s address as the first administrator', async () => {
    await db().models.User.update(
      { active: false },
      { where: { role: 'admin' } },
    );
    let failure: unknown;
    await ensureFirstAdmin(runtimeWith('redaction@example.org')).catch(
      (error) => (failure = error),
    );
    expect(String(failure)).to.match(/ADMIN_EMAIL/);
  });
});
