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
  const { first, birth, postalCode } = person;
  const firstSound = blockingSound(person.firstSound, first);
  const lastSound = blockingSound(person.lastSound, person.last);
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

/**
 * What a name blocks by: its sound key, or, for a name no sound key reads
 * because it holds digits ("123", "2024", "007"), its folded spelling
 * (marked so it cannot meet a sound key): without it such a record had no
 * name key, and the same file imported twice created it again.
 */
function blockingSound(sound: string | null, name: string): string | null {
  if (sound) return sound;

  return /\d/.test(name) ? `#${name}` : null;
}

/**
 * Records grouped by blocking key, held in typed arrays: a 50,000-row file
 * has some 400,000 keys, and a map of their strings with an array per key
 * weighed about 30 MB while the file was matched.
 */
export type Blocks = {
  /** Record `i`'s keys are the entries `entryStart[i]` to `entryStart[i + 1]`. */
  entryStart: Int32Array;
  /** Each entry's block, in the order of its record's keys; -1 when dropped. */
  blockOf: Int32Array;
  /** Block `b`'s records are `members[blockStart[b]]` to `members[blockStart[b + 1]]`. */
  blockStart: Int32Array;
  /** Records' indexes, ascending within each block. */
  members: Int32Array;
  /** Keys dropped for being shared by more records than `maxBlockSize`. */
  skipped: number;
  /** Scratch of `candidatesOf`: the last record each one was seen for. */
  seen: Int32Array;
};

/**
 * A key as a 53-bit number (two 32-bit FNV-1a hashes with different
 * seeds): the key's text need not stay in memory. Two different keys
 * agreeing on all 53 bits (about one chance in a hundred thousand for a
 * file's 400,000 keys) would only make two records compared that need not
 * be; the score still decides.
 */
function keyHash(key: string): number {
  let low = 0x811c9dc5;
  let high = 0x01000193;
  for (let index = 0; index < key.length; index++) {
    const code = key.charCodeAt(index);
    low = Math.imul(low ^ code, 0x01000193);
    high = Math.imul(high ^ code, 0x5bd1e995);
  }

  return (high >>> 11) * 0x100000000 + (low >>> 0);
}

/** An Int32Array that grows as entries are added. */
function grown(array: Int32Array<ArrayBuffer>, size: number) {
  if (size <= array.length) return array;
  const larger = new Int32Array(Math.max(size, array.length * 2));
  larger.set(array);

  return larger;
}

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
  // Each record's distinct keys, as hashes, in the order of its keys.
  const entryStart = new Int32Array(people.length + 1);
  let hashes = new Float64Array(people.length * 8 + 16);
  let owners = new Int32Array(hashes.length);
  let count = 0;
  people.forEach((person, index) => {
    for (const key of new Set(blockingKeys(person))) {
      if (count === hashes.length) {
        const larger = new Float64Array(hashes.length * 2);
        larger.set(hashes);
        hashes = larger;
      }
      owners = grown(owners, count + 1);
      hashes[count] = keyHash(key);
      owners[count] = index;
      count += 1;
    }
    entryStart[index + 1] = count;
  });

  // Entries chained by hash in an open-addressing table; the chains keep
  // entries in order, so each block lists its records ascending.
  let slots = 1024;
  while (slots < count * 1.25) slots *= 2;
  const slotHash = new Float64Array(slots);
  const head = new Int32Array(slots).fill(-1);
  const tail = new Int32Array(slots);
  const next = new Int32Array(count).fill(-1);
  const used: number[] = [];
  for (let entry = 0; entry < count; entry++) {
    const hash = hashes[entry] as number;
    let slot = hash % slots;
    while (head[slot] !== -1 && slotHash[slot] !== hash)
      slot = (slot + 1) & (slots - 1);
    if (head[slot] === -1) {
      slotHash[slot] = hash;
      head[slot] = entry;
      used.push(slot);
    } else {
      next[tail[slot] as number] = entry;
    }
    tail[slot] = entry;
  }

  const blockOf = new Int32Array(count).fill(-1);
  const blockStart: number[] = [0];
  let members = new Int32Array(1024);
  let memberCount = 0;
  let skipped = 0;
  for (const slot of used) {
    let sharing = 0;
    for (let entry = head[slot] as number; entry !== -1; entry = next[entry]!)
      sharing += 1;
    if (sharing === 1) continue;
    if (sharing > maxBlockSize) {
      skipped += 1;
      continue;
    }
    const block = blockStart.length - 1;
    members = grown(members, memberCount + sharing);
    let last = -1;
    for (let entry = head[slot] as number; entry !== -1;) {
      blockOf[entry] = block;
      const owner = owners[entry] as number;
      // Two keys of one record with one hash: the record is listed once.
      if (owner !== last) members[memberCount++] = last = owner;
      entry = next[entry] as number;
    }
    blockStart.push(memberCount);
  }

  return {
    entryStart,
    blockOf,
    blockStart: Int32Array.from(blockStart),
    members: members.slice(0, memberCount),
    skipped,
    seen: new Int32Array(people.length),
  };
}

/**
 * The records after `index` sharing a block with it, each once, in the order
 * of its keys: walking records in order and looking only forward visits
 * every pair once without holding the whole pair set in memory.
 *
 * @param accept filters partners (linkage compares only across the sides)
 */
export function candidatesOf(
  index: number,
  blocks: Blocks,
  accept: (other: number) => boolean = () => true,
): number[] {
  const { entryStart, blockOf, blockStart, members, seen } = blocks;
  const found: number[] = [];
  const stamp = index + 1;
  const end = entryStart[index + 1] ?? 0;
  for (let entry = entryStart[index] ?? 0; entry < end; entry++) {
    const block = blockOf[entry] as number;
    if (block === -1) continue;
    const last = blockStart[block + 1] as number;
    for (let at = blockStart[block] as number; at < last; at++) {
      const other = members[at] as number;
      if (other <= index || seen[other] === stamp) continue;
      seen[other] = stamp;
      if (accept(other)) found.push(other);
    }
  }

  return found;
}
