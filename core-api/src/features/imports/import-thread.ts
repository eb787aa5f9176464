import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { Actor, Ctx } from '../../platform/context.ts';
import { databaseUrlOf } from '../../platform/db/database.ts';
import {
  AppError,
  type ErrorCode,
  type FieldProblem,
} from '../../platform/http/errors.ts';
import type { ProgressHandle } from './import-progress.ts';

/**
 * When a large import gets a thread of its own, and how much memory it has
 * there. On the thread that serves the API, V8 lets its heap grow to about
 * four times what survived its last full collection before collecting
 * again: a 50,000-row file, with some 110 MB alive while it is matched,
 * took the process past 550 MB. A thread whose heap is bounded below 2 GB
 * grows its heap by less than twice that before collecting, its memory is
 * given back when it ends, and the API answers meanwhile.
 */
export const importThreadSettings = {
  /** The thread's heap, in MB (`IMPORT_MEMORY_MB`); 0: never a thread. */
  heapMb: 512,
  /** Files of this many bytes or more are read on a thread. */
  minBytes: 1 << 20,
  /** Batches of this many rows or more are committed on a thread. */
  minRows: 5000,
  /**
   * Past this share of the heap still alive after a full collection, the
   * import stops at its next step with `importTooLarge` rather than be cut
   * off by V8 at the limit: on SQLite, a thread cut off while the driver
   * calls back into it takes the whole process down. The margin left is
   * what one step (a row read, a chunk written) may allocate.
   */
  heapShareAllowed: 0.75,
};

/** Sets the memory of large imports' threads (at start-up, and in tests). */
export function configureImportThreads(
  changes: Partial<typeof importThreadSettings>,
): void {
  Object.assign(importThreadSettings, changes);
}

/** What an import's thread is asked to do. */
export type ThreadTask =
  | { kind: 'analyse'; batchId: number; data: Uint8Array }
  | { kind: 'commit'; batchId: number };

/** What the thread is handed: its task and the caller's context, as data. */
export type ThreadInput = {
  task: ThreadTask;
  databaseUrl: string;
  actor: Actor;
  region: string;
  requestId?: string;
  logLevel: string;
  heapMb: number;
  heapShareAllowed: number;
};

/** An error as it crosses from the thread; an AppError keeps its code and words. */
export type SentError = {
  message: string;
  stack?: string;
  code?: ErrorCode;
  fr?: string;
  en?: string;
  reason?: string;
  fields?: FieldProblem[];
};

/** What the thread tells the thread that started it. */
export type ThreadMessage =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'log'; line: string }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; error: SentError };

/** The refusal of a file that needs more memory than an import has. */
export function importTooLarge(heapMb: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', {
    fr:
      'Ce fichier demande plus de mémoire qu’un import n’en a ' +
      `(IMPORT_MEMORY_MB = ${heapMb} Mo) : découpez-le en plusieurs ` +
      'fichiers, ou augmentez IMPORT_MEMORY_MB.',
    en:
      'This file needs more memory than an import has ' +
      `(IMPORT_MEMORY_MB = ${heapMb} MB): split it into several files, ` +
      'or raise IMPORT_MEMORY_MB.',
    reason: 'import_memory',
  });
}

/** An error made ready to cross to the other thread. */
export function sentError(error: unknown): SentError {
  if (error instanceof AppError) {
    return {
      message: error.message,
      code: error.code,
      fr: error.messageFr,
      en: error.messageEn,
      ...(error.reason ? { reason: error.reason } : {}),
      ...(error.fields ? { fields: error.fields } : {}),
    };
  }
  const cause = error instanceof Error ? error : new Error(String(error));

  return {
    message: cause.message,
    ...(cause.stack ? { stack: cause.stack } : {}),
  };
}

function receivedError(sent: SentError): Error {
  if (sent.code) {
    return new AppError(sent.code, {
      fr: sent.fr,
      en: sent.en,
      reason: sent.reason,
      fields: sent.fields,
    });
  }
  const error = new Error(sent.message);
  if (sent.stack) error.stack = sent.stack;

  return error;
}

/**
 * The base a thread would open for this import, or null when the import
 * stays on the calling thread: a small one (`size` under `threshold`),
 * threads turned off, a caller's transaction to join, or an in-memory
 * SQLite base that no other connection reaches.
 */
export function threadDatabase(
  ctx: Ctx,
  size: number,
  threshold: number,
): string | null {
  if (importThreadSettings.heapMb === 0 || size < threshold) return null;
  if (ctx.transaction) return null;

  return databaseUrlOf(ctx.db.sequelize);
}

// The entry has this module's extension: `.ts` under test, `.js` once built.
const fromSources = extname(fileURLToPath(import.meta.url)) === '.ts';
const entry = new URL(
  `./import-thread-entry${fromSources ? '.ts' : '.js'}`,
  import.meta.url,
);

/**
 * Starts the thread on its entry. Run from the TypeScript sources (tests),
 * the thread first registers the loader the process runs under: Node 20
 * does not hand the main thread's loader to a worker.
 */
function startThread(options: WorkerOptions): Worker {
  if (!fromSources) return new Worker(entry, options);
  const boot =
    "import('tsx/esm/api').then(({ register }) => { register(); " +
    `return import(${JSON.stringify(entry.href)}); })`;

  return new Worker(boot, { ...options, eval: true });
}

/** A line the thread logged, written to the caller's log with its bindings. */
function relayLog(ctx: Ctx, line: string): void {
  let entry: Record<string, unknown> & { level: number; msg?: string };
  try {
    entry = JSON.parse(line) as typeof entry;
  } catch {
    ctx.log.warn('import.thread.log_unreadable');
    return;
  }
  const {
    level,
    msg,
    time: _time,
    pid: _pid,
    hostname: _host,
    service: _service,
    ...fields
  } = entry;
  const label = ctx.log.levels.labels[level] as
    'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | undefined;
  ctx.log[label ?? 'info'](fields, msg);
}

/**
 * Runs an import's analysis or commit on a thread of its own, over its own
 * connection to the same base: its progress and log lines come back here,
 * so the status route and the log see them as before. A thread that runs
 * out of memory ends with `importTooLarge`; the API's thread is untouched.
 */
export function runOnThread<T>(
  ctx: Ctx,
  databaseUrl: string,
  task: ThreadTask,
  progress: ProgressHandle,
): Promise<T> {
  const { heapMb, heapShareAllowed } = importThreadSettings;
  const input: ThreadInput = {
    task,
    databaseUrl,
    actor: ctx.actor,
    region: ctx.region,
    ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
    logLevel: ctx.log.level,
    heapMb,
    heapShareAllowed,
  };

  return new Promise<T>((resolve, reject) => {
    let phase: string | null = null;
    // Settled when the thread has ended, not before: its work is over then.
    let outcome: (() => void) | null = null;
    const settle = (ending: () => void) => {
      outcome ??= ending;
    };
    const thread = startThread({
      workerData: input,
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    thread.on('message', (message: ThreadMessage) => {
      if (message.type === 'progress') {
        if (message.phase !== phase) {
          phase = message.phase;
          progress.phase(message.phase, message.total);
        }
        progress.advance(message.done);
      } else if (message.type === 'log') {
        relayLog(ctx, message.line);
      } else if (message.type === 'done') {
        settle(() => resolve(message.result as T));
      } else {
        settle(() => reject(receivedError(message.error)));
      }
    });
    thread.on('error', (error: Error & { code?: string }) => {
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? importTooLarge(heapMb)
            : error,
        ),
      );
    });
    thread.on('exit', (code) => {
      settle(() =>
        reject(new Error(`The import thread ended early (exit code ${code})`)),
      );
      (outcome as () => void)();
    });
  });
}
