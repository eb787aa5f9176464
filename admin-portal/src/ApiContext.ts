import { createContext, useContext } from 'react';
import type { PortalClient } from './api.ts';

/** The API client of the portal; tests provide one built on a fake fetch. */
export const ApiContext = createContext<PortalClient | null>(null);

/** The API client; throws when a component is rendered outside `ApiContext`. */
export function useApi(): PortalClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi() needs an ApiContext provider');

  return client;
}
