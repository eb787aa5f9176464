import { buildBlocks, candidatesOf } from './blocking.ts';
import { dedupConfig, type DedupConfig } from './dedup.config.ts';
import {
  preparePerson,
  type PersonRecord,
  type PreparedPerson,
} from './person-record.ts';
import { scorePair, type Evidence, type PairScore } from './scoring.ts';

/** `same`: merge without review; `maybe`: the review queue. */
export type Outcome = 'same' | 'maybe';

/** A pair worth acting on, with what its score rests on. */
export type CandidatePair = {
  /** The first record's id (the incoming one when matching an import). */
  a: string;
  b: string;
  score: number;
  outcome: Outcome;
  /**
   * Set when `a` is incoming and matched several existing records well
   * enough to merge: a person decides which, so it is only `maybe`.
   */
  ambiguous?: true;
  evidence: Evidence[];
};

/** An incoming record that matched several existing ones. */
export type AmbiguousMatch = { incoming: string; existing: string[] };

/** What a scan finds, with what it cost. */
export type DedupResult = {
  pairs: CandidatePair[];
  ambiguous: AmbiguousMatch[];
  /** Pairs scored after blocking (the engine never scores all pairs). */
  compared: number;
  /** Blocking keys dropped for being too common. */
  skippedBlocks: number;
};

/** Options shared by both scans. */
export type DedupOptions = {
  config?: DedupConfig;
  /** Pairs a person marked "not a duplicate": never proposed again. */
  excluded?: [string, string][];
};

const pairKey = (a: string, b: string) =>
  a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;

/**
 * The outcome a score earns. An automatic merge also needs evidence beyond
 * the names and no conflicting birth date, so homonyms only ever reach the
 * review queue.
 */
export function classify(
  score: PairScore,
  config: DedupConfig = dedupConfig,
): Outcome | null {
  if (
    score.score >= config.sameThreshold &&
    score.evidence >= config.minEvidenceForSame &&
    !score.conflict
  )
    return 'same';

  return score.score >= config.maybeThreshold ? 'maybe' : null;
}

function scan(
  people: PreparedPerson[],
  options: DedupOptions,
  accept: (index: number, other: number) => boolean,
): Omit<DedupResult, 'ambiguous'> {
  const config = options.config ?? dedupConfig;
  const excluded = new Set(
    (options.excluded ?? []).map(([a, b]) => pairKey(a, b)),
  );
  const blocks = buildBlocks(people, config.maxBlockSize);
  const pairs: CandidatePair[] = [];
  let compared = 0;
  people.forEach((person, index) => {
    const others = candidatesOf(index, blocks, (other) => accept(index, other));
    for (const other of others) {
      const partner = people[other]!;
      if (excluded.size > 0 && excluded.has(pairKey(person.id, partner.id)))
        continue;
      compared += 1;
      const score = scorePair(person, partner, config);
      const outcome = classify(score, config);
      if (!outcome) continue;
      const { details } = scorePair(person, partner, config, true);
      pairs.push({
        a: person.id,
        b: partner.id,
        score: Math.round(score.score * 100) / 100,
        outcome,
        evidence: details,
      });
    }
  });

  return { pairs, compared, skippedBlocks: blocks.skipped };
}

/**
 * Finds the duplicates inside one set of records: a whole-base scan, or the
 * rows of one import file among themselves.
 */
export function findDuplicates(
  records: PersonRecord[],
  options: DedupOptions = {},
): DedupResult {
  const result = scan(records.map(preparePerson), options, () => true);

  return { ...result, ambiguous: [] };
}

/**
 * Matches incoming records (an import, a feed) against the base before they
 * enter it. Pairs read incoming first. When one incoming record would merge
 * with several existing ones, none is picked: every such pair becomes
 * `maybe`, marked ambiguous, and the match is reported.
 *
 * @param withinIncoming also pair incoming records with each other
 */
export function matchIncoming(
  incoming: PersonRecord[],
  existing: PersonRecord[],
  options: DedupOptions & { withinIncoming?: boolean } = {},
): DedupResult {
  return matchPrepared(
    incoming.map(preparePerson),
    existing.map(preparePerson),
    options,
  );
}

/**
 * `matchIncoming` over records already prepared: an import prepares each
 * chunk of rows while the database writes the previous one.
 */
export function matchPrepared(
  incoming: PreparedPerson[],
  existing: PreparedPerson[],
  options: DedupOptions & { withinIncoming?: boolean } = {},
): DedupResult {
  const people = [...incoming, ...existing];
  const count = incoming.length;
  const within = options.withinIncoming ?? true;
  const result = scan(people, options, (index, other) =>
    index < count ? other >= count || within : other < count,
  );
  const ids = new Set(incoming.map((record) => record.id));
  const pairs = result.pairs.map((pair) =>
    ids.has(pair.a) || !ids.has(pair.b)
      ? pair
      : { ...pair, a: pair.b, b: pair.a },
  );

  return { ...result, ...flagAmbiguous(pairs, ids) };
}

function flagAmbiguous(
  pairs: CandidatePair[],
  incoming: Set<string>,
): Pick<DedupResult, 'pairs' | 'ambiguous'> {
  const merges = new Map<string, string[]>();
  for (const pair of pairs) {
    if (pair.outcome !== 'same' || incoming.has(pair.b)) continue;
    merges.set(pair.a, [...(merges.get(pair.a) ?? []), pair.b]);
  }
  const ambiguous = [...merges]
    .filter(([, existing]) => existing.length > 1)
    .map(([id, existing]) => ({ incoming: id, existing: existing.sort() }));
  const unsure = new Set(ambiguous.map((match) => match.incoming));

  return {
    ambiguous,
    pairs: pairs.map((pair) =>
      unsure.has(pair.a) && pair.outcome === 'same' && !incoming.has(pair.b)
        ? { ...pair, outcome: 'maybe', ambiguous: true }
        : pair,
    ),
  };
}
