import { z } from 'zod';

export const feedKinds = ['folder', 'url'] as const;

/** When a feed runs: every N minutes, or each day at a time in Paris. */
export const feedSchedule = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('every'),
    minutes: z
      .number()
      .int()
      .min(5, { message: '5 minutes au moins / 5 minutes at least' })
      .max(10_080, { message: 'une semaine au plus / one week at most' }),
  }),
  z.object({
    kind: z.literal('daily'),
    /** `HH:MM`, Europe/Paris time. */
    at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
      message: 'heure HH:MM attendue / expected HH:MM',
    }),
  }),
]);

export type FeedSchedule = z.infer<typeof feedSchedule>;

const name = z
  .string()
  .trim()
  .min(1, { message: 'nom requis / name required' })
  .max(120);

/** A file name pattern: `*` and `?` wildcards, no folder part. */
const filePattern = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((pattern) => !/[\\/\0]/.test(pattern), {
    message: 'motif de nom de fichier sans dossier / file name pattern only',
  });

/** Checked on its own, so its problems come with the other fields'. */
const feedUrl = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .superRefine((text, context) => {
    const problem = (message: string) =>
      context.addIssue({ code: 'custom', message });
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return problem('adresse illisible / unreadable URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      problem('https attendu / https expected');
    if (url.username || url.password)
      problem('pas d’identifiants dans l’adresse / no credentials in the URL');
  });

const feedFields = z.object({
  name,
  kind: z.enum(feedKinds),
  /** Folder kind: a folder inside FEEDS_DIR (relative to it, or absolute). */
  folderPath: z.string().trim().min(1).max(500).nullish(),
  filePattern: filePattern.nullish(),
  /** URL kind: https (http only for an allowed host). */
  url: feedUrl.nullish(),
  schedule: feedSchedule,
  mappingProfileId: z.number().int().positive().nullish(),
  /** Contacts of this feed missing from a run are deactivated, never deleted. */
  deactivateMissing: z.boolean().default(false),
  enabled: z.boolean().default(true),
});

type FeedFields = z.infer<typeof feedFields>;

/**
 * Each kind needs its own fields and refuses the other's. Zod runs this once
 * the fields themselves are valid.
 */
function checkKind(feed: FeedFields, context: z.RefinementCtx): void {
  const problem = (path: string, message: string) =>
    context.addIssue({ code: 'custom', path: [path], message });
  if (feed.kind === 'folder') {
    if (!feed.folderPath)
      problem('folderPath', 'dossier requis / folder required');
    if (feed.url) problem('url', 'pas d’adresse pour un dossier / no URL');
    return;
  }
  if (!feed.url) {
    problem('url', 'adresse requise / URL required');
    return;
  }
  if (feed.folderPath || feed.filePattern)
    problem('folderPath', 'pas de dossier pour une adresse / no folder');
}

export const feedInput = feedFields.superRefine(checkKind);

export type FeedInput = z.infer<typeof feedInput>;

export const feedUpdate = feedFields
  .extend({ version: z.number().int().positive() })
  .superRefine(checkKind);

export type FeedUpdate = z.infer<typeof feedUpdate>;

const bilingual = z.object({ fr: z.string(), en: z.string() });

export const feedDto = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(feedKinds),
  folderPath: z.string().nullable(),
  filePattern: z.string().nullable(),
  url: z.string().nullable(),
  schedule: feedSchedule,
  mappingProfileId: z.number().int().nullable(),
  deactivateMissing: z.boolean(),
  enabled: z.boolean(),
  nextRunAt: z.string().nullable(),
  lastRunAt: z.string().nullable(),
  lastStatus: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  /** Set while the feed is failing: the alert the portal shows. */
  lastFailureAt: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  lastError: bilingual.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type FeedDto = z.infer<typeof feedDto>;

export const feedList = z.object({ items: z.array(feedDto) });

/** What a run's import did. */
export const feedCounts = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  merged: z.number().int(),
  queuedForReview: z.number().int(),
  rejected: z.number().int(),
  deactivated: z.number().int(),
  warnings: z.number().int(),
});

export type FeedCounts = z.infer<typeof feedCounts>;

export const feedRunStatuses = [
  'running',
  'succeeded',
  'unchanged',
  'failed',
] as const;

export const feedRunDto = z.object({
  id: z.number().int(),
  feedId: z.number().int(),
  cause: z.enum(['schedule', 'manual']),
  status: z.enum(feedRunStatuses),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  /** The file read, or the address without its query. */
  source: z.string().nullable(),
  bytes: z.number().int().nullable(),
  batchId: z.number().int().nullable(),
  counts: feedCounts.nullable(),
  error: bilingual.extend({ code: z.string() }).nullable(),
});

export type FeedRunDto = z.infer<typeof feedRunDto>;

export const feedRunPage = z.object({
  items: z.array(feedRunDto),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const runQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** A feed that is failing, as the portal lists it. */
export const feedAlertDto = z.object({
  feedId: z.number().int(),
  feedName: z.string(),
  lastFailureAt: z.string(),
  consecutiveFailures: z.number().int(),
  error: bilingual.nullable(),
  lastRunId: z.number().int().nullable(),
});

export const feedAlertList = z.object({ items: z.array(feedAlertDto) });

export const runRequested = z.object({
  jobId: z.number().int(),
  /** True when a run of this feed was already waiting or running. */
  alreadyQueued: z.boolean(),
});

const label = '[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?';
const hostName = new RegExp(`^(?=.{1,253}$)${label}(\\.${label})*$`);

/** A host name (or IP address) exactly as feed addresses name it. */
export const allowedHostInput = z.object({
  host: z
    .string()
    .trim()
    .toLowerCase()
    .max(253)
    .transform((host) => host.replace(/^\[|\]$/g, '').replace(/\.$/, ''))
    .refine((host) => hostName.test(host) || /^[0-9a-f:.]+$/.test(host), {
      message: 'nom d’hôte invalide / invalid host name',
    }),
  note: z.string().trim().max(200).nullish(),
});

export const allowedHostDto = z.object({
  id: z.number().int(),
  host: z.string(),
  note: z.string().nullable(),
  createdById: z.number().int().nullable(),
  createdAt: z.string(),
});

export type AllowedHostDto = z.infer<typeof allowedHostDto>;

export const allowedHostList = z.object({ items: z.array(allowedHostDto) });
