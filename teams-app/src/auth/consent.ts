/**
 * The consent page's exchange with Entra ID: it sends the user to the
 * authorisation endpoint with `prompt=consent`, and reads the answer when
 * Entra ID sends them back. The authorisation code is never redeemed: the
 * consent is what matters, recorded by Entra ID once the user agrees, and
 * the tab then gets its token from Teams as usual.
 */

/** Where the page keeps the `state` it sent, to recognise the answer. */
export const consentStateKey = 'relais.teams.consent.state';

export type ConsentRequest = {
  /** Entra ID sign-in host, without a trailing slash. */
  authority: string;
  /** The user's directory; `organizations` when Teams did not say. */
  tenantId?: string;
  clientId: string;
  /** The API's delegated scope, fully named (`api://…/access_as_user`). */
  scope: string;
  redirectUri: string;
  state: string;
  /** PKCE challenge (S256), which Entra ID expects of a browser page. */
  challenge: string;
  loginHint?: string;
};

/** The authorisation address that asks the user for consent. */
export function authorizeUrl(request: ConsentRequest): string {
  const tenant = request.tenantId ?? 'organizations';
  const url = new URL(`${request.authority}/${tenant}/oauth2/v2.0/authorize`);
  const params: Record<string, string | undefined> = {
    client_id: request.clientId,
    response_type: 'code',
    response_mode: 'query',
    redirect_uri: request.redirectUri,
    scope: `${request.scope} openid profile`,
    prompt: 'consent',
    state: request.state,
    code_challenge: request.challenge,
    code_challenge_method: 'S256',
    login_hint: request.loginHint,
  };
  for (const [name, value] of Object.entries(params))
    if (value) url.searchParams.set(name, value);

  return url.toString();
}

/** What Entra ID sent back, or null when the page was not sent back. */
export type ConsentAnswer = { ok: true } | { ok: false; reason: string };

/**
 * Reads the answer in the page's address. An answer whose `state` is not
 * the one sent is refused: another site may not finish our consent.
 */
export function readConsentAnswer(
  search: string,
  expectedState: string | null,
): ConsentAnswer | null {
  const params = new URLSearchParams(search);
  if (!params.has('code') && !params.has('error')) return null;
  if (!expectedState || params.get('state') !== expectedState)
    return { ok: false, reason: 'state_mismatch' };
  const error = params.get('error');

  return error ? { ok: false, reason: error } : { ok: true };
}

function base64url(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);

  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random value for `state`, and a PKCE challenge. */
export async function consentSecrets(): Promise<{
  state: string;
  challenge: string;
}> {
  const random = (size: number) =>
    base64url(crypto.getRandomValues(new Uint8Array(size)));
  const verifier = random(32);
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(verifier),
  );

  return { state: random(16), challenge: base64url(new Uint8Array(digest)) };
}
