import fonem from 'talisman/phonetics/french/fonem.js';
import berge from 'talisman/phonetics/french/phonetic.js';
import { fold, words } from '../../platform/text/fold.ts';
import { remembered } from '../../platform/text/remembered.ts';

/** Where a token comes from; names weigh more than the rest when ranking. */
export type TokenField = 'name' | 'org' | 'email' | 'phone' | 'place' | 'other';

export type Token = {
  field: TokenField;
  token: string;
  phonetic: string | null;
  sound: string | null;
};

const maxTokenLength = 64;

/** Letters only, two at least: shorter or other words would match everything. */
function soundable(word: string): string | null {
  const folded = fold(word);

  return folded.length >= 2 && /^[a-z]+$/.test(folded) ? folded : null;
}

/**
 * The French phonetic key of one word (FONEM, after folding), or null for
 * words too short or not made of letters. Remembered, as the second key is:
 * names repeat across a base (a few thousand surnames for 50,000 contacts),
 * and Berge's rules cost about 20 µs a word.
 */
export const phoneticKey = remembered((word: string): string | null => {
  const folded = soundable(word);
  const key = folded ? fonem(folded.toUpperCase()) : '';

  return key.length > 0 ? key.slice(0, 32) : null;
}, 50_000);

/**
 * The second sound key (Édouard Berge's French phonetic), which drops silent
 * endings FONEM keeps: "Arnod" and Arnaud, "Bonned" and Bonnet share it.
 */
export const soundKey = remembered((word: string): string | null => {
  const folded = soundable(word);
  // Berge reads ç and œ itself; the folded form serves for other scripts.
  const key = folded ? berge(/^\p{L}+$/u.test(word) ? word : folded) : '';

  return key.length > 0 ? key.slice(0, 32) : null;
}, 50_000);

/**
 * Short words that join the parts of a name ("Le Monde", "La Voix du Nord",
 * "L'Obs"). As word beginnings they would match half the base, so a query
 * leaves them out whenever it has another word.
 */
const joiningWords = new Set(
  'a au aux d de des du en et l la le les sur un une and of the'.split(' '),
);

/**
 * The tokens of a value for one field; names and organisations get phonetic
 * keys. The list and its tokens are shared by every call with the same
 * field and value, and must not be changed: a base repeats its outlets,
 * functions, cities and first names thousands of times.
 */
export function tokensOf(
  field: TokenField,
  value: string | null | undefined,
): readonly Token[] {
  if (!value) return noTokens;
  if (value.length > longestRemembered) return computeTokens(field, value);
  let byValue = knownTokens.get(field);
  const known = byValue?.get(value);
  if (known) return known;
  if (knownCount >= knownLimit) {
    knownTokens.clear();
    knownCount = 0;
    byValue = undefined;
  }
  if (!byValue) knownTokens.set(field, (byValue = new Map()));
  const tokens = computeTokens(field, value);
  byValue.set(value, tokens);
  knownCount++;

  return tokens;
}

const noTokens: readonly Token[] = Object.freeze([]);

/** Longer values (notes, street lines) seldom repeat: not worth keeping. */
const longestRemembered = 80;

/**
 * The tokens worked out so far, by field then value (no key to build per
 * look-up), emptied when `knownLimit` values are kept, so memory stays
 * bounded whatever the size of the base.
 */
const knownTokens = new Map<TokenField, Map<string, readonly Token[]>>();
const knownLimit = 20_000;
let knownCount = 0;

/**
 * Words an apostrophe joins ("O'Brien", "D’Artagnan", "L'Équipe"), which
 * people type glued as often as apart ("obrien").
 */
const apostropheJoined = /[\p{L}\p{N}]+(?:['’ʼ][\p{L}\p{N}]+)+/gu;

function computeTokens(field: TokenField, value: string): readonly Token[] {
  const phonetic = field === 'name' || field === 'org';
  // Names and organisations are also found glued: "obrien" finds O'Brien as
  // "o brien" does.
  const glued = phonetic
    ? (value.match(apostropheJoined) ?? []).map((joined) =>
        words(joined).join(''),
      )
    : [];
  const all = words(value);
  for (const word of glued) if (!all.includes(word)) all.push(word);
  const tokens: Token[] = [];
  for (const word of all) {
    // Queries leave joining words out beside other words, so only names keep
    // them (a surname may be "Le" or "Du").
    if (field !== 'name' && joiningWords.has(word)) continue;
    tokens.push(
      Object.freeze({
        field,
        token: word.slice(0, maxTokenLength),
        phonetic: phonetic ? phoneticKey(word) : null,
        sound: phonetic ? soundKey(word) : null,
      }),
    );
  }

  return Object.freeze(tokens);
}

/** Digit tokens for a phone number (national and international forms). */
export function phoneTokens(keys: string[]): Token[] {
  return keys.map((key) => ({
    field: 'phone',
    token: key.slice(0, maxTokenLength),
    phonetic: null,
    sound: null,
  }));
}

/** What a match in each field adds to a hit's score. */
export const fieldWeight: Record<TokenField, number> = {
  name: 30,
  org: 20,
  email: 15,
  phone: 15,
  place: 10,
  other: 0,
};

/**
 * Keeps one row per word, from the field that weighs most: a hit's score
 * takes the best field a word matched, so the other rows (the surname again
 * in the email address) would only grow the index.
 */
export function uniqueTokens(tokens: readonly Token[]): Token[] {
  const best = new Map<string, Token>();
  for (const token of tokens) {
    const kept = best.get(token.token);
    if (!kept || fieldWeight[token.field] > fieldWeight[kept.field]) {
      best.set(token.token, token);
    }
  }

  return [...best.values()];
}

/**
 * The words of an email address or a website worth finding it by: a
 * domain's last label (".fr") and "www" would match most of the base.
 */
export function addressWords(value: string | null | undefined): string {
  if (!value) return '';

  return value
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\.[\p{L}]{2,24}(?=$|[/:?#])/u, '');
}

/** The last label of a domain (".fr" in "lemonde.fr"), as typed in a query. */
const domainEnd = /(?<=[\p{L}\p{N}])\.\p{L}{2,6}(?=$|[\s,;>)])/gu;

export type QueryWord =
  | {
      kind: 'word';
      token: string;
      phonetic: string | null;
      sound: string | null;
      prefix: boolean;
    }
  | { kind: 'digits'; token: string };

/**
 * Splits what the user typed into words to match. A query that is mostly
 * digits (a phone number typed with spaces, dots or a leading +) becomes one
 * digit string. A short number inside words ("France 3") matches only as a
 * whole word: as a beginning it would match every phone number in +33; so
 * does a word of one or two letters beside longer ones.
 */
export function parseQuery(typed: string): QueryWord[] {
  // "+33 (0)1 …": the bracketed trunk zero is not dialled after +33.
  const query = typed.replace(/\(0\)/g, '');
  const digits = query.replace(/\D/g, '');
  const letters = fold(query).replace(/[^a-z]/g, '');
  if (digits.length >= 4 && letters.length === 0) {
    return [{ kind: 'digits', token: digits.replace(/^00/, '') }];
  }

  // "lemonde.fr", "Slate.fr": a domain's last label would match every
  // address in .fr, so it is left out as a joining word is.
  const unique = [...new Set(words(query.replace(domainEnd, ' ')))];
  const meaningful = unique.filter((word) => !joiningWords.has(word));
  const kept = meaningful.length > 0 ? meaningful : unique;

  return kept.slice(0, 8).map((word) => ({
    kind: 'word',
    token: word.slice(0, maxTokenLength),
    phonetic: word.length >= 3 ? phoneticKey(word) : null,
    sound: word.length >= 3 ? soundKey(word) : null,
    prefix: !/^\d{1,3}$/.test(word) && (word.length > 2 || kept.length === 1),
  }));
}
