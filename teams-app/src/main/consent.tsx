import { createRelaisClient } from 'core-api/client';
import {
  authorizeUrl,
  consentSecrets,
  consentStateKey,
  readConsentAnswer,
} from '../auth/consent.ts';
import { connectTeams, finishAuthentication } from '../host/teams.ts';
import { translate } from '../i18n/I18n.tsx';
import { localeOf } from '../i18n/messages.ts';

/**
 * The page Teams opens for consent (`authentication.authenticate`): first
 * visit, it sends the user to Entra ID; back from there, it tells Teams the
 * outcome, and Teams closes the window.
 */
async function run(): Promise<void> {
  const root = document.getElementById('root') as HTMLElement;
  const host = await connectTeams();
  const locale = localeOf(host?.context.locale);
  const say = (text: string) => {
    root.textContent = text;
  };
  const answer = readConsentAnswer(
    window.location.search,
    window.sessionStorage.getItem(consentStateKey),
  );

  if (answer) {
    window.sessionStorage.removeItem(consentStateKey);
    if (answer.ok) say(translate(locale, 'consent.done'));
    else say(translate(locale, 'consent.failed', { reason: answer.reason }));
    finishAuthentication(answer);
    return;
  }

  say(translate(locale, 'consent.working'));
  const entra = await createRelaisClient({ getToken: () => null }).auth.entra();
  if (!entra.enabled || !entra.clientId || !entra.authority || !entra.scope) {
    say(translate(locale, 'consent.failed', { reason: 'entra_disabled' }));
    finishAuthentication({ ok: false, reason: 'entra_disabled' });
    return;
  }
  const { state, challenge } = await consentSecrets();
  window.sessionStorage.setItem(consentStateKey, state);
  window.location.assign(
    authorizeUrl({
      authority: entra.authority,
      tenantId: host?.context.tenantId ?? entra.tenantId ?? undefined,
      clientId: entra.clientId,
      scope: entra.scope,
      redirectUri: `${window.location.origin}${window.location.pathname}`,
      state,
      challenge,
      loginHint: host?.context.loginHint,
    }),
  );
}

void run();
