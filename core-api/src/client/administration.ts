/**
 * The typed client of the administration screens: the taxonomy's usage,
 * order and deleted terms, local accounts and their status, and the audit
 * log's filters and CSV export. Browser-safe like the rest of the client.
 */
import type { z } from 'zod';
import type {
  AuditFacets,
  auditFilterQuery,
} from '../features/audit/audit.schemas.ts';
import type {
  TermDto,
  TermOrderInput,
  TermUsageDto,
} from '../features/taxonomy/taxonomy.schemas.ts';
import type { NewUserInput } from '../features/users/new-user.schemas.ts';
import type { ManagedUserDto } from '../features/users/users.schemas.ts';
import type { Call, Query } from './call.ts';
import { fileNameOf, fileRequests } from './exports.ts';
import type { ClientOptions } from './index.ts';

export * from '../features/users/new-user.schemas.ts';
export * from '../features/users/user-status.schemas.ts';

/** The audit log's filters, as the export takes them. */
export type AuditFilterInput = z.input<typeof auditFilterQuery>;

/** The taxonomy methods only administrators use. */
export function taxonomyAdminClient(call: Call) {
  return {
    /** The deleted terms, to restore (one kind, or all). */
    deleted: (kind?: TermDto['kind']) =>
      call<{ items: TermDto[] }>('GET', '/api/taxonomy', undefined, {
        kind,
        deleted: 'only',
      }),
    /** Brings a term back, with the sub-domains deleted with it. */
    restore: (id: number) =>
      call<TermDto>('POST', `/api/taxonomy/${id}/restore`),
    /** How many contacts and companies use each term. */
    usage: () => call<{ items: TermUsageDto[] }>('GET', '/api/taxonomy/usage'),
    /** Orders every live term of one level (409 when the level changed). */
    order: (input: TermOrderInput) =>
      call<{ items: TermDto[] }>('PUT', '/api/taxonomy/order', input),
  };
}

/** The account methods of the users screen. */
export function accountsClient(call: Call) {
  return {
    /** A local account; without a password, the answer carries a one-time one. */
    create: (input: NewUserInput) =>
      call<{ user: ManagedUserDto; oneTimePassword?: string }>(
        'POST',
        '/api/users',
        input,
      ),
    /** Deactivates (`false`) or reactivates an account. */
    setActive: (id: number, active: boolean) =>
      call<ManagedUserDto>('PUT', `/api/users/${id}/active`, { active }),
  };
}

/** The audit log's filter values and its CSV export. */
export function auditAdminClient(call: Call, options: ClientOptions) {
  const request = fileRequests(options);

  return {
    facets: () => call<AuditFacets>('GET', '/api/audit/facets'),
    /** The filtered log as a CSV file, newest first. */
    exportCsv: async (filter: AuditFilterInput, lang: 'fr' | 'en') => {
      const search = new URLSearchParams({ lang });
      for (const [key, value] of Object.entries(filter as Query)) {
        if (value !== undefined) search.set(key, String(value));
      }
      const response = await request('GET', `/api/audit/export?${search}`);

      return {
        blob: await response.blob(),
        fileName: fileNameOf(
          response.headers.get('content-disposition'),
          'journal-audit.csv',
        ),
      };
    },
  };
}
