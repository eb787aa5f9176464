import type { RelaisClient } from 'core-api/client';
import { ApiContext } from './ApiContext.ts';
import { SessionGate } from './features/auth/SessionGate.tsx';
import { LocaleProvider } from './i18n/LocaleProvider.tsx';
import type { Locale } from './i18n/messages.ts';
import type { ThemeMode } from './preferences.ts';
import { ThemeModeProvider } from './theme/ThemeModeProvider.tsx';

export type AppProps = {
  client: RelaisClient;
  /** Override the stored preferences (tests). */
  initialLocale?: Locale;
  initialTheme?: ThemeMode;
};

/** The portal: language, theme, API client, then sign-in or the workspace. */
export function App({ client, initialLocale, initialTheme }: AppProps) {
  return (
    <LocaleProvider initialLocale={initialLocale}>
      <ThemeModeProvider initialMode={initialTheme}>
        <ApiContext.Provider value={client}>
          <SessionGate />
        </ApiContext.Provider>
      </ThemeModeProvider>
    </LocaleProvider>
  );
}
