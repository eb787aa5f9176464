import { Op } from 'sequelize';
import type { Ctx } from '../../platform/context.ts';
import type { JobQueue } from '../../platform/jobs/queue.ts';
import {
  PermanentJobError,
  type JobHandler,
  type Tick,
} from '../../platform/jobs/worker.ts';
import { runFeed, type FeedRunDeps } from './feed-runner.ts';
import {
  feedJobKey,
  feedRunJob,
  presentRun,
  type FeedRunPayload,
} from './feeds.service.ts';
import { nextRunAfter, scheduleOf } from './schedule.ts';

/**
 * Queues a run of every enabled feed whose time has come, and moves its next
 * time on. The move is a conditional update, so when several workers tick
 * together only one queues the run; the job's key keeps a feed to one run
 * at a time (a slot due while the previous run goes on is skipped).
 *
 * @returns the ids of the feeds queued
 */
export async function scheduleDueFeeds(
  ctx: Ctx,
  queue: JobQueue,
  now = new Date(),
): Promise<number[]> {
  const { Feed } = ctx.db.models;
  const due = await Feed.findAll({
    where: { enabled: true, nextRunAt: { [Op.lte]: now } },
    order: [['nextRunAt', 'ASC']],
    limit: 100,
  });
  const queued: number[] = [];
  for (const feed of due) {
    const [moved] = await Feed.update(
      { nextRunAt: nextRunAfter(scheduleOf(feed), now) },
      { where: { id: feed.id, nextRunAt: feed.nextRunAt } },
    );
    if (moved === 0) continue;
    const payload: FeedRunPayload = { feedId: feed.id, cause: 'schedule' };
    const job = await queue.enqueue(feedRunJob, payload, {
      dedupeKey: feedJobKey(feed.id),
      maxAttempts: 3,
    });
    if (!job.deduplicated) queued.push(feed.id);
  }
  if (queued.length > 0) ctx.log.info({ feeds: queued }, 'feed.runs.queued');

  return queued;
}

function payloadOf(value: unknown): FeedRunPayload {
  const payload = value as Partial<FeedRunPayload> | null;
  if (typeof payload?.feedId !== 'number')
    throw new PermanentJobError('feed.run: payload without feedId');

  return {
    feedId: payload.feedId,
    cause: payload.cause === 'manual' ? 'manual' : 'schedule',
  };
}

/** Runs one feed for the worker; the run report is the job's result. */
export function feedRunHandler(deps: FeedRunDeps): JobHandler {
  return async (job) => {
    const { feedId, cause } = payloadOf(job.payload);
    const feed = await job.ctx.db.models.Feed.findByPk(feedId);
    if (!feed) throw new PermanentJobError(`feed ${feedId} no longer exists`);
    const run = await runFeed(job.ctx, feed, deps, {
      cause,
      jobId: job.id,
      signal: job.signal,
    });
    const report = presentRun(run);

    return { runId: report.id, status: report.status, counts: report.counts };
  };
}

/** The worker's part of feeds: the run handler and the schedule tick. */
export function feedJobs(deps: FeedRunDeps): {
  handlers: Record<string, JobHandler>;
  ticks: Tick[];
} {
  return {
    handlers: { [feedRunJob]: feedRunHandler(deps) },
    ticks: [
      {
        name: 'feeds.schedule',
        everyMs: 30_000,
        run: async (ctx, queue) => {
          await scheduleDueFeeds(ctx, queue);
        },
      },
    ],
  };
}
