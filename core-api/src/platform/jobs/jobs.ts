import type { Db } from '../db/models.ts';
import { DatabaseJobQueue } from './database-queue.ts';
import type { JobQueue } from './queue.ts';

/**
 * The job queue of this installation. The database queue is the only one so
 * far; a Service Bus adapter will be chosen here, from the configuration.
 */
export function jobQueue(db: Db): JobQueue {
  return new DatabaseJobQueue(db);
}
