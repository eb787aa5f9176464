/**
 * The client methods of targeting (issue #4): live counts, pages of results,
 * the field catalogue for the query builder, and saved queries. Browser-safe
 * like the rest of the client.
 */
import type {
  Channel,
  TargetQuery,
  TargetSort,
} from '../features/targeting/query.schemas.ts';
import type {
  IdsRequest,
  IdsResultDto,
  RowsRequest,
  RowsResultDto,
} from '../features/targeting/target-rows.schemas.ts';
import type {
  FieldCatalogue,
  SavedQueryDto,
  SavedQueryInput,
  SavedQueryUpdate,
  TargetCountDto,
  TargetPageDto,
} from '../features/targeting/targeting.schemas.ts';

export * from '../features/targeting/query.schemas.ts';
export * from '../features/targeting/targeting.schemas.ts';
export * from '../features/targeting/target-rows.schemas.ts';

/** How the main client sends one call (method, path, JSON body, query string). */
export type ClientCall = <T>(
  method: string,
  path: string,
  body?: unknown,
  query?: Record<string, string | number | boolean | undefined>,
) => Promise<T>;

/** Who is left out for a channel, and whether to keep them anyway. */
export type ChannelOptions = { channel?: Channel; includeOptedOut?: boolean };

/** The targeting and saved-query methods, bound to the client's `call`. */
export function targetingMethods(call: ClientCall) {
  return {
    targeting: {
      /** Every criterion, operator, region and sort the builder offers. */
      fields: () => call<FieldCatalogue>('GET', '/api/targeting/fields'),
      /** The live count: matched, left out for the channel, included. */
      count: (query: TargetQuery, options: ChannelOptions = {}) =>
        call<TargetCountDto & { tookMs: number }>(
          'POST',
          '/api/targeting/count',
          { query, ...options },
        ),
      /** One page of results with the count. */
      search: (
        query: TargetQuery,
        options: ChannelOptions & {
          sort?: TargetSort;
          page?: number;
          pageSize?: number;
        } = {},
      ) =>
        call<TargetPageDto>('POST', '/api/targeting/search', {
          query,
          ...options,
        }),
      /** A screenful of rows for a table: by cursor (`after`) or offset. */
      rows: (request: RowsRequest) =>
        call<RowsResultDto>('POST', '/api/targeting/rows', request),
      /** The ids of a run of rows, in the table's order (a selection). */
      ids: (request: IdsRequest) =>
        call<IdsResultDto>('POST', '/api/targeting/ids', request),
    },
    savedQueries: {
      list: (
        filter: { owner?: 'mine' | 'all'; entity?: 'contact' | 'company' } = {},
      ) =>
        call<{ items: SavedQueryDto[] }>(
          'GET',
          '/api/saved-queries',
          undefined,
          filter,
        ),
      get: (id: number) =>
        call<SavedQueryDto>('GET', `/api/saved-queries/${id}`),
      create: (input: SavedQueryInput) =>
        call<SavedQueryDto>('POST', '/api/saved-queries', input),
      /** Replaces it, given the version read (owner or administrator). */
      update: (id: number, input: SavedQueryUpdate) =>
        call<SavedQueryDto>('PUT', `/api/saved-queries/${id}`, input),
      remove: (id: number) => call<void>('DELETE', `/api/saved-queries/${id}`),
      /** Evaluates it now: a page of results and the live count. */
      results: (
        id: number,
        options: ChannelOptions & {
          page?: number;
          pageSize?: number;
          sort?: TargetSort['by'];
          direction?: 'asc' | 'desc';
        } = {},
      ) =>
        call<TargetPageDto>(
          'GET',
          `/api/saved-queries/${id}/results`,
          undefined,
          options,
        ),
    },
  };
}
