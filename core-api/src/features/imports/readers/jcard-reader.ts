import { readAll } from './byte-source.ts';
import type { ByteSource } from './byte-source.ts';
import { finaliseDraft } from './contact-draft.ts';
import { contactRow, ImportFileError, issueRow } from './read-types.ts';
import type { ReadRow } from './read-types.ts';
import { createDecoder, sniffEncoding } from './text-encoding.ts';
import { cardProperties, draftFromProperties } from './vcard-mapping.ts';

/** jCard files are parsed whole: larger than this, they are refused. */
const MAX_JCARD_BYTES = 50_000_000;

/** Decodes a whole file's text with its detected encoding. */
export function decodeAll(bytes: Buffer): string {
  const decoder = createDecoder(sniffEncoding(bytes.subarray(0, 65536)));

  return decoder.write(bytes) + decoder.end();
}

/** The lines on which each `"vcard"` component starts, in order, for issue locations. */
function cardLines(text: string): number[] {
  const lines: number[] = [];
  const pattern = /\[\s*"vcard"/gi;
  let line = 1;
  let last = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    for (let i = last; i < match.index; i++)
      if (text.charCodeAt(i) === 10) line++;
    last = match.index;
    lines.push(line);
  }

  return lines;
}

/**
 * Reads a jCard file (RFC 7095): one `["vcard", [...]]` component or an
 * array of them. Each card goes through ical.js and the vCard mapping.
 *
 * @param source the file
 */
export async function* readJcard(source: ByteSource): AsyncGenerator<ReadRow> {
  const text = decodeAll(await readAll(source, MAX_JCARD_BYTES));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ImportFileError(
      source.fileName,
      'JSON illisible : ce n’est pas un fichier jCard',
      'unreadable JSON: this is not a jCard file',
    );
  }
  const isCard = (value: unknown): boolean =>
    Array.isArray(value) &&
    typeof value[0] === 'string' &&
    value[0].toLowerCase() === 'vcard';
  const cards: unknown[] = isCard(json)
    ? [json]
    : Array.isArray(json)
      ? json.filter(isCard)
      : [];
  if (cards.length === 0) {
    throw new ImportFileError(
      source.fileName,
      'aucune fiche jCard (["vcard", …]) dans ce fichier',
      'no jCard (["vcard", …]) in this file',
    );
  }
  const lines = cardLines(text);
  yield* rowsOfCards(
    'jCard',
    cards.map((card, index) => ({
      line: lines[index] ?? index + 1,
      jcard: () => card,
    })),
  );
}

/**
 * Turns parsed jCard components (from a jCard or an xCard file) into rows:
 * a card that cannot be read is reported on its line and skipped.
 *
 * @param format the file format named in the messages
 * @param cards each card's line and a function giving its jCard form
 */
export function* rowsOfCards(
  format: 'jCard' | 'xCard',
  cards: Iterable<{ line: number; jcard: () => unknown }>,
): Generator<ReadRow> {
  for (const card of cards) {
    const place = { line: card.line };
    let draft;
    try {
      draft = draftFromProperties(cardProperties(card.jcard()));
    } catch {
      yield issueRow(place, {
        reason: `fiche ${format} illisible (ignorée)`,
        reasonEn: `unreadable ${format} card (skipped)`,
      });
      continue;
    }
    draft.hasData = true;
    const result = finaliseDraft(draft);
    if (result.contact) yield contactRow(place, result.contact);
    for (const issue of result.issues) yield issueRow(place, issue);
  }
}
