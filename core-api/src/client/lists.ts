/**
 * The typed client of static lists (issue #4): lists, members, change
 * requests and their decisions, history. Browser-safe like the rest of the
 * client.
 */
import type { z } from 'zod';
import type {
  ChangeReport,
  DecisionReport,
  HandOverInput,
  ListDto,
  ListEventPage,
  ListInput,
  ListPage,
  ListUpdate,
  MemberChange,
  MemberPage,
  RequestDto,
  RequestPage,
  bulkDecisionInput,
  listQuery,
  memberQuery,
  pendingQuery,
  requestQuery,
} from '../features/lists/lists.schemas.ts';

export * from '../features/lists/lists.schemas.ts';

type Query = Record<string, string | number | boolean | undefined>;

/** The request function of `createRelaisClient`, as the lists use it. */
type Call = <T>(
  method: string,
  path: string,
  body?: unknown,
  query?: Query,
) => Promise<T>;

/** Which page of a list's history to read. */
export type HistoryQuery = { page?: number; pageSize?: number };
/** Several requests at once: those named, or every pending one. */
export type BulkDecisionInput = z.input<typeof bulkDecisionInput>;

const q = (query: object | undefined) => query as Query | undefined;

/** The `lists` part of the client. */
export function listsClient(call: Call) {
  const base = (id: number) => `/api/lists/${id}`;

  return {
    list: (query: z.input<typeof listQuery> = {}) =>
      call<ListPage>('GET', '/api/lists', undefined, q(query)),
    get: (id: number) => call<ListDto>('GET', base(id)),
    /** A new list: empty, from ids, or the snapshot of a (saved) query. */
    create: (input: ListInput) => call<ListDto>('POST', '/api/lists', input),
    update: (id: number, input: ListUpdate) =>
      call<ListDto>('PUT', base(id), input),
    remove: (id: number) => call<void>('DELETE', base(id)),
    members: (id: number, query: z.input<typeof memberQuery> = {}) =>
      call<MemberPage>('GET', `${base(id)}/members`, undefined, q(query)),
    /** Applied at once for the owner; a request to the owner otherwise. */
    addMembers: (id: number, input: MemberChange) =>
      call<ChangeReport>('POST', `${base(id)}/members/add`, input),
    removeMembers: (id: number, input: MemberChange) =>
      call<ChangeReport>('POST', `${base(id)}/members/remove`, input),
    requests: (id: number, query: z.input<typeof requestQuery> = {}) =>
      call<RequestPage>('GET', `${base(id)}/requests`, undefined, q(query)),
    /** Approves the requests named, or every pending one of the list. */
    approve: (id: number, input: BulkDecisionInput = {}) =>
      call<DecisionReport>('POST', `${base(id)}/requests/approve`, input),
    reject: (id: number, input: BulkDecisionInput = {}) =>
      call<DecisionReport>('POST', `${base(id)}/requests/reject`, input),
    approveRequest: (requestId: number, note?: string) =>
      call<RequestDto>('POST', `/api/lists/requests/${requestId}/approve`, {
        note,
      }),
    rejectRequest: (requestId: number, note?: string) =>
      call<RequestDto>('POST', `/api/lists/requests/${requestId}/reject`, {
        note,
      }),
    /** Takes back one's own pending request. */
    withdraw: (requestId: number) =>
      call<RequestDto>('POST', `/api/lists/requests/${requestId}/withdraw`),
    /** Requests waiting for me (administrators: `scope: 'all'`). */
    pending: (query: z.input<typeof pendingQuery> = {}) =>
      call<RequestPage>('GET', '/api/lists/pending', undefined, q(query)),
    /** How many requests wait for me: the navigation badge. */
    pendingCount: () =>
      call<{ count: number }>('GET', '/api/me/pending-requests/count'),
    history: (id: number, query: HistoryQuery = {}) =>
      call<ListEventPage>('GET', `${base(id)}/history`, undefined, q(query)),
    handOver: (id: number, input: HandOverInput) =>
      call<ListDto>('POST', `${base(id)}/hand-over`, input),
  };
}
