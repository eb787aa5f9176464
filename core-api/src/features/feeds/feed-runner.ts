import { Op } from 'sequelize';
import type { Ctx } from '../../platform/context.ts';
import type { FeedRow, FeedRunRow } from '../../platform/db/models.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { asFeedError, FeedError } from './feed-errors.ts';
import type { FeedCounts } from './feeds.schemas.ts';
import { nextFolderFile, sha256 } from './folder-source.ts';
import {
  stagedImportPipeline,
  type FeedImported,
  type ImportPipeline,
} from './import-pipeline.ts';
import {
  defaultMaxBytes,
  displayUrl,
  safeFetch,
  type SafeFetchOptions,
} from './safe-fetch.ts';

/** What a feed run needs besides the feed. */
export type FeedRunDeps = {
  /** FEEDS_DIR: folder feeds read only inside it. */
  feedsDir: string;
  pipeline?: ImportPipeline;
  /** Resolver, CA, deadline and size limit of downloads (tests set them). */
  fetch?: Partial<Omit<SafeFetchOptions, 'allowedHosts' | 'signal'>>;
  /** How long a folder file must rest before it is read (still copying). */
  settleMs?: number;
};

export type RunCause = 'schedule' | 'manual';

/** A file fetched for one run, before it is imported. */
type Fetched = {
  source: string;
  fileName: string;
  data: Buffer | null;
  sha256: string;
  folderFile?: { size: number; mtimeMs: number };
};

/** The file of a run, if any, and whether more wait in the folder. */
type Fetch = { file: Fetched | null; more: boolean };

const downloadTimeoutMs = 120_000;

async function allowedHosts(ctx: Ctx): Promise<Set<string>> {
  const rows = await ctx.db.models.FeedAllowedHost.findAll({
    attributes: ['host'],
  });

  return new Set(rows.map((row) => row.host));
}

/** Gets the file of this run; none when there is nothing new. */
async function fetchFile(
  ctx: Ctx,
  feed: FeedRow,
  deps: FeedRunDeps,
  signal: AbortSignal | undefined,
): Promise<Fetch> {
  const maxBytes = deps.fetch?.maxBytes ?? defaultMaxBytes;
  if (feed.kind === 'folder') {
    const scan = await nextFolderFile(ctx, feed, {
      feedsDir: deps.feedsDir,
      maxBytes,
      settleMs: deps.settleMs ?? 5_000,
    });
    if (!scan.file) return { file: null, more: scan.more };

    return {
      file: {
        source: scan.file.fileName,
        fileName: scan.file.fileName,
        data: scan.file.data,
        sha256: scan.file.sha256,
        folderFile: { size: scan.file.size, mtimeMs: scan.file.mtimeMs },
      },
      more: scan.more,
    };
  }

  const fetched = await safeFetch(feed.url ?? '', {
    timeoutMs: downloadTimeoutMs,
    ...deps.fetch,
    maxBytes,
    allowedHosts: await allowedHosts(ctx),
    signal,
  });

  return {
    file: {
      source: displayUrl(fetched.url),
      fileName: fetched.fileName ?? `flux-${feed.id}`,
      data: fetched.data,
      sha256: sha256(fetched.data),
    },
    more: false,
  };
}

/** The same content as the last import of this feed: nothing to do. */
async function unchangedSince(
  ctx: Ctx,
  feed: FeedRow,
  hash: string,
): Promise<boolean> {
  const last = await ctx.db.models.FeedRun.findOne({
    where: { feedId: feed.id, status: 'succeeded' },
    order: [['id', 'DESC']],
    attributes: ['sha256'],
  });

  return last?.sha256 === hash;
}

async function checkProfile(ctx: Ctx, feed: FeedRow): Promise<void> {
  if (!feed.mappingProfileId) return;
  if (await ctx.db.models.MappingProfile.findByPk(feed.mappingProfileId))
    return;
  throw new FeedError(
    'MAPPING_PROFILE_MISSING',
    `Profil de correspondance ${feed.mappingProfileId} introuvable.`,
    `Mapping profile ${feed.mappingProfileId} not found.`,
  );
}

/** Runs left "running" by a worker that died: one run per feed at a time. */
async function closeInterrupted(ctx: Ctx, feedId: number): Promise<void> {
  await ctx.db.models.FeedRun.update(
    {
      status: 'failed',
      finishedAt: new Date(),
      errorCode: 'INTERRUPTED',
      errorFr: 'Exécution interrompue (arrêt ou panne du service).',
      errorEn: 'Run interrupted (service stopped or crashed).',
    },
    { where: { feedId, status: 'running' } },
  );
}

type Outcome =
  | { status: 'succeeded'; imported: FeedImported }
  | { status: 'unchanged' }
  | { status: 'failed'; error: FeedError };

/** A failure of the service rather than of the file: read the file again. */
const readAgain = (error: FeedError) =>
  error.code === 'INTERNAL' || error.code === 'INTERRUPTED';

/** Writes the run's end, the feed's state, the file memory and the audit. */
async function settle(
  ctx: Ctx,
  feed: FeedRow,
  run: FeedRunRow,
  fetch: Fetch,
  outcome: Outcome,
): Promise<void> {
  const fetched = fetch.file;
  const { Feed, FeedFile, FeedRun } = ctx.db.models;
  const now = new Date();
  const failed = outcome.status === 'failed';
  // A run cut short by a stopping worker is taken again: not an alert.
  const alert = failed && outcome.error.code !== 'INTERRUPTED';
  await ctx.db.sequelize.transaction(async (transaction) => {
    await run.update(
      {
        status: outcome.status,
        finishedAt: now,
        durationMs: now.getTime() - run.startedAt.getTime(),
        batchId:
          outcome.status === 'succeeded' ? outcome.imported.batchId : null,
        counts:
          outcome.status === 'succeeded'
            ? JSON.stringify(outcome.imported.counts)
            : null,
        errorCode: failed ? outcome.error.code : null,
        errorFr: failed ? outcome.error.fr : null,
        errorEn: failed ? outcome.error.en : null,
      },
      { transaction },
    );
    // A file is read once, even when its import was refused; a failure of
    // the service itself leaves it to be read again.
    if (fetched?.folderFile && !(failed && readAgain(outcome.error))) {
      await FeedFile.create(
        {
          feedId: feed.id,
          fileName: fetched.fileName,
          ...fetched.folderFile,
          sha256: fetched.sha256,
          runId: run.id,
          processedAt: now,
        },
        { transaction },
      );
    }
    if (outcome.status === 'unchanged') {
      // A quiet feed keeps its latest quiet run, not one per tick.
      await FeedRun.destroy({
        where: {
          feedId: feed.id,
          status: 'unchanged',
          id: { [Op.lt]: run.id },
        },
        transaction,
      });
    }
    const failures = alert ? feed.consecutiveFailures + 1 : 0;
    if (failed && !alert) return;
    await Feed.update(
      {
        lastRunAt: now,
        lastStatus: outcome.status,
        ...(outcome.status === 'succeeded' ? { lastSuccessAt: now } : {}),
        ...(alert
          ? {
              lastFailureAt: now,
              lastErrorFr: outcome.error.fr,
              lastErrorEn: outcome.error.en,
            }
          : { lastErrorFr: null, lastErrorEn: null }),
        consecutiveFailures: failures,
        ...(fetch.more ? { nextRunAt: new Date(now.getTime() + 60_000) } : {}),
      },
      { where: { id: feed.id }, transaction },
    );
    if (alert) {
      await recordAudit(
        ctx,
        {
          action: 'feed.run.failed',
          entityType: 'feed',
          entityId: feed.id,
          summary: `${feed.name} : ${outcome.error.code}`,
          after: {
            runId: run.id,
            code: outcome.error.code,
            consecutiveFailures: failures,
          },
        },
        transaction,
      );
    }
  });

  const fields = { feedId: feed.id, runId: run.id, status: outcome.status };
  if (alert) {
    // An alert: ids and the reason's code only, never the file or the address.
    ctx.log.error(
      {
        ...fields,
        // Not `code`: the logger hides that key (second-factor codes).
        errorCode: outcome.error.code,
        consecutiveFailures: feed.consecutiveFailures + 1,
      },
      'feed.run.failed',
    );
  } else if (outcome.status === 'succeeded') {
    ctx.log.info(
      {
        ...fields,
        batchId: outcome.imported.batchId,
        ...outcome.imported.counts,
      },
      'feed.run.succeeded',
    );
  } else {
    ctx.log.debug(fields, 'feed.run.unchanged');
  }
}

/**
 * Runs a feed once: fetches its file (the oldest new file of its folder, or
 * its address), hands it to the staged import under the feed's own source so
 * its contacts are updated run after run, and keeps the run's report. A
 * failure is recorded on the run and the feed (the alert the portal lists),
 * in the audit trail, and logged at error level.
 *
 * @returns the run, settled
 */
export async function runFeed(
  ctx: Ctx,
  feed: FeedRow,
  deps: FeedRunDeps,
  options: { cause: RunCause; jobId?: number; signal?: AbortSignal },
): Promise<FeedRunRow> {
  await closeInterrupted(ctx, feed.id);
  const run = await ctx.db.models.FeedRun.create({
    feedId: feed.id,
    jobId: options.jobId ?? null,
    cause: options.cause,
    status: 'running',
    startedAt: new Date(),
  });

  let fetch: Fetch = { file: null, more: false };
  let outcome: Outcome;
  try {
    fetch = await fetchFile(ctx, feed, deps, options.signal);
    const file = fetch.file;
    if (file) {
      await run.update({
        source: file.source.slice(0, 500),
        bytes: file.data?.length ?? file.folderFile?.size ?? null,
        sha256: file.sha256,
      });
    }
    outcome = await importFetched(ctx, feed, deps, file);
  } catch (error) {
    if (!(error instanceof FeedError))
      ctx.log.error({ err: error, feedId: feed.id }, 'feed.run.crashed');
    outcome = { status: 'failed', error: asFeedError(error) };
  }

  await settle(ctx, feed, run, fetch, outcome);
  if (outcome.status === 'failed' && outcome.error.code === 'INTERRUPTED')
    throw outcome.error;

  return run.reload();
}

async function importFetched(
  ctx: Ctx,
  feed: FeedRow,
  deps: FeedRunDeps,
  fetched: Fetched | null,
): Promise<Outcome> {
  if (!fetched) return { status: 'unchanged' };
  if (!fetched.data) {
    const mb = Math.round(
      (deps.fetch?.maxBytes ?? defaultMaxBytes) / 1024 / 1024,
    );
    throw new FeedError(
      'TOO_LARGE',
      `${fetched.fileName} : plus de ${mb} Mo.`,
      `${fetched.fileName}: over ${mb} MB.`,
    );
  }
  if (feed.kind === 'url' && (await unchangedSince(ctx, feed, fetched.sha256)))
    return { status: 'unchanged' };
  await checkProfile(ctx, feed);
  const imported = await (deps.pipeline ?? stagedImportPipeline)(ctx, {
    fileName: fetched.fileName,
    data: fetched.data,
    profileId: feed.mappingProfileId ?? undefined,
    externalSource: `feed:${feed.id}`,
    deactivateMissing: feed.deactivateMissing,
  });

  return { status: 'succeeded', imported };
}

/** The counts of a run, as stored. */
export function countsOf(run: FeedRunRow): FeedCounts | null {
  return run.counts ? (JSON.parse(run.counts) as FeedCounts) : null;
}
