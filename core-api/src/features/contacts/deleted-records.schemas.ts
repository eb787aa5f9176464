import { z } from 'zod';
import { nameWords, pageOf } from '../common.schemas.ts';
import { companySummary } from '../companies/companies.schemas.ts';
import { contactSummary } from './contacts.schemas.ts';

/** Deleted contacts or companies, latest deletion first, found by name. */
export const deletedQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  name: nameWords,
});

export type DeletedQuery = z.input<typeof deletedQuery>;

/** When a record was deleted, and by whom (as the audit trail names them). */
const deletion = {
  deletedAt: z.string(),
  /** Null when no event names the deletion (an import taken back). */
  deletedBy: z.string().nullable(),
};

export const deletedContact = contactSummary.extend({
  ...deletion,
  /** Set when the contact went into another by a merge. */
  mergedIntoId: z.number().int().nullable(),
});

export type DeletedContactDto = z.infer<typeof deletedContact>;

export const deletedCompany = companySummary.extend(deletion);

export type DeletedCompanyDto = z.infer<typeof deletedCompany>;

export const deletedContactPage = pageOf(deletedContact);
export type DeletedContactPage = z.infer<typeof deletedContactPage>;

export const deletedCompanyPage = pageOf(deletedCompany);
export type DeletedCompanyPage = z.infer<typeof deletedCompanyPage>;

/** Records to bring back at once: a page's selection. */
export const restorationRequest = z.object({
  ids: z
    .array(z.number().int().positive().max(2_147_483_647))
    .min(1, { message: 'au moins un identifiant / at least one id' })
    .max(100, { message: '100 fiches au plus / 100 records at most' }),
});

export type RestorationRequest = z.input<typeof restorationRequest>;

/** What became of one record: back, or why not (French and English). */
export const restorationResult = z.object({
  id: z.number().int(),
  /** The record's name; null when no record has this id. */
  name: z.string().nullable(),
  restored: z.boolean(),
  reason: z.string().nullable(),
  reasonEn: z.string().nullable(),
});

export type RestorationResultDto = z.infer<typeof restorationResult>;

export const restorationReport = z.object({
  restored: z.number().int(),
  results: z.array(restorationResult),
});

export type RestorationReportDto = z.infer<typeof restorationReport>;
