import { fold } from '../../../platform/text/fold.ts';
import {
  contactTypes,
  socialNetworks,
} from '../../contacts/contacts.schemas.ts';
import type { ImportedTerm, ImportedTermKind } from './imported-contact.ts';

/** A contact type the schema accepts. */
export type ContactType = (typeof contactTypes)[number];

/** A social network the schema accepts. */
export type SocialNetwork = (typeof socialNetworks)[number];

const folded = (text: string): string =>
  fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const civilityWords: Record<string, 'M' | 'MME'> = {
  m: 'M',
  mr: 'M',
  monsieur: 'M',
  mister: 'M',
  herr: 'M',
  messire: 'M',
  sir: 'M',
  mme: 'MME',
  madame: 'MME',
  mrs: 'MME',
  ms: 'MME',
  miss: 'MME',
  mlle: 'MME',
  mademoiselle: 'MME',
  frau: 'MME',
  mad: 'MME',
};

/**
 * Reads a civility as people write it (`M.`, `Monsieur`, `Mr`, `Mme`,
 * `Mademoiselle`, `Mrs`…). Anything else (`Dr`, `Maître`) gives undefined.
 *
 * @param text the civility or name-prefix value
 */
export function parseCivility(text: string): 'M' | 'MME' | undefined {
  return civilityWords[folded(text)];
}

/** Honorifics and ranks written before a name (the contact's title). */
const honorificWords = new Set([
  'docteur',
  'docteure',
  'dr',
  'dre',
  'maitre',
  'me',
  'professeur',
  'professeure',
  'pr',
  'prof',
  'monseigneur',
  'mgr',
  'pere',
  'abbe',
  'reverend',
  'rev',
  'general',
  'generale',
  'colonel',
  'commandant',
  'capitaine',
  'amiral',
  'prefet',
  'prefete',
  'ministre',
  'senateur',
  'senatrice',
  'depute',
  'deputee',
  'ambassadeur',
  'ambassadrice',
  'excellence',
  'hon',
  'lord',
  'lady',
]);

/** Words before the honorific itself: `Madame la Préfète`, `Son Excellence`. */
const honorificLeads = new Set([
  ...Object.keys(civilityWords),
  'le',
  'la',
  'l',
  'son',
  'sa',
]);

/**
 * Whether a value is an honorific or a rank (`Docteure`, `Me`, `Maître`,
 * `Madame la Préfète`), the kind of value a contact's title holds; a job
 * title (`Directeur général`, `Rédacteur en chef`) is not.
 *
 * @param text the cell value
 */
export function isHonorific(text: string): boolean {
  const words = folded(text).split(' ');
  const head = words.find((word) => !honorificLeads.has(word));

  return head !== undefined && honorificWords.has(head);
}

/**
 * Whether a value of a civility or title column reads as a job title: text
 * that is neither a civility nor an honorific.
 *
 * @param text the cell value
 */
export function readsAsFunction(text: string): boolean {
  return /\p{L}{3}/u.test(text) && !parseCivility(text) && !isHonorific(text);
}

const contactTypeWords: Record<string, ContactType> = {
  presse: 'press',
  press: 'press',
  journaliste: 'press',
  media: 'press',
  medias: 'press',
  'relations publiques': 'public_relations',
  'public relations': 'public_relations',
  rp: 'public_relations',
  pr: 'public_relations',
  'relation publique': 'public_relations',
  institutionnel: 'institutional',
  institutionnels: 'institutional',
  institutionnelle: 'institutional',
  institutional: 'institutional',
  institution: 'institutional',
  vip: 'vip',
  decideur: 'decision_maker',
  decideurs: 'decision_maker',
  'decision maker': 'decision_maker',
  'decision makers': 'decision_maker',
  partenaire: 'partner',
  partenaires: 'partner',
  partner: 'partner',
  partners: 'partner',
  interne: 'internal',
  internes: 'internal',
  internal: 'internal',
  collaborateur: 'internal',
};

/**
 * The contact type for a French or English label (`presse`, `Relations
 * publiques`, `institutionnel`, `VIP`, `décideur`, `partenaire`, `interne`…).
 *
 * @param text the cell value
 */
export function parseContactType(text: string): ContactType | undefined {
  const key = folded(text).replace(/_/g, ' ');

  return (
    contactTypeWords[key] ??
    contactTypes.find((type) => type === key.replace(/ /g, '_'))
  );
}

/** One address of an email cell, with the name written beside it. */
export type CellEmail = { address: string; name?: string };

/**
 * Cuts a cell at the commas, semicolons and line breaks that separate
 * addresses, but not inside quotes or angle brackets (`"Dupont, Jean" <…>`);
 * a piece without `@` is the start of the next one (`Dupont, Jean <…>`).
 */
function emailPieces(text: string): string[] {
  const pieces: string[] = [];
  let current = '';
  let quoted = false;
  let bracketed = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (char === '<' && !quoted) bracketed = true;
    else if (char === '>' && !quoted) bracketed = false;
    if (!quoted && !bracketed && /[,;\n]/.test(char)) {
      pieces.push(current);
      current = '';
    } else current += char;
  }
  pieces.push(current);
  const joined: string[] = [];
  let pending = '';
  for (const piece of pieces.map((item) => item.trim())) {
    if (piece === '') continue;
    const whole = pending ? `${pending}, ${piece}` : piece;
    if (whole.includes('@')) {
      joined.push(whole);
      pending = '';
    } else pending = whole;
  }
  if (pending) joined.push(pending);

  return joined;
}

const bareAddress = (text: string) =>
  text
    .replace(/\([^()]*\)/g, ' ')
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/\.$/, '')
    .toLowerCase();

/**
 * The addresses in an email cell, lower-cased: several may share a cell
 * (`a@x.fr; b@y.fr`, `a@x.fr b@y.fr`), some come with a name
 * (`Jean Dupont <jean@x.fr>`, whose name is kept beside the address) or a
 * comment (`jean@x.fr (bureau)`). Anything else is returned whole, spaces
 * included (`jean dupont@x.fr`), for the row's checks to refuse: cutting it
 * to its last word would import another person's address.
 *
 * @param text the cell value
 */
export function emailsOfCell(text: string): CellEmail[] {
  return emailPieces(text).flatMap((piece): CellEmail[] => {
    const named = /^(.*?)<\s*([^<>]*?)\s*>$/.exec(piece);
    if (named) {
      const name = (named[1] ?? '')
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim();
      const address = bareAddress(named[2] ?? '');

      return [name ? { address, name } : { address }];
    }
    const address = bareAddress(piece);
    const words = address.split(/\s+/);
    // Addresses side by side, each whole: several addresses, not one with spaces.
    if (words.length > 1 && words.every((word) => /^[^@]+@[^@]+$/.test(word)))
      return words.map((word) => ({ address: word }));

    return [{ address }];
  });
}

/** Whether a value is plainly an email address (used to spot header-less files). */
export function looksLikeEmail(text: string): boolean {
  return /^\s*[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+\s*$/.test(text);
}

/** Whether a value is plainly a phone number: digits with the usual separators. */
export function looksLikePhone(text: string): boolean {
  return (
    /^\s*\+?[\d\s().\-/]{6,}\s*$/.test(text) &&
    (text.match(/\d/g) ?? []).length >= 6
  );
}

const networkHosts: [RegExp, SocialNetwork][] = [
  [/(^|\.)(twitter\.com|x\.com)$/, 'twitter'],
  [/(^|\.)linkedin\.com$/, 'linkedin'],
  [/(^|\.)(facebook\.com|fb\.com)$/, 'facebook'],
  [/(^|\.)instagram\.com$/, 'instagram'],
  [/(^|\.)(bsky\.app|bsky\.social)$/, 'bluesky'],
  [/(^|\.)(youtube\.com|youtu\.be)$/, 'youtube'],
  [/(^|\.)tiktok\.com$/, 'tiktok'],
  [/(^|\.)(mastodon\.[a-z.]+|mstdn\.[a-z.]+)$/, 'mastodon'],
];

/** A social account or website as the schema takes it. */
export type SocialAccount = {
  network: SocialNetwork;
  handle?: string;
  url?: string;
};

/**
 * Turns a web address into a social account, naming the network from the
 * host (`https://x.com/jdupont` → twitter). Addresses without a scheme get
 * `https://`. Undefined when the text is not a web address.
 *
 * @param text the URL cell or vCard URL
 */
export function socialFromUrl(text: string): SocialAccount | undefined {
  let candidate = text.trim().replace(/\\:/g, ':');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(candidate)) {
    if (!/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(\/\S*)?$/u.test(candidate))
      return undefined;
    candidate = `https://${candidate}`;
  }
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.hostname.toLowerCase();
  const network =
    networkHosts.find(([pattern]) => pattern.test(host))?.[1] ?? 'other';
  const account: SocialAccount = { network, url: candidate };
  const handle = /^\/@?([A-Za-z0-9_.-]+)\/?$/.exec(url.pathname)?.[1];
  if (network !== 'other' && handle) account.handle = handle;

  return account;
}

/**
 * A social account from a cell that may hold a handle (`@jdupont`) or an
 * address (`https://twitter.com/jdupont`).
 *
 * @param text the cell value
 * @param network the network the column is about
 */
export function socialFromCell(
  text: string,
  network: SocialNetwork,
): SocialAccount | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  if (/^(https?:\/\/|www\.)/i.test(value)) {
    const fromUrl = socialFromUrl(value);
    if (fromUrl)
      return fromUrl.network === 'other' ? { ...fromUrl, network } : fromUrl;
  }

  return { network, handle: value.replace(/^@/, '') };
}

/** Network names in vCard X- properties and TYPE parameters. */
export function networkFromName(name: string): SocialNetwork | undefined {
  const key = folded(name).replace(/ /g, '');
  if (key === 'x' || key === 'twitter') return 'twitter';

  return socialNetworks.find((network) => network === key);
}

/**
 * Splits a taxonomy cell into term paths: values are separated by `;`
 * (or `|`, line breaks, Google's ` ::: `), levels by `>`. Categories may
 * also be separated by commas, as vCard and Outlook write them.
 *
 * @param text the cell value
 * @param kind which taxonomy the column feeds
 */
export function splitTerms(
  text: string,
  kind: ImportedTermKind,
): ImportedTerm[] {
  const separator =
    kind === 'category'
      ? /\s*(?:;|\||\n|,| ::: )\s*/
      : /\s*(?:;|\||\n| ::: )\s*/;
  const terms: ImportedTerm[] = [];
  const seen = new Set<string>();
  for (const value of text.split(separator)) {
    // Google marks its own system groups ("* My Contacts") with a star.
    if (value.startsWith('*')) continue;
    const path = value
      .split('>')
      .map((part) => part.trim())
      .filter((part) => part !== '');
    if (path.length === 0) continue;
    const key = path.map(fold).join('>');
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push({ kind, path });
  }

  return terms;
}

/**
 * Splits a display name into first and last name: `Dupont, Jean` is
 * surname first, otherwise the last word is the surname.
 *
 * @param text a display name (vCard FN, a "Name" column)
 */
export function splitDisplayName(text: string): {
  firstName?: string;
  lastName?: string;
} {
  const value = text.trim().replace(/\s+/g, ' ');
  if (value === '') return {};
  const comma = /^([^,]+),\s*([^,]+)$/.exec(value);
  if (comma) return { lastName: comma[1]?.trim(), firstName: comma[2]?.trim() };
  const words = value.split(' ');
  if (words.length === 1) return { firstName: value };

  return {
    firstName: words.slice(0, -1).join(' '),
    lastName: words[words.length - 1],
  };
}
