/**
 * What the tab needs from the page that frames it. Teams provides it through
 * teams-js (`teams.ts`); outside Teams there is no host and the tab falls
 * back to a Relais account. Components depend on this type only, so their
 * tests hand them a host of their own.
 */

/** The Teams themes: `default` is the light one. */
export type HostTheme = 'default' | 'dark' | 'contrast';

/** Where the page runs: the tab itself, or its configuration in a channel. */
export type FrameKind = 'content' | 'settings' | 'authentication' | 'other';

export type HostContext = {
  /** Teams' language tag (`fr-fr`, `en-us`). */
  locale: string;
  theme: HostTheme;
  frame: FrameKind;
  /** The deep link's sub-page (`liste-12` opens that list). */
  subPageId?: string;
  /** Directory of the signed-in user, for the consent page. */
  tenantId?: string;
  /** The user's sign-in name: a hint only, never an identity. */
  loginHint?: string;
};

/** Teams refused a token; `consent` when the user must agree first. */
export class HostAuthError extends Error {
  readonly consent: boolean;

  constructor(reason: string) {
    super(reason);
    this.name = 'HostAuthError';
    this.consent = isConsentReason(reason);
  }
}

/**
 * Whether an error is Teams refusing a token. By name, not `instanceof`:
 * the error crosses the API client, and a bundle may hold two copies.
 */
export function isHostAuthError(error: unknown): error is HostAuthError {
  return error instanceof Error && error.name === 'HostAuthError';
}

/**
 * The reasons Teams and Entra ID give when the user (or an administrator)
 * has not consented to the app's scope yet.
 */
const consentReasons = [
  'resourceRequiresConsent',
  'consent_required',
  'interaction_required',
  'invalid_grant',
  'AADSTS65001',
];

export function isConsentReason(reason: string): boolean {
  const lower = reason.toLowerCase();

  return consentReasons.some((known) => lower.includes(known.toLowerCase()));
}

/** What a channel tab's configuration saves. */
export type TabConfig = {
  contentUrl: string;
  entityId: string;
  suggestedDisplayName: string;
  websiteUrl?: string;
};

export interface TabHost {
  context: HostContext;
  onThemeChange(handler: (theme: HostTheme) => void): void;
  /** A token for the Relais API, from Teams single sign-on. */
  getToken(): Promise<string>;
  /** Opens the consent page in Teams' window; resolves once agreed. */
  requestConsent(): Promise<void>;
  /** Channel configuration: whether Save may be clicked. */
  setConfigValid(valid: boolean): void;
  /** Channel configuration: what Save stores, asked when it is clicked. */
  onConfigSave(save: () => TabConfig | Promise<TabConfig>): void;
}

/** The list a tab or a deep link opens: `?listId=12` or `liste-12`. */
export function listIdFrom(
  search: string,
  subPageId: string | undefined,
): number | null {
  const fromQuery = new URLSearchParams(search).get('listId');
  const fromLink = /^liste-(\d+)$/.exec(subPageId ?? '')?.[1];
  const id = Number(fromQuery ?? fromLink ?? NaN);

  return Number.isInteger(id) && id > 0 ? id : null;
}
