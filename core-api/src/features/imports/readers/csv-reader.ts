import type { ByteSource } from './byte-source.ts';
import { DELIMITERS, splitRecords } from './csv-records.ts';
import type { RawRecord } from './csv-records.ts';
import { ImportFileError } from './read-types.ts';
import type { FieldIssue, ReadOptions, ReadRow } from './read-types.ts';
import { readTable } from './table-reader.ts';
import type { TableRow } from './table-reader.ts';
import {
  createDecoder,
  decodeChunks,
  looksBinary,
  sniffEncoding,
} from './text-encoding.ts';

/** Records looked at to choose the delimiter. */
const SNIFF_RECORDS = 50;

/** More columns than any address-book export has. */
export const MAX_COLUMNS = 20_000;

/**
 * Splits one record into fields: quoted fields may hold delimiters, line
 * breaks and doubled quotes; text after a closing quote is kept.
 *
 * @param text the record
 * @param delimiter the field separator
 */
export function parseFields(
  text: string,
  delimiter: string,
  fileName = '',
): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (fields.length >= MAX_COLUMNS) {
      throw new ImportFileError(
        fileName,
        `plus de ${MAX_COLUMNS} colonnes : ce n'est pas une liste de contacts`,
        `more than ${MAX_COLUMNS} columns: this is not a contact list`,
      );
    }
    let value = '';
    if (text[i] === '"') {
      i++;
      while (i < text.length) {
        const quote = text.indexOf('"', i);
        if (quote < 0) {
          value += text.slice(i);
          i = text.length;
          break;
        }
        value += text.slice(i, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
    }
    const end = text.indexOf(delimiter, i);
    value += end < 0 ? text.slice(i) : text.slice(i, end);
    fields.push(value);
    if (end < 0) return fields;
    i = end + 1;
  }
}

/**
 * Chooses the delimiter that splits the most records, most consistently,
 * into the most fields. Records are counted one by one, so a file whose
 * first line uses commas and the rest TABs still picks TAB.
 *
 * @param records the first records of the file
 * @param fileName the file's name, for a refusal (too many columns)
 */
export function sniffDelimiter(
  records: readonly string[],
  fileName = '',
): string {
  let best: string = DELIMITERS[0];
  let bestScore = [0, 0, 0];
  for (const delimiter of DELIMITERS) {
    const counts = records.map(
      (text) => parseFields(text, delimiter, fileName).length - 1,
    );
    const withDelimiter = counts.filter((count) => count > 0);
    const frequency = new Map<number, number>();
    for (const count of withDelimiter)
      frequency.set(count, (frequency.get(count) ?? 0) + 1);
    let modeCount = 0;
    let mode = 0;
    for (const [count, times] of frequency) {
      if (times > modeCount || (times === modeCount && count > mode)) {
        modeCount = times;
        mode = count;
      }
    }
    const score = [withDelimiter.length, modeCount, mode];
    const better = score.findIndex((value, k) => value !== bestScore[k]);
    if (better >= 0 && (score[better] ?? 0) > (bestScore[better] ?? 0)) {
      best = delimiter;
      bestScore = score;
    }
  }

  return best;
}

/** Splits a record with the file's delimiter, or another one when that one is absent from it. */
function splitRecord(
  text: string,
  delimiter: string,
  fileName: string,
): string[] {
  const fields = parseFields(text, delimiter, fileName);
  if (fields.length > 1) return fields;
  let best = fields;
  for (const other of DELIMITERS) {
    if (other === delimiter) continue;
    const candidate = parseFields(text, other, fileName);
    if (candidate.length > best.length) best = candidate;
  }

  return best;
}

/** A cell our own CSV exports protected against formula injection. */
const guarded = /^'[=+\-@\t\r]/;

/**
 * Undoes the formula guard of CSV exports (exports/formula-guard.ts): a cell
 * starting with an apostrophe followed by `=`, `+`, `-`, `@`, a tab or a
 * carriage return is read without the apostrophe, as a spreadsheet shows
 * it, so `'=HYPERLINK(...)` comes back as the name it was. Any other
 * apostrophe (`'Tis`, `l'Église`) is kept.
 *
 * @param cell a CSV field as written in the file
 */
export function unguard(cell: string): string {
  return guarded.test(cell) ? cell.slice(1) : cell;
}

/**
 * The lines of a UTF-8 file that had to be read as Windows-1252, told by the
 * decoder as it meets them, and handed to the records that hold them: the
 * person checks those rows' accents.
 */
class FallbackLines {
  private lines: number[] = [];
  /** The first line not yet handed to a record. */
  private next = 0;

  /** Told by the decoder, in file order. */
  add = (line: number): void => {
    // Lines already handed out go, so a long file does not pile them up.
    if (this.next > 1000 && this.next * 2 > this.lines.length) {
      this.lines = this.lines.slice(this.next);
      this.next = 0;
    }
    this.lines.push(line);
  };

  /** The warning for a record, which starts on `line` and spans its text. */
  warningFor(line: number, text: string): FieldIssue | undefined {
    if (this.next >= this.lines.length) return undefined;
    const last = line + (text.match(/\r\n|\r|\n/g)?.length ?? 0);
    while ((this.lines[this.next] ?? Infinity) < line) this.next++;
    const held: number[] = [];
    while ((this.lines[this.next] ?? Infinity) <= last)
      held.push(this.lines[this.next++] ?? 0);
    if (held.length === 0) return undefined;
    const rest = 'le reste du fichier est en UTF-8';
    const restEn = 'the rest of the file is UTF-8';
    if (held.length === 1 && held[0] === line) {
      return {
        reason: `ligne lue en Windows-1252 (${rest}) : vérifiez ses accents`,
        reasonEn: `line read as Windows-1252 (${restEn}): check its accents`,
      };
    }
    const named = held.join(', ');

    return held.length === 1
      ? {
          reason: `ligne ${named} lue en Windows-1252 (${rest}) : vérifiez ses accents`,
          reasonEn: `line ${named} read as Windows-1252 (${restEn}): check its accents`,
        }
      : {
          reason: `lignes ${named} lues en Windows-1252 (${rest}) : vérifiez leurs accents`,
          reasonEn: `lines ${named} read as Windows-1252 (${restEn}): check their accents`,
        };
  }
}

function tableRow(
  record: RawRecord,
  delimiter: string,
  fileName: string,
  fallback: FallbackLines,
): TableRow {
  const warning = fallback.warningFor(record.line, record.text);
  if (record.issue)
    return { line: record.line, cells: [], issue: record.issue };

  return {
    line: record.line,
    cells: splitRecord(record.text, delimiter, fileName).map(unguard),
    ...(warning ? { warnings: [warning] } : {}),
  };
}

async function* tableRows(
  records: AsyncGenerator<RawRecord>,
  fileName: string,
  fallback: FallbackLines,
): AsyncGenerator<TableRow> {
  const head: RawRecord[] = [];
  for (
    let next = await records.next();
    !next.done;
    next = await records.next()
  ) {
    head.push(next.value);
    if (head.length >= SNIFF_RECORDS) break;
  }
  let delimiter: string | undefined;
  // Excel's "sep=;" first line names the delimiter.
  const hint = /^sep=(.)$/i.exec(head[0]?.text ?? '');
  if (hint) {
    delimiter = hint[1];
    head.shift();
  }
  const chosen =
    delimiter ??
    sniffDelimiter(
      head.filter((record) => !record.issue).map((record) => record.text),
      fileName,
    );
  for (const record of head) yield tableRow(record, chosen, fileName, fallback);
  for await (const record of records)
    yield tableRow(record, chosen, fileName, fallback);
}

/**
 * Reads a CSV contact file: encoding and delimiter are detected, the header
 * row is mapped from French and English synonyms (or guessed when there is
 * none), and records are read one at a time.
 *
 * @param source the file
 * @param options the caller's hints
 */
export async function* readCsv(
  source: ByteSource,
  options: ReadOptions,
): AsyncGenerator<ReadRow> {
  const head = await source.head();
  const encoding = sniffEncoding(head);
  const sample = createDecoder(encoding).write(head.subarray(0, 8192));
  if (looksBinary(sample)) {
    throw new ImportFileError(
      source.fileName,
      "ce n'est pas un fichier texte (CSV) lisible",
      'this is not a readable text (CSV) file',
    );
  }

  const fallback = new FallbackLines();
  const records = splitRecords(
    decodeChunks(source.chunks(), encoding, fallback.add),
    source.fileName,
  );
  const outcome = yield* readTable(
    tableRows(records, source.fileName, fallback),
    options,
  );
  if (outcome.mapping === null && !outcome.headerless) {
    if (sample.trim() === '') {
      throw new ImportFileError(
        source.fileName,
        'le fichier est vide',
        'the file is empty',
      );
    }
    throw new ImportFileError(
      source.fileName,
      "aucune colonne de contact reconnue (nom, prénom, e-mail…) : ce n'est pas une liste de " +
        'contacts, ou son en-tête est inconnu',
      'no contact column recognised (name, first name, email…): this is not a contact list, ' +
        'or its header is unknown',
    );
  }
}
