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
  /** Birth dates that cannot be one person's: never merged automatically. */
  conflict: boolean;
  /** Each field's part, filled only when asked for (review screens). */
  details: Evidence[];
};

const missing = 'missing';

function nameWeight(
  lasts: [string, string, string | null, string | null],
  firsts: [string, string, string | null, string | null],
  config: DedupConfig,
): number {
  const { weights } = config;
  const last = compareNames(...lasts, config);
  const first = compareFirstNames(...firsts, config);

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
): { weight: number; swapped: boolean } {
  const direct = nameWeight(
    [a.last, b.last, a.lastSound, b.lastSound],
    [a.first, b.first, a.firstSound, b.firstSound],
    config,
  );
  if (!a.first || !b.first || a.last === b.last)
    return { weight: direct, swapped: false };
  const crossed =
    nameWeight(
      [a.last, b.first, a.lastSound, b.firstSound],
      [a.first, b.last, a.firstSound, b.lastSound],
      config,
    ) + config.weights.swapped;

  return crossed > direct
    ? { weight: crossed, swapped: true }
    : { weight: direct, swapped: false };
}

function emailWeight(
  a: PreparedPerson,
  b: PreparedPerson,
  config: DedupConfig,
): [Agreement | 'nameMade', number] {
  const { email } = config.weights;
  const level = compareSets(a.emails, b.emails);
  if (level !== 'exact')
    return [level, level === 'different' ? email.different : 0];
  const strong = a.emails.some(
    (address) =>
      b.emails.includes(address) &&
      !a.nameEmails.includes(address) &&
      !b.nameEmails.includes(address),
  );

  return strong ? ['exact', email.shared] : ['nameMade', email.sharedNameMade];
}

type Level = [EvidenceField, Agreement | 'nameMade', number];

function fieldLevels(
  a: PreparedPerson,
  b: PreparedPerson,
  config: DedupConfig,
): Level[] {
  const { weights: w } = config;
  const birth = compareBirthDates(a.birth, b.birth);
  const phone = compareSets(a.phones, b.phones);
  const outlet = compareSets(a.outlets, b.outlets);
  const postal = comparePostalCodes(a.postalCode, b.postalCode);
  const city = comparePlaces(a.city, b.city, config);
  const street = compareStreets(a.street, b.street, config);
  const civility =
    a.civility && b.civility && a.civility !== b.civility
      ? 'different'
      : missing;
  const shared = (
    table: { shared: number; different: number },
    level: Agreement,
  ) =>
    level === 'exact'
      ? table.shared
      : level === 'different'
        ? table.different
        : 0;
  const of = (table: Partial<Record<Agreement, number>>, level: Agreement) =>
    table[level] ?? 0;

  return [
    ['birthDate', birth, of(w.birthDate, birth)],
    ['email', ...emailWeight(a, b, config)],
    ['phone', phone, shared(w.phone, phone)],
    ['outlet', outlet, shared(w.outlet, outlet)],
    ['postalCode', postal, of(w.postalCode, postal)],
    ['city', city, of(w.city, city)],
    ['street', street, of(w.street, street)],
    ['civility', civility, of(w.civility, civility)],
  ];
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
  const flag = swapped ? { swapped: true as const } : {};

  return [
    {
      field: 'lastName',
      agreement: last,
      weight: last === missing ? 0 : weights.lastName[last as 'weak'],
      ...flag,
    },
    {
      field: 'firstName',
      agreement: first,
      weight: first === missing ? 0 : weights.firstName[first as 'weak'],
      ...flag,
    },
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
  const levels = fieldLevels(a, b, config);
  let evidence = 0;
  for (const level of levels) evidence += level[2];
  const details: Evidence[] = [];
  if (explain) {
    details.push(...nameDetails(a, b, names.swapped, config));
    for (const [field, level, weight] of levels)
      if (level !== missing) details.push({ field, agreement: level, weight });
  }

  return {
    score: names.weight + evidence,
    evidence,
    conflict: levels[0]![1] === 'different',
    details,
  };
}
