import { z } from 'zod';
import { possibleDuplicate } from '../capture/capture.schemas.ts';
import { companySummary } from '../companies/companies.schemas.ts';

/**
 * What a card shows beside the record itself: who the record may
 * duplicate before it is created, and the lists it belongs to.
 */

/** The contacts a draft may duplicate, best first. */
export const contactDuplicateAnswer = z.object({
  items: z.array(possibleDuplicate),
});
export type ContactDuplicateAnswer = z.infer<typeof contactDuplicateAnswer>;

/** A company already in the base that may be the one being created. */
export const possibleCompanyDuplicate = z.object({
  company: companySummary,
  /** `same`: the same outlet written another way; `maybe`: worth a look. */
  outcome: z.enum(['same', 'maybe']),
  /** What the match rests on: `name`, `email`, `website`, `phone`. */
  fields: z.array(z.enum(['name', 'email', 'website', 'phone'])),
});
export type PossibleCompanyDuplicate = z.infer<typeof possibleCompanyDuplicate>;

export const companyDuplicateAnswer = z.object({
  items: z.array(possibleCompanyDuplicate),
});
export type CompanyDuplicateAnswer = z.infer<typeof companyDuplicateAnswer>;

/** The live lists a contact or a company is a member of, by name. */
export const recordLists = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      ownerName: z.string(),
    }),
  ),
});
export type RecordLists = z.infer<typeof recordLists>;
