/**
 * A person's first and last names read from what a mail client shows:
 * "Dupont, Marie", "Marie DUPONT", "DUPONT Marie", "Mme Marie Dupont
 * (Le Monde)", or, with no display name, the address `marie.dupont@…`.
 */

export type NameGuess = {
  civility: 'M' | 'MME' | null;
  firstName: string | null;
  lastName: string | null;
  /** 0 to 1: how sure the split is. */
  confidence: number;
  from: 'displayName' | 'address' | 'signature';
};

// Words that belong to the surname that follows them (de La Tour, Van Dam).
const particles = new Set([
  'de',
  'du',
  'des',
  'de la',
  'le',
  'la',
  'van',
  'von',
  'der',
  'den',
  'di',
  'da',
  'del',
  "d'",
  'd’',
]);

const civilities: [RegExp, 'M' | 'MME'][] = [
  [/^(?:mme|madame|mrs|ms|mlle|mademoiselle)\.?\s+/i, 'MME'],
  [/^(?:m\.|monsieur|mr\.?)\s+/i, 'M'],
];

const letter = /\p{L}/u;
const isUpperWord = (word: string) =>
  letter.test(word) && word === word.toUpperCase() && /\p{L}{2}/u.test(word);

/** "DUPONT-MOREAU" → "Dupont-Moreau", "d'ARC" → "d'Arc"; mixed case kept. */
export function nameCase(word: string): string {
  if (word !== word.toUpperCase() && word !== word.toLowerCase()) return word;

  return word
    .toLowerCase()
    .replace(
      /(^|[-\s'’])(\p{L})/gu,
      (_, before: string, first: string) => `${before}${first.toUpperCase()}`,
    )
    .replace(
      /^(D|L)(['’])/u,
      (_, d: string, quote: string) => `${d.toLowerCase()}${quote}`,
    );
}

/** Particles keep the case they were written in ("de La Tour"). */
const wordCase = (word: string) =>
  particles.has(word.toLowerCase()) && word !== word.toUpperCase()
    ? word
    : nameCase(word);

const joined = (words: string[]) =>
  words.length === 0 ? null : words.map(wordCase).join(' ');

/** Cleans what surrounds a name: quotes, "(Le Monde)", " | Société". */
function bareName(display: string): string {
  return display
    .replace(/["“”]/g, '')
    .replace(/\s*[([].*?[)\]]\s*/g, ' ')
    .replace(/\s+(?:[|/–—]|-\s).*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function splitWords(words: string[]): [string[], string[], number] {
  const upper = words.map(isUpperWord);
  const upperCount = upper.filter(Boolean).length;
  if (upperCount > 0 && upperCount < words.length) {
    // The surname is the run in capitals: "Marie DUPONT", "DUPONT Marie".
    const last = words.filter((_, i) => upper[i]);
    const first = words.filter((_, i) => !upper[i]);

    return [first, last, 0.95];
  }
  if (words.length === 1) return [[], words, 0.4];
  // "Marie de La Tour": the surname starts at its particle.
  const particle = words.findIndex(
    (word, i) => i > 0 && particles.has(word.toLowerCase()),
  );
  const cut = particle > 0 ? particle : 1;

  return [
    words.slice(0, cut),
    words.slice(cut),
    words.length === 2 ? 0.75 : 0.6,
  ];
}

function fromDisplay(display: string): NameGuess | null {
  let civility: NameGuess['civility'] = null;
  let text = bareName(display);
  for (const [pattern, code] of civilities) {
    if (pattern.test(text)) {
      civility = code;
      text = text.replace(pattern, '');
    }
  }
  if (!letter.test(text) || text.includes('@')) return null;
  const comma = text.split(/\s*,\s*/);
  if (comma.length === 2 && comma[0] && comma[1]) {
    // "Dupont, Marie": surname first, as directories write it.
    return {
      civility,
      firstName: joined(comma[1].split(' ')),
      lastName: joined(comma[0].split(' ')),
      confidence: 0.9,
      from: 'displayName',
    };
  }
  const [first, last, confidence] = splitWords(text.split(' '));

  return {
    civility,
    firstName: joined(first),
    lastName: joined(last),
    confidence,
    from: 'displayName',
  };
}

// Local parts that name a service, not a person.
const roleAddress = new RegExp(
  `^(?:${[
    'contact',
    'info',
    'infos',
    'redaction',
    'presse',
    'press',
    'accueil',
    'secretariat',
    'communication',
    'noreply',
    'no-reply',
    'newsletter',
    'admin',
    'service',
    'support',
    'bonjour',
    'hello',
  ].join('|')})\\b`,
  'i',
);

function fromAddress(address: string): NameGuess | null {
  const local = address.split('@')[0]?.replace(/\+.*$/, '') ?? '';
  if (!local || roleAddress.test(local)) return null;
  const parts = local
    .split(/[._]/)
    .filter((part) => /^\p{L}[\p{L}-]*$/u.test(part));
  if (parts.length < 2 || parts.length !== local.split(/[._]/).length)
    return null;
  const first = parts[0] as string;
  const rest = parts.slice(1);
  if (first.length === 1) {
    // "m.dupont": only an initial for the first name.
    return {
      civility: null,
      firstName: null,
      lastName: joined(rest),
      confidence: 0.4,
      from: 'address',
    };
  }

  return {
    civility: null,
    firstName: nameCase(first),
    lastName: joined(rest),
    confidence: 0.6,
    from: 'address',
  };
}

/** The best reading of a sender's name, or null when nothing names a person. */
export function splitName(
  displayName: string | null | undefined,
  address: string | null | undefined,
): NameGuess | null {
  const display = displayName?.trim();
  const shown =
    display && display.toLowerCase() !== address?.toLowerCase()
      ? fromDisplay(display)
      : null;
  if (shown?.lastName || shown?.firstName) return shown;

  return address ? fromAddress(address) : null;
}
