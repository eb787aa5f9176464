import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { claimStatement, DatabaseJobQueue } from './database-queue.ts';
import type { ClaimedJob } from './queue.ts';

describe('job claim statements', () => {
  it('lock the chosen row and pass over locked ones on each server dialect', () => {
    const postgres = claimStatement('postgres', false);
    expect(postgres).to.match(/WHERE id = \(SELECT id FROM jobs WHERE/);
    expect(postgres).to.include('FOR UPDATE SKIP LOCKED');
    expect(postgres).to.include('RETURNING id');

    const mssql = claimStatement('mssql', true);
    expect(mssql).to.include('WITH (UPDLOCK, READPAST, ROWLOCK)');
    expect(mssql).to.include('OUTPUT inserted.id');
    expect(mssql).to.include('SELECT TOP (1) id');
    expect(mssql).to.include('AND id = :jobId');
    expect(mssql).not.to.match(/\bLIMIT\b|RETURNING/);

    expect(claimStatement('sqlite', false)).to.match(
      /LIMIT 1\) AND .* RETURNING id$/,
    );
  });
});

describeEachDatabase('database job queue', (db) => {
  let clock = new Date('2026-12-05T09:00:00.000Z');
  const now = () => clock;
  const later = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  const queue = () =>
    new DatabaseJobQueue(db(), {
      now,
      backoffMs: (attempt) => attempt * 10_000,
    });
  const lease = 60_000;

  it('hands a due job to one worker and records progress and result', async () => {
    const q = queue();
    const { id } = await q.enqueue('test.basic', { n: 1 });
    const job = (await q.claim('w1', {
      kinds: ['test.basic'],
      leaseMs: lease,
    })) as ClaimedJob;

    expect(job).to.include({
      id,
      kind: 'test.basic',
      attempt: 1,
      claimedBy: 'w1',
    });
    expect(job.payload).to.deep.equal({ n: 1 });
    expect(
      await q.claim('w2', { kinds: ['test.basic'], leaseMs: lease }),
    ).to.equal(null);
    expect(await q.progress(job, { done: 5, total: 10 }, lease)).to.equal(true);
    expect((await q.get(id))?.progress).to.deep.equal({ done: 5, total: 10 });

    expect(await q.complete(job, { imported: 3 })).to.equal(true);
    const view = await q.get(id);
    expect(view).to.include({ status: 'done', attempts: 1 });
    expect(view?.result).to.deep.equal({ imported: 3 });
    expect(view?.finishedAt).to.be.instanceOf(Date);
  });

  it('waits until a job is due, and claims only the kinds asked for', async () => {
    const q = queue();
    await q.enqueue(
      'test.later',
      {},
      { runAt: new Date(clock.getTime() + 60_000) },
    );
    expect(
      await q.claim('w1', { kinds: ['test.later'], leaseMs: lease }),
    ).to.equal(null);
    expect(
      await q.claim('w1', { kinds: ['test.other'], leaseMs: lease }),
    ).to.equal(null);
    later(60_000);
    expect(
      await q.claim('w1', { kinds: ['test.later'], leaseMs: lease }),
    ).not.to.equal(null);
  });

  it('keeps one waiting or running job per deduplication key', async () => {
    const q = queue();
    const first = await q.enqueue(
      'test.dedupe',
      { a: 1 },
      { dedupeKey: 'feed:1' },
    );
    const again = await q.enqueue(
      'test.dedupe',
      { a: 2 },
      { dedupeKey: 'feed:1' },
    );
    expect(again).to.deep.equal({ id: first.id, deduplicated: true });

    const job = (await q.claim('w1', {
      kinds: ['test.dedupe'],
      leaseMs: lease,
    })) as ClaimedJob;
    const whileRunning = await q.enqueue(
      'test.dedupe',
      {},
      { dedupeKey: 'feed:1' },
    );
    expect(whileRunning.id).to.equal(first.id);

    await q.complete(job, null);
    const next = await q.enqueue('test.dedupe', {}, { dedupeKey: 'feed:1' });
    expect(next.deduplicated).to.equal(false);
    expect(next.id).not.to.equal(first.id);
  });

  it('refuses a duplicate key raced in by another process, through the index', async () => {
    const { Job } = db().models;
    await Job.create({
      kind: 'test.race',
      payload: '{}',
      runAt: clock,
      dedupeKey: 'race:1',
    });
    let refused = false;
    try {
      await Job.create({
        kind: 'test.race',
        payload: '{}',
        runAt: clock,
        dedupeKey: 'race:1',
      });
    } catch {
      refused = true;
    }
    expect(refused).to.equal(true);
  });

  it('gives a job whose lease ran out to another worker, then ignores the first', async () => {
    const q = queue();
    const { id } = await q.enqueue('test.lease', {});
    const first = (await q.claim('w1', {
      kinds: ['test.lease'],
      leaseMs: lease,
    })) as ClaimedJob;
    later(lease - 1);
    expect(
      await q.claim('w2', { kinds: ['test.lease'], leaseMs: lease }),
    ).to.equal(null);
    later(2);

    const second = (await q.claim('w2', {
      kinds: ['test.lease'],
      leaseMs: lease,
    })) as ClaimedJob;
    expect(second).to.include({ id, attempt: 2, claimedBy: 'w2' });
    expect(await q.renew(first, lease)).to.equal(false);
    expect(await q.complete(first, 'late')).to.equal(false);
    expect(await q.fail(first, 'late')).to.equal('lost');

    expect(await q.complete(second, 'ok')).to.equal(true);
    expect(await q.get(id)).to.include({
      status: 'done',
      attempts: 2,
      result: 'ok',
    });
  });

  it('keeps a lease alive while the worker renews it', async () => {
    const q = queue();
    await q.enqueue('test.renew', {});
    const job = (await q.claim('w1', {
      kinds: ['test.renew'],
      leaseMs: lease,
    })) as ClaimedJob;
    later(lease - 1000);
    expect(await q.renew(job, lease)).to.equal(true);
    later(lease - 1000);
    expect(
      await q.claim('w2', { kinds: ['test.renew'], leaseMs: lease }),
    ).to.equal(null);
    await q.complete(job, null);
  });

  it('retries a failed job after its backoff, then fails it when attempts are spent', async () => {
    const q = queue();
    const { id } = await q.enqueue('test.retry', {}, { maxAttempts: 3 });
    const claim = () =>
      q.claim('w1', { kinds: ['test.retry'], leaseMs: lease });

    const first = (await claim()) as ClaimedJob;
    expect(await q.fail(first, 'boom 1')).to.equal('retrying');
    expect(await q.get(id)).to.include({
      status: 'queued',
      attempts: 1,
      error: 'boom 1',
    });
    later(9_999);
    expect(await claim()).to.equal(null);
    later(1);

    const second = (await claim()) as ClaimedJob;
    expect(second.attempt).to.equal(2);
    expect(await q.fail(second, 'boom 2')).to.equal('retrying');
    later(20_000);
    const third = (await claim()) as ClaimedJob;
    expect(await q.fail(third, 'boom 3')).to.equal('failed');
    expect(await q.get(id)).to.include({
      status: 'failed',
      attempts: 3,
      error: 'boom 3',
    });
    later(3_600_000);
    expect(await claim()).to.equal(null);
  });

  it('fails at once when told no attempt can succeed', async () => {
    const q = queue();
    const { id } = await q.enqueue('test.permanent', {});
    const job = (await q.claim('w1', {
      kinds: ['test.permanent'],
      leaseMs: lease,
    })) as ClaimedJob;
    expect(await q.fail(job, 'bad payload', { retry: false })).to.equal(
      'failed',
    );
    expect(await q.get(id)).to.include({ status: 'failed', attempts: 1 });
  });

  it('fails a job whose worker died on its last attempt', async () => {
    const q = queue();
    const { id } = await q.enqueue('test.crash', {}, { maxAttempts: 2 });
    await q.claim('w1', { kinds: ['test.crash'], leaseMs: lease });
    later(lease + 1);
    await q.claim('w2', { kinds: ['test.crash'], leaseMs: lease });
    later(lease + 1);

    expect(
      await q.claim('w3', { kinds: ['test.crash'], leaseMs: lease }),
    ).to.equal(null);
    expect(await q.sweep()).to.be.at.least(1);
    const view = await q.get(id);
    expect(view).to.include({ status: 'failed', attempts: 2 });
    expect(view?.error).to.match(/lease expired/);
  });

  it('gives a job back without counting the attempt', async () => {
    const q = queue();
    const { id } = await q.enqueue('test.release', {});
    const job = (await q.claim('w1', {
      kinds: ['test.release'],
      leaseMs: lease,
    })) as ClaimedJob;
    expect(await q.release(job)).to.equal(true);
    expect(await q.get(id)).to.include({
      status: 'queued',
      attempts: 0,
      claimedBy: null,
    });
    const again = (await q.claim('w2', {
      kinds: ['test.release'],
      leaseMs: lease,
    })) as ClaimedJob;
    expect(again.attempt).to.equal(1);
  });

  it('claims one given job when asked for it', async () => {
    const q = queue();
    const a = await q.enqueue('test.byid', {});
    const b = await q.enqueue('test.byid', {});
    const job = await q.claim('w1', {
      kinds: ['test.byid'],
      leaseMs: lease,
      jobId: b.id,
    });
    expect(job?.id).to.equal(b.id);
    expect((await q.get(a.id))?.status).to.equal('queued');
  });

  it('never hands one job to two workers claiming at the same time', async () => {
    const count = 30;
    const q = queue();
    const ids = new Set<number>();
    for (let i = 0; i < count; i += 1)
      ids.add((await q.enqueue('test.race.claim', { i })).id);

    const claimed: number[] = [];
    const drain = async (worker: string) => {
      const own = queue();
      for (;;) {
        const job = await own.claim(worker, {
          kinds: ['test.race.claim'],
          leaseMs: lease,
        });
        if (!job) return;
        claimed.push(job.id);
        await own.complete(job, worker);
      }
    };
    await Promise.all(['a', 'b', 'c', 'd'].map(drain));

    expect(claimed).to.have.length(count);
    expect(new Set(claimed)).to.deep.equal(ids);
  });

  it('forgets finished jobs after the retention', async () => {
    const q = queue();
    const { id } = await q.enqueue('test.purge', {});
    const job = (await q.claim('w1', {
      kinds: ['test.purge'],
      leaseMs: lease,
    })) as ClaimedJob;
    await q.complete(job, null);
    later(31 * 86_400_000);
    await q.sweep(30);
    expect(await q.get(id)).to.equal(null);
  });
});
