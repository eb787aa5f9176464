import {
  createRelaisClient,
  RelaisApiError,
  type RelaisClient,
} from 'core-api/client';
import type { Translate } from './i18n/translate.ts';
import { readLocale } from './preferences.ts';

/** Where the bearer token lives: for this tab only, gone when it closes. */
export const TOKEN_KEY = 'relais.token';

/** The token of this tab's session, or null. */
export function readToken(): string | null {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** Keeps the token for the calls that follow and for a reload. */
export function saveToken(token: string): void {
  window.sessionStorage.setItem(TOKEN_KEY, token);
}

/** Forgets the token (sign-out, expired or refused session). */
export function clearToken(): void {
  try {
    window.sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage unavailable: there is no token to forget.
  }
}

export type ApiClientOptions = {
  /** Replaces the browser's `fetch` (component tests answer like the API). */
  fetch?: typeof fetch;
};

/**
 * Creates the client of the API served on the same origin (Vite proxies
 * `/api` in development), sending the tab's token and the chosen language
 * so the server words its error messages in it.
 */
export function createApiClient(options: ApiClientOptions = {}): RelaisClient {
  return createRelaisClient({
    baseUrl: '',
    getToken: readToken,
    locale: readLocale,
    fetch: options.fetch,
  });
}

/** Whether an error is an answer of the API (as opposed to a network failure). */
export function isApiError(error: unknown): error is RelaisApiError {
  return error instanceof RelaisApiError;
}

/** The message to show for a failed call: the server's own, else a network hint. */
export function errorMessage(error: unknown, t: Translate): string {
  // A body-less answer (a proxy's 502, a timeout) has no message worth showing.
  if (isApiError(error) && error.body) return error.message;

  return t('errors.network');
}
