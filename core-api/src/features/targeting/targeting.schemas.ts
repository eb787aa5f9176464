import { z } from 'zod';
import { channels } from '../contacts/contacts.schemas.ts';
import {
  criterionOperators,
  targetEntities,
  targetQuery,
  targetSort,
} from './query.schemas.ts';

/** How many match, how many of those are left out for the channel, how many stay. */
export const targetCount = z.object({
  matched: z.number().int(),
  excluded: z.number().int(),
  included: z.number().int(),
});

export type TargetCountDto = z.infer<typeof targetCount>;

const channelOptions = {
  /** Leave out who opted out of this channel (overrides the query's own). */
  channel: z.enum(channels).optional(),
  /** Keep the opted-out in: nobody is left out. */
  includeOptedOut: z.boolean().optional(),
};

export const countRequest = z.object({
  query: targetQuery,
  ...channelOptions,
});

export const countResult = targetCount.extend({ tookMs: z.number() });

const page = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
};

export const searchRequest = z.object({
  query: targetQuery,
  ...channelOptions,
  sort: targetSort.optional(),
  ...page,
});

/** One row of a target's page: enough to recognise a contact or a company. */
export const targetRow = z.object({
  id: z.number().int(),
  entity: z.enum(targetEntities),
  displayName: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  /** A contact's type, or a company's own type. */
  type: z.string().nullable(),
  /** The main function (contacts only). */
  function: z.string().nullable(),
  /** The main organisation (contacts), or the company's name. */
  organisation: z.string().nullable(),
  email: z.string().nullable(),
  city: z.string().nullable(),
});

export type TargetRowDto = z.infer<typeof targetRow>;

export const targetPageResult = z.object({
  count: targetCount,
  items: z.array(targetRow),
  page: z.number().int(),
  pageSize: z.number().int(),
  tookMs: z.number(),
});

export type TargetPageDto = z.infer<typeof targetPageResult>;

/** `GET /api/saved-queries/:id/results`: the page, the sort and the channel in the query string. */
export const resultsQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  sort: z.enum(['name', 'company', 'city', 'updated']).optional(),
  direction: z.enum(['asc', 'desc']).optional(),
  channel: z.enum(channels).optional(),
  includeOptedOut: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});

const label = z.object({ fr: z.string(), en: z.string() });

/** The field catalogue for the query builder. */
export const fieldCatalogue = z.object({
  fields: z.array(
    z.object({
      field: z.string(),
      entity: z.enum(targetEntities),
      group: z.string(),
      label,
      operators: z.array(z.enum(criterionOperators)),
      ids: z.boolean().optional(),
      codes: z.array(z.string()).optional(),
      source: z.string().optional(),
      description: label.optional(),
    }),
  ),
  operators: z.array(
    z.object({
      operator: z.enum(criterionOperators),
      label,
      value: z.string(),
    }),
  ),
  regions: z.array(
    z.object({ code: z.string(), label, departments: z.array(z.string()) }),
  ),
  departments: z.array(z.string()),
  sorts: z.array(z.object({ by: z.string(), label })),
});

export type FieldCatalogue = z.infer<typeof fieldCatalogue>;

const name = z
  .string()
  .trim()
  .min(1, { message: 'nom requis / name required' })
  .max(200);

export const savedQueryInput = z.object({
  name,
  description: z.string().trim().max(2000).nullish(),
  query: targetQuery,
});

export const savedQueryUpdate = savedQueryInput.extend({
  version: z.number().int().positive(),
});

export type SavedQueryInput = z.input<typeof savedQueryInput>;
export type SavedQueryUpdate = z.input<typeof savedQueryUpdate>;

export const savedQueryDto = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  entity: z.enum(targetEntities),
  query: targetQuery,
  ownerId: z.number().int(),
  ownerName: z.string().nullable(),
  /** True when the caller may change or delete it (its owner, an administrator). */
  canEdit: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type SavedQueryDto = z.infer<typeof savedQueryDto>;

export const savedQueryList = z.object({ items: z.array(savedQueryDto) });

export const savedQueryListQuery = z.object({
  /** `mine` for the caller's own. */
  owner: z.enum(['mine', 'all']).default('all'),
  entity: z.enum(targetEntities).optional(),
});
