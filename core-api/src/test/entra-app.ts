import { createApp } from '../app.ts';
import { SecretBox } from '../platform/auth/secret-box.ts';
import { EntraAccessTokens } from '../platform/auth/entra/entra-provider.ts';
import type { RoleGroups } from '../platform/auth/entra/entra-users.ts';
import { SigningKeys } from '../platform/auth/entra/signing-keys.ts';
import type { Db } from '../platform/db/models.ts';
import type { Logger } from '../platform/log/logger.ts';
import { testSecret } from './harness.ts';
import { memoryLogger } from './memory-logger.ts';
import type { OidcIssuer } from './oidc-issuer.ts';

export type EntraAppOptions = {
  /** The API's client id, and its `api://` URI: the audiences accepted. */
  audiences: string[];
  groups: RoleGroups;
  /** Where the tenant's keys are fetched; the issuer's by default. */
  keys?: SigningKeys;
  log?: Logger;
};

/**
 * An app over a test database that takes local sessions and the access
 * tokens of a local OpenID Connect issuer playing Entra ID (its tenants,
 * the `access_as_user` scope).
 */
export function entraApp(db: Db, issuer: OidcIssuer, options: EntraAppOptions) {
  return createApp({
    db,
    log: options.log ?? memoryLogger().log,
    box: new SecretBox(testSecret),
    region: 'FR',
    sessionTtlHours: 1,
    identityProviders: [
      new EntraAccessTokens({
        db,
        keys:
          options.keys ??
          new SigningKeys({ authority: issuer.url, ca: issuer.ca.caPem }),
        region: 'FR',
        rules: {
          tenantIds: issuer.tenantIds,
          audiences: options.audiences,
          requiredScope: 'access_as_user',
        },
        groups: options.groups,
      }),
    ],
  });
}

/**
 * The claims of a valid access token for one person of the directory, in
 * the given group; each test overrides some.
 */
export function personClaims(
  audience: string,
  oid: string,
  group: string,
  extra: Record<string, unknown> = {},
) {
  return {
    aud: audience,
    oid,
    scp: 'access_as_user',
    name: 'Camille Dupont',
    preferred_username: `camille.${oid.slice(0, 8)}@contoso.example`,
    groups: [group],
    ...extra,
  };
}
