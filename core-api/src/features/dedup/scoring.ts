import {
  compareBirthDates,
  compareFirstNames,
  compareNames,
  comparePlaces,
  comparePostalCodes,
  compareSets,
  compareStreets,
  type Agreement,
} from './comparisons.ts';
import type { DedupConfig } from './dedup.config.ts';
import type { PreparedPerson } from './person-record.ts';

/** A field the score rests on. */
export type EvidenceField =
  | 'lastName'
  | 'firstName'
  | 'birthDate'
  | 'email'
  | 'phone'
  | 'outlet'
  | 'postalCode'
  | 'city'
  | 'street'
  | 'civility';

/** One field's part in a pair's score, shown to the person reviewing it. */
export type Evidence = {
  field: EvidenceField;
  agreement: Agreement | 'nameMade';
  /** Set on the name fields when they matched the wrong way round. */
  swapped?: true;
  weight: number;
};

/** What scoring a pair gives: the total and what it rests on. */
export type PairScore = {
  /** Sum of every field's weight, in bits. */
  score: number;
  /** The part of the score not owed to the names. */
  evidence: number;
  /**
   * Birth dates that cannot be one person's, or last names that differ
   * outright (colleagues sharing an office, a switchboard, an address):
   * never merged automatically.
   */
  conflict: boolean;
  /** Each field's part, filled only when asked for (review screens). */
  details: Evidence[];
};

const missing = 'missing';

/**
 * Evidence is drawn from a small set (a field, how it agreed, its weight):
 * one frozen object per distinct value, shared by every pair that has it.
 * A 50,000-row file keeps some 25,000 pairs with eight entries each until
 * it is written.
 */
const sharedEvidence = new Map<string, Evidence>();

function evidenceOf(
  field: EvidenceField,
  agreement: Evidence['agreement'],
  weight: number,
  swapped = false,
): Evidence {
  const key = `${field}\u0000${agreement}\u0000${weight}\u0000${swapped}`;
  let known = sharedEvidence.get(key);
  if (!known) {
    known = Object.freeze(
      swapped
        ? { field, agreement, weight, swapped: true as const }
        : { field, agreement, weight },
    );
    sharedEvidence.set(key, known);
  }

  return known;
}

/** Evidence without its `swapped` flag, as a pair stores it: shared too. */
export function storedEvidence(evidence: Evidence): Omit<Evidence, 'swapped'> {
  return evidence.swapped
    ? evidenceOf(evidence.field, evidence.agreement, evidence.weight)
    : evidence;
}

/**
 * The weight of the names read one way: `crossed` compares a's last name
 * with b's first and the other way round. Plain arguments, no tuple: a
 * whole-base scan scores about a million pairs.
 */
function namesWeight(
  a: PreparedPerson,
  b: PreparedPerson,
  crossed: boolean,
  config: DedupConfig,
): number {
  const { weights } = config;
  const last = crossed
    ? compareNames(a.last, b.first, a.lastSound, b.firstSound, config)
    : compareNames(a.last, b.last, a.lastSound, b.lastSound, config);
  const first = crossed
    ? compareFirstNames(a.first, b.last, a.firstSound, b.lastSound, config)
    : compareFirstNames(a.first, b.first, a.firstSound, b.firstSound, config);

  return (
    (last === missing ? 0 : weights.lastName[last as 'weak']) +
    (first === missing ? 0 : weights.firstName[first as 'weak'])
  );
}

/**
 * Scores the names both ways round and keeps the better reading, so a record
 * with first and last name swapped still meets its original.
 *
 * @returns the weight of the better reading, and whether it is crossed
 */
function matchNames(
  a: PreparedPerson,
  b: PreparedPerson,
  config: DedupConfig,
): { weight: number; swapped: boolean; lastDiffers: boolean } {
  const direct = namesWeight(a, b, false, config);
  const lastDiffers = (swapped: boolean) => {
    const [bLast, bSound] = swapped
      ? [b.first, b.firstSound]
      : [b.last, b.lastSound];

    return (
      compareNames(a.last, bLast, a.lastSound, bSound, config) === 'different'
    );
  };
  if (!a.first || !b.first || a.last === b.last)
    return { weight: direct, swapped: false, lastDiffers: lastDiffers(false) };
  const crossed = namesWeight(a, b, true, config) + config.weights.swapped;

  return crossed > direct
    ? { weight: crossed, swapped: true, lastDiffers: lastDiffers(true) }
    : { weight: direct, swapped: false, lastDiffers: lastDiffers(false) };
}

/** How two records' emails agree: a strong share, one made of the name, or not. */
function emailLevel(a: PreparedPerson, b: PreparedPerson) {
  const level = compareSets(a.emails, b.emails);
  if (level !== 'exact') return level;
  const strong = a.emails.some(
    (address) =>
      b.emails.includes(address) &&
      !a.nameEmails.includes(address) &&
      !b.nameEmails.includes(address),
  );

  return strong ? 'exact' : 'nameMade';
}

function emailWeight(
  level: Agreement | 'nameMade',
  config: DedupConfig,
): number {
  const { email } = config.weights;
  if (level === 'exact') return email.shared;
  if (level === 'nameMade') return email.sharedNameMade;

  return level === 'different' ? email.different : 0;
}

/** A shared value adds, a different one subtracts, anything else says nothing. */
const sharedWeight = (
  table: { shared: number; different: number },
  level: Agreement,
) =>
  level === 'exact'
    ? table.shared
    : level === 'different'
      ? table.different
      : 0;

const levelWeight = (
  table: Partial<Record<Agreement, number>>,
  level: Agreement,
) => table[level] ?? 0;

const civilityLevel = (a: PreparedPerson, b: PreparedPerson): Agreement =>
  a.civility && b.civility && a.civility !== b.civility ? 'different' : missing;

type Level = [EvidenceField, Agreement | 'nameMade', number];

/** Every field but the names, with its agreement and weight (review screens). */
function fieldLevels(
  a: PreparedPerson,
  b: PreparedPerson,
  config: DedupConfig,
): Level[] {
  const { weights: w } = config;
  const birth = compareBirthDates(a.birth, b.birth);
  const email = emailLevel(a, b);
  const phone = compareSets(a.phones, b.phones);
  const outlet = compareSets(a.outlets, b.outlets);
  const postal = comparePostalCodes(a.postalCode, b.postalCode);
  const city = comparePlaces(a.city, b.city, config);
  const street = compareStreets(a.street, b.street, config);
  const civility = civilityLevel(a, b);

  return [
    ['birthDate', birth, levelWeight(w.birthDate, birth)],
    ['email', email, emailWeight(email, config)],
    ['phone', phone, sharedWeight(w.phone, phone)],
    ['outlet', outlet, sharedWeight(w.outlet, outlet)],
    ['postalCode', postal, levelWeight(w.postalCode, postal)],
    ['city', city, levelWeight(w.city, city)],
    ['street', street, levelWeight(w.street, street)],
    ['civility', civility, levelWeight(w.civility, civility)],
  ];
}

/**
 * The sum of `fieldLevels`' weights, in the same order, without building
 * the list: what scanning needs for every candidate pair.
 */
function fieldEvidence(
  a: PreparedPerson,
  b: PreparedPerson,
  config: DedupConfig,
): number {
  const { weights: w } = config;
  let evidence = 0;
  evidence += levelWeight(w.birthDate, compareBirthDates(a.birth, b.birth));
  evidence += emailWeight(emailLevel(a, b), config);
  evidence += sharedWeight(w.phone, compareSets(a.phones, b.phones));
  evidence += sharedWeight(w.outlet, compareSets(a.outlets, b.outlets));
  evidence += levelWeight(
    w.postalCode,
    comparePostalCodes(a.postalCode, b.postalCode),
  );
  evidence += levelWeight(w.city, comparePlaces(a.city, b.city, config));
  evidence += levelWeight(w.street, compareStreets(a.street, b.street, config));
  evidence += levelWeight(w.civility, civilityLevel(a, b));

  return evidence;
}

function nameDetails(
  a: PreparedPerson,
  b: PreparedPerson,
  swapped: boolean,
  config: DedupConfig,
): Evidence[] {
  const { weights } = config;
  const [bLast, bFirst] = swapped ? [b.first, b.last] : [b.last, b.first];
  const [bLastSound, bFirstSound] = swapped
    ? [b.firstSound, b.lastSound]
    : [b.lastSound, b.firstSound];
  const last = compareNames(a.last, bLast, a.lastSound, bLastSound, config);
  const first = compareFirstNames(
    a.first,
    bFirst,
    a.firstSound,
    bFirstSound,
    config,
  );

  return [
    evidenceOf(
      'lastName',
      last,
      last === missing ? 0 : weights.lastName[last as 'weak'],
      swapped,
    ),
    evidenceOf(
      'firstName',
      first,
      first === missing ? 0 : weights.firstName[first as 'weak'],
      swapped,
    ),
  ];
}

/**
 * Scores one candidate pair: the names (either way round), then every other
 * field, agreement adding and disagreement subtracting its weight.
 *
 * @param explain when true, `details` lists each field's part (for review)
 */
export function scorePair(
  a: PreparedPerson,
  b: PreparedPerson,
  config: DedupConfig,
  explain = false,
): PairScore {
  const names = matchNames(a, b, config);
  if (!explain) {
    const evidence = fieldEvidence(a, b, config);

    return {
      score: names.weight + evidence,
      evidence,
      conflict:
        names.lastDiffers ||
        compareBirthDates(a.birth, b.birth) === 'different',
      details: [],
    };
  }
  const levels = fieldLevels(a, b, config);
  let evidence = 0;
  for (const level of levels) evidence += level[2];
  const details: Evidence[] = [...nameDetails(a, b, names.swapped, config)];
  for (const [field, level, weight] of levels)
    if (level !== missing) details.push(evidenceOf(field, level, weight));

  return {
    score: names.weight + evidence,
    evidence,
    conflict: names.lastDiffers || levels[0]![1] === 'different',
    details,
  };
}
