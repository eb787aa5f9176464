import type { ErrorBody } from 'core-api/client';

/** One request the portal sent. */
export type FakeCall = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  /** A JSON body parsed, or a raw body (a file) as it was sent. */
  body: unknown;
};

/** What the fake API answers: a status and a JSON body. */
export type FakeAnswer = { status: number; body?: unknown };

/** Answers one `METHOD /path`; may return a promise to answer later. */
export type FakeRoute = (call: FakeCall) => FakeAnswer | Promise<FakeAnswer>;

/** A success answer. */
export function ok(body: unknown): FakeAnswer {
  return { status: 200, body };
}

/** An error answer shaped like the API's (`{ error: { code, message } }`). */
export function fail(
  status: number,
  code: string,
  message: string,
  fields?: Array<{ path: string; message: string }>,
): FakeAnswer {
  const body: ErrorBody = {
    error: { code, message, fields, requestId: 'req-test' },
  };

  return { status, body };
}

/**
 * A `fetch` that answers like the API from a table of routes keyed
 * `'POST /api/auth/signin'`, and records every call. An unknown route
 * answers 404 `NOT_FOUND`, so a test sees what it forgot.
 */
export function fakeApi(routes: Record<string, FakeRoute>) {
  const calls: FakeCall[] = [];

  const fakeFetch = async (
    input: RequestInfo | URL,
    init: RequestInit = {},
  ) => {
    const url = new URL(String(input), 'http://localhost/');
    const call: FakeCall = {
      method: init.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: { ...(init.headers as Record<string, string>) },
      body:
        typeof init.body === 'string'
          ? JSON.parse(init.body)
          : (init.body ?? undefined),
    };
    calls.push(call);
    const route = routes[`${call.method} ${call.path}`];
    const answer = route
      ? await route(call)
      : fail(404, 'NOT_FOUND', `no route ${call.path}`);
    if (answer.status === 204) return new Response(null, { status: 204 });

    return new Response(JSON.stringify(answer.body ?? null), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  };

  return { fetch: fakeFetch as typeof fetch, calls };
}

/** A promise to settle from the test, to control the order of answers. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });

  return { promise, resolve };
}
