import type { UserDto } from 'core-api/client';
import { createContext, useCallback, useContext } from 'react';
import { isApiError } from '../../api.ts';

/** The signed-in user and the two ways a session ends. */
export type SessionContextValue = {
  user: UserDto | null;
  /** Signs out on the server, then forgets the token. */
  signOut: () => void;
  /** Forgets a token the server no longer accepts and shows sign-in again. */
  expire: () => void;
};

export const SessionContext = createContext<SessionContextValue>({
  user: null,
  signOut: () => undefined,
  expire: () => undefined,
});

/** The session of the signed-in user. */
export function useSession(): SessionContextValue {
  return useContext(SessionContext);
}

/**
 * Returns a function to call with any failed call's error: a 401 means the
 * token expired or was revoked, so the portal goes back to sign-in.
 */
export function useExpireOnUnauthenticated(): (error: unknown) => void {
  const { expire } = useContext(SessionContext);

  return useCallback(
    (error: unknown) => {
      if (isApiError(error) && error.status === 401) expire();
    },
    [expire],
  );
}
