/**
 * The typed client of deletions made from a table's selection, and of
 * their undo. Browser-safe like the rest of the client.
 */
import type {
  ContactDeletionDto,
  ContactDeletionRequest,
  DeletionUndoDto,
} from '../features/contacts/contact-deletions.schemas.ts';
import type {
  DeletedCompanyPage,
  DeletedContactPage,
  DeletedQuery,
  RestorationReportDto,
} from '../features/contacts/deleted-records.schemas.ts';
import type { Query } from './call.ts';
import type { ClientCall } from './targeting.ts';

export * from '../features/contacts/contact-deletions.schemas.ts';
export * from '../features/contacts/deleted-records.schemas.ts';

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

/** The `deletedRecords` part of the client (administrators only). */
export function deletedRecordsClient(call: ClientCall) {
  const path = (entity: 'contact' | 'company') =>
    entity === 'contact' ? '/api/contacts' : '/api/companies';

  return {
    /** Deleted contacts, latest deletion first, found by name. */
    contacts: (query: DeletedQuery = {}) =>
      call<DeletedContactPage>(
        'GET',
        '/api/contacts/deleted',
        undefined,
        query as Query,
      ),
    /** Deleted companies, latest deletion first, found by name. */
    companies: (query: DeletedQuery = {}) =>
      call<DeletedCompanyPage>(
        'GET',
        '/api/companies/deleted',
        undefined,
        query as Query,
      ),
    /** Brings back many records at once, each one answering for itself. */
    restore: (entity: 'contact' | 'company', ids: number[]) =>
      call<RestorationReportDto>('POST', `${path(entity)}/restorations`, {
        ids,
      }),
  };
}
