import type { Db } from '../../db/models.ts';
import { AppError } from '../../http/errors.ts';
import type { IdentityProvider, IdentityRequest } from '../identity.ts';
import { tokenId, type Authenticated } from '../sessions.ts';
import {
  checkAccessToken,
  refusalMessages,
  TokenRefused,
  type AccessTokenRules,
} from './access-token.ts';
import { accountOf, type RoleGroups } from './entra-users.ts';
import { IdentityServiceError } from './https-json.ts';
import type { SigningKeys } from './signing-keys.ts';

export type EntraProviderOptions = {
  db: Db;
  keys: SigningKeys;
  rules: AccessTokenRules;
  groups: RoleGroups;
  region: string;
};

const jwtShape = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/**
 * Entra ID access tokens (sent by the Outlook add-in and the Teams tab). A
 * valid token stands for a session as long as it lives: nothing is stored
 * but the account. Second factors are the tenant's business (Conditional
 * Access), so a valid token is a session ready for use.
 */
export class EntraAccessTokens implements IdentityProvider {
  readonly name = 'entra';

  constructor(private readonly options: EntraProviderOptions) {}

  recognises(token: string): boolean {
    return jwtShape.test(token);
  }

  async authenticate(
    token: string,
    request: IdentityRequest,
  ): Promise<Authenticated> {
    const { db, keys, rules } = this.options;
    const log = request.log;
    let identity;
    try {
      identity = await checkAccessToken(token, rules, keys);
    } catch (error) {
      if (error instanceof TokenRefused) {
        // The reason only: neither the token nor its claims reach the log.
        log.info({ reason: error.reason }, 'auth.entra.refused');
        const [fr, en] = refusalMessages[error.reason];
        throw new AppError('TOKEN_REFUSED', { reason: error.reason, fr, en });
      }
      if (error instanceof IdentityServiceError) {
        log.warn({ problem: error.message }, 'auth.entra.unavailable');
        throw new AppError('IDENTITY_UNAVAILABLE');
      }
      throw error;
    }

    const user = await accountOf(
      {
        db,
        log,
        requestId: request.requestId,
        region: this.options.region,
        actor: { id: null, label: 'Entra ID', role: 'system' },
      },
      identity,
      this.options.groups,
    );
    // Stands for the token's lifetime; never saved, so signing out of
    // Relais is signing out of Microsoft 365.
    const session = db.models.Session.build({
      id: tokenId(token),
      userId: user.id,
      mfaSatisfied: true,
      expiresAt: identity.expiresAt,
    });

    return { user, session, stage: 'ready' };
  }
}
