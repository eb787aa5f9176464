/**
 * The sign-in page Outlook opens in a dialog where the host lacks nested app
 * authentication. It signs in with MSAL by redirect (the dialog is a
 * top-level window, where Microsoft's sign-in page may show), then hands
 * the access token to the task pane through `messageParent`, never through
 * an address.
 */
import { PublicClientApplication } from '@azure/msal-browser';
import { createRelaisClient } from 'core-api/client';
import { settingsOf, type DialogAnswer } from './auth/microsoft.ts';

function answer(message: DialogAnswer): void {
  Office.context.ui.messageParent(JSON.stringify(message));
}

async function signIn(): Promise<void> {
  const client = createRelaisClient({ getToken: () => null });
  const settings = settingsOf(await client.auth.entra());
  if (!settings) {
    answer({ ok: false, error: 'entra_disabled' });
    return;
  }
  const pca = new PublicClientApplication({
    auth: {
      clientId: settings.clientId,
      authority: settings.authority,
      redirectUri: `${window.location.origin}${window.location.pathname}`,
    },
    cache: { cacheLocation: 'sessionStorage' },
  });
  await pca.initialize();
  const request = { scopes: [settings.scope] };
  const back = await pca.handleRedirectPromise();
  const account = back?.account ?? pca.getAllAccounts()[0];
  if (!account) {
    await pca.loginRedirect(request);
    return;
  }
  const result = await pca.acquireTokenSilent({ ...request, account });
  // Only the pane keeps the token: this window's cache goes with it.
  await pca.clearCache();
  answer({
    ok: true,
    accessToken: result.accessToken,
    expiresOn: result.expiresOn?.getTime() ?? Date.now() + 300_000,
  });
}

void Office.onReady(() =>
  signIn().catch((error: unknown) =>
    answer({
      ok: false,
      error: error instanceof Error ? error.name : 'sign_in_failed',
    }),
  ),
);
