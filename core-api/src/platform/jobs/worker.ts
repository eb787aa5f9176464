import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { systemActor, type Ctx } from '../context.ts';
import type { Db } from '../db/models.ts';
import type { Logger } from '../log/logger.ts';
import { jobQueue } from './jobs.ts';
import type { ClaimedJob, JobQueue } from './queue.ts';

/** What a handler receives for one attempt of one job. */
export type RunningJob = {
  id: number;
  kind: string;
  payload: unknown;
  /** From 1; above 1 when an earlier attempt failed or its worker died. */
  attempt: number;
  maxAttempts: number;
  /** The system acting, with the worker's logger. */
  ctx: Ctx;
  /** Aborted when the worker stops or loses the job's lease. */
  signal: AbortSignal;
  /** Records how far the job got; false when the lease was lost. */
  progress: (value: unknown) => Promise<boolean>;
};

/** Runs one kind of job; what it resolves with is kept as the job's result. */
export type JobHandler = (job: RunningJob) => Promise<unknown>;

/** A failure that no further attempt can mend (bad payload, missing record). */
export class PermanentJobError extends Error {}

/** Periodic work of the worker besides jobs, such as enqueueing due feeds. */
export type Tick = {
  name: string;
  everyMs: number;
  run: (ctx: Ctx, queue: JobQueue) => Promise<void>;
};

export type WorkerOptions = {
  queue?: JobQueue;
  /** Names this worker in `claimed_by`; host, process and a random part by default. */
  id?: string;
  /** Jobs run side by side. */
  concurrency?: number;
  /** Pause when no job is due. */
  pollMs?: number;
  leaseMs?: number;
  ticks?: Tick[];
  /** How long `stop` lets running jobs finish before interrupting them. */
  stopTimeoutMs?: number;
};

/** What `startWorker` needs of the runtime. */
export type WorkerRuntime = {
  db: Db;
  log: Logger;
  config: { DEFAULT_REGION: string };
};

export type Worker = {
  id: string;
  queue: JobQueue;
  /** Stops claiming, lets running jobs end (or gives them back), then resolves. */
  stop: () => Promise<void>;
};

/** Sleeps `ms`, or less when `signal` aborts; leaves no listener behind. */
function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((done) => {
    if (signal?.aborted) return done();
    const wake = () => {
      clearTimeout(timer);
      done();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', wake);
      done();
    }, ms);
    signal?.addEventListener('abort', wake, { once: true });
  });
}

/** Waits for `work` at most `ms`; true when it finished in time. */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  const timer = new AbortController();
  const finished = await Promise.race([
    work.then(() => true),
    delay(ms, timer.signal).then(() => false),
  ]);
  timer.abort();

  return finished;
}

const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : String(error);

/** What running jobs needs, shared by the loop and a one-off run. */
type Env = {
  id: string;
  queue: JobQueue;
  handlers: Record<string, JobHandler>;
  kinds: string[];
  leaseMs: number;
  log: Logger;
  ctx: Ctx;
  /** Aborted when the worker stops: running jobs are then given back. */
  stopping: AbortSignal;
  running: Set<AbortController>;
};

function environment(
  runtime: WorkerRuntime,
  handlers: Record<string, JobHandler>,
  options: WorkerOptions,
  stopping: AbortSignal,
): Env {
  const id =
    options.id ??
    `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const log = runtime.log.child({ module: 'jobs', worker: id });

  return {
    id,
    queue: options.queue ?? jobQueue(runtime.db),
    handlers,
    kinds: Object.keys(handlers),
    leaseMs: options.leaseMs ?? 60_000,
    log,
    ctx: {
      db: runtime.db,
      log,
      actor: { ...systemActor, label: 'tâche de fond' },
      region: runtime.config.DEFAULT_REGION,
    },
    stopping,
    running: new Set(),
  };
}

/** Runs one claimed job: renews its lease meanwhile, then settles it. */
async function execute(env: Env, job: ClaimedJob): Promise<void> {
  const { queue, leaseMs, log } = env;
  const handler = env.handlers[job.kind] as JobHandler;
  const control = new AbortController();
  env.running.add(control);
  const started = performance.now();
  const fields = { jobId: job.id, kind: job.kind, attempt: job.attempt };
  const heartbeat = setInterval(
    () =>
      void queue.renew(job, leaseMs).then(
        (held) => {
          if (!held) control.abort(new Error('lease lost'));
        },
        (error: unknown) => log.warn({ ...fields, err: error }, 'job.renew'),
      ),
    Math.max(50, Math.floor(leaseMs / 3)),
  );
  log.info(fields, 'job.started');

  try {
    const result = await handler({
      id: job.id,
      kind: job.kind,
      payload: job.payload,
      attempt: job.attempt,
      maxAttempts: job.maxAttempts,
      ctx: { ...env.ctx, log: log.child(fields) },
      signal: control.signal,
      progress: (value) => queue.progress(job, value, leaseMs),
    });
    const held = await queue.complete(job, result ?? null);
    const ms = Math.round(performance.now() - started);
    if (held) log.info({ ...fields, ms }, 'job.done');
    else log.warn({ ...fields, ms }, 'job.lease.lost');
  } catch (error) {
    if (control.signal.aborted && env.stopping.aborted) {
      await queue.release(job);
      log.info(fields, 'job.released');
      return;
    }
    const outcome = await queue.fail(job, messageOf(error), {
      retry: !(error instanceof PermanentJobError),
    });
    // The message may quote data; the log keeps ids and the outcome only.
    const level = outcome === 'failed' ? 'error' : 'warn';
    log[level]({ ...fields, outcome }, 'job.failed');
  } finally {
    clearInterval(heartbeat);
    env.running.delete(control);
  }
}

/**
 * Runs one given job here and now, as a worker would, when it is due and no
 * worker holds it (the command line running a feed on request).
 *
 * @returns false when the job was not there to take
 */
export async function runJobNow(
  runtime: WorkerRuntime,
  handlers: Record<string, JobHandler>,
  jobId: number,
  options: WorkerOptions = {},
): Promise<boolean> {
  const env = environment(
    runtime,
    handlers,
    options,
    new AbortController().signal,
  );
  const job = await env.queue.claim(env.id, {
    kinds: env.kinds,
    leaseMs: env.leaseMs,
    jobId,
  });
  if (!job) return false;
  await execute(env, job);

  return true;
}

/**
 * Starts a worker loop: it claims due jobs of the kinds it has handlers for,
 * runs each under a lease it renews, records the outcome (retry with backoff
 * until the attempts are spent), and runs its ticks on their period. It runs
 * inside `relais serve` (the embedded default) or alone (`relais worker`).
 *
 * @param runtime the open database, the logger and the configuration
 * @param handlers one handler per job kind
 */
export function startWorker(
  runtime: WorkerRuntime,
  handlers: Record<string, JobHandler>,
  options: WorkerOptions = {},
): Worker {
  const stopping = new AbortController();
  const env = environment(runtime, handlers, options, stopping.signal);
  const { queue, log } = env;
  const pollMs = options.pollMs ?? 2_000;
  const lastTick = new Map<string, number>();

  // Recovering jobs whose worker died on their last attempt is a tick too.
  const sweep: Tick = {
    name: 'jobs.sweep',
    everyMs: 60_000,
    run: async () => {
      const failed = await queue.sweep();
      if (failed > 0) log.error({ failed }, 'job.lease.expired');
    },
  };

  async function runTicks(): Promise<void> {
    for (const tick of [sweep, ...(options.ticks ?? [])]) {
      const last = lastTick.get(tick.name) ?? 0;
      if (Date.now() - last < tick.everyMs) continue;
      lastTick.set(tick.name, Date.now());
      try {
        await tick.run(env.ctx, queue);
      } catch (error) {
        log.error({ err: error, tick: tick.name }, 'worker.tick.failed');
      }
    }
  }

  async function loop(index: number): Promise<void> {
    while (!stopping.signal.aborted) {
      try {
        if (index === 0) await runTicks();
        const job = await queue.claim(env.id, {
          kinds: env.kinds,
          leaseMs: env.leaseMs,
        });
        if (job) {
          await execute(env, job);
          continue;
        }
      } catch (error) {
        log.error({ err: error }, 'worker.loop.failed');
      }
      await delay(pollMs, stopping.signal);
    }
  }

  const concurrency = Math.max(1, options.concurrency ?? 1);
  const loops = Promise.all(
    Array.from({ length: concurrency }, (_, index) => loop(index)),
  );
  log.info({ kinds: env.kinds, concurrency }, 'worker.started');

  return {
    id: env.id,
    queue,
    stop: async () => {
      stopping.abort();
      const finished = await within(loops, options.stopTimeoutMs ?? 30_000);
      if (!finished) {
        for (const control of env.running) control.abort(new Error('stopping'));
        await within(loops, 5_000);
      }
      log.info('worker.stopped');
    },
  };
}
