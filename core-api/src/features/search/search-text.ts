import fonem from 'talisman/phonetics/french/fonem.js';
import { fold, words } from '../../platform/text/fold.ts';

/** Where a token comes from; names weigh more than the rest when ranking. */
export type TokenField = 'name' | 'org' | 'email' | 'phone' | 'place' | 'other';

export type Token = {
  field: TokenField;
  token: string;
  phonetic: string | null;
};

const maxTokenLength = 64;

/**
 * The French phonetic key of one word (FONEM, after folding), or null for
 * words too short or not made of letters, whose keys would match everything.
 */
export function phoneticKey(word: string): string | null {
  const folded = fold(word);
  if (folded.length < 2 || !/^[a-z]+$/.test(folded)) return null;
  const key = fonem(folded.toUpperCase());

  return key.length > 0 ? key.slice(0, 32) : null;
}

/** The tokens of a value for one field; names and organisations get phonetic keys. */
export function tokensOf(
  field: TokenField,
  value: string | null | undefined,
): Token[] {
  if (!value) return [];
  const phonetic = field === 'name' || field === 'org';

  return words(value).map((word) => ({
    field,
    token: word.slice(0, maxTokenLength),
    phonetic: phonetic ? phoneticKey(word) : null,
  }));
}

/** Digit tokens for a phone number (national and international forms). */
export function phoneTokens(keys: string[]): Token[] {
  return keys.map((key) => ({
    field: 'phone',
    token: key.slice(0, maxTokenLength),
    phonetic: null,
  }));
}

/**
 * Keeps one token per (token, field): a word repeated in a record adds no
 * information and would only grow the index.
 */
export function uniqueTokens(tokens: Token[]): Token[] {
  const seen = new Map<string, Token>();
  for (const token of tokens) seen.set(`${token.field}:${token.token}`, token);

  return [...seen.values()];
}

export type QueryWord =
  | { kind: 'word'; token: string; phonetic: string | null }
  | { kind: 'digits'; token: string };

/**
 * Splits what the user typed into words to match. A query that is mostly
 * digits (a phone number typed with spaces, dots or a leading +) becomes one
 * digit string.
 */
export function parseQuery(query: string): QueryWord[] {
  const digits = query.replace(/\D/g, '');
  const letters = fold(query).replace(/[^a-z]/g, '');
  if (digits.length >= 4 && letters.length === 0) {
    return [{ kind: 'digits', token: digits.replace(/^00/, '') }];
  }

  const seen = new Set<string>();
  const result: QueryWord[] = [];
  for (const word of words(query)) {
    if (seen.has(word)) continue;
    seen.add(word);
    result.push({
      kind: 'word',
      token: word.slice(0, maxTokenLength),
      phonetic: word.length >= 3 ? phoneticKey(word) : null,
    });
  }

  return result.slice(0, 8);
}
