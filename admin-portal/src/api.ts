import {
  createRelaisClient,
  inLanguage,
  RelaisApiError,
  type RelaisClient,
} from 'core-api/client';
import type { Locale } from './i18n/messages.ts';
import { isMessageKey, type Translate } from './i18n/translate.ts';
import { readLocale } from './preferences.ts';

export { inLanguage };

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

/**
 * Whether trying the same call again can help: a network failure or a
 * server fault may pass; a record deleted, missing or refused to this
 * user stays so.
 */
export function worthRetrying(error: unknown): boolean {
  return !(
    isApiError(error) && ['GONE', 'NOT_FOUND', 'FORBIDDEN'].includes(error.code)
  );
}

/** The message to show for a failed call: the server's own, else a network hint. */
export function errorMessage(error: unknown, t: Translate): string {
  // A body-less answer (a proxy's 502, a timeout) has no message worth showing.
  if (isApiError(error) && error.body) return error.message;

  return t('errors.network');
}

/** The fields an API error names, as `Label : problem` lines. */
export function errorDetails(
  error: unknown,
  t: Translate,
  locale: Locale,
): string[] {
  if (!isApiError(error)) return [];

  return (error.body?.error.fields ?? []).map(({ path, message }) => {
    const key = `field.${path}`;
    const label = isMessageKey(key) ? t(key) : path;

    return t('errors.field', {
      field: label,
      message: inLanguage(message, locale),
    });
  });
}

/**
 * The API's message for one field of a refused request (or for a part of
 * it: `rules.survivor` also finds `rules.survivor.1`), in the reader's
 * language; undefined when it named no problem there.
 */
export function fieldError(
  error: unknown,
  path: string,
  locale: Locale,
): string | undefined {
  if (!isApiError(error)) return undefined;
  const found = error.body?.error.fields?.find(
    (field) => field.path === path || field.path.startsWith(`${path}.`),
  );

  return found && inLanguage(found.message, locale);
}

/** Whether the API answered that what was asked for does not exist. */
export function isNotFound(error: unknown): boolean {
  return isApiError(error) && error.code === 'NOT_FOUND';
}

/** Whether a save was refused because someone saved another version first. */
export function isVersionConflict(error: unknown): boolean {
  return isApiError(error) && error.code === 'VERSION_CONFLICT';
}
