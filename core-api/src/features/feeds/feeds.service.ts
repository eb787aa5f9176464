import { Op, UniqueConstraintError, type Transaction } from 'sequelize';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import type { FeedRow, FeedRunRow } from '../../platform/db/models.ts';
import {
  AppError,
  forbidden,
  notFound,
  versionConflict,
} from '../../platform/http/errors.ts';
import { jobQueue } from '../../platform/jobs/jobs.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { FeedError } from './feed-errors.ts';
import { countsOf } from './feed-runner.ts';
import type {
  FeedDto,
  FeedInput,
  FeedRunDto,
  FeedUpdate,
} from './feeds.schemas.ts';
import { feedFolder } from './folder-source.ts';
import { nextRunAfter, scheduleOf } from './schedule.ts';

/** The job that runs one feed once. */
export const feedRunJob = 'feed.run';

/** One job per feed at a time: a run due while one goes on is skipped. */
export const feedJobKey = (feedId: number) => `feed:${feedId}`;

export type FeedRunPayload = { feedId: number; cause: 'schedule' | 'manual' };

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** A feed as the API shows it, with its alert fields. */
export function presentFeed(row: FeedRow): FeedDto {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    folderPath: row.folderPath,
    filePattern: row.filePattern,
    url: row.url,
    schedule: scheduleOf(row),
    mappingProfileId: row.mappingProfileId,
    deactivateMissing: row.deactivateMissing,
    enabled: row.enabled,
    nextRunAt: iso(row.nextRunAt),
    lastRunAt: iso(row.lastRunAt),
    lastStatus: row.lastStatus,
    lastSuccessAt: iso(row.lastSuccessAt),
    lastFailureAt: iso(row.lastFailureAt),
    consecutiveFailures: row.consecutiveFailures,
    lastError:
      row.lastErrorFr && row.lastErrorEn
        ? { fr: row.lastErrorFr, en: row.lastErrorEn }
        : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A run report as the API shows it. */
export function presentRun(row: FeedRunRow): FeedRunDto {
  return {
    id: row.id,
    feedId: row.feedId,
    cause: row.cause,
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    finishedAt: iso(row.finishedAt),
    durationMs: row.durationMs,
    source: row.source,
    bytes: row.bytes === null ? null : Number(row.bytes),
    batchId: row.batchId,
    counts: countsOf(row),
    error:
      row.errorCode && row.errorFr && row.errorEn
        ? { code: row.errorCode, fr: row.errorFr, en: row.errorEn }
        : null,
  };
}

/**
 * A feed as the audit trail keeps it: an address's query often carries an
 * access key, which the trail must not spread.
 */
function forAudit(feed: FeedDto): FeedDto {
  if (!feed.url) return feed;
  const [address, query] = feed.url.split('?');

  return { ...feed, url: query === undefined ? feed.url : `${address}?…` };
}

function adminOnly(ctx: Ctx): void {
  if (!isAdmin(ctx.actor)) throw forbidden();
}

/** The columns a feed input sets, checked against FEEDS_DIR. */
async function columnsOf(input: FeedInput, feedsDir: string) {
  if (input.kind === 'folder') {
    try {
      await feedFolder(feedsDir, input.folderPath ?? '');
    } catch (error) {
      if (!(error instanceof FeedError)) throw error;
      throw new AppError('VALIDATION_FAILED', {
        fields: [{ path: 'folderPath', message: `${error.fr} / ${error.en}` }],
      });
    }
  }
  const folder = input.kind === 'folder';

  return {
    name: input.name,
    kind: input.kind,
    folderPath: folder ? (input.folderPath ?? null) : null,
    filePattern: folder ? (input.filePattern ?? '*') : null,
    url: folder ? null : (input.url ?? null),
    everyMinutes:
      input.schedule.kind === 'every' ? input.schedule.minutes : null,
    dailyAt: input.schedule.kind === 'daily' ? input.schedule.at : null,
    mappingProfileId: input.mappingProfileId ?? null,
    deactivateMissing: input.deactivateMissing,
    enabled: input.enabled,
    nextRunAt: input.enabled ? nextRunAfter(input.schedule, new Date()) : null,
  };
}

const nameTaken = (name: string) =>
  new AppError('CONFLICT', {
    fr: `Un flux s’appelle déjà « ${name} ».`,
    en: `A feed is already named "${name}".`,
    fields: [{ path: 'name', message: 'nom déjà pris / name taken' }],
  });

async function checkProfile(ctx: Ctx, id: number | null | undefined) {
  if (!id || (await ctx.db.models.MappingProfile.findByPk(id))) return;
  throw new AppError('VALIDATION_FAILED', {
    fields: [
      {
        path: 'mappingProfileId',
        message: `profil ${id} introuvable / profile ${id} not found`,
      },
    ],
  });
}

/** Creates a feed; its first run comes with its schedule. */
export async function createFeed(
  ctx: Ctx,
  input: FeedInput,
  feedsDir: string,
): Promise<FeedDto> {
  adminOnly(ctx);
  const columns = await columnsOf(input, feedsDir);
  await checkProfile(ctx, input.mappingProfileId);
  try {
    return await ctx.db.sequelize.transaction(async (transaction) => {
      const row = await ctx.db.models.Feed.create(
        { ...columns, createdById: ctx.actor.id, updatedById: ctx.actor.id },
        { transaction },
      );
      const dto = presentFeed(row);
      await recordAudit(
        ctx,
        {
          action: 'create',
          entityType: 'feed',
          entityId: row.id,
          after: forAudit(dto),
        },
        transaction,
      );

      return dto;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError) throw nameTaken(input.name);
    throw error;
  }
}

async function findFeed(
  ctx: Ctx,
  id: number,
  transaction?: Transaction,
): Promise<FeedRow> {
  const row = await ctx.db.models.Feed.findByPk(id, { transaction });
  if (!row) throw notFound('Flux / feed', id);

  return row;
}

/** Every feed, by name. */
export async function listFeeds(ctx: Ctx): Promise<FeedDto[]> {
  adminOnly(ctx);
  const rows = await ctx.db.models.Feed.findAll({ order: [['name', 'ASC']] });

  return rows.map(presentFeed);
}

/** One feed, or 404. */
export async function getFeed(ctx: Ctx, id: number): Promise<FeedDto> {
  adminOnly(ctx);

  return presentFeed(await findFeed(ctx, id));
}

/** Replaces a feed's settings, given the version read. */
export async function updateFeed(
  ctx: Ctx,
  id: number,
  input: FeedUpdate,
  feedsDir: string,
): Promise<FeedDto> {
  adminOnly(ctx);
  const columns = await columnsOf(input, feedsDir);
  await checkProfile(ctx, input.mappingProfileId);
  try {
    return await ctx.db.sequelize.transaction(async (transaction) => {
      const row = await findFeed(ctx, id, transaction);
      if (row.version !== input.version) throw versionConflict(row.version);
      const before = presentFeed(row);
      const sameTimes =
        row.enabled &&
        input.enabled &&
        row.nextRunAt !== null &&
        JSON.stringify(before.schedule) === JSON.stringify(input.schedule);
      const [count] = await ctx.db.models.Feed.update(
        {
          ...columns,
          // An edit that keeps the schedule keeps the next run too.
          ...(sameTimes ? { nextRunAt: row.nextRunAt } : {}),
          version: input.version + 1,
          updatedById: ctx.actor.id,
        },
        { where: { id, version: input.version }, transaction },
      );
      if (count === 0) throw versionConflict(input.version + 1);
      const after = presentFeed(await findFeed(ctx, id, transaction));
      await recordAudit(
        ctx,
        {
          action: 'update',
          entityType: 'feed',
          entityId: id,
          before: forAudit(before),
          after: forAudit(after),
        },
        transaction,
      );

      return after;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError) throw nameTaken(input.name);
    throw error;
  }
}

/**
 * Removes a feed with its run history and file memory. Its contacts stay;
 * they keep the feed's source on them.
 */
export async function deleteFeed(ctx: Ctx, id: number): Promise<void> {
  adminOnly(ctx);
  await ctx.db.sequelize.transaction(async (transaction) => {
    const row = await findFeed(ctx, id, transaction);
    const { FeedFile, FeedRun } = ctx.db.models;
    // Explicit, not left to the cascade: SQLite only cascades with its
    // foreign keys switched on, and this keeps the three dialects alike.
    await FeedFile.destroy({ where: { feedId: id }, transaction });
    await FeedRun.destroy({ where: { feedId: id }, transaction });
    await row.destroy({ transaction });
    await recordAudit(
      ctx,
      {
        action: 'delete',
        entityType: 'feed',
        entityId: id,
        before: forAudit(presentFeed(row)),
      },
      transaction,
    );
  });
}

/**
 * Asks for a run now. The worker runs it; a run already waiting or going on
 * for this feed is returned instead of a second one.
 */
export async function requestRun(
  ctx: Ctx,
  id: number,
): Promise<{ jobId: number; alreadyQueued: boolean }> {
  adminOnly(ctx);
  return ctx.db.sequelize.transaction(async (transaction) => {
    const row = await findFeed(ctx, id, transaction);
    const payload: FeedRunPayload = { feedId: id, cause: 'manual' };
    const job = await jobQueue(ctx.db).enqueue(feedRunJob, payload, {
      dedupeKey: feedJobKey(id),
      maxAttempts: 3,
      transaction,
    });
    await recordAudit(
      ctx,
      {
        action: 'feed.run',
        entityType: 'feed',
        entityId: id,
        summary: row.name,
        after: { jobId: job.id, alreadyQueued: job.deduplicated },
      },
      transaction,
    );

    return { jobId: job.id, alreadyQueued: job.deduplicated };
  });
}

/** A feed's runs, newest first. */
export async function listRuns(
  ctx: Ctx,
  feedId: number,
  page: { page: number; pageSize: number },
) {
  adminOnly(ctx);
  await findFeed(ctx, feedId);
  const { rows, count } = await ctx.db.models.FeedRun.findAndCountAll({
    where: { feedId },
    order: [['id', 'DESC']],
    limit: page.pageSize,
    offset: (page.page - 1) * page.pageSize,
  });

  return { items: rows.map(presentRun), total: count, ...page };
}

/** Feeds whose last run failed: the alerts, most failures first. */
export async function listAlerts(ctx: Ctx) {
  adminOnly(ctx);
  const { Feed, FeedRun } = ctx.db.models;
  const failing = await Feed.findAll({
    where: { consecutiveFailures: { [Op.gt]: 0 } },
    order: [
      ['consecutiveFailures', 'DESC'],
      ['id', 'ASC'],
    ],
  });

  return Promise.all(
    failing.map(async (feed) => {
      const last = await FeedRun.findOne({
        where: { feedId: feed.id, status: 'failed' },
        order: [['id', 'DESC']],
        attributes: ['id'],
      });

      return {
        feedId: feed.id,
        feedName: feed.name,
        lastFailureAt: (feed.lastFailureAt ?? feed.updatedAt).toISOString(),
        consecutiveFailures: feed.consecutiveFailures,
        error:
          feed.lastErrorFr && feed.lastErrorEn
            ? { fr: feed.lastErrorFr, en: feed.lastErrorEn }
            : null,
        lastRunId: last?.id ?? null,
      };
    }),
  );
}
