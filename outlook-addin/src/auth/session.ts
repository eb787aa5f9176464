import type { MicrosoftTokens } from './microsoft.ts';

/** Where a local account's session token lives: this pane only. */
export const LOCAL_TOKEN_KEY = 'relais.addin.token';

/**
 * Who the pane calls the API as: a Microsoft account (tokens asked of MSAL
 * or the dialog at each call, never stored by the pane) or a local Relais
 * account (its session token, kept for this pane's life). The token only
 * ever travels in the Authorization header.
 */
export class Session {
  private microsoft: MicrosoftTokens | null = null;
  private local: string | null;

  constructor(private readonly storage: Storage | null = safeStorage()) {
    this.local = storage?.getItem(LOCAL_TOKEN_KEY) ?? null;
  }

  get kind(): 'microsoft' | 'local' | null {
    if (this.microsoft) return 'microsoft';

    return this.local ? 'local' : null;
  }

  useMicrosoft(tokens: MicrosoftTokens): void {
    this.microsoft = tokens;
    this.setLocal(null);
  }

  useLocal(token: string): void {
    this.microsoft = null;
    this.setLocal(token);
  }

  clear(): void {
    this.microsoft = null;
    this.setLocal(null);
  }

  /** The token for the next call (no prompt), or null when signed out. */
  readonly token = async (): Promise<string | null> =>
    this.microsoft ? this.microsoft.token(false) : this.local;

  private setLocal(token: string | null): void {
    this.local = token;
    if (token) this.storage?.setItem(LOCAL_TOKEN_KEY, token);
    else this.storage?.removeItem(LOCAL_TOKEN_KEY);
  }
}

function safeStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage refused (private mode): the session lasts as long as the page.
    return null;
  }
}
