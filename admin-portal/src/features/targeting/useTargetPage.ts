import type {
  Channel,
  TargetPageDto,
  TargetQuery,
  TargetSort,
} from 'core-api/client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { useExpireOnUnauthenticated } from '../auth/SessionContext.ts';

/** What to ask: the query, the channel, the order and the page. */
export type TargetPageRequest = {
  query: TargetQuery;
  channel?: Channel;
  sort: TargetSort;
  page: number;
  pageSize: number;
};

/**
 * Where the count and the page stand; the last answer stays on screen
 * while the next one is asked, so the numbers never blink to nothing.
 */
export type LiveTarget = {
  status: 'loading' | 'done' | 'error';
  data?: TargetPageDto;
  error?: unknown;
};

/**
 * Counts the query and reads one page of its results as it is built:
 * waits for a pause of `debounceMs` after the last change, then asks the
 * API once for both; an answer to an older version is dropped.
 */
export function useTargetPage(
  request: TargetPageRequest,
  debounceMs = 400,
): LiveTarget & { retry: () => void } {
  const client = useApi();
  const expireOn401 = useExpireOnUnauthenticated();
  const [state, setState] = useState<LiveTarget>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const key = JSON.stringify(request);

  useEffect(() => {
    const ticket = ++latest.current;
    setState((previous) => ({ ...previous, status: 'loading' }));
    const timer = setTimeout(() => {
      const { query, ...options } = JSON.parse(key) as TargetPageRequest;
      client.targeting.search(query, options).then(
        (data) => {
          if (ticket === latest.current) setState({ status: 'done', data });
        },
        (error: unknown) => {
          if (ticket !== latest.current) return;
          expireOn401(error);
          setState({ status: 'error', error });
        },
      );
    }, debounceMs);

    return () => clearTimeout(timer);
  }, [client, key, debounceMs, expireOn401, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  return { ...state, retry };
}
