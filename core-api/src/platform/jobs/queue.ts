import type { Transaction } from 'sequelize';

/** How a job is queued. */
export type EnqueueOptions = {
  /** Not before this instant; now by default. */
  runAt?: Date;
  /**
   * At most one waiting or running job carries this key: enqueueing again
   * while one does returns that job instead of adding another.
   */
  dedupeKey?: string;
  /** Attempts before the job is given up (crashes included); 5 by default. */
  maxAttempts?: number;
  /** The caller's transaction, so the job exists only if its cause does. */
  transaction?: Transaction;
};

export type Enqueued = {
  id: number;
  /** True when a job with the same key was already waiting or running. */
  deduplicated: boolean;
};

/** A job a worker holds under a lease. */
export type ClaimedJob = {
  id: number;
  kind: string;
  payload: unknown;
  /** This attempt's number, from 1; it also fences a lease taken over. */
  attempt: number;
  maxAttempts: number;
  claimedBy: string;
  leaseUntil: Date;
};

export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** A job as operators and callers see it. */
export type JobView = {
  id: number;
  kind: string;
  status: JobState;
  runAt: Date;
  attempts: number;
  maxAttempts: number;
  claimedBy: string | null;
  leaseUntil: Date | null;
  progress: unknown;
  result: unknown;
  error: string | null;
  finishedAt: Date | null;
};

export type ClaimOptions = {
  /** Kinds this worker can run. */
  kinds: string[];
  /** How long the job stays this worker's without a renewal. */
  leaseMs: number;
  /** Only this job (a command line waiting for its own job). */
  jobId?: number;
};

/** What became of a failed attempt. */
export type FailOutcome = 'retrying' | 'failed' | 'lost';

/**
 * A queue of background jobs. Workers claim due jobs under a lease, renew it
 * while they work, and settle each job once; a worker that dies keeps its
 * job only until the lease ends, then another takes it again. Every call
 * that settles or renews a claimed job answers false (or `lost`) when the
 * lease has passed to another worker meanwhile: the caller must drop the
 * work, since someone else is doing it.
 *
 * The database queue is the default; an Azure Service Bus adapter can take
 * its place (peek-lock is the lease, abandon the retry, dead letter the
 * final failure).
 */
export interface JobQueue {
  enqueue(
    kind: string,
    payload: unknown,
    options?: EnqueueOptions,
  ): Promise<Enqueued>;
  /** Takes the next due job of the given kinds, or null when none is due. */
  claim(workerId: string, options: ClaimOptions): Promise<ClaimedJob | null>;
  /** Extends the lease; false when the job is no longer this worker's. */
  renew(job: ClaimedJob, leaseMs: number): Promise<boolean>;
  /** Records how far the job got (renews the lease too). */
  progress(job: ClaimedJob, value: unknown, leaseMs: number): Promise<boolean>;
  /** Settles the job as done, with its result. */
  complete(job: ClaimedJob, result: unknown): Promise<boolean>;
  /**
   * Records a failed attempt: the job waits for a later attempt (backoff)
   * while it has attempts left and `retry` is not false, else it is failed.
   */
  fail(
    job: ClaimedJob,
    error: string,
    options?: { retry?: boolean },
  ): Promise<FailOutcome>;
  /** Gives the job back untouched (a worker stopping), attempt not counted. */
  release(job: ClaimedJob): Promise<boolean>;
  /**
   * Fails the jobs whose worker vanished on their last attempt, and forgets
   * finished jobs older than the retention. Returns how many were failed.
   */
  sweep(retentionDays?: number): Promise<number>;
  get(id: number): Promise<JobView | null>;
}

/**
 * Wait before attempt `attempt + 1`: 30 s, 1 min, 2 min… capped at 30 min.
 *
 * @param attempt the attempt that just failed, from 1
 */
export function defaultBackoffMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 30 * 60_000);
}
