import { verify } from 'node:crypto';
import type { SigningKeys } from './signing-keys.ts';

/** Why an access token was refused: stable codes, sent to the caller. */
export type RefusalReason =
  | 'malformed'
  | 'algorithm'
  | 'unknown_tenant'
  | 'unknown_key'
  | 'signature'
  | 'issuer'
  | 'audience'
  | 'expired'
  | 'not_yet_valid'
  | 'missing_scope'
  | 'missing_identity';

/** French and English wording of each refusal. */
export const refusalMessages: Record<RefusalReason, [fr: string, en: string]> =
  {
    malformed: ['Jeton illisible.', 'Unreadable token.'],
    algorithm: [
      'Algorithme de signature refusé (RS256 attendu).',
      'Signing algorithm refused (RS256 expected).',
    ],
    unknown_tenant: [
      'Ce locataire Microsoft n’est pas autorisé sur Relais.',
      'This Microsoft tenant is not allowed on Relais.',
    ],
    unknown_key: [
      'Clé de signature inconnue du locataire.',
      'Signing key unknown to the tenant.',
    ],
    signature: ['Signature du jeton invalide.', 'Invalid token signature.'],
    issuer: ['Émetteur du jeton inattendu.', 'Unexpected token issuer.'],
    audience: [
      'Jeton destiné à une autre application.',
      'Token meant for another application.',
    ],
    expired: ['Jeton expiré.', 'Token expired.'],
    not_yet_valid: ['Jeton pas encore valide.', 'Token not valid yet.'],
    missing_scope: [
      'Le jeton n’a pas l’autorisation déléguée requise (scp).',
      'The token lacks the required delegated permission (scp).',
    ],
    missing_identity: [
      'Le jeton ne dit pas qui est l’utilisateur.',
      'The token does not say who the user is.',
    ],
  };

export class TokenRefused extends Error {
  constructor(readonly reason: RefusalReason) {
    super(`token refused: ${reason}`);
  }
}

/** What Relais keeps from a valid access token. */
export type EntraIdentity = {
  tenantId: string;
  objectId: string;
  displayName: string;
  /** `email`, else `preferred_username` (usually the sign-in address). */
  email: string | null;
  groups: string[];
  /** True when the groups did not fit in the token (over 200). */
  groupsOverflow: boolean;
  expiresAt: Date;
};

export type AccessTokenRules = {
  tenantIds: string[];
  /** The API's client id and its `api://` URI. */
  audiences: string[];
  requiredScope: string;
  clockSkewSeconds?: number;
  /** Version 1 tokens name their issuer on this host. */
  v1IssuerBase?: string;
};

const guid = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

function decodePart(part: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(
      Buffer.from(part, 'base64url').toString('utf8'),
    );
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new TokenRefused('malformed');

    return value as Record<string, unknown>;
  } catch {
    throw new TokenRefused('malformed');
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : null);

/**
 * Checks an Entra ID access token, in an order that spends nothing on a
 * token that cannot pass: shape and algorithm, then the tenant (before any
 * fetch), the signature against the tenant's published key, then issuer,
 * audience, lifetime and scope.
 *
 * @throws TokenRefused with the reason, or IdentityServiceError when the
 *   tenant's metadata or keys cannot be fetched
 */
export async function checkAccessToken(
  token: string,
  rules: AccessTokenRules,
  keys: SigningKeys,
): Promise<EntraIdentity> {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[\w-]+$/.test(part)))
    throw new TokenRefused('malformed');
  const [head, body, signature] = parts as [string, string, string];
  const header = decodePart(head);
  const claims = decodePart(body);
  if (header.alg !== 'RS256') throw new TokenRefused('algorithm');

  const tenantId = text(claims.tid);
  if (!tenantId || !guid.test(tenantId)) throw new TokenRefused('malformed');
  const allowed = rules.tenantIds.map((id) => id.toLowerCase());
  if (!allowed.includes(tenantId.toLowerCase()))
    throw new TokenRefused('unknown_tenant');

  const kid = text(header.kid);
  if (!kid) throw new TokenRefused('unknown_key');
  const key = await keys.keyOf(tenantId, kid);
  if (!key) throw new TokenRefused('unknown_key');
  const signed = verify(
    'sha256',
    Buffer.from(`${head}.${body}`),
    key,
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) throw new TokenRefused('signature');

  const { issuer } = await keys.metadataOf(tenantId);
  const v1Issuer = `${rules.v1IssuerBase ?? 'https://sts.windows.net'}/${tenantId}/`;
  if (claims.iss !== issuer && claims.iss !== v1Issuer)
    throw new TokenRefused('issuer');

  const audience = text(claims.aud);
  if (!audience || !rules.audiences.includes(audience))
    throw new TokenRefused('audience');

  const now = Date.now() / 1000;
  const skew = rules.clockSkewSeconds ?? 60;
  if (typeof claims.exp !== 'number' || claims.exp + skew <= now)
    throw new TokenRefused('expired');
  if (typeof claims.nbf === 'number' && claims.nbf - skew > now)
    throw new TokenRefused('not_yet_valid');

  const scopes = (text(claims.scp) ?? '').split(' ');
  if (!scopes.includes(rules.requiredScope))
    throw new TokenRefused('missing_scope');

  const objectId = text(claims.oid);
  if (!objectId || !guid.test(objectId))
    throw new TokenRefused('missing_identity');
  const email =
    text(claims.email) ?? text(claims.preferred_username) ?? text(claims.upn);
  const names = claims._claim_names as Record<string, unknown> | undefined;

  return {
    tenantId: tenantId.toLowerCase(),
    objectId: objectId.toLowerCase(),
    displayName: text(claims.name) ?? email ?? objectId,
    email: email ? email.trim().toLowerCase() : null,
    groups: Array.isArray(claims.groups)
      ? claims.groups.filter((id): id is string => typeof id === 'string')
      : [],
    groupsOverflow: typeof names?.groups === 'string',
    expiresAt: new Date(claims.exp * 1000),
  };
}
