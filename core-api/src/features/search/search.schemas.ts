import { z } from 'zod';

export const searchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, { message: 'recherche vide / empty search' })
    .max(200),
  type: z.enum(['contact', 'company', 'all']).default('all'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Also find contacts a feed deactivated (gone from it): left out otherwise. */
  includeDeactivated: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

/** How a hit matched its best query word: exact ranks above prefix, prefix above phonetic. */
export const matchKinds = ['exact', 'prefix', 'phonetic'] as const;

export const searchHit = z.object({
  type: z.enum(['contact', 'company']),
  id: z.number().int(),
  displayName: z.string(),
  subtitle: z.string().nullable(),
  match: z.enum(matchKinds),
  score: z.number(),
  /** A contact a feed deactivated, found because the search asked for them. */
  deactivated: z.literal(true).optional(),
});

export type SearchHit = z.infer<typeof searchHit>;

export const searchResult = z.object({
  items: z.array(searchHit),
  tookMs: z.number(),
});
export type SearchResult = z.infer<typeof searchResult>;
