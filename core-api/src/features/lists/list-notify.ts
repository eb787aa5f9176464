import type { Ctx } from '../../platform/context.ts';

/** New change requests waiting for one owner, as a notifier receives them. */
export type RequestNotice = {
  listId: number;
  ownerId: number;
  proposedById: number;
  requestIds: number[];
};

/** Tells an owner that requests wait for them. Must not throw. */
export type RequestNotifier = (
  ctx: Ctx,
  notice: RequestNotice,
) => Promise<void>;

/**
 * Owners see their pending requests in the portal and the Teams tab (a
 * badge and a list, read from the database): without Teams notifications
 * configured, the notifier only logs ids and counts.
 */
const logOnly: RequestNotifier = async (ctx, notice) => {
  ctx.log.debug(
    {
      listId: notice.listId,
      ownerId: notice.ownerId,
      requests: notice.requestIds.length,
    },
    'list.requests.created',
  );
};

let notifier: RequestNotifier = logOnly;

/**
 * Replaces the notifier (the Teams activity feed, `teams-notifier.ts`), or
 * restores the default when given nothing.
 */
export function setRequestNotifier(next?: RequestNotifier): void {
  notifier = next ?? logOnly;
}

/**
 * Called once requests are committed. A notifier failing never undoes the
 * requests: it is logged and the requests stay visible in the portal.
 */
export async function notifyRequestsCreated(
  ctx: Ctx,
  notice: RequestNotice,
): Promise<void> {
  try {
    await notifier(ctx, notice);
  } catch (error) {
    ctx.log.warn(
      { listId: notice.listId, reason: (error as Error).message },
      'list.requests.notify_failed',
    );
  }
}
