import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { RelaisClient } from 'core-api/client';
import { ApiContext } from '../ApiContext.ts';
import {
  SessionContext,
  type SessionContextValue,
} from '../features/auth/SessionContext.ts';
import { LocaleProvider } from '../i18n/LocaleProvider.tsx';
import type { Locale } from '../i18n/messages.ts';

export type TestProvidersProps = {
  client: RelaisClient;
  locale?: Locale;
  session?: SessionContextValue;
  children: ReactNode;
};

const noSession: SessionContextValue = {
  user: null,
  signOut: () => undefined,
  expire: () => undefined,
};

/** What the app puts around a screen: language, Fluent theme, API client, session. */
export function TestProviders({
  client,
  locale = 'fr',
  session = noSession,
  children,
}: TestProvidersProps) {
  return (
    <LocaleProvider initialLocale={locale}>
      {/* Fluent's default document is the first one it saw; each suite
          has its own jsdom, where portals (dialogs) must mount. */}
      <FluentProvider theme={webLightTheme} targetDocument={document}>
        <ApiContext.Provider value={client}>
          <SessionContext.Provider value={session}>
            {children}
          </SessionContext.Provider>
        </ApiContext.Provider>
      </FluentProvider>
    </LocaleProvider>
  );
}
