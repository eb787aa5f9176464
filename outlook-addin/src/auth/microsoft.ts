import {
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import type { EntraClientDto } from 'core-api/client';

/** What Microsoft sign-in needs, as `GET /api/auth/entra` gives it. */
export type MicrosoftSettings = {
  clientId: string;
  /** Full authority: sign-in host and tenant (`…/organizations`). */
  authority: string;
  scope: string;
};

/** A way to get access tokens for the API from Microsoft. */
export type MicrosoftTokens = {
  /** `naa` (nested app authentication) or `dialog` (Office dialog API). */
  via: 'naa' | 'dialog';
  /**
   * A token for the API; `interactive` allows a prompt (a click started
   * it), otherwise only what needs no prompt is tried.
   */
  token: (interactive: boolean) => Promise<string>;
};

/** A sign-in that cannot finish without the person (a click, consent). */
export class SignInNeeded extends Error {}

/** The Office dialog could not show or was closed before signing in. */
export class DialogFailed extends Error {
  readonly reason: 'blocked' | 'closed' | 'failed';

  constructor(
    reason: 'blocked' | 'closed' | 'failed',
    message: string = reason,
  ) {
    super(message);
    this.reason = reason;
  }
}

/**
 * The settings from the server's answer, or null when Entra ID is off. The
 * authority is the one directory Relais trusts, or `organizations` when it
 * trusts several (a multi-tenant registration).
 */
export function settingsOf(answer: EntraClientDto): MicrosoftSettings | null {
  if (!answer.enabled || !answer.clientId || !answer.authority || !answer.scope)
    return null;

  return {
    clientId: answer.clientId,
    authority: `${answer.authority}/${answer.tenantId ?? 'organizations'}`,
    scope: answer.scope,
  };
}

/**
 * Nested app authentication: Outlook itself signs the person in and hands
 * tokens to the pane through its bridge. Null when the host lacks it
 * (requirement set NestedAppAuth 1.1). Tokens stay in MSAL's memory cache.
 */
export async function nestedTokens(
  settings: MicrosoftSettings,
): Promise<MicrosoftTokens | null> {
  if (!Office.context.requirements.isSetSupported('NestedAppAuth', '1.1'))
    return null;
  const pca: IPublicClientApplication =
    await createNestablePublicClientApplication({
      auth: { clientId: settings.clientId, authority: settings.authority },
      cache: { cacheLocation: 'memoryStorage' },
    });
  const request = { scopes: [settings.scope] };

  return {
    via: 'naa',
    token: async (interactive) => {
      try {
        return (await pca.acquireTokenSilent(request)).accessToken;
      } catch (error) {
        if (!(error instanceof InteractionRequiredAuthError)) throw error;
        if (!interactive) throw new SignInNeeded(error.errorCode);

        return (await pca.acquireTokenPopup(request)).accessToken;
      }
    },
  };
}

/** What the dialog page sends back once signed in. */
export type DialogAnswer =
  | { ok: true; accessToken: string; expiresOn: number }
  | { ok: false; error: string };

/** Office's dialog error codes that mean the person or the browser refused. */
const blockedCodes = new Set([12009, 12011]);
const closedCode = 12006;

/** Opens the sign-in page in an Office dialog and waits for its answer. */
function openDialog(url: string): Promise<DialogAnswer> {
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(
      url,
      { height: 60, width: 30, promptBeforeOpen: false },
      (opened) => {
        if (opened.status === Office.AsyncResultStatus.Failed) {
          const blocked = blockedCodes.has(opened.error.code);
          reject(new DialogFailed(blocked ? 'blocked' : 'failed'));
          return;
        }
        const dialog = opened.value;
        dialog.addEventHandler(
          Office.EventType.DialogMessageReceived,
          (arg) => {
            dialog.close();
            const message = 'message' in arg ? arg.message : '';
            try {
              resolve(JSON.parse(message) as DialogAnswer);
            } catch {
              reject(new DialogFailed('failed'));
            }
          },
        );
        dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
          const code = 'error' in arg ? arg.error : 0;
          reject(new DialogFailed(code === closedCode ? 'closed' : 'failed'));
        });
      },
    );
  });
}

/**
 * The fallback where nested authentication is missing: the dialog page
 * signs in with MSAL (redirect) and sends the token back through Office.
 * The token is kept in memory until a minute before it expires.
 */
export function dialogTokens(dialogUrl: string): MicrosoftTokens {
  let held: { accessToken: string; expiresOn: number } | null = null;

  return {
    via: 'dialog',
    token: async (interactive) => {
      if (held && held.expiresOn - 60_000 > Date.now()) return held.accessToken;
      if (!interactive) throw new SignInNeeded('dialog');
      const answer = await openDialog(dialogUrl);
      if (!answer.ok) throw new DialogFailed('failed', answer.error);
      held = { accessToken: answer.accessToken, expiresOn: answer.expiresOn };

      return held.accessToken;
    },
  };
}
