import {
  allowedHostDto,
  feedDto,
  feedRunDto,
  type AllowedHostDto,
  type FeedDto,
  type FeedRunDto,
  type MergeRulesDto,
} from 'core-api/client';

/**
 * The duplicate rules as `GET /api/merge-rules` returns them once saved:
 * three criteria, two ranked origins, two fields with their own rule.
 */
export function buildRules(
  overrides: Partial<MergeRulesDto['rules']> = {},
  version = 3,
): MergeRulesDto {
  return {
    rules: {
      autoMergeOnImport: true,
      sameThreshold: 18,
      maybeThreshold: 9.5,
      survivor: ['completeness', 'recency', 'oldest'],
      originPriority: ['Saisie manuelle', 'Import Excel presse 2026'],
      fields: { firstName: 'longest', title: 'recent' },
      ...overrides,
    },
    version,
    updatedAt: '2026-12-01T10:15:00Z',
  };
}

/** A folder feed read each morning, active and well, checked by the API's schema. */
export function buildFeed(overrides: Partial<FeedDto> = {}): FeedDto {
  return feedDto.parse({
    id: 4,
    name: 'Presse régionale',
    kind: 'folder',
    folderPath: 'presse/entrant',
    filePattern: '*.csv',
    url: null,
    schedule: { kind: 'daily', at: '06:30' },
    mappingProfileId: null,
    deactivateMissing: false,
    enabled: true,
    nextRunAt: '2026-12-05T05:30:00Z',
    lastRunAt: '2026-12-04T05:30:00Z',
    lastStatus: 'succeeded',
    lastSuccessAt: '2026-12-04T05:30:00Z',
    lastFailureAt: null,
    consecutiveFailures: 0,
    lastError: null,
    version: 2,
    createdAt: '2026-11-20T09:00:00Z',
    updatedAt: '2026-11-21T09:00:00Z',
    ...overrides,
  });
}

/** A run that read a file and imported it, checked by the API's schema. */
export function buildRun(overrides: Partial<FeedRunDto> = {}): FeedRunDto {
  return feedRunDto.parse({
    id: 31,
    feedId: 4,
    cause: 'schedule',
    status: 'succeeded',
    startedAt: '2026-12-04T05:30:00Z',
    finishedAt: '2026-12-04T05:30:02Z',
    durationMs: 2400,
    source: 'presse-2026-12-04.csv',
    bytes: 5120,
    batchId: 17,
    counts: {
      rows: 20,
      created: 12,
      updated: 2,
      merged: 3,
      queuedForReview: 2,
      rejected: 1,
      deactivated: 0,
      warnings: 4,
    },
    error: null,
    ...overrides,
  });
}

/** An allowed host, checked by the API's schema. */
export function buildHost(
  overrides: Partial<AllowedHostDto> = {},
): AllowedHostDto {
  return allowedHostDto.parse({
    id: 2,
    host: 'intranet.example.org',
    note: 'Annuaire interne',
    createdById: 3,
    createdAt: '2026-11-30T14:00:00Z',
    ...overrides,
  });
}
