import type { SessionDto } from 'core-api/client';
import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import { clearToken, isApiError, readToken } from '../../api.ts';
import type { MessageKey } from '../../i18n/messages.ts';

/** Where the tab's session stands. */
export type SessionState =
  | { status: 'restoring' }
  | { status: 'signedOut'; notice?: MessageKey }
  | { status: 'signedIn'; session: SessionDto };

/**
 * The tab's session: restored on load from the stored token with
 * `auth.session()`, opened by the sign-in screen, ended by sign-out or by
 * the server refusing the token.
 */
export function useSessionState() {
  const client = useApi();
  const [state, setState] = useState<SessionState>(() =>
    readToken() ? { status: 'restoring' } : { status: 'signedOut' },
  );

  useEffect(() => {
    if (!readToken()) return;
    let current = true;
    client.auth.session().then(
      (session) => {
        if (!current) return;
        // A half-finished sign-in (enrolment, new password) cannot resume:
        // its secret and one-time password are gone with the page.
        if (session.stage === 'ready') {
          setState({ status: 'signedIn', session });
        } else {
          clearToken();
          setState({ status: 'signedOut' });
        }
      },
      (error: unknown) => {
        if (!current) return;
        const refused = isApiError(error) && error.status === 401;
        if (refused) clearToken();
        setState({
          status: 'signedOut',
          notice: refused ? undefined : 'errors.network',
        });
      },
    );

    return () => {
      current = false;
    };
    // Restores once, on load; later changes come from the handlers below.
  }, []);

  const signedIn = useCallback((session: SessionDto) => {
    setState({ status: 'signedIn', session });
  }, []);

  const signOut = useCallback(() => {
    // The local session ends whatever the server answers; the token is
    // forgotten after the call (which needs it) unless a new sign-in
    // replaced it meanwhile.
    const token = readToken();
    void client.auth
      .signOut()
      .catch(() => undefined)
      .finally(() => {
        if (readToken() === token) clearToken();
      });
    setState({ status: 'signedOut' });
  }, [client]);

  const expire = useCallback(() => {
    clearToken();
    setState({ status: 'signedOut', notice: 'errors.sessionExpired' });
  }, []);

  return { state, signedIn, signOut, expire };
}
