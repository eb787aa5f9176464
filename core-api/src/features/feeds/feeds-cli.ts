import type { Ctx } from '../../platform/context.ts';
import { feedsDirOf, type Config } from '../../platform/config/config.ts';
import type { Db } from '../../platform/db/models.ts';
import { parseInput } from '../../platform/http/validate.ts';
import { jobQueue } from '../../platform/jobs/jobs.ts';
import { runJobNow, type JobHandler } from '../../platform/jobs/worker.ts';
import type { Logger } from '../../platform/log/logger.ts';
import {
  feedInput,
  runQuery,
  type FeedDto,
  type FeedRunDto,
} from './feeds.schemas.ts';
import {
  createFeed,
  listFeeds,
  listRuns,
  presentRun,
  requestRun,
} from './feeds.service.ts';
import { counted } from '../../platform/text/plural.ts';

/** Options of `relais feed`, merged into the command line's own. */
export const feedCliOptions = {
  url: { type: 'string' },
  folder: { type: 'string' },
  pattern: { type: 'string' },
  every: { type: 'string' },
  daily: { type: 'string' },
  profile: { type: 'string' },
  limit: { type: 'string' },
  'deactivate-missing': { type: 'boolean', default: false },
  disabled: { type: 'boolean', default: false },
} as const;

export const feedUsage = `  feed list                  liste les flux d’import et leur état
  feed add NOM (--url URL | --folder DOSSIER [--pattern '*.csv'])
           (--every MINUTES | --daily HH:MM) [--profile ID]
           [--deactivate-missing] [--disabled]
                             crée un flux d’import automatisé
  feed run ID                exécute le flux maintenant et affiche son rapport
  feed runs ID [--limit N]   dernières exécutions d’un flux
  worker                     exécute les tâches de fond (flux) sans l’API`;

type Values = Record<string, string | boolean | undefined>;

/** The runtime with the worker's job handlers, to run a feed in place. */
export type FeedCliRuntime = {
  config: Config;
  db: Db;
  log: Logger;
  jobs: Record<string, JobHandler>;
};

const text = (value: string | boolean | undefined) =>
  typeof value === 'string' ? value : undefined;

function feedLine(feed: FeedDto): string {
  const when =
    feed.schedule.kind === 'every'
      ? `toutes les ${feed.schedule.minutes} min`
      : `chaque jour à ${feed.schedule.at}`;
  const state = feed.enabled ? 'actif' : 'désactivé';
  const alert =
    feed.consecutiveFailures > 0
      ? `  ALERTE : ${counted('fr', feed.consecutiveFailures, 'échec', 'échecs')} — ${feed.lastError?.fr ?? ''}`
      : '';

  return (
    `${feed.id}\t${feed.name}\t${feed.kind}\t${when}\t${state}\t` +
    `prochain : ${feed.nextRunAt ?? '—'}\tdernier : ${feed.lastStatus ?? '—'}` +
    alert
  );
}

/** One run report on one line, in French. */
export function runLine(run: FeedRunDto): string {
  const took = run.durationMs === null ? '' : ` (${run.durationMs} ms)`;
  const head = `#${run.id} ${run.startedAt} ${run.status}${took}`;
  if (run.error) return `${head} — ${run.error.code} : ${run.error.fr}`;
  if (!run.counts) return `${head}${run.source ? ` — ${run.source}` : ''}`;
  const c = run.counts;

  return (
    `${head} — ${run.source ?? ''} : lignes ${c.rows}, créés ${c.created}, ` +
    `mis à jour ${c.updated}, fusionnés ${c.merged}, à examiner ` +
    `${c.queuedForReview}, rejetés ${c.rejected}, désactivés ` +
    `${c.deactivated} (import #${run.batchId})`
  );
}

/**
 * Runs the job here whenever it is due and free (a retry after its backoff
 * included), or waits while another worker holds it, until it is settled.
 */
async function settleJob(runtime: FeedCliRuntime, jobId: number) {
  const queue = jobQueue(runtime.db);
  const end = Date.now() + 15 * 60_000;
  for (;;) {
    await runJobNow(runtime, runtime.jobs, jobId);
    const job = await queue.get(jobId);
    if (!job || job.status === 'done' || job.status === 'failed') return job;
    if (Date.now() > end)
      throw new Error(
        `la tâche ${jobId} est toujours « ${job.status} » / job ${jobId} still ${job.status}`,
      );
    await new Promise((done) => setTimeout(done, 1000));
  }
}

async function runNow(runtime: FeedCliRuntime, ctx: Ctx, id: number) {
  const { jobId } = await requestRun(ctx, id);
  const job = await settleJob(runtime, jobId);
  const runId = (job?.result as { runId?: number } | null)?.runId;
  const row = runId ? await runtime.db.models.FeedRun.findByPk(runId) : null;
  if (!row)
    throw new Error(
      `flux ${id} : l’exécution n’a laissé aucun rapport / ` +
        `feed ${id}: the run left no report (${job?.error})`,
    );
  const run = presentRun(row);

  return {
    value: run,
    text: runLine(run),
    status: run.status === 'failed' ? 1 : 0,
  };
}

/**
 * `relais feed …`: the same services and checks as the API.
 *
 * @returns what to print (JSON or text) and the exit status
 */
export async function feedCommand(
  runtime: FeedCliRuntime,
  ctx: Ctx,
  rest: string[],
  values: Values,
): Promise<{ value: unknown; text: string; status: number }> {
  const [action, arg] = rest;
  const id = () => {
    if (!arg || !/^\d+$/.test(arg))
      throw new Error(`usage : relais feed ${action} ID`);
    return Number(arg);
  };

  switch (action) {
    case 'list': {
      const feeds = await listFeeds(ctx);
      const lines =
        feeds.length === 0 ? 'Aucun flux.' : feeds.map(feedLine).join('\n');
      return { value: feeds, text: lines, status: 0 };
    }
    case 'add': {
      if (!arg)
        throw new Error(
          'usage : relais feed add NOM --url URL | --folder DOSSIER',
        );
      const every = text(values.every);
      const input = parseInput(feedInput, {
        name: arg,
        kind: values.folder ? 'folder' : 'url',
        url: text(values.url),
        folderPath: text(values.folder),
        filePattern: text(values.pattern),
        schedule: every
          ? { kind: 'every', minutes: Number(every) }
          : { kind: 'daily', at: text(values.daily) ?? '' },
        mappingProfileId: values.profile ? Number(values.profile) : undefined,
        deactivateMissing: values['deactivate-missing'] === true,
        enabled: values.disabled !== true,
      });
      const feed = await createFeed(ctx, input, feedsDirOf(runtime.config));
      return { value: feed, text: `Flux créé : ${feedLine(feed)}`, status: 0 };
    }
    case 'run':
      return runNow(runtime, ctx, id());
    case 'runs': {
      const page = parseInput(runQuery, { pageSize: text(values.limit) });
      const runs = await listRuns(ctx, id(), page);
      const lines =
        runs.items.length === 0
          ? 'Aucune exécution.'
          : runs.items.map(runLine).join('\n');
      return { value: runs, text: lines, status: 0 };
    }
    default:
      throw new Error('usage : relais feed list | add | run ID | runs ID');
  }
}
