import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../ApiContext.ts';
import type { ImportBatchDto } from 'core-api/client';
import type { Resource } from '../../ui/useResource.ts';
import { useExpireOnUnauthenticated } from '../auth/SessionContext.ts';

/** The states in which the server is still working on a batch. */
const WORKING = new Set<ImportBatchDto['status']>([
  'staging',
  'committing',
  'running',
]);

/** Whether the server is still reading, matching or committing a batch. */
export function isWorking(batch: ImportBatchDto): boolean {
  return WORKING.has(batch.status);
}

/**
 * Loads a batch and asks again every `pollMs` while the server works on it
 * (the progress bar follows), or while `follow()` says a request of ours
 * is under way (a commit answers only once done). The batch shown stays on
 * screen between two answers.
 */
export function useImportBatch(id: number, pollMs: number) {
  const client = useApi();
  const expireOn401 = useExpireOnUnauthenticated();
  const [state, setState] = useState<Resource<ImportBatchDto>>({
    status: 'loading',
  });
  const [tick, setTick] = useState(0);
  const following = useRef(false);

  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    client.imports.get(id).then(
      (batch) => {
        if (!current) return;
        setState({ status: 'done', data: batch });
        if (isWorking(batch) || following.current)
          timer = setTimeout(() => setTick((n) => n + 1), pollMs);
      },
      (error: unknown) => {
        if (!current) return;
        expireOn401(error);
        setState({ status: 'error', error });
      },
    );

    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, id, pollMs, tick, expireOn401]);

  const refresh = useCallback(() => setTick((n) => n + 1), []);
  /** Polls until `request` settles, then reads the batch once more. */
  const follow = useCallback(
    async <T>(request: Promise<T>): Promise<T> => {
      following.current = true;
      refresh();
      try {
        return await request;
      } finally {
        following.current = false;
        refresh();
      }
    },
    [refresh],
  );

  return { ...state, refresh, follow };
}
