import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { startOidcIssuer, type OidcIssuer } from '../../../test/oidc-issuer.ts';
import { MsalGraphTokenSource } from './graph-token-source.ts';
import { SigningKeys } from './signing-keys.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(
    Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'),
  );
}

describe('on-behalf-of exchange through msal-node', () => {
  let issuer: OidcIssuer;
  const clientId = randomUUID();
  const clientSecret = `secret-${randomUUID()}`;
  const userToken = (extra: Record<string, unknown> = {}) =>
    issuer.mint({
      aud: clientId,
      oid: randomUUID(),
      scp: 'access_as_user',
      ...extra,
    });

  before(async () => {
    issuer = await startOidcIssuer();
    issuer.register({ clientId, clientSecret, audiences: [clientId] });
  });

  after(async () => {
    await issuer.close();
  });

  it('returns a Graph token from the tenant’s token endpoint', async () => {
    const source = new MsalGraphTokenSource({
      authority: issuer.url,
      tenantIds: issuer.tenantIds,
      clientId,
      clientSecret,
      ca: issuer.ca.caPem,
      keys: new SigningKeys({ authority: issuer.url, ca: issuer.ca.caPem }),
    });
    const assertion = userToken();
    const realFetch = globalThis.fetch;
    const fetched: string[] = [];
    globalThis.fetch = async (input, init) => {
      fetched.push(String(input instanceof Request ? input.url : input));
      return realFetch(input, init);
    };
    try {
      const graph = await source.onBehalfOf(assertion, ['User.Read']);
      expect(claimsOf(graph.accessToken)).to.include({
        aud: 'https://graph.microsoft.com',
        oid: claimsOf(assertion).oid,
        azp: clientId,
      });
      expect(graph.expiresAt.getTime()).to.be.greaterThan(Date.now());
    } finally {
      globalThis.fetch = realFetch;
    }

    // msal-node made no request of its own (no instance discovery).
    expect(fetched).to.deep.equal([]);
    const exchange = issuer.requests.filter((r) => r.method === 'POST');
    expect(exchange).to.have.length(1);
    expect(exchange[0]?.path).to.equal(
      `/${issuer.tenantIds[0]}/oauth2/v2.0/token`,
    );
    expect(exchange[0]?.form).to.include({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      requested_token_use: 'on_behalf_of',
      assertion,
      client_id: clientId,
    });
    expect(exchange[0]?.form?.scope).to.include('User.Read');
  });

  it('fails when the issuer refuses the assertion', async () => {
    const source = new MsalGraphTokenSource({
      authority: issuer.url,
      tenantIds: issuer.tenantIds,
      clientId,
      clientSecret,
      ca: issuer.ca.caPem,
      keys: new SigningKeys({ authority: issuer.url, ca: issuer.ca.caPem }),
    });
    let failure: unknown;
    try {
      await source.onBehalfOf(userToken({ aud: randomUUID() }));
    } catch (error) {
      failure = error;
    }

    expect(String(failure)).to.match(/invalid_grant/);
  });

  it('refuses to act for a tenant not allowed', async () => {
    const source = new MsalGraphTokenSource({
      authority: issuer.url,
      tenantIds: [randomUUID()],
      clientId,
      clientSecret,
      ca: issuer.ca.caPem,
      keys: new SigningKeys({ authority: issuer.url, ca: issuer.ca.caPem }),
    });
    const before = issuer.requests.length;
    let failure: unknown;
    try {
      await source.onBehalfOf(userToken());
    } catch (error) {
      failure = error;
    }

    expect(String(failure)).to.match(/tenant not allowed/);
    expect(issuer.requests.length).to.equal(before);
  });

  it('works with msal-node’s own client, the CA in NODE_EXTRA_CA_CERTS', async function () {
    this.timeout(60_000);
    // NODE_EXTRA_CA_CERTS is read when Node starts, hence a child process
    // using msal-node's default network client (fetch) and no `ca` option.
    const script = join(issuer.ca.dir, 'obo.mts');
    writeFileSync(
      script,
      `import { writeFileSync } from 'node:fs';
import { MsalGraphTokenSource } from ${JSON.stringify(join(here, 'graph-token-source.ts'))};
import { SigningKeys } from ${JSON.stringify(join(here, 'signing-keys.ts'))};
const [authority, tenantId, clientId, clientSecret, assertion, out] = process.argv.slice(2);
const fetched: string[] = [];
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  fetched.push(String(input instanceof Request ? input.url : input));
  return realFetch(input, init);
};
const source = new MsalGraphTokenSource({
  authority, tenantIds: [tenantId], clientId, clientSecret,
  keys: new SigningKeys({ authority }),
});
const graph = await source.onBehalfOf(assertion);
// Only the token's audience leaves the child, written to a file of the test.
const claims = JSON.parse(
  Buffer.from(graph.accessToken.split('.')[1], 'base64url').toString('utf8'),
);
writeFileSync(out, JSON.stringify({ audience: claims.aud, fetched }));
`,
    );
    const out = join(issuer.ca.dir, 'obo-answer.json');
    await promisify(execFile)(
      process.execPath,
      [
        '--import=tsx',
        '--conditions=source',
        script,
        issuer.url,
        issuer.tenantIds[0] as string,
        clientId,
        clientSecret,
        userToken(),
        out,
      ],
      {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: issuer.ca.caFile },
        cwd: join(here, '..', '..', '..', '..'),
      },
    );
    const answer = JSON.parse(readFileSync(out, 'utf8'));

    expect(answer.audience).to.equal('https://graph.microsoft.com');
    const fetched = (answer.fetched as string[]).map(
      (url) => url.split('?')[0],
    );
    expect(fetched).to.deep.equal([
      `${issuer.url}/${issuer.tenantIds[0]}/oauth2/v2.0/token`,
    ]);
  });
});
