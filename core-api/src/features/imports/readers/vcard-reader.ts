import ICAL from 'ical.js';
import type { ByteSource } from './byte-source.ts';
import { finaliseDraft } from './contact-draft.ts';
import { contactRow, ImportFileError, issueRow } from './read-types.ts';
import type { FieldIssue, ReadRow } from './read-types.ts';
import {
  cardProperties,
  draftFromProperties,
  isJcardProperty,
} from './vcard-mapping.ts';
import type { JcardProperty } from './vcard-mapping.ts';
import {
  normaliseCard,
  physicalLines,
  splitCards,
} from './vcard-normaliser.ts';
import type { RawCard } from './vcard-normaliser.ts';

/**
 * Parses a normalised card with ical.js. If the card as a whole fails,
 * each property is tried alone, so one odd property costs only itself.
 */
function parseCard(
  text: string,
  version: string,
  issues: FieldIssue[],
): JcardProperty[] {
  try {
    return cardProperties(ICAL.parse(text));
  } catch {
    // Fall through: find the properties that ical.js cannot read.
  }
  const properties: JcardProperty[] = [];
  const lines = text.split('\r\n').slice(2, -2);
  for (const line of lines) {
    try {
      const alone = `BEGIN:VCARD\r\nVERSION:${version}\r\n${line}\r\nEND:VCARD\r\n`;
      const card: unknown = ICAL.parse(alone);
      properties.push(
        ...cardProperties(card).filter((p) => p[0] !== 'version'),
      );
    } catch {
      const name = line.split(/[;:]/)[0] ?? '';
      issues.push({
        field: name,
        reason: `propriété ${name} illisible (ignorée)`,
        reasonEn: `unreadable ${name} property (ignored)`,
      });
    }
  }

  return properties.filter(isJcardProperty);
}

function* readCard(card: RawCard): Generator<ReadRow> {
  const place = { line: card.line };
  if (card.malformedBegin) {
    const noVersion = !card.lines.some((l) =>
      /^version\s*:/i.test(l.text.trim()),
    );
    yield issueRow(place, {
      reason:
        `début de fiche incorrect « ${card.malformedBegin} » au lieu de « BEGIN:VCARD »` +
        `${noVersion ? ', sans VERSION' : ''} : fiche ignorée`,
      reasonEn:
        `malformed card start "${card.malformedBegin}" instead of "BEGIN:VCARD"` +
        `${noVersion ? ', no VERSION' : ''}: card skipped`,
    });

    return;
  }
  const normalised = normaliseCard(card);
  const issues = [...normalised.issues];
  if (card.unterminated) {
    issues.push({
      reason:
        'fiche sans « END:VCARD » : lue jusqu’à la fiche suivante ou la fin du fichier',
      reasonEn:
        'card without "END:VCARD": read up to the next card or the end of the file',
    });
  }
  const version = normalised.version === '4.0' ? '4.0' : '3.0';
  const properties = parseCard(normalised.text, version, issues);
  const draft = draftFromProperties(properties, normalised.labels);
  draft.hasData = true;
  draft.issues.unshift(...issues);
  const result = finaliseDraft(draft);
  if (result.contact) yield contactRow(place, result.contact);
  for (const issue of result.issues) yield issueRow(place, issue);
}

/**
 * Reads a vCard 2.1, 3.0 or 4.0 file, card by card: each card is
 * normalised (quoted-printable, charsets, 2.1 parameters) then parsed by
 * ical.js on its own, so a broken card is reported with its line and
 * never costs the others.
 *
 * @param source the file
 */
export async function* readVcard(source: ByteSource): AsyncGenerator<ReadRow> {
  const head = await source.head();
  let cards = 0;
  const lines = physicalLines(source.chunks(), head, source.fileName);
  for await (const item of splitCards(lines)) {
    if ('stray' in item) {
      yield issueRow(
        { line: item.line },
        {
          reason: 'texte hors d’une fiche vCard (ignoré)',
          reasonEn: 'text outside a vCard (ignored)',
        },
      );
      continue;
    }
    cards++;
    yield* readCard(item);
  }
  if (cards === 0) {
    throw new ImportFileError(
      source.fileName,
      'aucune fiche vCard (BEGIN:VCARD) dans ce fichier',
      'no vCard (BEGIN:VCARD) in this file',
    );
  }
}
