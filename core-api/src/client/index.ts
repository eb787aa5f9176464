/**
 * The typed client of the Relais API, shared by the portal, the Outlook
 * add-in and the Teams tab. Browser-safe: it imports schemas and `fetch`
 * only, never Node modules or database code.
 */
import type { z } from 'zod';
import { targetingMethods } from './targeting.ts';
import { listsClient } from './lists.ts';
import { historyClient } from './history.ts';
import { captureClient } from './capture.ts';
import { contactDeletionsClient, deletedRecordsClient } from './deletions.ts';
import { cardsClient } from './cards.ts';
import { emailTemplatesClient } from './templates.ts';
import {
  departmentsClient,
  senderAddressesClient,
  type ManagedUserDto,
} from './senders.ts';
import type { RoleAnswer } from '../platform/auth/entra/user-roles.schemas.ts';
import type { EntraIdentityInput } from '../platform/auth/entra/entra-identity.schemas.ts';
import type { EntraClientDto } from '../platform/auth/entra/entra-client.schemas.ts';
import { createExportsClient } from './exports.ts';
import {
  accountsClient,
  auditAdminClient,
  taxonomyAdminClient,
} from './administration.ts';
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
} from '../features/auth/auth.schemas.ts';
import type { AuditPage, auditQuery } from '../features/audit/audit.schemas.ts';
import type {
  DuplicatePairDto,
  MergeReport,
  ScanReport,
  UndoMergeReport,
  mergeRequest,
  pairPage,
  pairQuery,
  mergeRulesDto,
  mergeRulesInput,
  survivorCriteria,
} from '../features/duplicates/duplicates.schemas.ts';
import type {
  CommitReport,
  ImportBatchDto,
  StagedSummary,
  UndoReport,
  importRowDto,
  mappingProfileDto,
  mappingProfileInput,
  restageInput,
  rowOutcomes,
  rowsQuery,
  historyQuery,
  calibrationReport,
} from '../features/imports/imports.schemas.ts';
import type {
  AllowedHostDto,
  FeedDto,
  FeedRunDto,
  allowedHostInput,
  feedAlertDto,
  feedInput,
  feedUpdate,
  runQuery,
  runRequested,
} from '../features/feeds/feeds.schemas.ts';

export * from '../features/common.schemas.ts';
export * from '../features/contacts/contacts.schemas.ts';
export * from '../features/companies/companies.schemas.ts';
export * from '../features/taxonomy/taxonomy.schemas.ts';
export * from '../features/search/search.schemas.ts';
export * from '../features/auth/auth.schemas.ts';
export * from '../features/audit/audit.schemas.ts';
export * from '../features/duplicates/duplicates.schemas.ts';
export * from '../features/imports/imports.schemas.ts';
export * from '../features/feeds/feeds.schemas.ts';
export * from '../features/contacts/contact-vocabulary.ts';
export { frenchDepartments } from '../features/contacts/french-departments.ts';
export * from './exports.ts';
export * from './targeting.ts';
export * from './lists.ts';
export * from './history.ts';
export * from './capture.ts';
export * from './deletions.ts';
export * from './cards.ts';
export * from './templates.ts';
export * from './senders.ts';
export * from './administration.ts';
export * from '../platform/auth/entra/user-roles.schemas.ts';
export * from '../platform/auth/entra/entra-identity.schemas.ts';
export * from '../platform/auth/entra/entra-client.schemas.ts';
export {
  columnKeys,
  isColumnKey,
} from '../features/imports/readers/column-keys.ts';

/** A page of the duplicate review queue. */
export type PairPage = z.infer<typeof pairPage>;
/** Which pairs to list: pending (the queue) or already decided. */
export type PairQuery = z.input<typeof pairQuery>;
/** The survivor and the side each chosen field comes from. */
export type MergeRequest = z.input<typeof mergeRequest>;
/** A contact field a person may take from either record when merging. */
export type ChoosableField = keyof NonNullable<MergeRequest['fields']>;

/** The rules to save: defaults fill what is left out. */
export type MergeRulesInput = z.input<typeof mergeRulesInput>;
/** The rules in force, with the version to send back when saving them. */
export type MergeRulesDto = z.infer<typeof mergeRulesDto>;
/** One way of telling which record survives a merge. */
export type SurvivorCriterion = (typeof survivorCriteria)[number];

/** One column of a file: its header, the suggested key, the applied one. */
export type MappedColumn = StagedSummary['mappings'][number]['columns'][number];
/** What a staged row would become once committed. */
export type RowOutcome = (typeof rowOutcomes)[number];
export type ImportRowDto = z.infer<typeof importRowDto>;
/** Which rows of a staged import to list. */
export type RowsQuery = z.input<typeof rowsQuery>;
/** Which page of the import history to list. */
export type HistoryQuery = z.input<typeof historyQuery>;
/** A page of the import history, newest first, with the total. */
export type ImportPage = {
  items: ImportBatchDto[];
  total: number;
  page: number;
  pageSize: number;
};
/** A page of a staged import's rows. */
export type ImportRowPage = {
  items: ImportRowDto[];
  total: number;
  page: number;
  pageSize: number;
};
/** A new reading of a staged file: other columns, or a saved profile. */
export type RestageInput = z.input<typeof restageInput>;
/** What the calibration of a staged import found (R8). */
export type CalibrationReport = z.infer<typeof calibrationReport>;
export type MappingProfileDto = z.infer<typeof mappingProfileDto>;
export type MappingProfileInput = z.input<typeof mappingProfileInput>;
/** What to stage besides the file itself. */
export type StageRequest = {
  file: Blob;
  fileName: string;
  profileId?: number;
  sheet?: string;
  dateOrder?: 'dmy' | 'mdy' | 'ymd';
  /** Reads and commits in one step, without a preview (scripts). */
  commit?: boolean;
};

/** A failing feed, as the alerts list it. */
export type FeedAlertDto = z.infer<typeof feedAlertDto>;
/** A page of a feed's runs, newest first. */
export type FeedRunPage = {
  items: FeedRunDto[];
  total: number;
  page: number;
  pageSize: number;
};
/** Which page of runs to read. */
export type RunQuery = z.input<typeof runQuery>;
/** A run asked for: the job, or the one already waiting. */
export type RunRequested = z.infer<typeof runRequested>;
/** A host feeds may reach despite a private address, or over http. */
export type AllowedHostInput = z.input<typeof allowedHostInput>;

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

  /**
   * The message for one field, if the API named it; with `locale`, only
   * the reader's half of a message written in both languages.
   */
  fieldMessage(path: string, locale?: 'fr' | 'en'): string | undefined {
    const message = this.body?.error.fields?.find(
      (field) => field.path === path,
    )?.message;

    return message && locale ? inLanguage(message, locale) : message;
  }
}

/**
 * The API writes some field messages in both languages, `fr / en`
 * ("date impossible / impossible date"): keeps the half of `locale`.
 */
export function inLanguage(message: string, locale: 'fr' | 'en'): string {
  const halves = message.split(' / ');
  if (halves.length !== 2) return message;

  return (locale === 'en' ? halves[1] : halves[0]) ?? message;
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

/** What one request carries besides its method and path. */
type Send = {
  query?: Query;
  /** A JSON body. */
  body?: unknown;
  /** A file sent as it is (raw bytes) instead of a JSON body. */
  file?: Blob;
};

/** `?force=true` when asked, nothing otherwise. */
const forceFlag = (force: boolean): Query | undefined =>
  force ? { force: 'true' } : undefined;

/** Creates a client bound to one API and one token source. */
export function createRelaisClient(options: ClientOptions) {
  const base = (options.baseUrl ?? '').replace(/\/$/, '');
  const doFetch =
    options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  async function send<T>(
    method: string,
    path: string,
    { query, body, file }: Send = {},
  ): Promise<T> {
    const token = await options.getToken();
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (file) headers['content-type'] = 'application/octet-stream';
    else if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.locale) headers['accept-language'] = options.locale();

    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) search.set(key, String(value));
    }
    const suffix = search.size > 0 ? `?${search}` : '';
    const response = await doFetch(`${base}${path}${suffix}`, {
      method,
      headers,
      body: file ?? (body === undefined ? undefined : JSON.stringify(body)),
    });

    if (response.status === 204) return undefined as T;
    const payload: unknown = await response.json().catch(() => null);
    if (!response.ok)
      throw new RelaisApiError(response.status, payload as ErrorBody | null);

    return payload as T;
  }

  const call = <T>(
    method: string,
    path: string,
    body?: unknown,
    query?: Query,
  ): Promise<T> => send<T>(method, path, { body, query });

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
      /** Public Entra ID settings (client id, authority, scope). */
      entra: () => call<EntraClientDto>('GET', '/api/auth/entra'),
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
      ...taxonomyAdminClient(call),
      list: (kind?: TermDto['kind']) =>
        call<{ items: TermDto[] }>('GET', '/api/taxonomy', undefined, { kind }),
      create: (input: z.input<typeof termInput>) =>
        call<TermDto>('POST', '/api/taxonomy', input),
      update: (id: number, input: z.input<typeof termUpdate>) =>
        call<TermDto>('PUT', `/api/taxonomy/${id}`, input),
      remove: (id: number) => call<void>('DELETE', `/api/taxonomy/${id}`),
    },
    users: {
      ...accountsClient(call),
      /** Every account, with its department (administrators only). */
      list: () => call<{ items: ManagedUserDto[] }>('GET', '/api/users'),
      /** Puts a user in a department, or in none (administrators only). */
      setDepartment: (id: number, departmentId: number | null) =>
        call<ManagedUserDto>('PUT', `/api/users/${id}/department`, {
          departmentId,
        }),
      /**
       * Pins a user's role over the Entra ID groups; null hands it back to
       * the groups (administrators only).
       */
      setRole: (id: number, role: 'admin' | 'editor' | null) =>
        call<RoleAnswer>('PUT', `/api/users/${id}/role`, { role }),
      /**
       * Links an account to its Entra ID identity: that person's tokens open
       * it (administrators only; 409 when another account holds it).
       */
      linkEntraIdentity: (id: number, identity: EntraIdentityInput) =>
        call<ManagedUserDto>(
          'PUT',
          `/api/users/${id}/entra-identity`,
          identity,
        ),
      /** Unlinks a local account from its Entra ID identity (administrators only). */
      unlinkEntraIdentity: (id: number) =>
        call<ManagedUserDto>('DELETE', `/api/users/${id}/entra-identity`),
    },
    audit: {
      ...auditAdminClient(call, options),
      list: (query: z.input<typeof auditQuery> = {}) =>
        call<AuditPage>('GET', '/api/audit', undefined, query as Query),
    },
    duplicates: {
      list: (query: PairQuery = {}) =>
        call<PairPage>('GET', '/api/duplicates', undefined, query as Query),
      get: (id: number) =>
        call<DuplicatePairDto>('GET', `/api/duplicates/${id}`),
      scan: () => call<ScanReport>('POST', '/api/duplicates/scan'),
      dismiss: (id: number) =>
        call<void>('POST', `/api/duplicates/${id}/dismiss`),
      merge: (id: number, request: MergeRequest) =>
        call<MergeReport>('POST', `/api/duplicates/${id}/merge`, request),
    },
    merges: {
      /** `force` undoes it even when the survivor was edited since. */
      undo: (id: number, force = false) =>
        send<UndoMergeReport>('POST', `/api/merges/${id}/undo`, {
          query: forceFlag(force),
        }),
    },
    mergeRules: {
      get: () => call<MergeRulesDto>('GET', '/api/merge-rules'),
      /** `version` is the one read: a colleague's save in between gets 409. */
      save: (rules: MergeRulesInput, version: number) =>
        call<MergeRulesDto>('PUT', '/api/merge-rules', { rules, version }),
    },
    imports: {
      list: (query: HistoryQuery = {}) =>
        call<ImportPage>('GET', '/api/imports', undefined, query as Query),
      get: (id: number) => call<ImportBatchDto>('GET', `/api/imports/${id}`),
      /** Sends a file to be read in the background (202, then poll `get`). */
      stage: ({ file, ...query }: StageRequest) =>
        send<ImportBatchDto>('POST', '/api/imports', { query, file }),
      rows: (id: number, query: RowsQuery = {}) =>
        call<ImportRowPage>(
          'GET',
          `/api/imports/${id}/rows`,
          undefined,
          query as Query,
        ),
      calibration: (id: number) =>
        call<CalibrationReport>('GET', `/api/imports/${id}/calibration`),
      restage: (id: number, input: RestageInput) =>
        call<ImportBatchDto>('PUT', `/api/imports/${id}/mapping`, input),
      commit: (id: number) =>
        call<CommitReport>('POST', `/api/imports/${id}/commit`),
      discard: (id: number) => call<void>('DELETE', `/api/imports/${id}`),
      /** `force` also removes contacts edited since the import. */
      undo: (id: number, force = false) =>
        send<UndoReport>('POST', `/api/imports/${id}/undo`, {
          query: forceFlag(force),
        }),
    },
    mappingProfiles: {
      list: () =>
        call<{ items: MappingProfileDto[] }>('GET', '/api/mapping-profiles'),
      create: (input: MappingProfileInput) =>
        call<MappingProfileDto>('POST', '/api/mapping-profiles', input),
      update: (id: number, input: MappingProfileInput & { version: number }) =>
        call<MappingProfileDto>('PUT', `/api/mapping-profiles/${id}`, input),
      remove: (id: number) =>
        call<void>('DELETE', `/api/mapping-profiles/${id}`),
    },
    feeds: {
      list: () => call<{ items: FeedDto[] }>('GET', '/api/feeds'),
      get: (id: number) => call<FeedDto>('GET', `/api/feeds/${id}`),
      create: (input: z.input<typeof feedInput>) =>
        call<FeedDto>('POST', '/api/feeds', input),
      update: (id: number, input: z.input<typeof feedUpdate>) =>
        call<FeedDto>('PUT', `/api/feeds/${id}`, input),
      remove: (id: number) => call<void>('DELETE', `/api/feeds/${id}`),
      /** Queues a run now; the worker runs it. */
      run: (id: number) => call<RunRequested>('POST', `/api/feeds/${id}/run`),
      runs: (id: number, query: RunQuery = {}) =>
        call<FeedRunPage>(
          'GET',
          `/api/feeds/${id}/runs`,
          undefined,
          query as Query,
        ),
      /** The feeds failing now. */
      alerts: () => call<{ items: FeedAlertDto[] }>('GET', '/api/feeds/alerts'),
      allowedHosts: {
        list: () =>
          call<{ items: AllowedHostDto[] }>('GET', '/api/feeds/allowed-hosts'),
        add: (input: AllowedHostInput) =>
          call<AllowedHostDto>('POST', '/api/feeds/allowed-hosts', input),
        remove: (id: number) =>
          call<void>('DELETE', `/api/feeds/allowed-hosts/${id}`),
      },
    },
    ...targetingMethods(call),
    lists: listsClient(call),
    history: historyClient(call),
    capture: captureClient(call),
    contactDeletions: contactDeletionsClient(call),
    deletedRecords: deletedRecordsClient(call),
    cards: cardsClient(call),
    emailTemplates: emailTemplatesClient(call),
    senderAddresses: senderAddressesClient(call),
    departments: departmentsClient(call),
    exports: createExportsClient(options),
  };
}

export type RelaisClient = ReturnType<typeof createRelaisClient>;
