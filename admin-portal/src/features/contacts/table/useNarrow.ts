import { useEffect, useState } from 'react';

/** Where a table turns into a list of cards: a phone held upright. */
const NARROW = '(max-width: 40rem)';

function matches(): boolean {
  return (
    typeof window.matchMedia === 'function' && window.matchMedia(NARROW).matches
  );
}

/** True on a narrow screen; follows a rotation or a resized window. */
export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(matches);

  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(NARROW);
    const onChange = () => setNarrow(query.matches);
    query.addEventListener('change', onChange);
    onChange();

    return () => query.removeEventListener('change', onChange);
  }, []);

  return narrow;
}
