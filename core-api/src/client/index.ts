/**
 * The typed client of the Relais API, shared by the portal, the Outlook
 * add-in and the Teams tab. Browser-safe: it imports schemas and `fetch`
 * only, never Node modules or database code.
 */
import type { z } from 'zod';
import type { ErrorBody } from '../features/common.schemas.ts';
import type {
  ContactDto,
  ContactInput,
  ContactPage,
  ContactUpdate,
  contactListQuery,
} from '../features/contacts/contacts.schemas.ts';
import type {
  CompanyDto,
  CompanyInput,
  CompanyPage,
  companyListQuery,
} from '../features/companies/companies.schemas.ts';
import type {
  TermDto,
  termInput,
  termUpdate,
} from '../features/taxonomy/taxonomy.schemas.ts';
import type {
  SearchResult,
  searchQuery,
} from '../features/search/search.schemas.ts';
import type {
  SessionDto,
  SignInResult,
  UserDto,
} from '../features/auth/auth.schemas.ts';
import type { AuditPage, auditQuery } from '../features/audit/audit.schemas.ts';

export * from '../features/common.schemas.ts';
export * from '../features/contacts/contacts.schemas.ts';
export * from '../features/companies/companies.schemas.ts';
export * from '../features/taxonomy/taxonomy.schemas.ts';
export * from '../features/search/search.schemas.ts';
export * from '../features/auth/auth.schemas.ts';
export * from '../features/audit/audit.schemas.ts';

/** An answer of the API that is not a success. */
export class RelaisApiError extends Error {
  readonly status: number;
  readonly body: ErrorBody | null;

  constructor(status: number, body: ErrorBody | null) {
    super(body?.error.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }

  /** The stable error code (`VALIDATION_FAILED`, `VERSION_CONFLICT`...). */
  get code(): string {
    return this.body?.error.code ?? 'HTTP_ERROR';
  }

  /** The message for one field, if the API named it. */
  fieldMessage(path: string): string | undefined {
    return this.body?.error.fields?.find((field) => field.path === path)
      ?.message;
  }
}

export type ClientOptions = {
  /** Where the API is, e.g. `https://relais.example.org`; empty for the same origin. */
  baseUrl?: string;
  /** Returns the bearer token to send, or null when signed out. */
  getToken: () => string | null | Promise<string | null>;
  /** Language of the error messages (`Accept-Language`). */
  locale?: () => 'fr' | 'en';
  fetch?: typeof fetch;
};

type Query = Record<string, string | number | boolean | undefined>;

/** Creates a client bound to one API and one token source. */
export function createRelaisClient(options: ClientOptions) {
  const base = (options.baseUrl ?? '').replace(/\/$/, '');
  const doFetch =
    options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    query?: Query,
  ): Promise<T> {
    const token = await options.getToken();
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.locale) headers['accept-language'] = options.locale();

    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) search.set(key, String(value));
    }
    const suffix = search.size > 0 ? `?${search}` : '';
    const response = await doFetch(`${base}${path}${suffix}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });

    if (response.status === 204) return undefined as T;
    const payload: unknown = await response.json().catch(() => null);
    if (!response.ok)
      throw new RelaisApiError(response.status, payload as ErrorBody | null);

    return payload as T;
  }

  return {
    auth: {
      signIn: (email: string, password: string, totp?: string) =>
        call<SignInResult>('POST', '/api/auth/signin', {
          email,
          password,
          totp,
        }),
      signOut: () => call<void>('POST', '/api/auth/signout'),
      session: () => call<SessionDto>('GET', '/api/auth/session'),
      confirmMfa: (code: string) =>
        call<SessionDto>('POST', '/api/auth/mfa/confirm', { code }),
      changePassword: (currentPassword: string, newPassword: string) =>
        call<SessionDto>('POST', '/api/auth/password', {
          currentPassword,
          newPassword,
        }),
    },
    search: (query: z.input<typeof searchQuery>) =>
      call<SearchResult>('GET', '/api/search', undefined, query as Query),
    contacts: {
      list: (query: z.input<typeof contactListQuery> = {}) =>
        call<ContactPage>('GET', '/api/contacts', undefined, query as Query),
      get: (id: number) => call<ContactDto>('GET', `/api/contacts/${id}`),
      create: (input: ContactInput) =>
        call<ContactDto>('POST', '/api/contacts', input),
      update: (id: number, input: ContactUpdate) =>
        call<ContactDto>('PUT', `/api/contacts/${id}`, input),
      remove: (id: number) => call<void>('DELETE', `/api/contacts/${id}`),
      restore: (id: number) =>
        call<ContactDto>('POST', `/api/contacts/${id}/restore`),
      audit: (id: number) =>
        call<AuditPage>('GET', `/api/contacts/${id}/audit`),
    },
    companies: {
      list: (query: z.input<typeof companyListQuery> = {}) =>
        call<CompanyPage>('GET', '/api/companies', undefined, query as Query),
      get: (id: number) => call<CompanyDto>('GET', `/api/companies/${id}`),
      create: (input: CompanyInput) =>
        call<CompanyDto>('POST', '/api/companies', input),
      update: (id: number, input: CompanyInput & { version: number }) =>
        call<CompanyDto>('PUT', `/api/companies/${id}`, input),
      remove: (id: number) => call<void>('DELETE', `/api/companies/${id}`),
      restore: (id: number) =>
        call<CompanyDto>('POST', `/api/companies/${id}/restore`),
    },
    taxonomy: {
      list: (kind?: TermDto['kind']) =>
        call<{ items: TermDto[] }>('GET', '/api/taxonomy', undefined, { kind }),
      create: (input: z.input<typeof termInput>) =>
        call<TermDto>('POST', '/api/taxonomy', input),
      update: (id: number, input: z.input<typeof termUpdate>) =>
        call<TermDto>('PUT', `/api/taxonomy/${id}`, input),
      remove: (id: number) => call<void>('DELETE', `/api/taxonomy/${id}`),
    },
    users: {
      list: () => call<{ items: UserDto[] }>('GET', '/api/users'),
    },
    audit: {
      list: (query: z.input<typeof auditQuery> = {}) =>
        call<AuditPage>('GET', '/api/audit', undefined, query as Query),
    },
  };
}

export type RelaisClient = ReturnType<typeof createRelaisClient>;
