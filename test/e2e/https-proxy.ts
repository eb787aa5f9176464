import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TestCa } from '../../core-api/src/test/oidc-issuer.ts';

/**
 * An HTTPS front for the Relais server on 127.0.0.1, as the reverse proxy
 * of an installation: Teams only opens https pages (teams-js refuses a
 * consent page over http), so the harness reaches the tab through it. The
 * certificate comes from the test's own certificate authority.
 */
export async function startHttpsProxy(
  target: string,
  ca: TestCa,
): Promise<{ url: string; close: () => Promise<void> }> {
  const upstream = new URL(target);
  const server: Server = createServer(
    { key: ca.key, cert: ca.cert },
    (incoming, outgoing) => {
      const forward = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: incoming.method,
          path: incoming.url,
          headers: { ...incoming.headers, 'x-forwarded-proto': 'https' },
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forward.on('error', () => {
        outgoing.writeHead(502);
        outgoing.end();
      });
      incoming.pipe(forward);
    },
  );
  await new Promise<void>((ready) =>
    server.listen(0, '127.0.0.1', () => ready()),
  );
  const { port } = server.address() as AddressInfo;

  return {
    url: `https://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
