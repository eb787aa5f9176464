import {
  createRelaisClient,
  inLanguage,
  RelaisApiError,
  type RelaisClient,
} from 'core-api/client';
import type { Locale } from './i18n/messages.ts';
import type { Translate } from './i18n/i18n.tsx';

export type ApiOptions = {
  /** The bearer token to send, or null when signed out. */
  getToken: () => Promise<string | null>;
  locale: () => Locale;
  /** Replaces the browser's `fetch` (component tests answer like the API). */
  fetch?: typeof fetch;
};

/** The client of the API served on the pane's own origin. */
export function createApi(options: ApiOptions): RelaisClient {
  return createRelaisClient({
    baseUrl: '',
    getToken: options.getToken,
    locale: options.locale,
    fetch: options.fetch,
  });
}

/**
 * The lines to show for a failed call: the server's message and each field
 * it named, or a network hint when no answer came.
 */
export function errorLines(
  error: unknown,
  t: Translate,
  locale: Locale,
): string[] {
  if (!(error instanceof RelaisApiError) || !error.body)
    return [t('errors.network')];
  const fields = (error.body.error.fields ?? []).map(({ path, message }) =>
    t('errors.field', { field: path, message: inLanguage(message, locale) }),
  );

  return [error.message, ...fields];
}

/** Whether the API answered with this error code. */
export function hasCode(error: unknown, code: string): boolean {
  return error instanceof RelaisApiError && error.code === code;
}
