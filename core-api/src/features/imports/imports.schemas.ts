import { z } from 'zod';

export const importIssue = z.object({
  line: z.number().int(),
  field: z.string().optional(),
  reason: z.string(),
  reasonEn: z.string(),
  /** `error`: the row was not imported; `warning`: it was, without that value. */
  severity: z.enum(['error', 'warning']),
});

export type ImportIssue = z.infer<typeof importIssue>;

export const importReport = z.object({
  batchId: z.number().int().nullable(),
  fileName: z.string(),
  format: z.string(),
  dryRun: z.boolean(),
  totalRows: z.number().int(),
  created: z.number().int(),
  rejected: z.number().int(),
  warnings: z.number().int(),
  companiesCreated: z.number().int(),
  issues: z.array(importIssue),
  issuesTruncated: z.boolean(),
  /** Duplicates found among the new contacts and with the base, queued for review. */
  duplicates: z.object({
    withBase: z.number().int(),
    withinFile: z.number().int(),
    same: z.number().int(),
    maybe: z.number().int(),
    ambiguous: z.number().int(),
    tookMs: z.number(),
  }),
  tookMs: z.number(),
});

export type ImportReport = z.infer<typeof importReport>;

export const importQuery = z.object({
  fileName: z
    .string()
    .trim()
    .min(1, { message: 'nom de fichier requis / file name required' })
    .max(300)
    .refine((name) => !/[\\/\0]/.test(name), {
      message: 'nom de fichier invalide / invalid file name',
    }),
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

export const importBatchDto = z.object({
  id: z.number().int(),
  fileName: z.string(),
  format: z.string(),
  status: z.string(),
  totalRows: z.number().int(),
  createdCount: z.number().int(),
  rejectedCount: z.number().int(),
  createdAt: z.string(),
  report: importReport.nullable(),
});

export const undoQuery = z.object({
  force: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

export const undoReport = z.object({
  batchId: z.number().int(),
  contactsRemoved: z.number().int(),
  companiesRemoved: z.number().int(),
  /** Contacts changed by someone after the import, removed with `force`. */
  editedSinceImport: z.number().int(),
});

export type UndoReport = z.infer<typeof undoReport>;
