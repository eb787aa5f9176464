import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { memoryLogger } from '../../test/memory-logger.ts';
import { DatabaseJobQueue } from './database-queue.ts';
import {
  PermanentJobError,
  startWorker,
  type JobHandler,
  type Worker,
} from './worker.ts';

const until = async (check: () => Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((done) => setTimeout(done, 20));
  }
};

describeEachDatabase('job worker', (db) => {
  const workers: Worker[] = [];
  const { log, lines } = memoryLogger();
  const start = (
    handlers: Record<string, JobHandler>,
    options: Parameters<typeof startWorker>[2] = {},
  ) => {
    const worker = startWorker(
      { db: db(), log, config: { DEFAULT_REGION: 'FR' } },
      handlers,
      {
        pollMs: 20,
        queue: new DatabaseJobQueue(db(), { backoffMs: () => 0 }),
        ...options,
      },
    );
    workers.push(worker);

    return worker;
  };
  const statusOf = async (id: number) =>
    (await new DatabaseJobQueue(db()).get(id))?.status;

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
  });

  it('runs a job and keeps what its handler returned', async () => {
    const worker = start({
      'w.echo': async (job) => {
        await job.progress({ step: 1 });
        return { echoed: job.payload };
      },
    });
    const { id } = await worker.queue.enqueue('w.echo', { x: 1 });
    await until(async () => (await statusOf(id)) === 'done');

    const view = await worker.queue.get(id);
    expect(view?.result).to.deep.equal({ echoed: { x: 1 } });
    expect(view?.progress).to.deep.equal({ step: 1 });
  });

  it('retries a failing job and records the last error, without it in the log', async () => {
    let calls = 0;
    const worker = start({
      'w.flaky': async (job) => {
        calls += 1;
        if (job.attempt < 3) throw new Error('Dupont unreachable');
        return 'third time';
      },
    });
    const { id } = await worker.queue.enqueue('w.flaky', {});
    await until(async () => (await statusOf(id)) === 'done');

    expect(calls).to.equal(3);
    expect(await worker.queue.get(id)).to.include({
      attempts: 3,
      result: 'third time',
    });
    expect(lines.join('')).to.include('job.failed');
    expect(lines.join('')).not.to.include('Dupont');
  });

  it('fails a job at once on a permanent error', async () => {
    const worker = start({
      'w.bad': async () => {
        throw new PermanentJobError('no such feed');
      },
    });
    const { id } = await worker.queue.enqueue('w.bad', {});
    await until(async () => (await statusOf(id)) === 'failed');
    expect(await worker.queue.get(id)).to.include({
      attempts: 1,
      error: 'no such feed',
    });
  });

  it('runs each job once with two workers side by side', async () => {
    const seen = new Map<number, number>();
    const handler: JobHandler = async (job) => {
      seen.set(job.id, (seen.get(job.id) ?? 0) + 1);
      await new Promise((done) => setTimeout(done, 5));
    };
    const first = start({ 'w.many': handler }, { concurrency: 2 });
    start({ 'w.many': handler }, { concurrency: 2 });
    const ids: number[] = [];
    for (let i = 0; i < 24; i += 1)
      ids.push((await first.queue.enqueue('w.many', { i })).id);

    await until(async () => {
      const states = await Promise.all(ids.map(statusOf));
      return states.every((state) => state === 'done');
    });
    expect([...seen.keys()].sort((a, b) => a - b)).to.deep.equal(ids);
    expect([...seen.values()].every((count) => count === 1)).to.equal(true);
  });

  it('lets a running job finish when stopped', async () => {
    let finished = false;
    const worker = start({
      'w.slow': async () => {
        await new Promise((done) => setTimeout(done, 200));
        finished = true;
        return 'finished';
      },
    });
    const { id } = await worker.queue.enqueue('w.slow', {});
    await until(async () => (await statusOf(id)) === 'running');
    await worker.stop();

    expect(finished).to.equal(true);
    expect(await statusOf(id)).to.equal('done');
  });

  it('gives a job back when it outlasts the stop', async () => {
    const worker = start(
      {
        'w.stuck': (job) =>
          new Promise((_done, fail) => {
            job.signal.addEventListener('abort', () =>
              fail(new Error('interrupted')),
            );
          }),
      },
      { stopTimeoutMs: 100 },
    );
    const { id } = await worker.queue.enqueue('w.stuck', {});
    await until(async () => (await statusOf(id)) === 'running');
    await worker.stop();

    expect(await worker.queue.get(id)).to.include({
      status: 'queued',
      attempts: 0,
    });
  });

  it('runs its ticks on their period', async () => {
    let ticks = 0;
    start(
      {},
      {
        ticks: [
          {
            name: 'count',
            everyMs: 10,
            run: async () => {
              ticks += 1;
            },
          },
        ],
      },
    );
    await until(async () => ticks >= 2);
  });
});
