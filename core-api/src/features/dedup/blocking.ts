import type { PreparedPerson } from './person-record.ts';

/**
 * The blocking keys of one record: two records are compared only when they
 * share one. Each key is a way a duplicate keeps something intact while the
 * rest is mangled: the email, the phone, the sound of the last name (by
 * both French phonetic codes, which fail on different names) with the first
 * initial, the full name in either order, the outlet with the last
 * name, the birth date, the postal code with the first name or house number.
 */
export function blockingKeys(person: PreparedPerson): string[] {
  const keys: string[] = [];
  const { first, firstSound, lastSound, birth, postalCode } = person;
  for (const email of person.emails) keys.push(`e:${email}`);
  for (const phone of person.phones) keys.push(`p:${phone}`);
  for (const sound of [lastSound, person.lastPhonetic])
    if (sound && first) keys.push(`n:${sound}:${first[0]}`);
  if (lastSound && firstSound)
    keys.push(`f:${[lastSound, firstSound].sort().join(':')}`);
  if (lastSound)
    for (const outlet of person.outlets) keys.push(`o:${outlet}:${lastSound}`);
  if (birth) keys.push(`d:${birth}`);
  if (birth && firstSound) keys.push(`y:${birth.slice(0, 4)}:${firstSound}`);
  const number = person.street[0];
  if (postalCode && number && /^\d+$/.test(number))
    keys.push(`s:${postalCode}:${number}`);

  return keys;
}

/** Records grouped by blocking key, with the keys of each record. */
export type Blocks = {
  members: Map<string, number[]>;
  keysOf: string[][];
  /** Keys dropped for being shared by more records than `maxBlockSize`. */
  skipped: number;
};

/**
 * Groups records by blocking key. A block larger than `maxBlockSize` is
 * dropped: a key that many records share (a placeholder email, a switchboard
 * number) says nothing about identity and would bring back the quadratic
 * comparison blocking exists to avoid.
 */
export function buildBlocks(
  people: PreparedPerson[],
  maxBlockSize: number,
): Blocks {
  const members = new Map<string, number[]>();
  const keysOf = people.map((person, index) => {
    const keys = [...new Set(blockingKeys(person))];
    for (const key of keys) {
      const block = members.get(key);
      if (block) block.push(index);
      else members.set(key, [index]);
    }

    return keys;
  });
  let skipped = 0;
  for (const [key, block] of members) {
    if (block.length === 1) members.delete(key);
    else if (block.length > maxBlockSize) {
      members.delete(key);
      skipped += 1;
    }
  }

  return { members, keysOf, skipped };
}

/**
 * The records after `index` sharing a block with it, each once: walking
 * records in order and looking only forward visits every pair once without
 * holding the whole pair set in memory.
 *
 * @param accept filters partners (linkage compares only across the sides)
 */
export function candidatesOf(
  index: number,
  blocks: Blocks,
  accept: (other: number) => boolean = () => true,
): Set<number> {
  const found = new Set<number>();
  for (const key of blocks.keysOf[index] ?? []) {
    const block = blocks.members.get(key);
    if (!block) continue;
    for (const other of block)
      if (other > index && !found.has(other) && accept(other)) found.add(other);
  }

  return found;
}
