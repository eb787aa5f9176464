import { useCallback, useEffect, useRef, useState } from 'react';
import { useExpireOnUnauthenticated } from '../features/auth/SessionContext.ts';

/** Where a loaded resource stands. */
export type Resource<T> =
  | { status: 'loading' }
  | { status: 'done'; data: T }
  | { status: 'error'; error: unknown };

/**
 * Loads something whenever `key` changes, ignoring answers to an older key
 * (a fast click from one card to the next), and ends the session on a 401.
 * @param load the call to make; read when `key` or a reload asks for it
 * @param key what the resource depends on, e.g. `contact:12`
 * @param options `quietReload`: a reload keeps the data on screen until the
 * new answer replaces it (a list that changes under the user's hand)
 */
export function useResource<T>(
  load: () => Promise<T>,
  key: string,
  options: { quietReload?: boolean } = {},
): Resource<T> & { reload: () => void } {
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const expireOn401 = useExpireOnUnauthenticated();
  const loadRef = useRef(load);
  loadRef.current = load;
  const loadedKey = useRef<string | null>(null);
  const quietReload = options.quietReload ?? false;

  useEffect(() => {
    let current = true;
    const reloading = quietReload && loadedKey.current === key;
    setState((previous) =>
      reloading && previous.status === 'done'
        ? previous
        : { status: 'loading' },
    );
    loadRef.current().then(
      (data) => {
        if (!current) return;
        loadedKey.current = key;
        setState({ status: 'done', data });
      },
      (error: unknown) => {
        if (!current) return;
        expireOn401(error);
        setState({ status: 'error', error });
      },
    );

    return () => {
      current = false;
    };
  }, [key, attempt, expireOn401, quietReload]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return { ...state, reload };
}
