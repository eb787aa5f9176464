import {
  Op,
  QueryTypes,
  UniqueConstraintError,
  type InferAttributes,
  type Transaction,
} from 'sequelize';
import { dialectOf, type Dialect } from '../db/database.ts';
import type { Db, JobRow } from '../db/models.ts';
import {
  defaultBackoffMs,
  type ClaimOptions,
  type ClaimedJob,
  type EnqueueOptions,
  type Enqueued,
  type FailOutcome,
  type JobQueue,
  type JobState,
  type JobView,
} from './queue.ts';

export type DatabaseQueueOptions = {
  /** The clock; tests move it instead of waiting. */
  now?: () => Date;
  /** Wait before the next attempt, given the attempt that failed. */
  backoffMs?: (attempt: number) => number;
};

const due =
  '((status = :queued AND run_at <= :now) OR ' +
  '(status = :running AND lease_until < :now AND attempts < max_attempts))';

/**
 * The statement that takes one due job, written per dialect. Each picks the
 * job in a subquery and updates that one row, with the due condition
 * repeated so a row that changed in between is left alone:
 *
 * - PostgreSQL: `FOR UPDATE SKIP LOCKED` in the subquery. A row another
 *   worker is claiming is locked, so it is skipped rather than waited for;
 *   one it claimed and committed since this statement began is re-read and
 *   no longer due. `RETURNING` hands back the id.
 * - SQL Server: the subquery reads `WITH (UPDLOCK, READPAST, ROWLOCK)`: an
 *   update lock on the row it picks, held to the end of the statement, and
 *   rows locked by others passed over; `OUTPUT inserted.id` hands back the
 *   id. `TOP (1)` and `ORDER BY` choose the oldest due job.
 * - SQLite: no row locks; every write takes the database's single write
 *   lock, so the subquery and the update run as one step no other writer
 *   (thread or process) can enter. `RETURNING` needs SQLite 3.35.
 */
export function claimStatement(dialect: Dialect, byId: boolean): string {
  const only = `kind IN (:kinds)${byId ? ' AND id = :jobId' : ''}`;
  const set =
    'status = :running, claimed_by = :worker, lease_until = :until, ' +
    'attempts = attempts + 1, updated_at = :now';

  switch (dialect) {
    case 'postgres':
      return (
        `UPDATE jobs SET ${set} WHERE id = (SELECT id FROM jobs ` +
        `WHERE ${only} AND ${due} ORDER BY run_at, id LIMIT 1 ` +
        `FOR UPDATE SKIP LOCKED) AND ${due} RETURNING id`
      );
    case 'mssql':
      return (
        `UPDATE jobs SET ${set} OUTPUT inserted.id WHERE id = (SELECT TOP (1) ` +
        `id FROM jobs WITH (UPDLOCK, READPAST, ROWLOCK) WHERE ${only} AND ` +
        `${due} ORDER BY run_at, id) AND ${due}`
      );
    case 'sqlite':
      return (
        `UPDATE jobs SET ${set} WHERE id = (SELECT id FROM jobs ` +
        `WHERE ${only} AND ${due} ORDER BY run_at, id LIMIT 1) ` +
        `AND ${due} RETURNING id`
      );
  }
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function viewOf(row: JobRow): JobView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status as JobState,
    runAt: row.runAt,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    claimedBy: row.claimedBy,
    leaseUntil: row.leaseUntil,
    progress: parseJson(row.progress),
    result: parseJson(row.result),
    error: row.error,
    finishedAt: row.finishedAt,
  };
}

/** The job queue kept in the `jobs` table: the embedded default. */
export class DatabaseJobQueue implements JobQueue {
  private readonly db: Db;
  private readonly now: () => Date;
  private readonly backoffMs: (attempt: number) => number;

  constructor(db: Db, options: DatabaseQueueOptions = {}) {
    this.db = db;
    this.now = options.now ?? (() => new Date());
    this.backoffMs = options.backoffMs ?? defaultBackoffMs;
  }

  async enqueue(
    kind: string,
    payload: unknown,
    options: EnqueueOptions = {},
  ): Promise<Enqueued> {
    const { Job } = this.db.models;
    const key = options.dedupeKey ?? null;
    const active = async (transaction?: Transaction) =>
      key === null
        ? null
        : Job.findOne({
            where: { dedupeKey: key, status: ['queued', 'running'] },
            attributes: ['id'],
            transaction,
          });

    const existing = await active(options.transaction);
    if (existing) return { id: existing.id, deduplicated: true };
    try {
      // A savepoint when the caller holds a transaction: on PostgreSQL a
      // refused insert would otherwise spoil the whole transaction.
      const job = await this.db.sequelize.transaction(
        { transaction: options.transaction },
        (transaction) =>
          Job.create(
            {
              kind,
              payload: JSON.stringify(payload ?? {}),
              runAt: options.runAt ?? this.now(),
              dedupeKey: key,
              maxAttempts: options.maxAttempts ?? 5,
            },
            { transaction },
          ),
      );

      return { id: job.id, deduplicated: false };
    } catch (error) {
      // Another process enqueued the same key in between.
      const raced =
        error instanceof UniqueConstraintError
          ? await active(options.transaction)
          : null;
      if (!raced) throw error;

      return { id: raced.id, deduplicated: true };
    }
  }

  async claim(
    workerId: string,
    options: ClaimOptions,
  ): Promise<ClaimedJob | null> {
    if (options.kinds.length === 0) return null;
    const now = this.now();
    const until = new Date(now.getTime() + options.leaseMs);
    const sql = claimStatement(
      dialectOf(this.db.sequelize),
      options.jobId !== undefined,
    );
    const rows = await this.db.sequelize.query<{ id: number }>(sql, {
      type: QueryTypes.SELECT,
      replacements: {
        kinds: options.kinds,
        jobId: options.jobId ?? 0,
        worker: workerId,
        now,
        until,
        queued: 'queued',
        running: 'running',
      },
    });
    const id = rows[0]?.id;
    if (id === undefined) return null;

    const row = await this.db.models.Job.findByPk(Number(id));
    if (!row || row.claimedBy !== workerId) return null;

    return {
      id: row.id,
      kind: row.kind,
      payload: parseJson(row.payload),
      attempt: row.attempts,
      maxAttempts: row.maxAttempts,
      claimedBy: workerId,
      leaseUntil: until,
    };
  }

  /** Updates the job only while this attempt still holds it. */
  private async whileHeld(
    job: ClaimedJob,
    values: Partial<InferAttributes<JobRow>>,
  ): Promise<boolean> {
    const [count] = await this.db.models.Job.update(
      { ...values, updatedAt: this.now() },
      {
        where: {
          id: job.id,
          status: 'running',
          claimedBy: job.claimedBy,
          attempts: job.attempt,
        },
      },
    );

    return count === 1;
  }

  renew(job: ClaimedJob, leaseMs: number): Promise<boolean> {
    return this.whileHeld(job, {
      leaseUntil: new Date(this.now().getTime() + leaseMs),
    });
  }

  progress(job: ClaimedJob, value: unknown, leaseMs: number): Promise<boolean> {
    return this.whileHeld(job, {
      progress: JSON.stringify(value),
      leaseUntil: new Date(this.now().getTime() + leaseMs),
    });
  }

  complete(job: ClaimedJob, result: unknown): Promise<boolean> {
    return this.whileHeld(job, {
      status: 'done',
      result: result === undefined ? null : JSON.stringify(result),
      error: null,
      leaseUntil: null,
      finishedAt: this.now(),
    });
  }

  async fail(
    job: ClaimedJob,
    error: string,
    options: { retry?: boolean } = {},
  ): Promise<FailOutcome> {
    const now = this.now();
    const again = options.retry !== false && job.attempt < job.maxAttempts;
    const settled = await this.whileHeld(
      job,
      again
        ? {
            status: 'queued',
            error: error.slice(0, 4000),
            claimedBy: null,
            leaseUntil: null,
            runAt: new Date(now.getTime() + this.backoffMs(job.attempt)),
          }
        : {
            status: 'failed',
            error: error.slice(0, 4000),
            leaseUntil: null,
            finishedAt: now,
          },
    );
    if (!settled) return 'lost';

    return again ? 'retrying' : 'failed';
  }

  release(job: ClaimedJob): Promise<boolean> {
    return this.whileHeld(job, {
      status: 'queued',
      claimedBy: null,
      leaseUntil: null,
      attempts: job.attempt - 1,
      runAt: this.now(),
    });
  }

  async sweep(retentionDays = 30): Promise<number> {
    const { Job } = this.db.models;
    const now = this.now();
    const [failed] = await Job.update(
      {
        status: 'failed',
        error: 'lease expired on the last attempt (worker stopped or crashed)',
        leaseUntil: null,
        finishedAt: now,
        updatedAt: now,
      },
      {
        where: {
          status: 'running',
          leaseUntil: { [Op.lt]: now },
          attempts: { [Op.gte]: this.db.sequelize.col('max_attempts') },
        },
      },
    );
    await Job.destroy({
      where: {
        status: ['done', 'failed'],
        finishedAt: {
          [Op.lt]: new Date(now.getTime() - retentionDays * 86_400_000),
        },
      },
    });

    return failed;
  }

  async get(id: number): Promise<JobView | null> {
    const row = await this.db.models.Job.findByPk(id);

    return row ? viewOf(row) : null;
  }
}
