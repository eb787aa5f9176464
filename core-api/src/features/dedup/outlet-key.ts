import { words } from '../../platform/text/fold.ts';

/**
 * Words that name a company's legal form or the kind of title rather than
 * the outlet itself: "LE MONDE SA", "Journal Le Monde" and "Le Monde" are one
 * outlet to a press officer.
 */
const noiseWords = new Set(
  [
    'sa sas sasu sarl eurl sci sca snc scop gie ltd inc plc gmbh',
    'groupe group journal quotidien hebdo magazine mag edition editions',
    'le la les l the',
  ]
    .join(' ')
    .split(' '),
);

/**
 * The key two spellings of one outlet share: folded, legal forms, "Journal"
 * and articles left out, words glued so "France Info" meets "franceinfo" and
 * "Ouest-France" meets "OUEST FRANCE".
 *
 * @param name the company name as written
 * @returns the key, or an empty string when nothing meaningful is left
 */
export function outletKey(name: string | null | undefined): string {
  return outletWords(name).join('').slice(0, 300);
}

/**
 * The folded words that name the outlet itself, legal forms, "Journal" and
 * articles left out: what a search for the same outlet looks for.
 */
export function outletWords(name: string | null | undefined): string[] {
  if (!name) return [];
  const all = words(name);
  const kept = all.filter((word) => !noiseWords.has(word));

  // "Les Échos" minus its article is "echos"; a name made only of noise
  // words ("Le Journal") keeps them rather than vanishing.
  return kept.length > 0 ? kept : all;
}
