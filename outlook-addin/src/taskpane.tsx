import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { createApi } from './api.ts';
import {
  dialogTokens,
  nestedTokens,
  type MicrosoftSettings,
} from './auth/microsoft.ts';
import { Session } from './auth/session.ts';
import { localeOf } from './i18n/i18n.tsx';
import { currentItem, displayLanguage, prefersDark } from './office/mailbox.ts';

/** Nested authentication where Outlook offers it, else the Office dialog. */
async function connectMicrosoft(settings: MicrosoftSettings) {
  return (
    (await nestedTokens(settings)) ??
    dialogTokens(`${window.location.origin}/addin/dialog.html`)
  );
}

// Classic Outlook may load the page before Office is ready: nothing reads
// the item before onReady.
void Office.onReady(() => {
  const root = document.getElementById('root');
  if (!root) throw new Error('taskpane.html has no #root element');
  const session = new Session();
  const initialLocale = localeOf(displayLanguage());
  let locale = initialLocale;
  const client = createApi({ getToken: session.token, locale: () => locale });
  document.documentElement.lang = locale;

  createRoot(root).render(
    <StrictMode>
      <App
        client={client}
        session={session}
        item={currentItem()}
        initialLocale={initialLocale}
        dark={prefersDark()}
        portalUrl={window.location.origin}
        connectMicrosoft={connectMicrosoft}
        onLocaleChange={(next) => {
          locale = next;
          document.documentElement.lang = next;
        }}
      />
    </StrictMode>,
  );
});
