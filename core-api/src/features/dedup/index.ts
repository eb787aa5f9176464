export { clusterPairs } from './clusters.ts';
export { dedupConfig, type DedupConfig } from './dedup.config.ts';
export {
  classify,
  findDuplicates,
  matchIncoming,
  matchPrepared,
  type AmbiguousMatch,
  type CandidatePair,
  type DedupOptions,
  type DedupResult,
  type Outcome,
} from './engine.ts';
export { outletKey, outletWords } from './outlet-key.ts';
export {
  PackedPeople,
  preparePerson,
  type PersonRecord,
  type PreparedPerson,
} from './person-record.ts';
export {
  scorePair,
  storedEvidence,
  type Evidence,
  type PairScore,
} from './scoring.ts';
