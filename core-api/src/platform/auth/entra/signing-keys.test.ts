import { expect } from 'chai';
import { startOidcIssuer, type OidcIssuer } from '../../../test/oidc-issuer.ts';
import { IdentityServiceError } from './https-json.ts';
import { SigningKeys } from './signing-keys.ts';

describe('tenant metadata and signing keys', () => {
  let issuer: OidcIssuer;
  let clock = 0;
  const fetches = (suffix: string) =>
    issuer.requests.filter((r) => r.path.endsWith(suffix)).length;
  const fresh = () =>
    new SigningKeys({
      authority: issuer.url,
      ca: issuer.ca.caPem,
      ttlMs: 60_000,
      refetchIntervalMs: 10_000,
      now: () => clock,
    });

  before(async () => {
    issuer = await startOidcIssuer();
  });

  after(async () => {
    await issuer.close();
  });

  it('reads the v2 metadata of the tenant', async () => {
    const metadata = await fresh().metadataOf(issuer.tenantIds[0] as string);

    expect(metadata.issuer).to.equal(issuer.issuerOf());
    expect(metadata.jwksUri).to.match(/\/discovery\/v2\.0\/keys$/);
  });

  it('caches metadata and keys until their lifetime ends', async () => {
    const keys = fresh();
    const tenant = issuer.tenantIds[0] as string;
    const before = fetches('/keys') + fetches('/openid-configuration');
    await keys.keyOf(tenant, issuer.currentKid());
    await keys.keyOf(tenant, issuer.currentKid());
    expect(fetches('/keys') + fetches('/openid-configuration')).to.equal(
      before + 2,
    );

    clock += 61_000;
    expect(await keys.keyOf(tenant, issuer.currentKid())).to.not.equal(null);
    expect(fetches('/keys') + fetches('/openid-configuration')).to.equal(
      before + 4,
    );
  });

  it('shares one fetch among concurrent callers', async () => {
    const keys = fresh();
    const before = fetches('/keys');
    const found = await Promise.all(
      Array.from({ length: 5 }, () =>
        keys.keyOf(issuer.tenantIds[0] as string, issuer.currentKid()),
      ),
    );

    expect(found.every(Boolean)).to.equal(true);
    expect(fetches('/keys')).to.equal(before + 1);
  });

  it('allows a forced refetch again once the interval has passed', async () => {
    const keys = fresh();
    const tenant = issuer.tenantIds[0] as string;
    await keys.keyOf(tenant, issuer.currentKid());
    const before = fetches('/keys');

    expect(await keys.keyOf(tenant, 'made-up-1')).to.equal(null);
    expect(await keys.keyOf(tenant, 'made-up-2')).to.equal(null);
    expect(fetches('/keys')).to.equal(before + 1);
    clock += 11_000;
    const rotated = issuer.rotate();
    expect(await keys.keyOf(tenant, rotated)).to.not.equal(null);
    expect(fetches('/keys')).to.equal(before + 2);
  });

  it('refuses plain http and a certificate it was not told to trust', async () => {
    const clear = new SigningKeys({
      authority: issuer.url.replace('https:', 'http:'),
    });
    const untrusted = new SigningKeys({ authority: issuer.url });
    const before = issuer.requests.length;

    for (const keys of [clear, untrusted]) {
      let failure: unknown;
      try {
        await keys.metadataOf(issuer.tenantIds[0] as string);
      } catch (error) {
        failure = error;
      }
      expect(failure).to.be.instanceOf(IdentityServiceError);
    }
    expect(issuer.requests.length).to.equal(before);
  });
});
