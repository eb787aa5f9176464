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
): (key: string) => V {
  const answers = new Map<string, V>();

  return (key) => {
    if (answers.has(key)) return answers.get(key) as V;
    if (answers.size >= limit) answers.clear();
    const value = compute(key);
    answers.set(key, value);

    return value;
  };
}
