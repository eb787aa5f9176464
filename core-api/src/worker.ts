import { feedJobs } from './features/feeds/feed-jobs.ts';
import { importExpiryTick } from './features/imports/import-expiry.ts';
import {
  teamsNotifyFromConfig,
  teamsNotifyHandler,
  teamsNotifyJob,
} from './features/lists/teams-notifier.ts';
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
  const teams = teamsNotifyFromConfig(runtime.config);

  return {
    handlers: {
      ...feeds.handlers,
      ...(teams ? { [teamsNotifyJob]: teamsNotifyHandler(teams) } : {}),
    },
    ticks: [
      ...feeds.ticks,
      importExpiryTick(runtime.config.STAGED_IMPORT_TTL_DAYS),
    ],
  };
}
