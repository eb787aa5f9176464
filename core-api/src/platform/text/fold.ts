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
