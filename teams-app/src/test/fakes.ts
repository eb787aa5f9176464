import type { ListDto, RequestDto, UserDto } from 'core-api/client';
import {
  HostAuthError,
  type HostContext,
  type HostTheme,
  type TabConfig,
  type TabHost,
} from '../host/host.ts';

/** One call the tab made to the API. */
export type Call = {
  method: string;
  path: string;
  query: string;
  body: unknown;
};
/** Answers `METHOD /path`: a status and a JSON body. */
export type Route = (call: Call) => { status: number; body?: unknown };

/**
 * Puts a fake API in place of `fetch` for one test, answering from a table
 * of routes and recording every call; an unknown route answers 404.
 */
export function fakeApi(routes: Record<string, Route>) {
  const calls: Call[] = [];
  const real = globalThis.fetch;
  globalThis.fetch = (async (
    input: RequestInfo | URL,
    init: RequestInit = {},
  ) => {
    const url = new URL(String(input), 'https://relais.test/');
    const call: Call = {
      method: init.method ?? 'GET',
      path: url.pathname,
      query: url.search,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const route = routes[`${call.method} ${call.path}`];
    const answer = route
      ? route(call)
      : {
          status: 404,
          body: { error: { code: 'NOT_FOUND', message: call.path } },
        };

    return new Response(JSON.stringify(answer.body ?? null), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch;

  return { calls, restore: () => (globalThis.fetch = real) };
}

export const ok = (body: unknown) => () => ({ status: 200, body });

/** A Teams host played by the test: what the tab asked is recorded. */
export function fakeHost(context: Partial<HostContext> = {}) {
  const themeHandlers: ((theme: HostTheme) => void)[] = [];
  const recorded = {
    valid: [] as boolean[],
    save: null as null | (() => TabConfig | Promise<TabConfig>),
    consents: 0,
  };
  let tokenError: string | null = null;
  const host: TabHost = {
    context: {
      locale: 'fr-fr',
      theme: 'default',
      frame: 'content',
      ...context,
    },
    onThemeChange: (handler) => themeHandlers.push(handler),
    getToken: async () => {
      if (tokenError) throw new HostAuthError(tokenError);
      return 'sso-token';
    },
    requestConsent: async () => {
      recorded.consents += 1;
      tokenError = null;
    },
    setConfigValid: (valid) => recorded.valid.push(valid),
    onConfigSave: (save) => {
      recorded.save = save;
    },
  };

  return {
    host,
    recorded,
    failTokens: (reason: string) => {
      tokenError = reason;
    },
    setTheme: (theme: HostTheme) => themeHandlers.forEach((h) => h(theme)),
  };
}

export const owner = { id: 3, displayName: 'Claire Dupont' };
export const member = { id: 9, displayName: 'Paul Martin' };

export function buildUser(ref: { id: number; displayName: string }): UserDto {
  return {
    ...ref,
    email: `${ref.id}@relais.test`,
    role: 'editor',
    locale: 'fr',
    totpEnabled: false,
    mustChangePassword: false,
    active: true,
    lastSignInAt: null,
  };
}

export function buildList(overrides: Partial<ListDto> = {}): ListDto {
  return {
    id: 4,
    name: 'Presse régionale',
    description: null,
    entity: 'contact',
    owner,
    sourceDefinition: null,
    memberCount: 0,
    pendingCount: 0,
    canManage: true,
    version: 1,
    createdAt: '2026-12-01T09:00:00Z',
    updatedAt: '2026-12-01T09:00:00Z',
    ...overrides,
  };
}

export function buildRequest(overrides: Partial<RequestDto> = {}): RequestDto {
  return {
    id: 21,
    listId: 4,
    listName: 'Presse régionale',
    action: 'add',
    entity: 'contact',
    memberId: 77,
    memberLabel: 'Jeanne Martin',
    proposedBy: member,
    proposedAt: '2026-12-04T08:30:00Z',
    note: null,
    status: 'pending',
    outcome: null,
    decidedBy: null,
    decidedFor: null,
    decidedAt: null,
    decisionNote: null,
    ...overrides,
  };
}

/** An empty page of any API list. */
export const emptyPage = { items: [], total: 0, page: 1, pageSize: 50 };
