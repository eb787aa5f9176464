import { RelaisApiError, type ErrorBody } from 'core-api/client';
import type { z } from 'zod';
// TODO(#3): core-api/client should carry the duplicate and merge routes and
// export their types; until it does, the portal calls them here and reads
// the types from the schema file (types only: nothing of it is bundled).
import type {
  mergeRequest,
  pairPage,
  pairQuery,
  DuplicatePairDto,
  MergeReport,
  ScanReport,
  UndoMergeReport,
} from '../../core-api/src/features/duplicates/duplicates.schemas.ts';

export type { DuplicatePairDto, MergeReport, ScanReport, UndoMergeReport };

/** A page of the duplicate review queue. */
export type PairPage = z.infer<typeof pairPage>;
/** Which pairs to list: pending (the queue) or already decided. */
export type PairQuery = Partial<z.infer<typeof pairQuery>>;
/** The survivor and the side each chosen field comes from. */
export type MergeRequest = z.input<typeof mergeRequest>;
/** A contact field a person may take from either record when merging. */
export type ChoosableField = keyof NonNullable<MergeRequest['fields']>;

/** What one call needs besides its method and path. */
export type CallOptions = {
  query?: Record<string, string | number | boolean | undefined>;
  /** A JSON body. */
  body?: unknown;
  /** A file sent as it is (raw bytes), instead of a JSON body. */
  file?: Blob;
};

/** Sends one request to the API and returns its JSON answer. */
export type Call = <T>(
  method: string,
  path: string,
  options?: CallOptions,
) => Promise<T>;

export type CallerOptions = {
  getToken: () => string | null;
  locale: () => 'fr' | 'en';
  fetch?: typeof fetch;
};

/**
 * A caller that behaves like the typed client's own: bearer token, language
 * of the error messages, and `RelaisApiError` for any answer but a success.
 */
export function createCaller(options: CallerOptions): Call {
  const doFetch =
    options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  return async <T>(method: string, path: string, call: CallOptions = {}) => {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'accept-language': options.locale(),
    };
    const token = options.getToken();
    if (token) headers.authorization = `Bearer ${token}`;
    if (call.file) headers['content-type'] = 'application/octet-stream';
    else if (call.body !== undefined)
      headers['content-type'] = 'application/json';

    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(call.query ?? {})) {
      if (value !== undefined) search.set(key, String(value));
    }
    const suffix = search.size > 0 ? `?${search}` : '';
    const response = await doFetch(`${path}${suffix}`, {
      method,
      headers,
      body:
        call.file ??
        (call.body === undefined ? undefined : JSON.stringify(call.body)),
    });

    if (response.status === 204) return undefined as T;
    const payload: unknown = await response.json().catch(() => null);
    if (!response.ok)
      throw new RelaisApiError(response.status, payload as ErrorBody | null);

    return payload as T;
  };
}

/** The duplicate review queue and merges. */
export function duplicateCalls(call: Call) {
  return {
    duplicates: {
      list: (query: PairQuery = {}) =>
        call<PairPage>('GET', '/api/duplicates', { query }),
      scan: () => call<ScanReport>('POST', '/api/duplicates/scan'),
      dismiss: (id: number) =>
        call<void>('POST', `/api/duplicates/${id}/dismiss`),
      merge: (id: number, request: MergeRequest) =>
        call<MergeReport>('POST', `/api/duplicates/${id}/merge`, {
          body: request,
        }),
    },
    merges: {
      undo: (id: number, force = false) =>
        call<UndoMergeReport>('POST', `/api/merges/${id}/undo`, {
          query: force ? { force: 'true' } : undefined,
        }),
    },
  };
}
