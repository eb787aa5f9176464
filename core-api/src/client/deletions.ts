/**
 * The typed client of deletions made from a table's selection, and of
 * their undo. Browser-safe like the rest of the client.
 */
import type {
  ContactDeletionDto,
  ContactDeletionRequest,
  DeletionUndoDto,
} from '../features/contacts/contact-deletions.schemas.ts';
import type { ClientCall } from './targeting.ts';

export * from '../features/contacts/contact-deletions.schemas.ts';

/** The `contactDeletions` part of the client. */
export function contactDeletionsClient(call: ClientCall) {
  return {
    /** Deletes the selection, if it still counts `expected` contacts. */
    create: (request: ContactDeletionRequest) =>
      call<ContactDeletionDto>('POST', '/api/contacts/deletions', request),
    /** Takes a deletion back (its author for a while, an administrator always). */
    undo: (id: number) =>
      call<DeletionUndoDto>('POST', `/api/contacts/deletions/${id}/undo`),
  };
}
