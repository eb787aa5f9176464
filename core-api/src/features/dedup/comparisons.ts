import jaroWinkler from 'talisman/metrics/jaro-winkler.js';
import type { DedupConfig } from './dedup.config.ts';

const known = new Map<string, Map<string, number>>();
let remembered = 0;

/**
 * Jaro-Winkler, remembered: a base holds a few thousand distinct first and
 * last names, so a whole-base scan asks the same pairs again and again and
 * the metric was a fifth of its time. Nested maps avoid building a key
 * string per look-up.
 */
export function similarity(a: string, b: string): number {
  const [x, y] = a < b ? [a, b] : [b, a];
  let row = known.get(x);
  const found = row?.get(y);
  if (found !== undefined) return found;
  if (remembered >= 300_000) {
    known.clear();
    remembered = 0;
    row = undefined;
  }
  if (!row) known.set(x, (row = new Map()));
  const value = jaroWinkler(x, y);
  row.set(y, value);
  remembered += 1;

  return value;
}

/** How two values of one field compare; `missing` when either is empty. */
export type Agreement =
  'exact' | 'close' | 'partial' | 'weak' | 'near' | 'different' | 'missing';

/**
 * Compares two names (already folded and glued). The sound key catches what
 * spelling distance misses (Lefèvre / Lefebvre), Jaro-Winkler the typos the
 * sound key splits (Rcihard / Richard).
 */
export function compareNames(
  a: string,
  b: string,
  soundA: string | null,
  soundB: string | null,
  config: DedupConfig,
): Agreement {
  if (!a || !b) return 'missing';
  if (a === b) return 'exact';
  if (soundA && soundA === soundB) return 'close';
  const score = similarity(a, b);
  if (score >= config.closeSimilarity) return 'close';

  return score >= config.weakSimilarity ? 'weak' : 'different';
}

/**
 * Compares two first names, where one may be an initial or a shortened form
 * ("C." for Camille, "Art" for Artémis), which agrees without proving much.
 */
export function compareFirstNames(
  a: string,
  b: string,
  soundA: string | null,
  soundB: string | null,
  config: DedupConfig,
): Agreement {
  const level = compareNames(a, b, soundA, soundB, config);
  if (level === 'exact' || level === 'close' || level === 'missing')
    return level;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];

  return long.startsWith(short) ? 'partial' : level;
}

/** True when two digit strings differ by one digit or two swapped neighbours. */
function oneTypoApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diffs: number[] = [];
  for (let i = 0; i < a.length && diffs.length <= 2; i += 1)
    if (a[i] !== b[i]) diffs.push(i);
  if (diffs.length === 1) return true;
  const [i, j] = diffs as [number, number];

  return diffs.length === 2 && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/**
 * Compares two `YYYYMMDD` birth dates. A single typo, or day and month read
 * the wrong way round, is `near`: a clerk's slip, not another person.
 */
export function compareBirthDates(
  a: string | null,
  b: string | null,
): Agreement {
  if (!a || !b) return 'missing';
  if (a === b) return 'exact';
  const swapped = `${b.slice(0, 4)}${b.slice(6, 8)}${b.slice(4, 6)}`;
  if (a === swapped || oneTypoApart(a, b)) return 'near';

  return 'different';
}

/** Compares two postal codes; one typo apart is `near`. */
export function comparePostalCodes(a: string, b: string): Agreement {
  if (!a || !b) return 'missing';
  if (a === b) return 'exact';

  return oneTypoApart(a, b) ? 'near' : 'different';
}

/** Compares two folded city names. */
export function comparePlaces(
  a: string,
  b: string,
  config: DedupConfig,
): Agreement {
  if (!a || !b) return 'missing';
  if (a === b) return 'exact';

  return similarity(a, b) >= config.closeSimilarity ? 'close' : 'different';
}

/**
 * Compares two street addresses word by word: the share of words of the
 * shorter one found, exactly or one typo apart, in the other. The house
 * number must agree for more than `close`.
 */
export function compareStreets(
  a: string[],
  b: string[],
  config: DedupConfig,
): Agreement {
  if (a.length === 0 || b.length === 0) return 'missing';
  if (a.length === b.length && sameWords(a, b)) return 'exact';
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let found = 0;
  for (const word of short) {
    if (hasWordLike(long, word, config.closeSimilarity)) found += 1;
  }
  const share = found / short.length;
  const sameNumber = a[0] === b[0];
  if (share >= 0.99 && sameNumber) return 'exact';
  if (share >= 0.6) return 'close';

  return share < 0.34 ? 'different' : 'weak';
}

function sameWords(a: string[], b: string[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;

  return true;
}

/** Whether `words` holds `word`, or a word one typo from it. */
function hasWordLike(words: string[], word: string, close: number): boolean {
  for (const other of words) if (other === word) return true;
  // A typo in a street name rarely touches its first letter: checking it
  // first spares the metric on most word pairs of a whole-base scan.
  if (word.length <= 3) return false;
  for (const other of words) {
    if (other[0] === word[0] && similarity(word, other) >= close) return true;
  }

  return false;
}

/** Whether two lists share a value; `missing` when either is empty. */
export function compareSets(a: string[], b: string[]): Agreement {
  if (a.length === 0 || b.length === 0) return 'missing';
  for (const value of a) if (b.includes(value)) return 'exact';

  return 'different';
}
