import type { Db } from '../db/models.ts';
import type { Logger } from '../log/logger.ts';
import { authenticateToken, type Authenticated } from './sessions.ts';

/** What a provider may use to answer about one request. */
export type IdentityRequest = { log: Logger; requestId?: string };

/**
 * A source of identities for bearer tokens: Relais's own sessions, or
 * Entra ID access tokens. Each recognises its tokens by their shape, so a
 * token is only ever checked by the provider that could have issued it.
 */
export interface IdentityProvider {
  readonly name: 'local' | 'entra';
  recognises(token: string): boolean;
  /**
   * The identity behind a recognised token, or null when the token opens
   * nothing. Refusals worth explaining are thrown as AppError.
   */
  authenticate(
    token: string,
    request: IdentityRequest,
  ): Promise<Authenticated | null>;
}

/** Local Relais accounts: opaque session tokens from `/api/auth/signin`. */
export class LocalAccounts implements IdentityProvider {
  readonly name = 'local';

  constructor(private readonly db: Db) {}

  recognises(token: string): boolean {
    return !token.includes('.');
  }

  authenticate(token: string): Promise<Authenticated | null> {
    return authenticateToken(this.db, token);
  }
}

/**
 * The identity of a bearer token, asked of the first provider that
 * recognises it; null when none does or the token opens nothing.
 */
export async function authenticateBearer(
  providers: IdentityProvider[],
  token: string,
  request: IdentityRequest,
): Promise<Authenticated | null> {
  const provider = providers.find((candidate) => candidate.recognises(token));

  return provider ? provider.authenticate(token, request) : null;
}
