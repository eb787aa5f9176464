import { feedJobs } from './features/feeds/feed-jobs.ts';
import { feedsDirOf } from './platform/config/config.ts';
import type { JobHandler, Tick } from './platform/jobs/worker.ts';
import type { Runtime } from './platform/runtime.ts';

/**
 * Every job kind the worker runs and every periodic tick, in one place (as
 * `allRoutes` is for the API): `relais serve`, `relais worker` and the
 * command line's one-off runs all take them from here.
 */
export function backgroundJobs(runtime: Pick<Runtime, 'config'>): {
  handlers: Record<string, JobHandler>;
  ticks: Tick[];
} {
  const feeds = feedJobs({ feedsDir: feedsDirOf(runtime.config) });

  return { handlers: { ...feeds.handlers }, ticks: [...feeds.ticks] };
}
