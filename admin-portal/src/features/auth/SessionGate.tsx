import { useMemo } from 'react';
import { useT } from '../../i18n/useT.ts';
import { AppShell } from '../../shell/AppShell.tsx';
import { Workspace } from '../../shell/Workspace.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { SessionContext, type SessionContextValue } from './SessionContext.ts';
import { SignInScreen } from './SignInScreen.tsx';
import { useSessionState } from './useSessionState.ts';

/** Shows sign-in until a full session exists, then the portal itself. */
export function SessionGate() {
  const t = useT();
  const { state, signedIn, signOut, expire } = useSessionState();
  const user = state.status === 'signedIn' ? state.session.user : null;
  const session = useMemo<SessionContextValue>(
    () => ({ user, signOut, expire }),
    [user, signOut, expire],
  );

  if (state.status === 'restoring') {
    return (
      <AppShell>
        <LoadingState label={t('auth.restoring')} />
      </AppShell>
    );
  }
  if (state.status === 'signedOut') {
    return (
      <AppShell>
        <SignInScreen
          onSignedIn={signedIn}
          notice={state.notice && t(state.notice)}
        />
      </AppShell>
    );
  }

  return (
    <SessionContext.Provider value={session}>
      <AppShell user={state.session.user} onSignOut={signOut}>
        <Workspace />
      </AppShell>
    </SessionContext.Provider>
  );
}
