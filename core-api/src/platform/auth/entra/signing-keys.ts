import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import {
  httpsJson,
  IdentityServiceError,
  type HttpsOptions,
} from './https-json.ts';

/** What Relais reads from a tenant's OpenID Connect metadata. */
export type TenantMetadata = {
  issuer: string;
  jwksUri: string;
  tokenEndpoint: string;
  /** The document as published, handed to msal-node so it needs no lookup. */
  raw: Record<string, unknown>;
};

export type SigningKeysOptions = HttpsOptions & {
  /** `https://login.microsoftonline.com`, or a test issuer on 127.0.0.1. */
  authority: string;
  /** How long metadata and keys are trusted before they are fetched again. */
  ttlMs?: number;
  /** Least time between two fetches forced by an unknown `kid`. */
  refetchIntervalMs?: number;
  now?: () => number;
};

type Cached<T> = { value: T; fetchedAt: number };

type KeySet = { keys: Map<string, KeyObject>; fetchedAt: number };

/**
 * The metadata and signing keys of each tenant, cached with a lifetime. A
 * token naming a key not in the cache makes one early fetch (the tenant
 * rotated its keys), at most once per interval, so forged `kid`s cannot
 * turn Relais into a flood of requests to Microsoft.
 */
export class SigningKeys {
  private readonly metadata = new Map<string, Cached<TenantMetadata>>();
  private readonly keySets = new Map<string, KeySet>();
  private readonly lastForced = new Map<string, number>();
  private readonly pending = new Map<string, Promise<unknown>>();
  private readonly ttlMs: number;
  private readonly refetchIntervalMs: number;
  private readonly now: () => number;

  constructor(private readonly options: SigningKeysOptions) {
    this.ttlMs = options.ttlMs ?? 24 * 3_600_000;
    this.refetchIntervalMs = options.refetchIntervalMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** The tenant's metadata, from the cache while it is fresh. */
  async metadataOf(tenantId: string): Promise<TenantMetadata> {
    const cached = this.metadata.get(tenantId);
    if (cached && this.now() - cached.fetchedAt < this.ttlMs)
      return cached.value;

    const value = await this.once(`metadata:${tenantId}`, () =>
      this.fetchMetadata(tenantId),
    );
    this.metadata.set(tenantId, { value, fetchedAt: this.now() });

    return value;
  }

  /**
   * The public key a tenant signs with under `kid`, or null when the tenant
   * does not publish it even after a fresh fetch.
   */
  async keyOf(tenantId: string, kid: string): Promise<KeyObject | null> {
    const { jwksUri } = await this.metadataOf(tenantId);
    let set = this.keySets.get(jwksUri);
    if (!set || this.now() - set.fetchedAt >= this.ttlMs) {
      set = await this.refreshKeys(jwksUri);
    }
    const known = set.keys.get(kid);
    if (known) return known;

    const last = this.lastForced.get(jwksUri);
    if (last !== undefined && this.now() - last < this.refetchIntervalMs)
      return null;
    this.lastForced.set(jwksUri, this.now());
    set = await this.refreshKeys(jwksUri);

    return set.keys.get(kid) ?? null;
  }

  private async refreshKeys(jwksUri: string): Promise<KeySet> {
    const set = await this.once(`keys:${jwksUri}`, () =>
      this.fetchKeys(jwksUri),
    );
    this.keySets.set(jwksUri, set);

    return set;
  }

  /** Runs one fetch for concurrent callers of the same thing. */
  private once<T>(key: string, fetch: () => Promise<T>): Promise<T> {
    const running = this.pending.get(key);
    if (running) return running as Promise<T>;
    const started = fetch().finally(() => this.pending.delete(key));
    this.pending.set(key, started);

    return started;
  }

  private async fetchMetadata(tenantId: string): Promise<TenantMetadata> {
    const url =
      `${this.options.authority.replace(/\/+$/, '')}/` +
      `${encodeURIComponent(tenantId)}/v2.0/.well-known/openid-configuration`;
    const { status, body } = await httpsJson(url, this.options);
    const raw = (body ?? {}) as Record<string, unknown>;
    if (
      status !== 200 ||
      typeof raw.issuer !== 'string' ||
      typeof raw.jwks_uri !== 'string' ||
      typeof raw.token_endpoint !== 'string'
    ) {
      throw new IdentityServiceError(`metadata refused (${status})`);
    }

    return {
      // Multi-tenant documents write the issuer with a placeholder.
      issuer: raw.issuer.replace('{tenantid}', tenantId),
      jwksUri: raw.jwks_uri,
      tokenEndpoint: raw.token_endpoint,
      raw,
    };
  }

  private async fetchKeys(jwksUri: string): Promise<KeySet> {
    const { status, body } = await httpsJson(jwksUri, this.options);
    const listed = (body as { keys?: unknown } | null)?.keys;
    if (status !== 200 || !Array.isArray(listed))
      throw new IdentityServiceError(`key set refused (${status})`);

    const keys = new Map<string, KeyObject>();
    for (const jwk of listed as (JsonWebKey & {
      kid?: string;
      use?: string;
    })[]) {
      if (jwk.kty !== 'RSA' || !jwk.kid || (jwk.use && jwk.use !== 'sig'))
        continue;
      try {
        keys.set(jwk.kid, createPublicKey({ key: jwk, format: 'jwk' }));
      } catch {
        // A malformed key is skipped; the others stay usable.
      }
    }

    return { keys, fetchedAt: this.now() };
  }
}
