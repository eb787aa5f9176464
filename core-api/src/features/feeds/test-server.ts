import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Resolver } from './safe-fetch.ts';

/** Names the test certificate covers; the test resolver sends them home. */
export const feedHost = 'feeds.relais.test';
export const otherHost = 'other.relais.test';

/**
 * A throwaway self-signed certificate for the test server's names. It is its
 * own authority: tests pass it as `ca`, so verification stays on.
 */
export function testCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'relais-feed-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        `/CN=${feedHost}`,
        '-addext',
        `subjectAltName=DNS:${feedHost},DNS:${otherHost}`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'pipe' },
    );

    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export type Route = (
  request: IncomingMessage,
  response: ServerResponse,
) => void;

/** An HTTPS server on 127.0.0.1 whose answers the test sets per path. */
export async function startTestServer(): Promise<{
  port: number;
  ca: string;
  routes: Map<string, Route>;
  hits: string[];
  close: () => Promise<void>;
}> {
  const { key, cert } = testCertificate();
  const routes = new Map<string, Route>();
  const hits: string[] = [];
  const server = https.createServer({ key, cert }, (request, response) => {
    const path = request.url ?? '/';
    hits.push(path);
    const route = routes.get(path.split('?')[0] as string);
    if (route) return route(request, response);
    response.statusCode = 404;
    response.end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));

  return {
    port: (server.address() as AddressInfo).port,
    ca: cert,
    routes,
    hits,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/**
 * A resolver that knows a fixed table and nothing else, so no test ever
 * asks a real DNS server; it counts its questions.
 */
export function tableResolver(
  table: Record<string, string[]>,
): Resolver & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (host: string) => {
    asked.push(host);
    return (table[host] ?? []).map((address) => ({
      address,
      family: address.includes(':') ? (6 as const) : (4 as const),
    }));
  };

  return Object.assign(resolve, { asked });
}
