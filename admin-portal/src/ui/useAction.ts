import { useCallback, useEffect, useRef, useState } from 'react';
import { useExpireOnUnauthenticated } from '../features/auth/SessionContext.ts';

/** Where a user's action (a button's call to the API) stands. */
export type ActionState<T> =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; data: T }
  | { status: 'error'; error: unknown };

/**
 * Runs one call at a time on the user's request and keeps its outcome; a 401
 * ends the session. An answer arriving after the screen closed is dropped.
 * @returns the state, `run(call)` (resolves to `{ data }`, or undefined on
 * a failure, which the state keeps) and `reset()` back to idle
 */
export function useAction<T>() {
  const [state, setState] = useState<ActionState<T>>({ status: 'idle' });
  const expireOn401 = useExpireOnUnauthenticated();
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;

    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (call: () => Promise<T>): Promise<{ data: T } | undefined> => {
      setState({ status: 'running' });
      try {
        const data = await call();
        if (mounted.current) setState({ status: 'done', data });

        return { data };
      } catch (error) {
        expireOn401(error);
        if (mounted.current) setState({ status: 'error', error });

        return undefined;
      }
    },
    [expireOn401],
  );
  const reset = useCallback(() => setState({ status: 'idle' }), []);

  return { state, run, reset, running: state.status === 'running' };
}
