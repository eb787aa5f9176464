import { execFileSync } from 'node:child_process';
import {
  createPublicKey,
  generateKeyPairSync,
  randomUUID,
  sign,
  verify,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A local OpenID Connect issuer that plays Entra ID for tests: HTTPS on
 * 127.0.0.1 with a certificate authority made for the run, the v2 metadata
 * and key set paths of Entra ID, a token endpoint that performs the
 * on-behalf-of exchange, and real RS256 tokens signed with the keys it
 * publishes. Nothing here is reachable from another host.
 */

export type TestCa = {
  /** PEM of the authority, for an explicit `ca` or NODE_EXTRA_CA_CERTS. */
  caPem: string;
  caFile: string;
  key: string;
  cert: string;
  dir: string;
};

/**
 * Makes a throwaway certificate authority and a server certificate for
 * 127.0.0.1 with the `openssl` command (Node has no X.509 generator).
 */
export function makeTestCa(): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'relais-test-ca-'));
  const at = (name: string) => join(dir, name);
  const openssl = (args: string[]) =>
    execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

  openssl([
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
    '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=Relais test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]); // prettier-ignore
  openssl([
    'req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key',
    '-out', 'server.csr', '-subj', '/CN=127.0.0.1',
  ]); // prettier-ignore
  writeFileSync(
    at('server.ext'),
    'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n' +
      'extendedKeyUsage=serverAuth\n',
  );
  openssl([
    'x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key',
    '-CAcreateserial', '-days', '1', '-out', 'server.pem',
    '-extfile', 'server.ext',
  ]); // prettier-ignore

  return {
    caPem: readFileSync(at('ca.pem'), 'utf8'),
    caFile: at('ca.pem'),
    key: readFileSync(at('server.key'), 'utf8'),
    cert: readFileSync(at('server.pem'), 'utf8'),
    dir,
  };
}

type SigningKey = { kid: string; privateKey: KeyObject; jwk: JsonWebKey };

function newSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
  });
  const kid = randomUUID().replace(/-/g, '').slice(0, 20);
  const jwk = {
    ...publicKey.export({ format: 'jwk' }),
    kid,
    use: 'sig',
    alg: 'RS256',
  };

  return { kid, privateKey, jwk };
}

const base64url = (value: unknown) =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

/** A client registered with the issuer, allowed the on-behalf-of grant. */
export type RegisteredClient = {
  clientId: string;
  clientSecret: string;
  /** Audiences its incoming tokens carry (client id, `api://` URI). */
  audiences: string[];
  /** Where the authorisation endpoint may send people back. */
  redirectUris?: string[];
  /** Application permissions granted to it (`roles` of its app tokens). */
  appRoles?: string[];
};

export type MintOptions = {
  /** Tenant the token speaks for (issuer, `tid`); the first by default. */
  tenantId?: string;
  /** Sign with a key the issuer never published (unknown `kid`). */
  unpublishedKey?: boolean;
  /** Sign with another key while naming a published `kid`. */
  forgeSignature?: boolean;
  /** Header algorithm written in the token (`RS256` by default). */
  alg?: string;
};

export type OidcIssuer = {
  /** `https://127.0.0.1:PORT`: the authority host, as Entra's. */
  url: string;
  tenantIds: string[];
  ca: TestCa;
  /** Every request received, in order (path, form fields of a POST). */
  requests: { method: string; path: string; form?: Record<string, string> }[];
  /** The v2 issuer of a tenant, as in its metadata. */
  issuerOf: (tenantId?: string) => string;
  /** A real token signed by the current key, with the claims given. */
  mint: (claims: Record<string, unknown>, options?: MintOptions) => string;
  /** Publishes a new signing key and signs with it; the old one stays. */
  rotate: (options?: { retireOld?: boolean }) => string;
  /** The `kid` tokens are signed with now. */
  currentKid: () => string;
  register: (client: RegisteredClient) => void;
  /** Whether a user agreed to a client at the authorisation endpoint. */
  consented: (clientId: string, loginHint: string) => boolean;
  close: () => Promise<void>;
};

function readForm(request: IncomingMessage): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('error', reject);
    request.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      resolve(Object.fromEntries(form));
    });
  });
}

/**
 * Starts the issuer on a free port of 127.0.0.1.
 *
 * @param options.tenantIds tenants it serves (random ids by default)
 */
export async function startOidcIssuer(
  options: { tenantIds?: string[]; ca?: TestCa } = {},
): Promise<OidcIssuer> {
  const ca = options.ca ?? makeTestCa();
  const tenantIds = options.tenantIds ?? [randomUUID()];
  const published: SigningKey[] = [newSigningKey()];
  let current = published[0] as SigningKey;
  const clients = new Map<string, RegisteredClient>();
  const requests: OidcIssuer['requests'] = [];
  const consents = new Set<string>();
  let url = '';

  const issuerOf = (tenantId = tenantIds[0]) => `${url}/${tenantId}/v2.0`;

  const signToken = (
    header: Record<string, unknown>,
    claims: Record<string, unknown>,
    key: KeyObject,
  ) => {
    const body = `${base64url(header)}.${base64url(claims)}`;
    const signature = sign('sha256', Buffer.from(body), key);

    return `${body}.${signature.toString('base64url')}`;
  };

  const mint: OidcIssuer['mint'] = (claims, mintOptions = {}) => {
    const tenantId = mintOptions.tenantId ?? tenantIds[0];
    const now = Math.floor(Date.now() / 1000);
    const stranger = newSigningKey();
    const kid = mintOptions.unpublishedKey ? stranger.kid : current.kid;
    const key =
      mintOptions.unpublishedKey || mintOptions.forgeSignature
        ? stranger.privateKey
        : current.privateKey;

    return signToken(
      { typ: 'JWT', alg: mintOptions.alg ?? 'RS256', kid },
      {
        iss: issuerOf(tenantId),
        tid: tenantId,
        iat: now,
        nbf: now,
        exp: now + 3600,
        ver: '2.0',
        ...claims,
      },
      key,
    );
  };

  /** Checks an incoming assertion the way Entra does before an exchange. */
  const assertionValid = (assertion: string, client: RegisteredClient) => {
    const [head, body, signature] = assertion.split('.');
    if (!head || !body || !signature) return null;
    const header = JSON.parse(Buffer.from(head, 'base64url').toString());
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const key = published.find((candidate) => candidate.kid === header.kid);
    if (!key) return null;
    const signed = verify(
      'sha256',
      Buffer.from(`${head}.${body}`),
      createPublicKey({ key: key.jwk, format: 'jwk' }),
      Buffer.from(signature, 'base64url'),
    );
    const live = claims.exp > Date.now() / 1000;

    return signed && live && client.audiences.includes(claims.aud)
      ? (claims as Record<string, unknown>)
      : null;
  };

  const server: Server = createServer(
    { key: ca.key, cert: ca.cert },
    async (request, response) => {
      const path = new URL(request.url ?? '/', 'https://127.0.0.1').pathname;
      const form = request.method === 'POST' ? await readForm(request) : {};
      requests.push({
        method: request.method ?? 'GET',
        path,
        ...(request.method === 'POST' ? { form } : {}),
      });
      const query = new URL(request.url ?? '/', 'https://127.0.0.1')
        .searchParams;
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      const match = /^\/([\w-]+)\/(.+)$/.exec(path);
      const tenantId = match?.[1] ?? '';
      if (!match || !tenantIds.includes(tenantId))
        return send(400, { error: 'invalid_tenant' });
      const rest = match[2];

      if (rest === 'v2.0/.well-known/openid-configuration') {
        return send(200, {
          issuer: issuerOf(tenantId),
          authorization_endpoint: `${url}/${tenantId}/oauth2/v2.0/authorize`,
          token_endpoint: `${url}/${tenantId}/oauth2/v2.0/token`,
          jwks_uri: `${url}/${tenantId}/discovery/v2.0/keys`,
          end_session_endpoint: `${url}/${tenantId}/oauth2/v2.0/logout`,
          response_types_supported: ['code', 'id_token', 'token id_token'],
          subject_types_supported: ['pairwise'],
          id_token_signing_alg_values_supported: ['RS256'],
          scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
          token_endpoint_auth_methods_supported: [
            'client_secret_post',
            'client_secret_basic',
          ],
        });
      }
      if (rest === 'discovery/v2.0/keys') {
        return send(200, { keys: published.map((key) => key.jwk) });
      }
      if (rest === 'oauth2/v2.0/authorize' && request.method === 'GET') {
        // The consent screen, agreed at once: the person is the login hint.
        const client = clients.get(query.get('client_id') ?? '');
        const back = query.get('redirect_uri') ?? '';
        if (!client || !client.redirectUris?.includes(back))
          return send(400, { error: 'invalid_request' });
        consents.add(`${client.clientId} ${query.get('login_hint') ?? ''}`);
        const target = new URL(back);
        target.searchParams.set('code', randomUUID());
        target.searchParams.set('state', query.get('state') ?? '');
        response.writeHead(302, { location: target.toString() });
        return response.end();
      }
      if (rest === 'oauth2/v2.0/token' && request.method === 'POST') {
        const client = clients.get(form.client_id ?? '');
        if (!client || client.clientSecret !== form.client_secret)
          return send(401, { error: 'invalid_client' });
        if (form.grant_type === 'client_credentials') {
          if (form.scope !== 'https://graph.microsoft.com/.default')
            return send(400, { error: 'invalid_scope' });
          return send(200, {
            token_type: 'Bearer',
            expires_in: 3599,
            ext_expires_in: 3599,
            access_token: mint(
              {
                aud: 'https://graph.microsoft.com',
                appid: client.clientId,
                idtyp: 'app',
                roles: client.appRoles ?? [],
              },
              { tenantId },
            ),
          });
        }
        if (
          form.grant_type !== 'urn:ietf:params:oauth:grant-type:jwt-bearer' ||
          form.requested_token_use !== 'on_behalf_of'
        )
          return send(400, { error: 'unsupported_grant_type' });
        const incoming = assertionValid(form.assertion ?? '', client);
        if (!incoming) return send(400, { error: 'invalid_grant' });
        const scope = (form.scope ?? '')
          .split(' ')
          .filter(
            (item) => !['openid', 'profile', 'offline_access'].includes(item),
          );

        return send(200, {
          token_type: 'Bearer',
          scope: scope.join(' '),
          expires_in: 3599,
          ext_expires_in: 3599,
          access_token: mint(
            {
              aud: 'https://graph.microsoft.com',
              oid: incoming.oid,
              scp: 'User.Read',
              azp: client.clientId,
            },
            { tenantId },
          ),
        });
      }

      return send(404, { error: 'not_found' });
    },
  );

  await new Promise<void>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve()),
  );
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    tenantIds,
    ca,
    requests,
    issuerOf,
    mint,
    rotate: (rotateOptions = {}) => {
      const next = newSigningKey();
      if (rotateOptions.retireOld) published.length = 0;
      published.push(next);
      current = next;

      return next.kid;
    },
    currentKid: () => current.kid,
    register: (client) => {
      clients.set(client.clientId, client);
    },
    consented: (clientId, loginHint) =>
      consents.has(`${clientId} ${loginHint}`),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.ca) rmSync(ca.dir, { recursive: true, force: true });
    },
  };
}
