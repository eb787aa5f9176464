/**
 * The typed client of contacts' history of interactions (issue #5, R21):
 * read, add and delete lines, and log an e-mail from Outlook. Browser-safe
 * like the rest of the client.
 */
import type {
  InteractionDto,
  InteractionInput,
  InteractionPage,
  InteractionQuery,
  LogEmailInput,
  LogEmailReport,
} from '../features/history/history.schemas.ts';

export * from '../features/history/history.schemas.ts';

type Query = Record<string, string | number | boolean | undefined>;

/** The request function of `createRelaisClient`, as the history uses it. */
type Call = <T>(
  method: string,
  path: string,
  body?: unknown,
  query?: Query,
) => Promise<T>;

/** The `history` part of the client. */
export function historyClient(call: Call) {
  const of = (contactId: number) => `/api/contacts/${contactId}/interactions`;

  return {
    /** A contact's history, newest first; `kind` filters (`call,meeting`). */
    list: (contactId: number, query: InteractionQuery = {}) =>
      call<InteractionPage>('GET', of(contactId), undefined, query as Query),
    add: (contactId: number, input: InteractionInput) =>
      call<InteractionDto>('POST', of(contactId), input),
    /** Its author may delete a line, and administrators. */
    remove: (id: number) => call<void>('DELETE', `/api/interactions/${id}`),
    /** Logs an e-mail for every contact it involves; twice changes nothing. */
    logEmail: (input: LogEmailInput) =>
      call<LogEmailReport>('POST', '/api/interactions/log-email', input),
  };
}
