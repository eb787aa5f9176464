import { useRef, useState } from 'react';
import { useExpireOnUnauthenticated } from '../auth/SessionContext.ts';
import type { Candidate } from './DuplicateCandidates.tsx';

export type CreateWithCheckOptions<I> = {
  /** The form as the API takes it; throws `FormProblems` on bad text. */
  input: () => I;
  /** The records the base holds that may be this one. */
  check: (input: I) => Promise<Candidate[]>;
  /** Creates, then opens the new card. */
  create: (input: I) => Promise<void>;
};

/**
 * Creating after a duplicate check: the draft is checked first; with no
 * candidate it is created at once, else the candidates are shown and the
 * person opens one, goes back to the form, or creates anyway.
 */
export function useCreateWithCheck<I>(options: CreateWithCheckOptions<I>) {
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const checked = useRef<I | null>(null);
  const expireOn401 = useExpireOnUnauthenticated();

  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (refusal) {
      expireOn401(refusal);
      setCandidates(null);
      setError(refusal);
    } finally {
      setBusy(false);
    }
  };

  const submit = () =>
    attempt(async () => {
      const input = options.input();
      const found = await options.check(input);
      checked.current = input;
      if (found.length > 0) setCandidates(found);
      else await options.create(input);
    });

  const createAnyway = () =>
    attempt(async () => {
      if (checked.current) await options.create(checked.current);
    });

  return {
    candidates,
    error,
    busy,
    submit,
    createAnyway,
    back: () => setCandidates(null),
  };
}
