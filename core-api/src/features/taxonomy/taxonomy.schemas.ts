import { z } from 'zod';

export const termKinds = ['domain', 'sector', 'category'] as const;
export type TermKind = (typeof termKinds)[number];

export const termInput = z.object({
  kind: z.enum(termKinds),
  label: z
    .string()
    .trim()
    .min(1, { message: 'libellé requis / label required' })
    .max(200),
  labelEn: z.string().trim().min(1).max(200).nullish(),
  parentId: z.number().int().positive().nullish(),
  position: z.number().int().min(0).default(0),
});

export const termUpdate = z.object({
  label: z
    .string()
    .trim()
    .min(1, { message: 'libellé requis / label required' })
    .max(200),
  labelEn: z.string().trim().min(1).max(200).nullish(),
  parentId: z.number().int().positive().nullish(),
  position: z.number().int().min(0).default(0),
  version: z.number().int().positive(),
});

export const termDto = z.object({
  id: z.number().int(),
  kind: z.enum(termKinds),
  label: z.string(),
  labelEn: z.string().nullable(),
  parentId: z.number().int().nullable(),
  position: z.number().int(),
  version: z.number().int(),
  deletedAt: z.string().nullable(),
});

export type TermDto = z.infer<typeof termDto>;

export const termListQuery = z.object({
  kind: z.enum(termKinds).optional(),
  deleted: z.enum(['only', 'exclude']).default('exclude'),
});

export const termList = z.object({ items: z.array(termDto) });

/**
 * How many live records use a term: its own links (a contact's or a
 * company's classification, a company's sector) and, for a domain, those
 * of its sub-domains counted with it (what deleting the domain touches).
 */
export const termUsageDto = z.object({
  termId: z.number().int(),
  contacts: z.number().int(),
  companies: z.number().int(),
  /** With the live sub-domains: each record counted once. */
  contactsWithin: z.number().int(),
  companiesWithin: z.number().int(),
});

export type TermUsageDto = z.infer<typeof termUsageDto>;

/** Only the terms some live record uses are listed. */
export const termUsageList = z.object({ items: z.array(termUsageDto) });

/** A new order for the live terms of one kind under one parent. */
export const termOrderInput = z.object({
  kind: z.enum(termKinds),
  /** The domain whose sub-domains these are; null for top-level terms. */
  parentId: z.number().int().positive().nullable().default(null),
  /** Every live sibling, once each, in the order wanted. */
  ids: z
    .array(z.number().int().positive())
    .min(1)
    .max(1000)
    .refine((ids) => new Set(ids).size === ids.length, {
      message: 'identifiants en double / duplicate ids',
    }),
});

export type TermOrderInput = z.input<typeof termOrderInput>;
