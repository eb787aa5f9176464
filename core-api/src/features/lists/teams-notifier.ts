import { Op } from 'sequelize';
import type { Ctx } from '../../platform/context.ts';
import {
  caOf,
  graphFromConfig,
} from '../../platform/auth/entra/entra-setup.ts';
import type { GraphAppTokenSource } from '../../platform/auth/entra/graph-token-source.ts';
import type { Config } from '../../platform/config/config.ts';
import {
  GraphActivityFeed,
  type ActivityNotification,
} from '../../platform/graph/activity-feed.ts';
import { jobQueue } from '../../platform/jobs/jobs.ts';
import type { JobQueue } from '../../platform/jobs/queue.ts';
import {
  PermanentJobError,
  type JobHandler,
} from '../../platform/jobs/worker.ts';
import type { RequestNotice, RequestNotifier } from './list-notify.ts';

/**
 * Teams notification of list owners (issue #5): each batch of new change
 * requests becomes a job; the worker sends the owner a Teams activity feed
 * notification through Microsoft Graph, pointing at the list in the
 * personal tab. A Graph outage or throttling delays the notification, and
 * never the requests, which stay visible in the portal and the tab.
 */

/** The job kind of one notification. */
export const teamsNotifyJob = 'lists.requests.teams';

/** The activity type declared in the manifest (`activities.activityTypes`). */
export const changeRequestedActivity = 'changeRequested';

/** The personal tab's `entityId` in the manifest. */
export const personalTabEntityId = 'mesListes';

/** Attempts of a failing notification (Graph down) before it is given up. */
const maxAttempts = 6;
/** Throttled answers tolerated before the notification is given up. */
const maxThrottled = 5;

export type TeamsNotifyPayload = RequestNotice & {
  /** How many times Graph asked to wait already. */
  throttled?: number;
};

/** What the job needs: Graph, an app token, and the Teams app's id. */
export type TeamsNotifyDeps = {
  feed: GraphActivityFeed;
  tokens: GraphAppTokenSource;
  /** Manifest id of the Relais app (TEAMS_APP_ID). */
  teamsAppId: string;
  queue?: JobQueue;
};

/**
 * The notification's dependencies from the configuration: on when the
 * Teams app id and the API's client secret (for the app token) are set.
 */
export function teamsNotifyFromConfig(config: Config): TeamsNotifyDeps | null {
  const tokens = config.TEAMS_APP_ID ? graphFromConfig(config) : null;
  if (!tokens || !config.TEAMS_APP_ID) return null;

  return {
    tokens,
    teamsAppId: config.TEAMS_APP_ID,
    feed: new GraphActivityFeed({ baseUrl: config.GRAPH_BASE_URL, ca: caOf() }),
  };
}

/** Queues the notification; the worker sends it. */
export function teamsRequestNotifier(queue?: JobQueue): RequestNotifier {
  return async (ctx, notice) => {
    const payload: TeamsNotifyPayload = { ...notice };
    const job = await (queue ?? jobQueue(ctx.db)).enqueue(
      teamsNotifyJob,
      payload,
      { maxAttempts },
    );
    ctx.log.info(
      {
        listId: notice.listId,
        jobId: job.id,
        requests: notice.requestIds.length,
      },
      'list.requests.teams_queued',
    );
  };
}

/** A deep link that opens the list in the personal tab. */
export function listDeepLink(teamsAppId: string, listId: number): string {
  const context = JSON.stringify({ subEntityId: `liste-${listId}` });

  return (
    `https://teams.microsoft.com/l/entity/${teamsAppId}/` +
    `${personalTabEntityId}?context=${encodeURIComponent(context)}`
  );
}

const previews = {
  fr: (who: string, count: number, list: string) =>
    count === 1
      ? `${who} propose une modification de la liste « ${list} ».`
      : `${who} propose ${count} modifications de la liste « ${list} ».`,
  en: (who: string, count: number, list: string) =>
    count === 1
      ? `${who} proposes a change to the list “${list}”.`
      : `${who} proposes ${count} changes to the list “${list}”.`,
};

/** The notification, in the owner's language. */
export function buildActivity(input: {
  teamsAppId: string;
  listId: number;
  listName: string;
  proposer: string;
  count: number;
  locale: 'fr' | 'en';
}): ActivityNotification {
  const listName = input.listName.slice(0, 100);

  return {
    topic: {
      source: 'text',
      value: listName,
      webUrl: listDeepLink(input.teamsAppId, input.listId),
    },
    activityType: changeRequestedActivity,
    previewText: {
      content: previews[input.locale](input.proposer, input.count, listName),
    },
    templateParameters: [
      { name: 'proposer', value: input.proposer },
      { name: 'count', value: String(input.count) },
      { name: 'list', value: listName },
    ],
    teamsAppId: input.teamsAppId,
  };
}

function payloadOf(value: unknown): TeamsNotifyPayload {
  const payload = value as Partial<TeamsNotifyPayload> | null;
  if (
    typeof payload?.listId !== 'number' ||
    typeof payload.proposedById !== 'number' ||
    !Array.isArray(payload.requestIds)
  )
    throw new PermanentJobError(`${teamsNotifyJob}: malformed payload`);

  return payload as TeamsNotifyPayload;
}

/** Logs a notification left unsent on purpose; ids and a reason only. */
function skip(ctx: Ctx, listId: number, reason: string) {
  ctx.log.info({ listId, reason }, 'list.requests.teams_skipped');

  return { sent: false, reason };
}

/**
 * Sends one notification. The owner is read now (a list handed over
 * meanwhile notifies its new owner); requests decided meanwhile are not
 * announced; owners without an Entra ID identity are skipped.
 */
export function teamsNotifyHandler(deps: TeamsNotifyDeps): JobHandler {
  return async ({ payload: raw, ctx }) => {
    const payload = payloadOf(raw);
    const { List, User, ListChangeRequest } = ctx.db.models;
    const list = await List.findByPk(payload.listId);
    if (!list) return skip(ctx, payload.listId, 'list_gone');
    const owner = await User.findByPk(list.ownerId);
    if (!owner?.active || !owner.entraObjectId || !owner.entraTenantId)
      return skip(ctx, list.id, 'owner_without_entra');
    const pending = await ListChangeRequest.count({
      where: {
        id: { [Op.in]: payload.requestIds },
        listId: list.id,
        status: 'pending',
      },
    });
    if (pending === 0) return skip(ctx, list.id, 'already_decided');
    const proposer = await User.findByPk(payload.proposedById);

    const token = await deps.tokens.forApp(owner.entraTenantId);
    const outcome = await deps.feed.notify(
      token.accessToken,
      owner.entraObjectId,
      buildActivity({
        teamsAppId: deps.teamsAppId,
        listId: list.id,
        listName: list.name,
        proposer: proposer?.displayName ?? '—',
        count: pending,
        locale: owner.locale,
      }),
    );
    const fields = { listId: list.id, outcome: outcome.kind };
    switch (outcome.kind) {
      case 'sent':
        ctx.log.info(
          { ...fields, requests: pending },
          'list.requests.teams_sent',
        );
        return { sent: true, requests: pending };
      case 'throttled':
        return reschedule(deps, ctx, payload, outcome.retryAfterS);
      case 'refused':
        // Permission missing, app not installed for the owner…: an
        // administrator must act; trying again would change nothing.
        ctx.log.warn(
          { ...fields, status: outcome.status, code: outcome.code },
          'list.requests.teams_refused',
        );
        throw new PermanentJobError(
          `Graph refused the notification (${outcome.status} ${outcome.code})`,
        );
      case 'failed':
        throw new Error(
          `Graph failed (${outcome.status ?? 'unreachable'}): ${outcome.reason}`,
        );
    }
  };
}

/**
 * Graph asked to wait: the notification is queued again for the time it
 * named, and this job ends; past `maxThrottled` waits it is given up.
 */
async function reschedule(
  deps: TeamsNotifyDeps,
  ctx: Ctx,
  payload: TeamsNotifyPayload,
  retryAfterS: number,
) {
  const throttled = (payload.throttled ?? 0) + 1;
  if (throttled > maxThrottled)
    throw new PermanentJobError('Graph kept throttling the notification');
  const runAt = new Date(Date.now() + retryAfterS * 1000);
  const job = await (deps.queue ?? jobQueue(ctx.db)).enqueue(
    teamsNotifyJob,
    { ...payload, throttled },
    { runAt, maxAttempts },
  );
  ctx.log.warn(
    { listId: payload.listId, retryAfterS, jobId: job.id },
    'list.requests.teams_throttled',
  );

  return { sent: false, rescheduledAs: job.id, retryAfterS };
}
