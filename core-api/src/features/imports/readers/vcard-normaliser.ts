import iconv from 'iconv-lite';
import { ImportFileError } from './read-types.ts';
import type { FieldIssue } from './read-types.ts';
import { decodeWithCharset, utf16ByNulPattern } from './text-encoding.ts';

/** A physical line of the file, as a binary string (one char per byte), with its number. */
export type SourceLine = { line: number; text: string };

/** One BEGIN…END block of a vCard file, still raw. */
export type RawCard = {
  line: number;
  lines: SourceLine[];
  /** The BEGIN line when it was not exactly `BEGIN:VCARD` (Monica's `BEGIN:VCAR`). */
  malformedBegin?: string;
  /** The file or the next card started before this one's END:VCARD. */
  unterminated?: boolean;
};

/** What the file held between cards, when it was not blank. */
export type StrayText = { line: number; stray: true };

/** A card rewritten for ical.js: clean UTF-8 vCard 3.0 or 4.0 text, plus what it lost. */
export type NormalisedCard = {
  text: string;
  version: string;
  /** Apple's `itemN.X-ABLabel` values by group name, lower-cased. */
  labels: Map<string, string>;
  issues: FieldIssue[];
};

/** A physical line longer than this is not vCard text. */
const MAX_LINE_CHARS = 16_000_000;

/** A card longer than this (in lines) is not a person's card. */
const MAX_CARD_LINES = 100_000;

/**
 * Properties Relais reads. Everything else (PHOTO, LOGO, KEY, SOUND, GEO,
 * AGENT, X-MS-OL-DESIGN…) is dropped before ical.js sees it, so an odd
 * photo or key never costs the card.
 */
const KEPT = new Set([
  'N',
  'FN',
  'NICKNAME',
  'ORG',
  'TITLE',
  'ROLE',
  'TEL',
  'EMAIL',
  'ADR',
  'BDAY',
  'CATEGORIES',
  'NOTE',
  'URL',
  'UID',
  'KIND',
  'X-SOCIALPROFILE',
  'X-TWITTER',
  'X-LINKEDIN',
  'X-FACEBOOK',
  'X-INSTAGRAM',
  'X-MASTODON',
  'X-BLUESKY',
  'X-DEPARTMENT',
  'X-ABSHOWAS',
]);

const STRUCTURED = new Set(['N', 'ADR', 'ORG']);
const VALUE_TYPES = new Set([
  'text',
  'uri',
  'date',
  'date-time',
  'date-and-or-time',
  'timestamp',
]);
const BARE_ENCODINGS = new Set([
  'QUOTED-PRINTABLE',
  'BASE64',
  'B',
  '8BIT',
  '7BIT',
]);

/**
 * Turns byte chunks into physical lines. vCard values carry their own
 * charset, so lines stay binary strings (one char per byte) until each
 * value is decoded. UTF-16 files (with or without BOM) are converted to
 * UTF-8 first. CRLF, LF, CR and Outlook's CR CR LF all end lines.
 *
 * @param chunks the file's bytes
 * @param head the first bytes, to detect UTF-16
 * @param fileName for error messages
 */
export async function* physicalLines(
  chunks: AsyncIterable<Buffer>,
  head: Buffer,
  fileName: string,
): AsyncGenerator<SourceLine> {
  let utf16: 'utf-16le' | 'utf-16be' | null = null;
  if (head[0] === 0xff && head[1] === 0xfe) utf16 = 'utf-16le';
  else if (head[0] === 0xfe && head[1] === 0xff) utf16 = 'utf-16be';
  else utf16 = utf16ByNulPattern(head);
  const decoder = utf16 ? iconv.getDecoder(utf16, { stripBOM: true }) : null;

  let pending = '';
  let line = 1;
  let first = true;
  const emit = function* (complete: string): Generator<SourceLine> {
    const parts = complete.split(/\r*\n|\r/);
    for (const text of parts) yield { line: line++, text };
  };

  for await (const chunk of chunks) {
    let text = decoder
      ? Buffer.from(decoder.write(chunk), 'utf8').toString('latin1')
      : chunk.toString('latin1');
    if (first) {
      first = false;
      text = text.replace(/^\xef\xbb\xbf/, '');
    }
    // Only the new text is searched, so a huge line costs linear time.
    const start = pending.length;
    pending += text;
    let cut = text.lastIndexOf('\n');
    if (cut < 0 && text.length >= 2)
      cut = text.lastIndexOf('\r', text.length - 2);
    if (cut >= 0) cut += start;
    if (cut >= 0) {
      // A CR just before the cut belongs to the same line end: keep them together.
      yield* emit(pending.slice(0, cut + 1).replace(/(\r*\n|\r)$/, ''));
      pending = pending.slice(cut + 1);
    }
    if (pending.length > MAX_LINE_CHARS) {
      throw new ImportFileError(
        fileName,
        `ligne ${line} trop longue : ce n'est pas un fichier vCard`,
        `line ${line} is too long: this is not a vCard file`,
      );
    }
  }
  if (decoder)
    pending += Buffer.from(decoder.end() ?? '', 'utf8').toString('latin1');
  if (pending !== '') yield* emit(pending.replace(/\r+$/, ''));
}

/**
 * Groups lines into cards. A line starting `BEGIN:VCAR` opens a card even
 * when misspelt (the card is then refused with an issue rather than its
 * lines being taken for another card's); a BEGIN before the previous
 * card's END closes that one.
 *
 * @param lines the file's lines
 */
export async function* splitCards(
  lines: AsyncIterable<SourceLine>,
): AsyncGenerator<RawCard | StrayText> {
  let current: RawCard | null = null;
  let strayReported = false;
  for await (const { line, text } of lines) {
    const trimmed = text.trim();
    const begin = /^begin\s*:\s*vcar/i.test(trimmed);
    if (current === null) {
      if (trimmed === '') continue;
      if (begin) {
        current = { line, lines: [] };
        if (!/^begin\s*:\s*vcard$/i.test(trimmed))
          current.malformedBegin = trimmed.slice(0, 40);
        strayReported = false;
      } else if (!strayReported) {
        strayReported = true;
        yield { line, stray: true };
      }
      continue;
    }
    if (/^end\s*:\s*vcard$/i.test(trimmed)) {
      yield current;
      current = null;
    } else if (begin) {
      yield { ...current, unterminated: true };
      current = { line, lines: [] };
      if (!/^begin\s*:\s*vcard$/i.test(trimmed))
        current.malformedBegin = trimmed.slice(0, 40);
    } else if (current.lines.length < MAX_CARD_LINES) {
      current.lines.push({ line, text });
    }
  }
  if (current) yield { ...current, unterminated: true };
}

type Property = {
  line: number;
  group?: string;
  name: string;
  params: Map<string, string[]>;
  value: string;
};

/** Splits at a separator outside double quotes. */
function splitOutsideQuotes(
  text: string,
  separator: string,
  limit = Number.POSITIVE_INFINITY,
): string[] {
  const parts: string[] = [];
  let inQuote = false;
  let start = 0;
  for (let i = 0; i < text.length && parts.length < limit - 1; i++) {
    const char = text[i];
    if (char === '"') inQuote = !inQuote;
    else if (char === separator && !inQuote) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));

  return parts;
}

function parsePropertyLine(line: number, text: string): Property | null {
  const colon = splitOutsideQuotes(text, ':', 2);
  if (colon.length < 2) return null;
  const [nameAndParams = '', value = ''] = colon;
  const [rawName = '', ...rawParams] = splitOutsideQuotes(nameAndParams, ';');
  const dot = rawName.lastIndexOf('.');
  const property: Property = {
    line,
    name: rawName
      .slice(dot + 1)
      .trim()
      .toUpperCase(),
    params: new Map(),
    value,
  };
  if (dot > 0) property.group = rawName.slice(0, dot).trim();
  for (const raw of rawParams) {
    const equals = raw.indexOf('=');
    // vCard 2.1 writes bare parameters: TEL;CELL;PREF, PHOTO;JPEG;ENCODING=BASE64.
    const key =
      equals < 0
        ? BARE_ENCODINGS.has(raw.trim().toUpperCase())
          ? 'ENCODING'
          : 'TYPE'
        : raw.slice(0, equals).trim().toUpperCase();
    const rawValue = equals < 0 ? raw : raw.slice(equals + 1);
    const values = splitOutsideQuotes(rawValue, ',').map((v) =>
      v.trim().replace(/^"|"$/g, ''),
    );
    property.params.set(key, [...(property.params.get(key) ?? []), ...values]);
  }

  return property;
}

const param = (property: Property, key: string): string | undefined =>
  property.params.get(key)?.[0]?.toUpperCase();

const isQuotedPrintable = (property: Property): boolean =>
  param(property, 'ENCODING') === 'QUOTED-PRINTABLE';

/** Quoted-printable to bytes; a stray `=` that starts no escape is kept as is. */
function decodeQuotedPrintable(binary: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < binary.length; i++) {
    const char = binary[i];
    const hex = binary.slice(i + 1, i + 3);
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(binary.charCodeAt(i) & 0xff);
    }
  }

  return Buffer.from(bytes);
}

/** Escapes text for a vCard 3.0 value (backslash, comma, semicolon, line breaks). */
function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * vCard 2.1 escapes little: `\;` inside compound values, and some writers
 * also `\\` and `\,`. Those are read as the plain characters.
 */
const unescape21 = (text: string): string => text.replace(/\\([\\;,])/g, '$1');

/** vCard 2.1 structured values: `;` separates components unless written `\;`. */
function escapeStructured21(text: string): string {
  return text
    .split(/(?<!\\);/)
    .map((component) => escapeText(unescape21(component)))
    .join(';');
}

function sanitiseToken(value: string): string {
  return value.replace(/[^A-Za-z0-9-]/g, '');
}

function renderParams(property: Property, version: string): string {
  let out = '';
  const types = (property.params.get('TYPE') ?? [])
    .flatMap((t) => t.split(','))
    .map((t) => sanitiseToken(t).toLowerCase())
    .filter((t) => t !== '' && t !== 'internet' && t !== 'x400');
  if (types.length > 0) out += `;TYPE=${[...new Set(types)].join(',')}`;
  const pref = param(property, 'PREF');
  if (pref && /^\d{1,3}$/.test(pref)) out += `;PREF=${pref}`;
  const valueType = param(property, 'VALUE')?.toLowerCase();
  if (valueType && VALUE_TYPES.has(valueType) && version === '4.0')
    out += `;VALUE=${valueType}`;

  return out;
}

function cleanLabel(text: string): string {
  // Apple wraps its built-in labels: _$!<HomePage>!$_
  return text
    .replace(/^_\$!<(.*)>!\$_$/, '$1')
    .trim()
    .toLowerCase();
}

function guessVersion(lines: SourceLine[]): string {
  const declared = lines.find((l) => /^version\s*:/i.test(l.text.trim()));
  const value = declared?.text.split(':')[1]?.trim();
  if (value === '2.1' || value === '3.0' || value === '4.0') return value;
  const looks21 = lines.some((l) =>
    /^[^:]*;(quoted-printable|cell|work|home|pref|voice|fax)[;:]/i.test(l.text),
  );

  return looks21 ? '2.1' : '3.0';
}

/** Joins folded and soft-broken lines into logical properties. */
function logicalProperties(lines: SourceLine[], version: string): Property[] {
  const properties: Property[] = [];
  let current: Property | null = null;
  for (const { line, text } of lines) {
    if (current && isQuotedPrintable(current) && current.value.endsWith('=')) {
      // QUOTED-PRINTABLE soft line break: the value continues on the next line as is.
      current.value = current.value.slice(0, -1) + text;
      continue;
    }
    if (text.trim() === '') {
      current = null;
      continue;
    }
    if (/^[ \t]/.test(text)) {
      // 2.1 folds before existing white space, 3.0 and 4.0 add one.
      if (current) current.value += version === '2.1' ? text : text.slice(1);
      continue;
    }
    const property = parsePropertyLine(line, text);
    if (property) {
      properties.push(property);
      current = property;
    } else if (current) {
      // Unindented continuation (some 2.1 exporters' base64).
      current.value += text;
    }
  }

  return properties;
}

/**
 * Rewrites one raw card as clean UTF-8 vCard text ical.js can parse:
 * quoted-printable and declared charsets decoded (UTF-8 guessed, else
 * Windows-1252), 2.1 bare parameters turned into TYPE=, 2.1 values
 * escaped the 3.0 way, and only the properties Relais reads kept.
 * Apple's item-group labels are returned beside the text.
 *
 * @param card the raw card
 */
export function normaliseCard(card: RawCard): NormalisedCard {
  const issues: FieldIssue[] = [];
  const version = guessVersion(card.lines);
  const declared = card.lines.some((l) => /^version\s*:/i.test(l.text.trim()));
  if (!declared) {
    issues.push({
      field: 'VERSION',
      reason: `fiche sans VERSION, lue comme vCard ${version}`,
      reasonEn: `card without VERSION, read as vCard ${version}`,
    });
  }
  const labels = new Map<string, string>();
  const out: string[] = [];
  for (const property of logicalProperties(card.lines, version)) {
    const encoding = param(property, 'ENCODING');
    if (encoding === 'BASE64' || encoding === 'B') continue;
    const qp = encoding === 'QUOTED-PRINTABLE';
    const bytes = qp
      ? decodeQuotedPrintable(property.value)
      : Buffer.from(property.value, 'latin1');
    const charset = property.params.get('CHARSET')?.[0];
    const text = decodeWithCharset(bytes, charset);
    if (property.name === 'X-ABLABEL' && property.group) {
      labels.set(property.group.toLowerCase(), cleanLabel(text));
      continue;
    }
    if (!KEPT.has(property.name) || text.trim() === '') continue;

    let value: string;
    if (version === '2.1') {
      if (STRUCTURED.has(property.name)) value = escapeStructured21(text);
      else if (property.name === 'CATEGORIES') {
        value = text
          .split(',')
          .map((c) => escapeText(unescape21(c)))
          .join(',');
      } else value = escapeText(unescape21(text));
    } else {
      value = text.replace(/\r\n|\r|\n/g, '\\n');
    }
    const group = property.group ? sanitiseToken(property.group) : '';
    const params = renderParams(property, version);
    out.push(`${group ? `${group}.` : ''}${property.name}${params}:${value}`);
  }
  const outVersion = version === '4.0' ? '4.0' : '3.0';
  const text = [
    'BEGIN:VCARD',
    `VERSION:${outVersion}`,
    ...out,
    'END:VCARD',
    '',
  ].join('\r\n');

  return { text, version, labels, issues };
}
