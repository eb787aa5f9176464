import type { SearchHit } from 'core-api/client';
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { useExpireOnUnauthenticated } from '../auth/SessionContext.ts';

/** Where a search stands; `hits` answer `query`, kept on screen while the next one runs. */
export type SearchState = {
  status: 'idle' | 'loading' | 'done' | 'error';
  query: string;
  hits: SearchHit[];
  error?: unknown;
};

const IDLE: SearchState = { status: 'idle', query: '', hits: [] };

/** How many hits a search asks for. */
export const SEARCH_LIMIT = 20;

/**
 * Searches as the user types: waits for a pause of `debounceMs`, then asks
 * the API. Every new query makes older answers stale: they are dropped when
 * they arrive, so a slow answer never replaces a newer one.
 */
export function useSearch(query: string, debounceMs: number): SearchState {
  const client = useApi();
  const expireOn401 = useExpireOnUnauthenticated();
  const [state, setState] = useState<SearchState>(IDLE);
  const latest = useRef(0);
  const q = query.trim();

  useEffect(() => {
    const ticket = ++latest.current;
    if (!q) {
      setState(IDLE);
      return;
    }
    setState((previous) => ({ ...previous, status: 'loading' }));
    const timer = setTimeout(() => {
      client.search({ q, limit: SEARCH_LIMIT }).then(
        (result) => {
          if (ticket === latest.current)
            setState({ status: 'done', query: q, hits: result.items });
        },
        (error: unknown) => {
          if (ticket !== latest.current) return;
          expireOn401(error);
          setState({ status: 'error', query: q, hits: [], error });
        },
      );
    }, debounceMs);

    return () => clearTimeout(timer);
  }, [q, client, debounceMs, expireOn401]);

  return state;
}
