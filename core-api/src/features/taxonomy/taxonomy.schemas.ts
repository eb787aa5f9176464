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
