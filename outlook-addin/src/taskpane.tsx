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

/**
 * Opened in a plain browser, or where Office.js could not load, the pane has
 * no item to read: it says where it works instead of staying blank.
 */
function outsideOutlook(root: HTMLElement) {
  const french = navigator.language.toLowerCase().startsWith('fr');
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.style.cssText = 'font: 14px/1.5 system-ui, sans-serif; margin: 16px';
  message.textContent = french
    ? 'Ce volet s’ouvre depuis Outlook : choisissez Relais dans un message ou une ' +
      'nouvelle fenêtre de rédaction.'
    : 'This pane opens from Outlook: choose Relais in a message or a new ' +
      'compose window.';
  root.replaceChildren(message);
}

const root = document.getElementById('root');
if (!root) throw new Error('taskpane.html has no #root element');

// Classic Outlook may load the page before Office is ready: nothing reads
// the item before onReady.
if (typeof Office === 'undefined') outsideOutlook(root);
else
  void Office.onReady((info) => {
    if (!info.host || !Office.context?.mailbox) {
      outsideOutlook(root);
      return;
    }
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
