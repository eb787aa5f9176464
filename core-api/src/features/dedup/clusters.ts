import type { CandidatePair } from './engine.ts';

/**
 * Groups the `same` pairs into clusters of one person each, transitively
 * (A = B and B = C make one cluster), so a merge handles all the copies at
 * once rather than pair by pair.
 *
 * @returns clusters of two ids or more, ids sorted, largest clusters first
 */
export function clusterPairs(pairs: CandidatePair[]): string[][] {
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let top = id;
    while (parent.get(top) !== top) top = parent.get(top) ?? top;
    // Path compression keeps later look-ups flat on long chains.
    let node = id;
    while (node !== top) {
      const next = parent.get(node) as string;
      parent.set(node, top);
      node = next;
    }

    return top;
  };
  for (const { a, b, outcome } of pairs) {
    if (outcome !== 'same') continue;
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const [ra, rb] = [root(a), root(b)];
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const top = root(id);
    groups.set(top, [...(groups.get(top) ?? []), id]);
  }

  return [...groups.values()]
    .map((ids) => ids.sort())
    .sort((x, y) => y.length - x.length || (x[0]! < y[0]! ? -1 : 1));
}
