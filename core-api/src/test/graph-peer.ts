import type { IncomingMessage } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TestCa } from './oidc-issuer.ts';

/**
 * A local peer that answers like Microsoft Graph's activity feed endpoint
 * (`POST /v1.0/users/{id}/teamwork/sendActivityNotification`): HTTPS on
 * 127.0.0.1 with the test's certificate authority, a bearer token required,
 * the body checked for what Graph requires, 204 on success. Tests queue
 * other answers (429 with Retry-After, 403, 500) to play an outage.
 */

export type GraphCall = {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: Record<string, unknown> | null;
};

export type GraphAnswer = {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
};

export type GraphPeer = {
  url: string;
  calls: GraphCall[];
  /** Answers for the next calls, in order; then 204 again. */
  answerNext: (...answers: GraphAnswer[]) => void;
  close: () => Promise<void>;
};

const activityPath =
  /^\/v1\.0\/users\/([\w-]+)\/teamwork\/sendActivityNotification$/;

function readJson(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        resolve(null);
      }
    });
  });
}

function graphError(status: number, code: string): GraphAnswer {
  return { status, body: { error: { code, message: code } } };
}

/** Starts the peer on a free port of 127.0.0.1. */
export async function startGraphPeer(ca: TestCa): Promise<GraphPeer> {
  const calls: GraphCall[] = [];
  const queued: GraphAnswer[] = [];

  const server: Server = createServer(
    { key: ca.key, cert: ca.cert },
    async (request, response) => {
      const body = (await readJson(request)) as Record<string, unknown> | null;
      const path = new URL(request.url ?? '/', 'https://127.0.0.1').pathname;
      calls.push({
        method: request.method ?? 'GET',
        path,
        authorization: request.headers.authorization,
        contentType: request.headers['content-type'],
        body,
      });
      const answer = ((): GraphAnswer => {
        if (request.method !== 'POST' || !activityPath.test(path))
          return graphError(404, 'UnknownError');
        if (!/^Bearer \S+$/.test(request.headers.authorization ?? ''))
          return graphError(401, 'InvalidAuthenticationToken');
        const topic = body?.topic as Record<string, unknown> | undefined;
        if (!topic?.source || !body?.activityType || !body.previewText)
          return graphError(400, 'BadRequest');
        return queued.shift() ?? { status: 204 };
      })();
      response.writeHead(answer.status, {
        ...(answer.body ? { 'content-type': 'application/json' } : {}),
        ...answer.headers,
      });
      response.end(answer.body ? JSON.stringify(answer.body) : undefined);
    },
  );
  await new Promise<void>((ready) =>
    server.listen(0, '127.0.0.1', () => ready()),
  );

  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    answerNext: (...answers) => queued.push(...answers),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
