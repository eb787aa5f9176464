/**
 * Reads the signature block of an e-mail: phones, job function,
 * organisation, website, postal address and social accounts, each with how
 * sure the reading is and the line of the body it came from. The quoted
 * message, the mail app's footer and the legal disclaimer are never read as
 * the signature.
 */
import { fold } from '../../platform/text/fold.ts';
import { splitName, type NameGuess } from './display-name.ts';
import { htmlToText } from './html-text.ts';
import { newMessageLines } from './message-text.ts';
import { oneOf, pattern } from './patterns.ts';
import {
  isDepartment,
  isFunction,
  isStreet,
  looksLikeOrganisation,
  readLinks,
  readPhones,
  readPostal,
  withoutPhones,
  type FoundAddress,
  type FoundPhone,
  type FoundSocial,
} from './signature-parts.ts';

export type { FoundAddress, FoundPhone, FoundSocial, NameGuess };

/** A value read from the body: how sure (0 to 1), and where. */
export type Located<T> = {
  value: T;
  confidence: number;
  /** The 1-based line of the body (of its text, for an HTML body). */
  line: number;
  /** That line as it reads. */
  text: string;
};

export type SignatureReading = {
  /** The lines read as the signature, or null when none was found. */
  block: { firstLine: number; lastLine: number } | null;
  name: NameGuess | null;
  phones: Located<FoundPhone>[];
  function: Located<string> | null;
  department: Located<string> | null;
  organisation: Located<string> | null;
  website: Located<string> | null;
  address: Located<FoundAddress> | null;
  socials: Located<FoundSocial>[];
  emails: Located<string>[];
};

export type EmailToRead = {
  displayName?: string | null;
  address?: string | null;
  body: string;
  bodyType: 'text' | 'html';
};

type Line = { text: string; line: number };

// The closing words above a signature, French first.
const valediction = pattern(
  `^${oneOf([
    '(?:(?:bien|tr[eè]s)\\s+)?(?:cordialement|amicalement|sinc[eè]rement|confraternellement)',
    '(?:bien|tr[eè]s bien)\\s+[àa]\\s+(?:vous|toi)',
    '[àa] (?:vous|toi|bient[oô]t)',
    'bonne (?:journ[ée]e|soir[ée]e|fin de journ[ée]e|semaine|continuation)',
    'belle journ[ée]e',
    "(?:merci|thanks|thank you)(?:\\s+(?:beaucoup|d['’]avance|par avance|encore|[àa] vous))?",
    '(?:sinc[eè]res |meilleures |mes )?salutations',
    '(?:best|kind|warm)?\\s*regards',
    'best',
    'cheers',
    'bises',
    'amiti[ée]s',
  ])}`,
);

const isValediction = (text: string) =>
  text.length <= 60 && valediction.test(text.trim().replace(/[,.!]+$/, ''));

/** Whether a line reads like prose rather than a signature line. */
const isProse = (text: string) =>
  text.length > 100 ||
  (/[.?!:]$/.test(text.trim()) && text.split(/\s+/).length >= 9);

/** The lines of the signature block, found from the end of the new text. */
function signatureBlock(lines: Line[]): Line[] {
  const delimiter = lines.findLastIndex((l) => /^--\s*$/.test(l.text));
  if (delimiter >= 0) return lines.slice(delimiter + 1, delimiter + 16);
  const tail = Math.max(0, lines.length - 20);
  const closing = lines.findLastIndex(
    (l, index) => index >= tail && isValediction(l.text),
  );
  if (closing >= 0) return lines.slice(closing + 1, closing + 16);
  // No delimiter and no closing words: the last short lines, up to prose.
  let start = lines.length;
  let blanks = 0;
  while (start > 0 && lines.length - start < 15) {
    const text = (lines[start - 1] as Line).text;
    if (text.trim() === '') {
      if (++blanks > 1) break;
    } else if (isProse(text)) break;
    start--;
  }

  return start === 0 ? [] : lines.slice(start);
}

/** Pieces of a line: signatures put several fields on one ("Tél. … | Fax …"). */
const piecesOf = (text: string) =>
  text
    .split(/\s+[|•·/]\s+|\s+[–—]\s+(?=\S*\s*:)|\t/)
    .map((piece) => piece.trim())
    .filter(Boolean);

function located<T>(value: T, confidence: number, from: Line): Located<T> {
  return { value, confidence, line: from.line, text: from.text };
}

const compact = (text: string) => fold(text).replace(/[^a-z0-9]/g, '');

/** Whether a piece is the sender's own name, as the display name gives it. */
function isOwnName(piece: string, name: NameGuess | null): boolean {
  if (!name?.lastName) return false;
  const folded = compact(piece);
  const last = compact(name.lastName);
  const first = compact(name.firstName ?? '');

  return (
    folded === `${first}${last}` ||
    folded === `${last}${first}` ||
    (folded.length <= last.length + first.length + 4 &&
      folded.includes(last) &&
      piece.split(/\s+/).length <= 4)
  );
}

/** Words that look like a person's name: 2 to 4 capitalised words. */
const looksLikeName = (piece: string) =>
  /^(?:\p{Lu}[\p{L}'’-]*\.?\s+){1,3}\p{Lu}[\p{L}'’-]*$/u.test(piece);

const jobSplit = /\s+(?:chez|at|@|au sein de|pour)\s+|\s+[-–—|,]\s+/i;

const longestLine = 200;

/** Reads the signature of an e-mail, and the sender's name. */
export function readSignature(email: EmailToRead): SignatureReading {
  const text = email.bodyType === 'html' ? htmlToText(email.body) : email.body;
  const block = signatureBlock(newMessageLines(text)).filter(
    (l) => l.text.trim() !== '',
  );
  const displayName = splitName(email.displayName, email.address);
  const reading: SignatureReading = {
    block: block.length
      ? {
          firstLine: (block[0] as Line).line,
          lastLine: (block[block.length - 1] as Line).line,
        }
      : null,
    name: displayName,
    phones: [],
    function: null,
    department: null,
    organisation: null,
    website: null,
    address: null,
    socials: [],
    emails: [],
  };
  const words: { piece: string; from: Line }[] = [];
  let pendingStreet: { piece: string; from: Line } | null = null;

  for (const from of block) {
    // Signature lines are short; a long one is text, and is left unread
    // (which also keeps the readers' patterns linear on any body).
    if (from.text.length > longestLine) continue;
    for (const piece of piecesOf(from.text)) {
      const phones = readPhones(piece);
      for (const { phone, labelled } of phones) {
        reading.phones.push(located(phone, labelled ? 0.95 : 0.75, from));
      }
      const links = readLinks(phones.length ? withoutPhones(piece) : piece);
      for (const url of links.websites) {
        reading.website ??= located(url, 0.85, from);
      }
      for (const { social, confidence } of links.socials) {
        reading.socials.push(located(social, confidence, from));
      }
      for (const address of links.emails) {
        reading.emails.push(located(address, 0.9, from));
      }
      const rest = links.rest.replace(/^[\s:–—-]+|[\s:,–—-]+$/g, '');
      if (!rest || !/\p{L}{2}/u.test(rest)) continue;
      const postal = readPostal(rest);
      if (postal && !reading.address) {
        const street = postal.street ?? pendingStreet?.piece ?? null;
        reading.address = located(
          { ...postal, street },
          street ? 0.9 : 0.75,
          from,
        );
        pendingStreet = null;
        continue;
      }
      if (isStreet(rest)) {
        pendingStreet = { piece: rest, from };
        continue;
      }
      words.push({ piece: rest, from });
    }
  }
  readWords(reading, words, displayName, email.address);
  if (!reading.name && block.length) nameFromBlock(reading, words);

  return reading;
}

/** Function, department and organisation among the lines left. */
function readWords(
  reading: SignatureReading,
  words: { piece: string; from: Line }[],
  name: NameGuess | null,
  address: string | null | undefined,
): void {
  const domain = compact(
    address?.split('@')[1]?.split('.').slice(-2, -1)[0] ?? '',
  );
  let afterFunction = false;
  for (const { piece, from } of words) {
    if (isOwnName(piece, name) || isValediction(piece)) continue;
    if (!reading.function && isFunction(piece)) {
      const [job, ...others] = piece.split(jobSplit);
      const other = others.join(' – ').trim();
      reading.function = located((job as string).trim(), 0.85, from);
      if (other && isDepartment(other)) {
        reading.department = located(other, 0.8, from);
      } else if (other && !isFunction(other)) {
        reading.organisation ??= located(other, 0.7, from);
      }
      afterFunction = true;
      continue;
    }
    if (!reading.department && isDepartment(piece) && piece.length <= 80) {
      reading.department = located(piece, 0.75, from);
      continue;
    }
    if (reading.organisation || piece.length > 80 || isProse(piece)) continue;
    const known = looksLikeOrganisation(piece);
    const sameDomain =
      domain.length >= 4 &&
      (compact(piece).includes(domain) || domain.includes(compact(piece)));
    if (!known && !sameDomain && !afterFunction) continue;
    if (!known && !sameDomain && looksLikeName(piece) && !reading.function)
      continue;
    const confidence = sameDomain ? 0.9 : known ? 0.75 : 0.5;
    reading.organisation = located(piece, confidence, from);
  }
}

/** Without a display name, the first name-like line of the block. */
function nameFromBlock(
  reading: SignatureReading,
  words: { piece: string; from: Line }[],
): void {
  const line = words.find(
    ({ piece }) =>
      looksLikeName(piece) &&
      !isFunction(piece) &&
      !looksLikeOrganisation(piece),
  );
  if (!line) return;
  const guess = splitName(line.piece, null);
  if (guess) {
    reading.name = {
      ...guess,
      confidence: guess.confidence * 0.8,
      from: 'signature',
    };
  }
}
