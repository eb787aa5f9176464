import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { createApi } from '../api.ts';
import { I18nProvider } from '../i18n/i18n.tsx';
import type { Locale } from '../i18n/messages.ts';

/** What the pane puts around its screens: language and Fluent theme. */
export function Providers(props: { locale?: Locale; children: ReactNode }) {
  return (
    <I18nProvider initialLocale={props.locale ?? 'fr'}>
      {/* Each suite has its own jsdom, where Fluent's popups must mount. */}
      <FluentProvider theme={webLightTheme} targetDocument={document}>
        {props.children}
      </FluentProvider>
    </I18nProvider>
  );
}

/** The typed client over a fake `fetch`, signed in with a fixed token. */
export function clientOver(fetch: typeof globalThis.fetch) {
  return createApi({
    getToken: async () => 'test-token',
    locale: () => 'fr',
    fetch,
  });
}
