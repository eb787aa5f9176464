import { app, authentication, pages } from '@microsoft/teams-js';
import {
  HostAuthError,
  type FrameKind,
  type HostContext,
  type HostTheme,
  type TabHost,
} from './host.ts';

/** The only module that talks to teams-js: everything else sees `TabHost`. */

const themes: HostTheme[] = ['default', 'dark', 'contrast'];

function themeOf(name: string | undefined): HostTheme {
  return themes.find((theme) => theme === name) ?? 'default';
}

function frameOf(name: string | undefined): FrameKind {
  return name === 'content' || name === 'settings' || name === 'authentication'
    ? name
    : 'other';
}

/** The reason in a teams-js failure (`resourceRequiresConsent`…). */
function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The consent page, served beside the tab. */
export const consentPage = '/teams/consent.html';

/**
 * Connects to Teams. Null when the page is not inside a Teams host (opened
 * in a browser): the tab then offers a Relais account instead.
 */
export async function connectTeams(): Promise<TabHost | null> {
  if (window.parent === window && !window.opener) return null;
  try {
    await app.initialize();
  } catch {
    return null;
  }
  const raw = await app.getContext();
  const context: HostContext = {
    locale: raw.app.locale,
    theme: themeOf(raw.app.theme),
    frame: frameOf(raw.page.frameContext),
    subPageId: raw.page.subPageId,
    tenantId: raw.user?.tenant?.id,
    loginHint: raw.user?.loginHint,
  };

  return {
    context,
    onThemeChange: (handler) =>
      app.registerOnThemeChangeHandler((name) => handler(themeOf(name))),
    getToken: async () => {
      try {
        return await authentication.getAuthToken();
      } catch (error) {
        throw new HostAuthError(reasonOf(error));
      }
    },
    requestConsent: async () => {
      try {
        await authentication.authenticate({
          url: `${window.location.origin}${consentPage}`,
          width: 600,
          height: 535,
        });
      } catch (error) {
        throw new HostAuthError(reasonOf(error));
      }
    },
    setConfigValid: (valid) => pages.config.setValidityState(valid),
    onConfigSave: (save) =>
      pages.config.registerOnSaveHandler(async (event) => {
        try {
          await pages.config.setConfig(await save());
          event.notifySuccess();
        } catch (error) {
          event.notifyFailure(reasonOf(error));
        }
      }),
  };
}

/** Ends the consent window: Teams hands the outcome to the tab. */
export function finishAuthentication(
  answer: { ok: true } | { ok: false; reason: string },
): void {
  if (!app.isInitialized()) return;
  if (answer.ok) authentication.notifySuccess();
  else authentication.notifyFailure(answer.reason);
}

/** Tells Teams the page is drawn (it hides its loading indicator). */
export function notifyLoaded(): void {
  if (app.isInitialized()) void app.notifySuccess();
}

/** Tells Teams the page could not start. */
export function notifyFailed(message: string): void {
  if (app.isInitialized())
    app.notifyFailure({ reason: app.FailedReason.Other, message });
}
