import { z } from 'zod';
import { pageOf } from '../common.schemas.ts';
import { contactDto } from '../contacts/contacts.schemas.ts';
import { dedupConfig } from '../dedup/dedup.config.ts';

export const pairStatuses = ['pending', 'not_duplicate', 'merged'] as const;

/** One side of a pair, as the review screen compares them. */
export const pairContactDto = z.object({
  id: z.number().int(),
  displayName: z.string(),
  birthDate: z.string().nullable(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  organisations: z.array(z.string()),
  city: z.string().nullable(),
});

export const duplicatePairDto = z.object({
  id: z.number().int(),
  score: z.number(),
  outcome: z.enum(['same', 'maybe']),
  status: z.enum(pairStatuses),
  evidence: z.array(
    z.object({ field: z.string(), agreement: z.string(), weight: z.number() }),
  ),
  decidedAt: z.string().nullable(),
  /** The merge that decided the pair, while it can still be undone. */
  merge: z
    .object({
      mergeId: z.number().int(),
      survivorId: z.number().int(),
      mergedId: z.number().int(),
    })
    .nullable(),
  a: pairContactDto,
  b: pairContactDto,
  /**
   * The side the administrators' survivorship rules keep, for a pending
   * pair read alone (`GET /api/duplicates/:id`): what the review screen
   * proposes.
   */
  proposedSurvivor: z.enum(['a', 'b']).optional(),
});

export type DuplicatePairDto = z.infer<typeof duplicatePairDto>;

export const pairQuery = z.object({
  status: z.enum(pairStatuses).default('pending'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const pairPage = pageOf(duplicatePairDto);

export const scanReport = z.object({
  contacts: z.number().int(),
  compared: z.number().int(),
  same: z.number().int(),
  maybe: z.number().int(),
  /** Pairs left out because a person had already decided them. */
  alreadyDecided: z.number().int(),
  tookMs: z.number(),
});

export type ScanReport = z.infer<typeof scanReport>;

export const mergeRequest = z.object({
  survivor: z.enum(['a', 'b']).optional(),
  fields: z
    .partialRecord(
      z.enum([
        'civility',
        'title',
        'firstName',
        'lastName',
        'birthDate',
        'contactType',
        'preferredChannel',
        'origin',
      ]),
      z.enum(['a', 'b']),
    )
    .optional(),
});

export const mergeReport = z.object({
  mergeId: z.number().int(),
  survivorId: z.number().int(),
  mergedId: z.number().int(),
  contact: contactDto,
});

export type MergeReport = z.infer<typeof mergeReport>;

export const undoMergeReport = z.object({
  mergeId: z.number().int(),
  survivorId: z.number().int(),
  restoredId: z.number().int(),
  editedSinceMerge: z.boolean(),
});

export type UndoMergeReport = z.infer<typeof undoMergeReport>;

export const forceQuery = z.object({
  force: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

/** The scalar fields a person may pick from either record when merging. */
export const choosableFields = [
  'civility',
  'title',
  'firstName',
  'lastName',
  'birthDate',
  'contactType',
  'preferredChannel',
  'origin',
] as const;

/**
 * How a survivor is chosen, criterion after criterion until one decides.
 * `engagement` is the targeting result: the record that answered us, else
 * the one our sends or events reached (`history/engagement.ts`).
 */
export const survivorCriteria = [
  'completeness',
  'recency',
  'origin',
  'oldest',
  'engagement',
] as const;

/** Where a field's value comes from when two records merge. */
export const fieldRules = ['survivor', 'recent', 'origin', 'longest'] as const;

export type FieldRule = (typeof fieldRules)[number];

const thresholdMessage = {
  message:
    'le seuil « à revoir » doit être sous le seuil de fusion / ' +
    'the review threshold must be below the merge threshold',
  path: ['maybeThreshold'],
};

/**
 * The administrators' rules for duplicates (R5, R6): when a pair merges
 * without review, which record survives a merge, which value wins per field.
 */
export const mergeRulesInput = z
  .object({
    autoMergeOnImport: z.boolean().default(true),
    sameThreshold: z.number().min(8).max(40).default(dedupConfig.sameThreshold),
    maybeThreshold: z
      .number()
      .min(2)
      .max(30)
      .default(dedupConfig.maybeThreshold),
    survivor: z
      .array(z.enum(survivorCriteria))
      .min(1)
      .max(survivorCriteria.length)
      .refine((list) => new Set(list).size === list.length, {
        message: 'critère en double / repeated criterion',
      })
      .default(['completeness', 'recency', 'oldest']),
    /** Origins (the `origin` field), most trusted first. */
    originPriority: z
      .array(z.string().trim().min(1).max(120))
      .max(50)
      .default([]),
    fields: z
      .partialRecord(z.enum(choosableFields), z.enum(fieldRules))
      .default({}),
  })
  .refine(
    (rules) => rules.maybeThreshold < rules.sameThreshold,
    thresholdMessage,
  );

export type MergeRules = z.infer<typeof mergeRulesInput>;

export const mergeRulesDto = z.object({
  rules: mergeRulesInput,
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
