import { createContext, useContext } from 'react';
import { createRelaisClient, type RelaisClient } from 'core-api/client';
import type { Locale } from './i18n/messages.ts';

/**
 * The typed client of the API on the tab's own origin, sending the token
 * `getToken` returns in the Authorization header (never in an address).
 */
export function createTabClient(
  getToken: () => Promise<string | null>,
  locale: Locale,
): RelaisClient {
  return createRelaisClient({ getToken, locale: () => locale });
}

export const ApiContext = createContext<RelaisClient | null>(null);

/** The API client of the signed-in tab. */
export function useApi(): RelaisClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi() outside a signed-in tab');

  return client;
}
