import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> = {
  data: T | null;
  error: Error | null;
  loading: boolean;
  /** Reads again (after a change the screen made). */
  reload: () => void;
};

/**
 * Reads `load` when its inputs change; an answer arriving after a newer
 * request started is dropped, so a slow search never overwrites a fast one.
 */
export function useLoad<T>(
  load: () => Promise<T>,
  inputs: readonly unknown[],
): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);
  const [revision, setRevision] = useState(0);
  // The caller's inputs are the dependencies: `load` is a new arrow each time.
  const read = useCallback(load, inputs);

  useEffect(() => {
    let current = true;
    setLoading(true);
    read().then(
      (value) => {
        if (!current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        setError(
          failure instanceof Error ? failure : new Error(String(failure)),
        );
        setLoading(false);
      },
    );

    return () => {
      current = false;
    };
  }, [read, revision]);

  return {
    data,
    error,
    loading,
    reload: () => setRevision((value) => value + 1),
  };
}
