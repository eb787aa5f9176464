// A large import's own thread (see `import-thread.ts`): it opens the base
// again, runs the analysis or the commit it was handed, and passes its
// progress, log lines and outcome back. Never imported: a Worker runs it.
import { GCProfiler } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { Ctx } from '../../platform/context.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { defineModels } from '../../platform/db/models.ts';
import { createLogger } from '../../platform/log/logger.ts';
import { importProgress } from './import-progress.ts';
import {
  importTooLarge,
  sentError,
  type ThreadInput,
  type ThreadMessage,
} from './import-thread.ts';

const input = workerData as ThreadInput;
const port = parentPort;
if (!port) throw new Error('import-thread-entry runs on an import thread only');
const send = (message: ThreadMessage) => port.postMessage(message);

// A full collection that left more than `heapShareAllowed` of the bound
// alive stops the import at its next step (see `importThreadSettings`).
const collections = new GCProfiler();
collections.start();
let checkedAt = 0;

/** Throws `importTooLarge` once a full collection left too little room. */
function checkMemory(): void {
  const now = performance.now();
  if (now - checkedAt < 50) return;
  checkedAt = now;
  const { statistics } = collections.stop();
  collections.start();
  for (const collection of statistics) {
    if (collection.gcType !== 'MarkSweepCompact') continue;
    const heap = collection.afterGC.heapStatistics;
    // The limit V8 enforces is the old generation's, the thread's heapMb.
    if (heap.usedHeapSize > input.heapMb * 2 ** 20 * input.heapShareAllowed)
      throw importTooLarge(input.heapMb);
  }
}

// Every row reports its progress: it is passed on at most ten times a
// second (a new phase at once), and each report checks the memory left.
let sentAt = 0;
importProgress.watch((_batchId, progress, phase) => {
  const now = performance.now();
  if (phase || now - sentAt >= 100) {
    sentAt = now;
    send({ type: 'progress', ...progress });
  }
  checkMemory();
});

const log = createLogger(input.logLevel, {
  write: (line: string) => send({ type: 'log', line }),
});
const sequelize = openDatabase(input.databaseUrl, log, 2);
const ctx: Ctx = {
  db: { sequelize, models: defineModels(sequelize) },
  actor: input.actor,
  log,
  region: input.region,
  ...(input.requestId ? { requestId: input.requestId } : {}),
};

// The outcome is sent once the base is closed: a thread ended while its
// SQLite driver still calls back into it can take the process down.
let outcome: ThreadMessage;
try {
  const { task } = input;
  // Each task loads only its own modules (a commit needs no file reader).
  let result: unknown = null;
  if (task.kind === 'analyse') {
    const { analyseHere } = await import('./staging.ts');
    const { buffer, byteOffset, length } = task.data;
    await analyseHere(
      ctx,
      task.batchId,
      Buffer.from(buffer, byteOffset, length),
    );
  } else {
    const { commitHere } = await import('./commit.ts');
    result = await commitHere(ctx, task.batchId);
  }
  outcome = { type: 'done', result };
} catch (error) {
  outcome = { type: 'failed', error: sentError(error) };
} finally {
  collections.stop();
  importProgress.watch(null);
  await sequelize.close();
}
send(outcome);
