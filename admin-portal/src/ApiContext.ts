import { createContext, useContext } from 'react';
import type { RelaisClient } from 'core-api/client';

/** The API client of the portal; tests provide one built on a fake fetch. */
export const ApiContext = createContext<RelaisClient | null>(null);

/** The API client; throws when a component is rendered outside `ApiContext`. */
export function useApi(): RelaisClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi() needs an ApiContext provider');

  return client;
}
