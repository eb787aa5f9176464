import { z } from 'zod';
import { isColumnKey } from './readers/column-keys.ts';

export const importIssue = z.object({
  line: z.number().int(),
  field: z.string().optional(),
  reason: z.string(),
  reasonEn: z.string(),
  /** `error`: the row was not imported; `warning`: it was, without that value. */
  severity: z.enum(['error', 'warning']),
});

export type ImportIssue = z.infer<typeof importIssue>;

const fileName = z
  .string()
  .trim()
  .min(1, { message: 'nom de fichier requis / file name required' })
  .max(300)
  .refine((name) => !/[\\/\0]/.test(name), {
    message: 'nom de fichier invalide / invalid file name',
  });

/** A person's column choices: header → column key, or null to skip the column. */
export const columnChoices = z
  .record(
    z.string().trim().min(1).max(200),
    z
      .string()
      .refine(isColumnKey, {
        message: 'champ inconnu / unknown field',
      })
      .nullable(),
  )
  .refine((choices) => Object.keys(choices).length <= 200, {
    message: 'trop de colonnes / too many columns',
  });

/** How a staged file is read and applied. */
export const stageOptions = z.object({
  profileId: z.number().int().positive().optional(),
  columns: columnChoices.optional(),
  sheet: z.string().trim().min(1).max(100).optional(),
  dateOrder: z.enum(['dmy', 'mdy', 'ymd']).optional(),
  /** Contacts keep the id this source gives them (`feed:12`): the next run updates them. */
  externalSource: z.string().trim().min(1).max(100).optional(),
  /** Contacts of that source missing from this file are deactivated. */
  deactivateMissing: z.boolean().optional(),
});

export type StageOptions = z.infer<typeof stageOptions>;

export const rowOutcomes = [
  'create',
  'update',
  'merge',
  'review',
  'reject',
] as const;

const tableMapping = z.object({
  sheet: z.string().optional(),
  /** The header row's line. */
  line: z.number().int().optional(),
  columns: z.array(
    z.object({
      index: z.number().int(),
      header: z.string(),
      suggested: z.string().nullable(),
      key: z.string().nullable(),
    }),
  ),
  /** Columns left out: an earlier column already fills their single-valued field. */
  duplicates: z
    .array(
      z.object({
        index: z.number().int(),
        header: z.string(),
        firstIndex: z.number().int(),
        firstHeader: z.string(),
        key: z.string(),
      }),
    )
    .optional(),
});

/** The preview of a staged file: what committing it would do. */
export const stagedSummary = z.object({
  totalRows: z.number().int(),
  counts: z.object({
    create: z.number().int(),
    update: z.number().int(),
    merge: z.number().int(),
    review: z.number().int(),
    reject: z.number().int(),
  }),
  warnings: z.number().int(),
  issues: z.array(importIssue),
  issuesTruncated: z.boolean(),
  mappings: z.array(tableMapping),
  duplicates: z.object({
    /** Pairs with contacts of the base, for review. */
    withBase: z.number().int(),
    /** Pairs of two rows of the file, for review. */
    withinFile: z.number().int(),
    /** Rows folded into an earlier row of the file (one person). */
    mergedInFile: z.number().int(),
    /** Rows merged into a contact of the base. */
    mergedWithBase: z.number().int(),
  }),
  tookMs: z.number(),
});

export type StagedSummary = z.infer<typeof stagedSummary>;

/** What committing a staged batch did. */
export const commitReport = z.object({
  batchId: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  /** Rows merged into a contact of the base or into an earlier row of the file. */
  merged: z.number().int(),
  queuedForReview: z.number().int(),
  rejected: z.number().int(),
  deactivated: z.number().int(),
  companiesCreated: z.number().int(),
  tookMs: z.number(),
});

export type CommitReport = z.infer<typeof commitReport>;

export const importBatchDto = z.object({
  id: z.number().int(),
  fileName: z.string(),
  format: z.string(),
  status: z.enum([
    'staging',
    'staged',
    'committing',
    'running',
    'committed',
    'failed',
    'discarded',
    'undone',
    'expired',
  ]),
  /** The step running now: reading, matching, writing, committing. */
  phase: z.string().nullable(),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  totalRows: z.number().int(),
  createdCount: z.number().int(),
  rejectedCount: z.number().int(),
  options: stageOptions,
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  /** Why reading or committing failed, in French and English. */
  error: z.object({ fr: z.string(), en: z.string() }).nullable(),
  /** The preview, once the file is read. */
  preview: stagedSummary.nullable(),
  /** What committing did. */
  result: commitReport.nullable(),
});

export type ImportBatchDto = z.infer<typeof importBatchDto>;

export const stageQuery = z.object({
  fileName,
  profileId: z.coerce.number().int().positive().optional(),
  sheet: z.string().trim().min(1).max(100).optional(),
  dateOrder: z.enum(['dmy', 'mdy', 'ymd']).optional(),
  /** Read and commit in one step (scripts); the preview is skipped. */
  commit: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

// Bodies refuse fields they do not know: a misspelt one would be ignored
// without a word, and the file read with the choice left out.
export const restageInput = stageOptions
  .pick({
    profileId: true,
    columns: true,
    sheet: true,
    dateOrder: true,
  })
  .strict();

export const importRowDto = z.object({
  line: z.number().int(),
  sheet: z.string().nullable(),
  outcome: z.enum(rowOutcomes),
  /** The contact the row updates or merges into (or created, once committed). */
  contactId: z.number().int().nullable(),
  /** The earlier line of the file this row is folded into. */
  mergeLine: z.number().int().nullable(),
  score: z.number().nullable(),
  externalId: z.string().nullable(),
  /** Who the row is: name, organisation, email, as read. */
  label: z.string(),
  /** The contact as committing will store it (phones and terms as below). */
  contact: z.record(z.string(), z.unknown()).nullable(),
  /**
   * The row's numbers as they will be stored: `display` is the contact
   * card's form (national for the installation's country); `e164` is null
   * for a number that did not read as one, kept unverified.
   */
  phones: z
    .array(
      z.object({
        number: z.string(),
        display: z.string(),
        e164: z.string().nullable(),
        kind: z.string(),
      }),
    )
    .default([]),
  /** The taxonomy terms the row will be filed under, by label (`Culture › Musique`). */
  terms: z.array(z.string()).default([]),
  issues: z.array(importIssue),
  /** Pairs the row takes to the review queue. */
  pairs: z.array(
    z.object({
      contactId: z.number().int().optional(),
      line: z.number().int().optional(),
      score: z.number(),
      outcome: z.enum(['same', 'maybe']),
    }),
  ),
});

/** A page of the import history, newest first. */
export const historyQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const rowsQuery = z.object({
  outcome: z.enum(rowOutcomes).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const mappingProfileInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(500).nullish(),
  columns: columnChoices,
});

export const mappingProfileDto = mappingProfileInput.extend({
  id: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
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
  /** Contacts the import had merged rows into or updated, back as they were. */
  contactsRestored: z.number().int(),
  /** Contacts a feed run had deactivated, active again. */
  contactsReactivated: z.number().int(),
  companiesRemoved: z.number().int(),
  /** Contacts changed by someone after the import, removed with `force`. */
  editedSinceImport: z.number().int(),
  /** Taxonomy terms the import created, deleted with it. */
  termsRemoved: z.number().int(),
  /** Terms it created that something else uses now: kept. */
  termsKept: z.array(z.object({ id: z.number().int(), label: z.string() })),
});

export type UndoReport = z.infer<typeof undoReport>;

/** A one-step import (CLI, scripts): what was read, and what committing did. */
export const importReport = z.object({
  batchId: z.number().int().nullable(),
  fileName: z.string(),
  format: z.string(),
  dryRun: z.boolean(),
  totalRows: z.number().int(),
  counts: stagedSummary.shape.counts,
  created: z.number().int(),
  merged: z.number().int(),
  updated: z.number().int(),
  queuedForReview: z.number().int(),
  rejected: z.number().int(),
  warnings: z.number().int(),
  deactivated: z.number().int(),
  companiesCreated: z.number().int(),
  issues: z.array(importIssue),
  issuesTruncated: z.boolean(),
  duplicates: stagedSummary.shape.duplicates,
  mappings: stagedSummary.shape.mappings,
  tookMs: z.number(),
});

export type ImportReport = z.infer<typeof importReport>;

export const calibrationReport = z.object({
  batchId: z.number().int(),
  fileName: z.string(),
  totalRows: z.number().int(),
  counts: stagedSummary.shape.counts,
  /** The most frequent problems, by field and reason, with a few lines each. */
  topErrors: z.array(
    z.object({
      field: z.string().nullable(),
      reason: z.string(),
      reasonEn: z.string(),
      severity: z.enum(['error', 'warning']),
      count: z.number().int(),
      lines: z.array(z.number().int()),
    }),
  ),
  /** Groups of rows that are one person, largest first. */
  clusters: z.array(
    z.object({
      lines: z.array(z.number().int()),
      /** Who each line is (name · organisation · email), with its sheet. */
      rows: z.array(
        z.object({
          line: z.number().int(),
          sheet: z.string().nullable(),
          label: z.string(),
        }),
      ),
      contactId: z.number().int().nullable(),
      outcome: z.enum(['merge', 'review']),
    }),
  ),
  /** Columns of the file that nothing reads. */
  unmapped: z.array(
    z.object({
      sheet: z.string().nullable(),
      header: z.string(),
      /** Why a recognised column is left out (its field is already filled). */
      reason: z.string().optional(),
      reasonEn: z.string().optional(),
    }),
  ),
});
