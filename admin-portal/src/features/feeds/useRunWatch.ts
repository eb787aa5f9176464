import type { FeedRunPage } from 'core-api/client';
import { useEffect, useState } from 'react';
import type { Resource } from '../../ui/useResource.ts';

/** How often, and how many times, the runs are read again after a request. */
const EVERY_MS = 2000;
const TIMES = 30;

type Watch = { since: number; left: number };

/**
 * After « Lancer maintenant », reads the runs again every two seconds until
 * a run newer than those listed has finished (or a minute has passed), then
 * calls `onSettled` (the feed's state changed too).
 * @returns `watch()`, to call once the run is queued
 */
export function useRunWatch(
  runs: Resource<FeedRunPage> & { reload: () => void },
  onSettled: () => void,
) {
  const [watching, setWatching] = useState<Watch | null>(null);
  const newest = runs.status === 'done' ? runs.data.items[0] : undefined;
  const settled =
    watching !== null &&
    newest !== undefined &&
    newest.id > watching.since &&
    newest.finishedAt !== null;
  const { reload } = runs;

  useEffect(() => {
    if (!watching) return;
    if (settled || watching.left <= 0) {
      setWatching(null);
      onSettled();
      return;
    }
    const timer = setTimeout(() => {
      reload();
      setWatching({ ...watching, left: watching.left - 1 });
    }, EVERY_MS);

    return () => clearTimeout(timer);
  }, [watching, settled, reload, onSettled]);

  return {
    watch: () => setWatching({ since: newest?.id ?? 0, left: TIMES }),
    watching: watching !== null,
  };
}
