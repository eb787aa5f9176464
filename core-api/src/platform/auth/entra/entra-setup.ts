import { readFileSync } from 'node:fs';
import type { Config } from '../../config/config.ts';
import type { Db } from '../../db/models.ts';
import { EntraAccessTokens } from './entra-provider.ts';
import {
  MsalGraphTokenSource,
  type GraphTokenSource,
} from './graph-token-source.ts';
import { SigningKeys } from './signing-keys.ts';

const idsOf = (list: string | undefined) =>
  (list ?? '')
    .split(',')
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean);

/**
 * NODE_EXTRA_CA_CERTS is already trusted by Node; reading it here also
 * covers the requests made outside Node's default store.
 */
export function caOf(
  file = process.env.NODE_EXTRA_CA_CERTS,
): string | undefined {
  return file ? readFileSync(file, 'utf8') : undefined;
}

export type EntraSetup = {
  provider: EntraAccessTokens;
  /** Present when a client secret allows the on-behalf-of exchange. */
  graph: GraphTokenSource | null;
};

/**
 * Entra ID sign-in as the configuration describes it, or null when it is
 * off (no client id or no tenant): local accounts then stand alone.
 */
export function entraFromConfig(
  config: Config,
  db: Db,
  extraCa = process.env.NODE_EXTRA_CA_CERTS,
): EntraSetup | null {
  const tenantIds = idsOf(config.ENTRA_TENANT_IDS);
  if (!config.ENTRA_CLIENT_ID || tenantIds.length === 0) return null;
  const ca = caOf(extraCa);
  const keys = new SigningKeys({ authority: config.ENTRA_AUTHORITY, ca });
  const provider = new EntraAccessTokens({
    db,
    keys,
    region: config.DEFAULT_REGION,
    rules: {
      tenantIds,
      audiences: [
        config.ENTRA_CLIENT_ID,
        ...(config.ENTRA_APP_ID_URI ? [config.ENTRA_APP_ID_URI] : []),
      ],
      requiredScope: config.ENTRA_REQUIRED_SCOPE,
    },
    groups: {
      admin: idsOf(config.ENTRA_ADMIN_GROUP_IDS),
      editor: idsOf(config.ENTRA_EDITOR_GROUP_IDS),
    },
  });

  return { provider, graph: graphFromConfig(config, keys, ca) };
}

/**
 * Graph tokens for Relais (on behalf of a user, or its own), when the
 * configuration has a client secret; null otherwise.
 */
export function graphFromConfig(
  config: Config,
  keys?: SigningKeys,
  ca = caOf(),
): MsalGraphTokenSource | null {
  const tenantIds = idsOf(config.ENTRA_TENANT_IDS);
  if (!config.ENTRA_CLIENT_ID || !config.ENTRA_CLIENT_SECRET) return null;
  if (tenantIds.length === 0) return null;

  return new MsalGraphTokenSource({
    authority: config.ENTRA_AUTHORITY,
    tenantIds,
    clientId: config.ENTRA_CLIENT_ID,
    clientSecret: config.ENTRA_CLIENT_SECRET,
    keys: keys ?? new SigningKeys({ authority: config.ENTRA_AUTHORITY, ca }),
    ca,
  });
}
