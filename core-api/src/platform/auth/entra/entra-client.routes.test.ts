import { expect } from 'chai';
import supertest from 'supertest';
import { createApp } from '../../../app.ts';
import { describeEachDatabase } from '../../../test/databases.ts';
import { testSecret } from '../../../test/harness.ts';
import { memoryLogger } from '../../../test/memory-logger.ts';
import { SecretBox } from '../secret-box.ts';
import type { EntraClientConfig } from './entra-client.routes.ts';

describeEachDatabase('GET /api/auth/entra', (db) => {
  const answer = async (entraClient?: EntraClientConfig) => {
    const app = createApp({
      db: db(),
      log: memoryLogger().log,
      box: new SecretBox(testSecret),
      region: 'FR',
      sessionTtlHours: 1,
      entraClient,
    });
    const response = await supertest(app).get('/api/auth/entra');
    expect(response.status).to.equal(200);

    return response.body;
  };
  const base = {
    ENTRA_REQUIRED_SCOPE: 'access_as_user',
    ENTRA_AUTHORITY: 'https://login.microsoftonline.com/',
  };

  it('says Entra ID is off, and nothing else, without a client and tenant', async () => {
    expect(await answer()).to.deep.equal({
      enabled: false,
      clientId: null,
      authority: null,
      scope: null,
      tenantId: null,
    });
    expect(await answer({ ...base, ENTRA_CLIENT_ID: 'client-1' })).to.include({
      enabled: false,
      clientId: null,
    });
  });

  it('gives anyone the public values the consent page needs, no secret', async () => {
    const body = await answer({
      ...base,
      ENTRA_CLIENT_ID: 'client-1',
      ENTRA_TENANT_IDS: 'tenant-1',
      ENTRA_APP_ID_URI: 'api://relais.example.org/client-1',
      ENTRA_CLIENT_SECRET: 'never shown',
    } as EntraClientConfig);

    expect(body).to.deep.equal({
      enabled: true,
      clientId: 'client-1',
      authority: 'https://login.microsoftonline.com',
      scope: 'api://relais.example.org/client-1/access_as_user',
      tenantId: 'tenant-1',
    });
  });

  it('names no directory when Relais trusts several', async () => {
    const body = await answer({
      ...base,
      ENTRA_CLIENT_ID: 'client-1',
      ENTRA_TENANT_IDS: 'tenant-1, tenant-2',
    } as EntraClientConfig);

    expect(body).to.include({ enabled: true, tenantId: null });
  });
});
