import {
  createDOMRenderer,
  FluentProvider,
  RendererProvider,
  webLightTheme,
  type GriffelRenderer,
} from '@fluentui/react-components';
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

// Griffel's default renderer writes each rule once, into the first
// document it saw: each suite's jsdom gets its own, so a test can read the
// styles a screen applies (`getComputedStyle`) whatever ran before it.
const renderers = new WeakMap<Document, GriffelRenderer>();

function rendererFor(target: Document): GriffelRenderer {
  let renderer = renderers.get(target);
  if (!renderer) {
    renderer = createDOMRenderer(target);
    renderers.set(target, renderer);
  }

  return renderer;
}

/** What the app puts around a screen: language, Fluent theme, API client, session. */
export function TestProviders({
  client,
  locale = 'fr',
  session = noSession,
  children,
}: TestProvidersProps) {
  return (
    <LocaleProvider initialLocale={locale}>
      <RendererProvider
        renderer={rendererFor(document)}
        targetDocument={document}
      >
        {/* Fluent's default document is the first one it saw; each suite
            has its own jsdom, where portals (dialogs) must mount. */}
        <FluentProvider theme={webLightTheme} targetDocument={document}>
          <ApiContext.Provider value={client}>
            <SessionContext.Provider value={session}>
              {children}
            </SessionContext.Provider>
          </ApiContext.Provider>
        </FluentProvider>
      </RendererProvider>
    </LocaleProvider>
  );
}
