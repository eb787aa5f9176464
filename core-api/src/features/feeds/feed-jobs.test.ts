import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { systemActor, type Ctx } from '../../platform/context.ts';
import { parseInput } from '../../platform/http/validate.ts';
import { DatabaseJobQueue } from '../../platform/jobs/database-queue.ts';
import { startWorker } from '../../platform/jobs/worker.ts';
import { describeEachDatabase } from '../../test/databases.ts';
import { memoryLogger } from '../../test/memory-logger.ts';
import { feedJobs, scheduleDueFeeds } from './feed-jobs.ts';
import { feedInput } from './feeds.schemas.ts';
import { createFeed, feedRunJob, requestRun } from './feeds.service.ts';

describeEachDatabase('feed scheduling', (db) => {
  let feedsDir: string;
  const ctx = (): Ctx => ({
    db: db(),
    log: memoryLogger().log,
    actor: systemActor,
    region: 'FR',
  });
  const folderFeed = (name: string, enabled = true) =>
    createFeed(
      ctx(),
      parseInput(feedInput, {
        name,
        kind: 'folder',
        folderPath: 'depot',
        filePattern: '*.csv',
        schedule: { kind: 'every', minutes: 15 },
        enabled,
      }),
      feedsDir,
    );
  const jobsOf = (feedId: number) =>
    db().models.Job.findAll({ where: { dedupeKey: `feed:${feedId}` } });

  before(() => {
    feedsDir = mkdtempSync(join(tmpdir(), 'relais-feed-jobs-'));
    mkdirSync(join(feedsDir, 'depot'));
  });
  after(() => rmSync(feedsDir, { recursive: true, force: true }));

  it('queues a due feed once and moves its next run on', async () => {
    const feed = await folderFeed('Échéance');
    const due = new Date(Date.parse(feed.nextRunAt as string) + 1000);
    const queue = new DatabaseJobQueue(db());

    expect(
      await scheduleDueFeeds(ctx(), queue, new Date(due.getTime() - 2000)),
    ).not.to.include(feed.id);
    expect(await scheduleDueFeeds(ctx(), queue, due)).to.include(feed.id);
    expect(await scheduleDueFeeds(ctx(), queue, due)).not.to.include(feed.id);
    const row = await db().models.Feed.findByPk(feed.id);
    expect(row?.nextRunAt?.getTime()).to.equal(due.getTime() + 15 * 60_000);

    const jobs = await jobsOf(feed.id);
    expect(jobs).to.have.length(1);
    expect(JSON.parse(jobs[0]!.payload)).to.deep.equal({
      feedId: feed.id,
      cause: 'schedule',
    });
  });

  it('skips a slot while the feed’s previous run waits or goes on', async () => {
    const feed = await folderFeed('Lente');
    const queue = new DatabaseJobQueue(db());
    const first = new Date(Date.parse(feed.nextRunAt as string) + 1000);
    await scheduleDueFeeds(ctx(), queue, first);
    const [job] = await jobsOf(feed.id);
    const claimed = await queue.claim('w1', {
      kinds: [feedRunJob],
      leaseMs: 60_000,
      jobId: job?.id,
    });
    expect(claimed).not.to.equal(null);

    const next = new Date(first.getTime() + 16 * 60_000);
    expect(await scheduleDueFeeds(ctx(), queue, next)).not.to.include(feed.id);
    expect(await jobsOf(feed.id)).to.have.length(1);
    const manual = await requestRun(ctx(), feed.id);
    expect(manual).to.deep.equal({ jobId: claimed!.id, alreadyQueued: true });
    await queue.complete(claimed!, null);
  });

  it('leaves disabled feeds alone', async () => {
    const feed = await folderFeed('Éteinte', false);
    expect(feed.nextRunAt).to.equal(null);
    const far = new Date(Date.now() + 365 * 86_400_000);
    expect(
      await scheduleDueFeeds(ctx(), new DatabaseJobQueue(db()), far),
    ).not.to.include(feed.id);
  });

  it('runs a requested feed in the worker and keeps the run as the job’s result', async () => {
    const path = join(feedsDir, 'depot', 'presse.csv');
    writeFileSync(path, 'Nom;Prénom;Email\nPetit;Hugo;hugo.petit@exemple.fr\n');
    const old = new Date(Date.now() - 60_000);
    utimesSync(path, old, old);
    const feed = await folderFeed('Manuelle');
    const { jobId } = await requestRun(ctx(), feed.id);
    const { handlers, ticks } = feedJobs({ feedsDir, settleMs: 0 });
    const worker = startWorker(
      { db: db(), log: memoryLogger().log, config: { DEFAULT_REGION: 'FR' } },
      handlers,
      { ticks, pollMs: 20 },
    );
    try {
      const queue = new DatabaseJobQueue(db());
      const end = Date.now() + 20_000;
      while ((await queue.get(jobId))?.status !== 'done') {
        if (Date.now() > end)
          throw new Error('the worker did not run the feed');
        await new Promise((done) => setTimeout(done, 25));
      }
      const result = (await queue.get(jobId))?.result as {
        runId: number;
        status: string;
        counts: { created: number };
      };
      expect(result.status).to.equal('succeeded');
      expect(result.counts.created).to.equal(1);
      const run = await db().models.FeedRun.findByPk(result.runId);
      expect(run).to.include({ feedId: feed.id, cause: 'manual', jobId });
    } finally {
      await worker.stop();
    }
  });
});
