import {
  ConfidentialClientApplication,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from '@azure/msal-node';
import { httpsJson, type HttpsOptions } from './https-json.ts';
import type { SigningKeys } from './signing-keys.ts';

/** A Microsoft Graph token obtained for the user behind an API call. */
export type GraphToken = { accessToken: string; expiresAt: Date };

/**
 * Where Relais gets Graph tokens on behalf of a signed-in user. Features
 * depend on this interface; tests may hand them another source.
 */
export interface GraphTokenSource {
  /**
   * @param userToken the access token the user called Relais with
   * @param scopes Graph scopes, `https://graph.microsoft.com/.default` if none
   */
  onBehalfOf(userToken: string, scopes?: string[]): Promise<GraphToken>;
}

/**
 * Where Relais gets a Graph token of its own (client credentials), for
 * calls made with no user behind them: a background job notifying someone.
 */
export interface GraphAppTokenSource {
  /**
   * @param tenantId the directory the call acts in (the recipient's)
   * @returns a token for `https://graph.microsoft.com/.default`, carrying
   *   the application permissions an administrator granted
   */
  forApp(tenantId: string): Promise<GraphToken>;
}

export type MsalGraphOptions = HttpsOptions & {
  authority: string;
  /** Tenants whose users may be acted for (those allowed to sign in). */
  tenantIds: string[];
  clientId: string;
  clientSecret: string;
  keys: SigningKeys;
};

function tenantOf(token: string): string {
  try {
    const payload = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'),
    ) as { tid?: unknown };
    if (typeof payload.tid === 'string') return payload.tid.toLowerCase();
  } catch {
    // Falls through to the refusal below.
  }
  throw new Error('on-behalf-of refused: no tenant in the token');
}

/** The token of an msal-node answer, or a failure when there is none. */
function tokenOf(
  result: { accessToken?: string; expiresOn?: Date | null } | null,
): GraphToken {
  if (!result?.accessToken) throw new Error('Entra ID returned no token');

  return {
    accessToken: result.accessToken,
    expiresAt: result.expiresOn ?? new Date(Date.now() + 300_000),
  };
}

/** msal-node's requests over our HTTPS helper, to trust an extra CA. */
class PinnedNetwork implements INetworkModule {
  constructor(private readonly options: HttpsOptions) {}

  sendGetRequestAsync<T>(
    url: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> {
    return this.send<T>(url, 'GET', options);
  }

  sendPostRequestAsync<T>(
    url: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> {
    return this.send<T>(url, 'POST', options);
  }

  private async send<T>(
    url: string,
    method: 'GET' | 'POST',
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> {
    const answer = await httpsJson(url, {
      ...this.options,
      method,
      headers: options?.headers,
      body: options?.body,
    });

    return { ...answer, body: answer.body as T };
  }
}

/**
 * The on-behalf-of exchange through msal-node. The tenant's metadata is
 * fetched by Relais (HTTPS only, cached) and handed to msal-node together
 * with the cloud discovery answer, so msal-node calls nothing but the
 * tenant's token endpoint: no instance discovery on another host.
 */
export class MsalGraphTokenSource
  implements GraphTokenSource, GraphAppTokenSource
{
  private readonly clients = new Map<
    string,
    Promise<ConfidentialClientApplication>
  >();

  constructor(private readonly options: MsalGraphOptions) {}

  /** The exchange happens in the user's tenant (`tid` of their token). */
  async onBehalfOf(userToken: string, scopes?: string[]): Promise<GraphToken> {
    const client = await this.clientOf(tenantOf(userToken));
    const result = await client.acquireTokenOnBehalfOf({
      oboAssertion: userToken,
      scopes: scopes ?? ['https://graph.microsoft.com/.default'],
    });

    return tokenOf(result);
  }

  /** Client credentials in the tenant given; msal-node caches the token. */
  async forApp(tenantId: string): Promise<GraphToken> {
    const client = await this.clientOf(tenantId.toLowerCase());
    const result = await client.acquireTokenByClientCredential({
      scopes: ['https://graph.microsoft.com/.default'],
    });

    return tokenOf(result);
  }

  private clientOf(tenantId: string): Promise<ConfidentialClientApplication> {
    if (!this.options.tenantIds.includes(tenantId))
      throw new Error('on-behalf-of refused: tenant not allowed');
    let client = this.clients.get(tenantId);
    if (!client) {
      client = this.build(tenantId).catch((error: unknown) => {
        this.clients.delete(tenantId);
        throw error;
      });
      this.clients.set(tenantId, client);
    }

    return client;
  }

  private async build(
    tenantId: string,
  ): Promise<ConfidentialClientApplication> {
    const { authority, clientId, clientSecret, keys } = this.options;
    const metadata = await keys.metadataOf(tenantId);
    const host = new URL(authority).host;
    const tenantAuthority = `${authority.replace(/\/+$/, '')}/${tenantId}`;

    return new ConfidentialClientApplication({
      auth: {
        clientId,
        clientSecret,
        authority: tenantAuthority,
        knownAuthorities: [host],
        authorityMetadata: JSON.stringify(metadata.raw),
        cloudDiscoveryMetadata: JSON.stringify({
          tenant_discovery_endpoint: `${tenantAuthority}/v2.0/.well-known/openid-configuration`,
          'api-version': '1.1',
          metadata: [
            { preferred_network: host, preferred_cache: host, aliases: [host] },
          ],
        }),
      },
      system: {
        ...(this.options.ca
          ? { networkClient: new PinnedNetwork(this.options) }
          : {}),
      },
    });
  }
}
