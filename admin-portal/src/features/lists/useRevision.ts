import { useEffect, useRef } from 'react';

/**
 * Calls `reload` each time `revision` moves on (a change elsewhere on the
 * page, another filter), not on the first render, which loads anyway.
 */
export function useReloadOnRevision(
  revision: number | string,
  reload: () => void,
) {
  const seen = useRef(revision);

  useEffect(() => {
    if (seen.current === revision) return;
    seen.current = revision;
    reload();
  }, [revision, reload]);
}
