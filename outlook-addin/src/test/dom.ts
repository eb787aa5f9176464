/// <reference types="mocha" />
import type * as Library from '@testing-library/react/pure';

declare global {
  // React checks this flag before warning about updates outside act().
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

/**
 * Testing Library, once the suite's window exists. Query through
 * `within(document.body)`: its `screen` is bound to the first window any
 * suite of the process opened.
 */
export type Dom = typeof Library;

/**
 * A jsdom window for the enclosing suite. The API tests share this mocha
 * process, and react-dom settles at first load whether a DOM exists, so
 * jsdom, Testing Library and the components are loaded in `before` hooks,
 * never at file load. Node's own Event classes are swapped for the
 * window's while the suite runs: jsdom dispatches only its own.
 */
export function useDom(): { dom: () => Dom } {
  let library: Dom | null = null;
  let teardown: (() => void) | null = null;
  const saved: Array<[string, unknown]> = [];
  const globals = globalThis as unknown as Record<string, unknown>;

  before(async () => {
    const { default: install } = await import('global-jsdom');
    teardown = install(undefined, { url: 'https://relais.test/addin/' });
    for (const name of ['Event', 'CustomEvent', 'EventTarget']) {
      saved.push([name, globals[name]]);
      globals[name] = (window as unknown as Record<string, unknown>)[name];
    }
    globalThis.IS_REACT_ACT_ENVIRONMENT = true;
    library = await import('@testing-library/react/pure');
  });

  beforeEach(() => window.sessionStorage.clear());
  afterEach(() => library?.cleanup());

  after(() => {
    for (const [name, value] of saved.splice(0)) globals[name] = value;
    delete globalThis.IS_REACT_ACT_ENVIRONMENT;
    teardown?.();
  });

  return {
    dom: () => {
      if (!library) throw new Error('useDom(): call dom() inside a test');

      return library;
    },
  };
}

/** One request the pane sent to the fake API. */
export type Sent = { method: string; path: string; body: unknown };

/**
 * A `fetch` answering like the API from handlers keyed `METHOD /path`,
 * recording what was sent; an unplanned request answers 404 so the test
 * sees what it missed.
 */
export function apiFake(
  handlers: Record<
    string,
    (body: unknown) => { status?: number; body: unknown }
  >,
) {
  const sent: Sent[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'https://relais.test/');
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : null;
    sent.push({ method, path: url.pathname, body });
    const handler = handlers[`${method} ${url.pathname}`];
    const answer = handler
      ? handler(body)
      : {
          status: 404,
          body: { error: { code: 'NOT_FOUND', message: `${url.pathname}` } },
        };

    return new Response(JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: { 'content-type': 'application/json' },
    });
  };

  return { fetch: fetch as typeof globalThis.fetch, sent };
}
