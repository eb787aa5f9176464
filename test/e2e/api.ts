import type { RelaisServer } from './server.ts';

/**
 * Calls the API of a test's Relais as a user, apart from any page: another
 * session (a colleague's save) or a check of what the page wrote.
 */
export async function callApi<T = Record<string, unknown>>(
  server: RelaisServer,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);

  return response.json() as Promise<T>;
}
