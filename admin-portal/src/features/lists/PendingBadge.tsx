import { CounterBadge } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useApi } from '../../ApiContext.ts';
import { useT } from '../../i18n/useT.ts';
import { useRoute } from '../../routing/useRoute.ts';
import { useResource } from '../../ui/useResource.ts';

/** Sent on the window when a decision changes the count (the badge reloads). */
export const PENDING_CHANGED = 'relais:pending-changed';

/** Tells the badge that requests were decided, proposed or withdrawn. */
export function announcePendingChange(): void {
  window.dispatchEvent(new Event(PENDING_CHANGED));
}

/** How often the badge asks again while the portal stays open. */
const REFRESH_MS = 60_000;

/**
 * The count of change requests waiting for the user's decision, beside
 * « Listes »; read again on every screen change, every minute, and after a
 * decision. Nothing shows when none waits or the count cannot be read.
 */
export function PendingBadge() {
  const t = useT();
  const client = useApi();
  const route = useRoute();
  const pending = useResource(
    () => client.lists.pendingCount(),
    'pending-count',
    { quietReload: true },
  );
  const { reload } = pending;
  const screen = useRef(route);

  useEffect(() => {
    if (screen.current === route) return;
    screen.current = route;
    reload();
  }, [route, reload]);

  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    window.addEventListener(PENDING_CHANGED, reload);

    return () => {
      clearInterval(timer);
      window.removeEventListener(PENDING_CHANGED, reload);
    };
  }, [reload]);

  if (pending.status !== 'done' || pending.data.count === 0) return null;
  const count = pending.data.count;

  return (
    <CounterBadge
      count={count}
      size="small"
      color="important"
      aria-label={t(
        count === 1 ? 'lists.pendingBadge.one' : 'lists.pendingBadge',
        { count },
      )}
    />
  );
}
