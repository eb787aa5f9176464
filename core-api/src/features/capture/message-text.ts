/**
 * The part of an e-mail its sender just wrote: the quoted message below a
 * reply, the "Envoyé de mon iPhone" lines and the legal disclaimers are
 * left out, so a signature is looked for only where the sender put one.
 */
import { oneOf, pattern } from './patterns.ts';

/** Invisible characters mail clients leave in text (zero-width spaces, BOM). */
const invisible = /[\u200b-\u200d\u2060\ufeff]/g;

/** Lines cleaned of invisible characters, tabs and trailing spaces. */
export function textLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(invisible, '')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/\t/g, ' ').replace(/\s+$/, ''));
}

// A reply's attribution line, in the languages the base's senders write:
// "Le 3 avr. 2012 à 16:19, Bob <bob@…> a écrit :", "On …, Bob wrote:".
const attribution =
  /^\s*(?:-\s*)?(?:le\s.+\s(?:a\s+)?écrit\s*:?|on\s.+\swrote\s*:?)\s*$/i;
const separators = [
  pattern(
    `^\\s*-{2,}\\s*${oneOf([
      'original message',
      "message d['’]origine",
      'message original',
      'forwarded message',
      'message transféré',
    ])}\\s*-{2,}\\s*$`,
  ),
  /^\s*_{10,}\s*$/,
  /^\s*={10,}\s*$/,
  /^\s*-{5,}\s*$/,
];
// The header block a client writes above the message it quotes.
const headerField =
  /^\s*(?:de|from|envoyé(?: le)?|sent|date|à|a|to|cc|objet|subject|sujet|message du)\s*:/i;

/** Whether a quoted header block (De : / Envoyé : / À : / Objet :) starts here. */
function startsHeaderBlock(lines: string[], index: number): boolean {
  if (!/^\s*(?:de|from|message du)\s*:/i.test(lines[index] ?? '')) return false;
  let fields = 1;
  for (let next = index + 1; next < lines.length && next <= index + 5; next++) {
    if (headerField.test(lines[next] ?? '')) fields++;
  }

  return fields >= 3;
}

/** Whether an attribution line starts here, possibly wrapped over three lines. */
function startsAttribution(lines: string[], index: number): boolean {
  const line = lines[index] ?? '';
  if (!/^\s*(?:-\s*)?(?:le|on)\s/i.test(line)) return false;
  for (let span = 1; span <= 3; span++) {
    const joined = lines.slice(index, index + span).join(' ');
    if (attribution.test(joined)) return true;
  }

  return false;
}

/** The index of the first line of the quoted message, or the line count. */
export function quoteStart(lines: string[]): number {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (/^\s*>/.test(line)) return index;
    if (startsAttribution(lines, index)) return index;
    if (startsHeaderBlock(lines, index)) return index;
    if (separators.some((separator) => separator.test(line))) {
      // A bare rule is a quote only when a header block follows it.
      const header = lines
        .slice(index + 1, index + 4)
        .findIndex((_, offset) => startsHeaderBlock(lines, index + 1 + offset));
      if (!/^\s*[-_=]+\s*$/.test(line) || header >= 0) return index;
    }
  }

  return lines.length;
}

/** The lines a mail app adds on its own below what was typed. */
export const appFooter = pattern(
  `^\\s*${oneOf(['envoyé', 'envoye', 'sent', 'get', 'obtenez', 'téléchargez'])}` +
    `\\s+${oneOf('de depuis from with avec pour outlook my mon ma'.split(' '))}\\b.*$`,
);

// Where the legal small print starts: everything from there on is noise.
const disclaimer = pattern(
  `^\\s*(?:\\*+\\s*)?${oneOf([
    'ce (?:message|courriel|e-?mail|mail)\\b.*(?:confidenti|destin|exclusive)',
    'les informations contenues',
    'avertissement\\s*:',
    'disclaimer',
    'confidentiality notice',
    'this (?:e-?mail|message)\\b.*(?:confidential|intended)',
    "pensez à l['’]environnement",
    "avant d['’]imprimer",
    'please consider the environment',
    "afin de contribuer au respect de l['’]environnement",
  ])}`,
);

/**
 * The lines the sender wrote in this message, as `{ text, line }` where
 * `line` is the 1-based line number in the body as given.
 */
export function newMessageLines(
  text: string,
): { text: string; line: number }[] {
  const lines = textLines(text);
  const end = quoteStart(lines);
  const kept: { text: string; line: number }[] = [];
  for (let index = 0; index < end; index++) {
    const line = lines[index] as string;
    if (disclaimer.test(line)) break;
    if (appFooter.test(line) && line.length < 80) continue;
    kept.push({ text: line, line: index + 1 });
  }
  while (kept.length > 0 && kept[kept.length - 1]?.text.trim() === '') {
    kept.pop();
  }

  return kept;
}
