/**
 * Text folding shared by search, matching and header mapping: lower case, no
 * accents, ligatures unfolded. NFD leaves Œ, Æ, ß, Ø and Ł whole, so they are
 * spelt out first.
 */
const ligatures: Record<string, string> = {
  œ: 'oe',
  Œ: 'oe',
  æ: 'ae',
  Æ: 'ae',
  ß: 'ss',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

const ligaturePattern = /[œŒæÆßøØłŁđĐðþı]/g;

/** Lower case, accents and ligatures removed: `Éloïse Lœuvre` → `eloise loeuvre`. */
export function fold(value: string): string {
  return value
    .replace(ligaturePattern, (char) => ligatures[char] ?? char)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * The words of a value, folded: letters and digits only, split on anything
 * else, so `Saint-Dupuy` gives `saint` and `dupuy` and `L'Équipe` gives `l`
 * and `equipe`.
 */
export function words(value: string): string[] {
  return fold(value)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** Longest sort key kept: the width of the name and city columns. */
export const SORT_KEY_LENGTH = 120;

/**
 * The stored key a name or city sorts by, the same on every database:
 * folded words joined by one space, so capitals, accents and ligatures do
 * not count (`Élodie` beside `Elodie`, `Œuvray` as `oeuvray`) and
 * apostrophes, hyphens and spaces all separate words. Compared byte by byte
 * the keys give French catalogue order, word by word: the space sorts before
 * any letter, so `D'Arcy` (`d arcy`) < `Da Silva` < `Dabadie` and `Dupont`
 * < `Dupont-Aignan` < `Dupontel`. Null when nothing is left to sort by.
 */
export function sortKey(value: string | null | undefined): string | null {
  if (!value) return null;
  const key = words(value).join(' ').slice(0, SORT_KEY_LENGTH).trimEnd();

  return key || null;
}
