/**
 * A function whose answers are remembered, for the text work that imports
 * and scans repeat on the same values (sound keys of names, outlet keys,
 * phone numbers). The memory is emptied when it holds `limit` answers, so it
 * stays bounded whatever the size of the base.
 *
 * @param compute the function to remember; its argument is the key
 * @param limit how many answers to keep at most
 */
export function remembered<V>(
  compute: (key: string) => V,
  limit: number,
): Remembered<V> {
  const answers = new Map<string, V>();
  const keep = (key: string, value: V) => {
    if (answers.size >= limit) answers.clear();
    answers.set(key, value);
  };
  const answer = (key: string) => {
    // One look-up for a remembered answer, two only for one that is undefined.
    const known = answers.get(key);
    if (known !== undefined || answers.has(key)) return known as V;
    const value = compute(key);
    keep(key, value);

    return value;
  };

  return Object.assign(answer, { keep });
}

/** A remembered function, which can also be told an answer worked out before. */
export type Remembered<V> = ((key: string) => V) & {
  /** Remembers `value` as the answer for `key`, as `compute` would give it. */
  keep(key: string, value: V): void;
};
