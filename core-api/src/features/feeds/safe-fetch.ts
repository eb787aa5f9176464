import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import {
  forbiddenRange,
  normaliseHost,
  type RangeName,
} from './address-guard.ts';
import { FeedError } from './feed-errors.ts';

/** One answer of a name lookup. */
export type ResolvedAddress = { address: string; family: 4 | 6 };

/** Turns a host name into addresses; injected by tests. */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

/** The system's resolver (hosts file, then DNS), every answer. */
export const systemResolver: Resolver = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((answer) => ({
    address: answer.address,
    family: answer.family === 6 ? 6 : 4,
  }));

export type SafeFetchOptions = {
  /** Hosts an administrator allowed: private addresses and plain http. */
  allowedHosts: ReadonlySet<string>;
  resolve?: Resolver;
  /** Trusted certificate authorities instead of the system's (tests). */
  ca?: string | Buffer;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  signal?: AbortSignal;
};

export type Fetched = {
  data: Buffer;
  /** The address that answered, after redirects. */
  url: URL;
  contentType: string | null;
  /** From Content-Disposition, else the last part of the path. */
  fileName: string | null;
};

/** The largest file a feed downloads or reads: 50 MB. */
export const defaultMaxBytes = 50 * 1024 * 1024;

const rangeFr: Record<RangeName, string> = {
  unspecified: 'non spécifiée',
  private: 'privée',
  loopback: 'de bouclage (la machine elle-même)',
  'link-local': 'lien-local',
  cgnat: 'partagée (CGNAT)',
  multicast: 'multidiffusion',
  reserved: 'réservée',
  invalid: 'invalide',
};

function parseUrl(text: string, base?: URL): URL {
  try {
    return new URL(text, base);
  } catch {
    throw new FeedError(
      'URL_REFUSED',
      'Adresse illisible.',
      'Unreadable address.',
    );
  }
}

/** The address without credentials or query, fit for reports and logs. */
export function displayUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/**
 * Checks one hop: the scheme, then every address the host resolves to. An
 * allowed host may use http and private addresses; any other host must be
 * https and resolve to public addresses only (all of them: a mixed answer
 * is how DNS rebinding starts). Returns the address to connect to.
 */
export async function vetUrl(
  url: URL,
  options: Pick<SafeFetchOptions, 'allowedHosts' | 'resolve'>,
): Promise<ResolvedAddress> {
  const host = normaliseHost(url.hostname);
  const allowed = options.allowedHosts.has(host);
  const scheme = url.protocol;
  if (scheme !== 'https:' && !(scheme === 'http:' && allowed)) {
    throw new FeedError(
      'URL_REFUSED',
      `Adresse refusée (${scheme}) : https seulement, http pour un hôte ` +
        'autorisé par un administrateur.',
      `Address refused (${scheme}): https only, http for a host an ` +
        'administrator allowed.',
    );
  }
  if (url.username || url.password) {
    throw new FeedError(
      'URL_REFUSED',
      'Adresse refusée : identifiants dans l’adresse.',
      'Address refused: credentials in the address.',
    );
  }

  const literal = isIP(host);
  let answers: ResolvedAddress[];
  if (literal) {
    answers = [{ address: host, family: literal === 6 ? 6 : 4 }];
  } else {
    try {
      answers = await (options.resolve ?? systemResolver)(host);
    } catch {
      answers = [];
    }
    if (answers.length === 0) {
      throw new FeedError(
        'DNS_FAILED',
        `Nom d’hôte introuvable : ${host}.`,
        `Host name not found: ${host}.`,
      );
    }
  }
  if (!allowed) {
    for (const answer of answers) {
      const range = forbiddenRange(answer.address);
      if (range) {
        throw new FeedError(
          'ADDRESS_REFUSED',
          `${host} mène à une adresse ${rangeFr[range]} (${answer.address}) : ` +
            'refusée sauf si un administrateur autorise cet hôte.',
          `${host} leads to a ${range} address (${answer.address}): refused ` +
            'unless an administrator allows this host.',
        );
      }
    }
  }

  return answers[0] as ResolvedAddress;
}

/**
 * A lookup that answers the address already checked, so the connection goes
 * where the check looked and a second DNS answer cannot redirect it. Node
 * asks for every address at once (`all`) when it tries families in turn.
 */
function pinnedLookup(vetted: ResolvedAddress): LookupFunction {
  return (_host, options, callback) => {
    if (options.all) {
      (callback as (e: null, list: ResolvedAddress[]) => void)(null, [vetted]);
    } else {
      callback(null, vetted.address, vetted.family);
    }
  };
}

function tooLarge(maxBytes: number): FeedError {
  const mb = Math.round(maxBytes / 1024 / 1024);

  return new FeedError(
    'TOO_LARGE',
    `Fichier trop volumineux : plus de ${mb} Mo.`,
    `File too large: over ${mb} MB.`,
  );
}

function fileNameOf(response: IncomingMessage, url: URL): string | null {
  const disposition = response.headers['content-disposition'] ?? '';
  const quoted = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
  const fromPath = decodeURIComponent(url.pathname.split('/').pop() ?? '');
  const name = (quoted ? decodeURIComponent(quoted) : fromPath)
    .replace(/[\\/\0]/g, '_')
    .trim();

  return name ? name.slice(0, 200) : null;
}

/** Reads a body, decoded, refusing it past `maxBytes`. */
async function readBody(
  response: IncomingMessage,
  maxBytes: number,
): Promise<Buffer> {
  const declared = Number(response.headers['content-length'] ?? NaN);
  if (declared > maxBytes) {
    response.destroy();
    throw tooLarge(maxBytes);
  }
  const encoding = (response.headers['content-encoding'] ?? '').toLowerCase();
  let stream: Readable = response;
  // Counting decoded bytes keeps a small compressed bomb within the limit.
  if (encoding === 'gzip' || encoding === 'x-gzip')
    stream = response.pipe(createGunzip());
  else if (encoding === 'deflate') stream = response.pipe(createInflate());
  else if (encoding === 'br') stream = response.pipe(createBrotliDecompress());

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      response.destroy();
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk as Buffer);
  }

  return Buffer.concat(chunks);
}

function networkError(error: unknown, signal: AbortSignal): FeedError {
  if (error instanceof FeedError) return error;
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    if (reason instanceof FeedError) return reason;

    return new FeedError(
      'INTERRUPTED',
      'Téléchargement interrompu (arrêt du service).',
      'Download interrupted (service stopping).',
    );
  }
  const code = (error as NodeJS.ErrnoException).code ?? 'ERROR';

  return new FeedError(
    'NETWORK',
    `Échec de la connexion ou du transfert (${code}).`,
    `Connection or transfer failed (${code}).`,
  );
}

/** Sends one GET to the vetted address and waits for the response head. */
function get(
  url: URL,
  vetted: ResolvedAddress,
  options: SafeFetchOptions,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;

  return new Promise((done, fail) => {
    const request = client.request(url, {
      method: 'GET',
      headers: {
        accept: '*/*',
        'accept-encoding': 'gzip, deflate, br',
        'user-agent': 'Relais-feed/1',
      },
      lookup: pinnedLookup(vetted),
      // No shared pool: a kept-alive socket would skip the checks.
      agent: false,
      ...(options.ca ? { ca: options.ca } : {}),
      signal,
    });
    request.on('response', done);
    request.on('error', (error) => fail(networkError(error, signal)));
    request.end();
  });
}

/**
 * Fetches a feed's file without letting the address reach the server's own
 * network: each hop is vetted, the connection is pinned to the vetted
 * address, redirects are followed by hand (3 at most, each vetted again),
 * and the whole fetch has a deadline and a size limit.
 */
export async function safeFetch(
  address: string,
  options: SafeFetchOptions,
): Promise<Fetched> {
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = new AbortController();
  const timer = setTimeout(
    () =>
      deadline.abort(
        new FeedError(
          'TIMEOUT',
          `Pas de réponse complète en ${Math.round(timeoutMs / 1000)} s.`,
          `No complete answer within ${Math.round(timeoutMs / 1000)} s.`,
        ),
      ),
    timeoutMs,
  );
  const signal = options.signal
    ? AbortSignal.any([deadline.signal, options.signal])
    : deadline.signal;

  try {
    let url = parseUrl(address);
    for (let hop = 0; ; hop += 1) {
      const vetted = await vetUrl(url, options);
      const response = await get(url, vetted, options, signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;

      if ([301, 302, 303, 307, 308].includes(status) && location) {
        response.resume();
        if (hop >= (options.maxRedirects ?? 3)) {
          throw new FeedError(
            'TOO_MANY_REDIRECTS',
            'Trop de redirections (3 au plus).',
            'Too many redirects (3 at most).',
          );
        }
        url = parseUrl(location, url);
        continue;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        throw new FeedError(
          'HTTP_STATUS',
          `Le serveur a répondu ${status} pour ${displayUrl(url)}.`,
          `The server answered ${status} for ${displayUrl(url)}.`,
        );
      }

      const data = await readBody(response, maxBytes).catch((error) => {
        throw networkError(error, signal);
      });

      return {
        data,
        url,
        contentType: response.headers['content-type'] ?? null,
        fileName: fileNameOf(response, url),
      };
    }
  } finally {
    clearTimeout(timer);
  }
}
