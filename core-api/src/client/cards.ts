/**
 * The typed client of what contact and company cards need besides the
 * records themselves (issue #6): the duplicate check before creating, the
 * lists a record belongs to, a company's audit trail. Browser-safe like the
 * rest of the client.
 */
import type { AuditPage } from '../features/audit/audit.schemas.ts';
import type {
  CompanyDuplicateAnswer,
  ContactDuplicateAnswer,
  RecordLists,
} from '../features/contacts/card-extras.schemas.ts';
import type { CompanyInput } from '../features/companies/companies.schemas.ts';
import type { ContactInput } from '../features/contacts/contacts.schemas.ts';

export * from '../features/contacts/card-extras.schemas.ts';

/** The request function of `createRelaisClient`, as the cards use it. */
type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** The `cards` part of the client. */
export function cardsClient(call: Call) {
  return {
    /** The contacts a contact about to be created may already be. */
    contactDuplicates: (input: ContactInput) =>
      call<ContactDuplicateAnswer>(
        'POST',
        '/api/contacts/possible-duplicates',
        input,
      ),
    /** The companies a company about to be created may already be. */
    companyDuplicates: (input: CompanyInput) =>
      call<CompanyDuplicateAnswer>(
        'POST',
        '/api/companies/possible-duplicates',
        input,
      ),
    /** The lists a contact is a member of. */
    contactLists: (id: number) =>
      call<RecordLists>('GET', `/api/contacts/${id}/lists`),
    /** The lists a company is a member of. */
    companyLists: (id: number) =>
      call<RecordLists>('GET', `/api/companies/${id}/lists`),
    /** Who changed a company, when and what, newest first. */
    companyAudit: (id: number) =>
      call<AuditPage>('GET', `/api/companies/${id}/audit`),
  };
}
