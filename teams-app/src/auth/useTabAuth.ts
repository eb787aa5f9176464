import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  RelaisApiError,
  type RelaisClient,
  type UserDto,
} from 'core-api/client';
import { createTabClient } from '../api.ts';
import { isHostAuthError, type TabHost } from '../host/host.ts';
import type { Locale } from '../i18n/messages.ts';

/** Where a local Relais session's token is kept for the browser tab. */
export const localTokenKey = 'relais.teams.token';

/**
 * Where signing in stands: Teams single sign-on first; consent when Teams
 * says the user has not agreed yet; a Relais account outside Teams or when
 * single sign-on fails.
 */
export type AuthState =
  | { stage: 'checking' }
  | { stage: 'consent'; refused?: string }
  | { stage: 'signIn'; problem?: SignInProblem }
  | { stage: 'ready'; user: UserDto; via: 'sso' | 'local' };

/** Why the sign-in form shows: single sign-on failed, or was refused. */
export type SignInProblem = {
  key: 'sso' | 'refused' | 'notReady';
  detail: string;
};

export type TabAuth = {
  state: AuthState;
  client: RelaisClient;
  /** Runs the consent page, then signs in again. */
  consent: () => Promise<void>;
  /** Keeps a local session's token once the sign-in form succeeded. */
  signedIn: (token: string) => Promise<void>;
  signOut: () => void;
};

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Signs the tab in, through the host when there is one. */
export function useTabAuth(host: TabHost | null, locale: Locale): TabAuth {
  const [state, setState] = useState<AuthState>({ stage: 'checking' });
  const [mode, setMode] = useState<'sso' | 'local'>(host ? 'sso' : 'local');

  const client = useMemo(
    () =>
      createTabClient(async () => {
        if (mode === 'sso' && host) return host.getToken();
        return window.sessionStorage.getItem(localTokenKey);
      }, locale),
    [host, mode, locale],
  );

  const check = useCallback(async () => {
    if (mode === 'local' && !window.sessionStorage.getItem(localTokenKey)) {
      // Keeps the reason single sign-on gave way, if it did.
      setState((prev) => ({
        stage: 'signIn',
        problem: prev.stage === 'signIn' ? prev.problem : undefined,
      }));
      return;
    }
    setState({ stage: 'checking' });
    try {
      const session = await client.auth.session();
      if (session.stage === 'ready') {
        setState({ stage: 'ready', user: session.user, via: mode });
        return;
      }
      window.sessionStorage.removeItem(localTokenKey);
      setState({ stage: 'signIn', problem: { key: 'notReady', detail: '' } });
    } catch (error) {
      if (isHostAuthError(error) && error.consent) {
        setState({ stage: 'consent' });
      } else if (isHostAuthError(error)) {
        setMode('local');
        setState({
          stage: 'signIn',
          problem: { key: 'sso', detail: error.message },
        });
      } else if (error instanceof RelaisApiError && mode === 'sso') {
        setMode('local');
        setState({
          stage: 'signIn',
          problem: { key: 'refused', detail: error.message },
        });
      } else {
        window.sessionStorage.removeItem(localTokenKey);
        setState({ stage: 'signIn' });
      }
    }
  }, [client, mode]);

  useEffect(() => {
    void check();
  }, [check]);

  return {
    state,
    client,
    consent: async () => {
      if (!host) return;
      try {
        await host.requestConsent();
        await check();
      } catch (error) {
        setState({ stage: 'consent', refused: messageOf(error) });
      }
    },
    signedIn: async (token) => {
      window.sessionStorage.setItem(localTokenKey, token);
      // A change of mode makes a new client, whose effect checks again.
      if (mode === 'local') await check();
      else setMode('local');
    },
    signOut: () => {
      void client.auth
        .signOut()
        .catch(() => undefined)
        .finally(() => window.sessionStorage.removeItem(localTokenKey));
      setState({ stage: 'signIn' });
    },
  };
}
