import { ImportFileError } from './read-types.ts';
import type { FieldIssue } from './read-types.ts';

/** The delimiters a contact CSV uses: comma, semicolon (French Excel), TAB ("Unicode text"). */
export const DELIMITERS = [',', ';', '\t'] as const;

/** A record longer than this is not a contact: an unclosed quote or a hostile file. */
export const MAX_RECORD_CHARS = 1_000_000;

/**
 * One CSV record as text, with the line it starts on. A record cut short
 * by a quote that never closes carries an issue and is not read.
 */
export type RawRecord = { line: number; text: string; issue?: FieldIssue };

const isDelimiter = (char: string | undefined): boolean =>
  DELIMITERS.some((delimiter) => delimiter === char);

/**
 * What may follow the quote that closes a multi-line field: the end of the
 * field, or a doubled quote.
 */
const endsField = (char: string): boolean =>
  isDelimiter(char) ||
  char === '\r' ||
  char === '\n' ||
  char === '"' ||
  char === ' ';

function unclosedQuote(text: string): FieldIssue {
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;

  return {
    reason:
      `guillemet jamais refermé dans « ${shown} » : ligne non importée, ` +
      'la lecture reprend à la ligne suivante',
    reasonEn:
      `quote never closed in "${shown}": row not imported, ` +
      'reading resumes on the next line',
  };
}

/**
 * Cuts decoded text into records: a line break ends a record unless it is
 * inside a quoted field. A quote opens a field only at its start (after a
 * delimiter), so stray quotes inside values do not swallow the file.
 * CRLF, LF and lone CR all end lines.
 *
 * A quoted field that runs over lines is provisional. When its quote never
 * closes (end of file, record too long) or closes on something other than
 * the end of the field, the quote was a typo, not a multi-line value: the
 * record up to the line that opened it is refused with an issue, and the
 * lines it had swallowed are split again as records of their own.
 *
 * Text is kept from the start of the current record only, so memory holds
 * one record and one chunk, whatever the size of the file.
 */
export class RecordSplitter {
  private text = '';
  /** Next position to look at, and where the current record starts, in `text`. */
  private pos = 0;
  private recordStart = 0;
  private line = 1;
  private startLine = 1;
  private inQuote = false;
  /** The line the open quote is on, and its first line break in `text` (-1: none yet). */
  private quoteLine = 1;
  private quoteBreak = -1;
  /** Where the last closing quote was, to see a doubled quote. */
  private closedAt = -2;
  /** A multi-line field closed at the very end of a chunk: check the next character. */
  private checkNext = false;
  private lastChar = '';

  /** @param fileName the name shown in a file-level error */
  constructor(private readonly fileName: string) {}

  /**
   * Adds a chunk of text and yields the records it completes.
   *
   * @param chunk decoded text, cut anywhere
   */
  *write(chunk: string): Generator<RawRecord> {
    const drop = this.recordStart;
    if (drop > 0) {
      this.lastChar = this.text[drop - 1] ?? this.lastChar;
      this.text = this.text.slice(drop);
      this.pos -= drop;
      this.recordStart = 0;
      this.closedAt -= drop;
      if (this.quoteBreak >= 0) this.quoteBreak -= drop;
    }
    this.text += chunk;
    yield* this.scan();
    while (this.text.length - this.recordStart > MAX_RECORD_CHARS) {
      if (!this.inQuote || this.quoteBreak < 0) throw this.tooLong();
      yield this.refuseQuotedLine();
      yield* this.scan();
    }
  }

  /** Ends the text: a quote still open here was never closed. */
  *end(): Generator<RawRecord> {
    this.checkNext = false;
    while (this.inQuote && this.quoteBreak >= 0) {
      yield this.refuseQuotedLine();
      yield* this.scan();
      this.checkNext = false;
    }
    const rest = this.text.slice(this.recordStart);
    this.text = '';
    this.pos = 0;
    this.recordStart = 0;
    if (rest !== '') yield { line: this.startLine, text: rest };
  }

  private *scan(): Generator<RawRecord> {
    for (;;) {
      const bad = this.scanUntilBadQuote();
      yield* this.ready.splice(0);
      if (!bad) return;
      yield this.refuseQuotedLine();
    }
  }

  /** Records found by the last scan, handed out in order. */
  private ready: RawRecord[] = [];

  /**
   * Looks through the text not yet seen, queuing the records it ends.
   *
   * @returns true when it stopped at a multi-line quote that turned out bad
   */
  private scanUntilBadQuote(): boolean {
    const text = this.text;
    if (this.checkNext && this.pos < text.length) {
      this.checkNext = false;
      const next = text[this.pos] ?? '';
      if (!endsField(next)) return true;
      if (next !== '"') this.quoteBreak = -1;
    }
    const special = /["\r\n]/g;
    special.lastIndex = this.pos;
    for (let match = special.exec(text); match; match = special.exec(text)) {
      const at = match.index;
      const char = match[0];
      const before = at > 0 ? text[at - 1] : this.lastChar;
      this.pos = at + 1;
      if (char === '"') {
        if (this.inQuote) {
          this.inQuote = false;
          this.closedAt = at;
          if (this.quoteBreak < 0) continue;
          if (at + 1 >= text.length) {
            this.checkNext = true;
            continue;
          }
          const next = text[at + 1] ?? '';
          if (!endsField(next)) return true;
          if (next !== '"') this.quoteBreak = -1;
        } else if (this.closedAt === at - 1) {
          this.inQuote = true;
        } else if (at === this.recordStart || isDelimiter(before)) {
          this.inQuote = true;
          this.quoteLine = this.line;
        }
        continue;
      }
      // The LF of a CRLF: the CR already ended the line.
      if (char === '\n' && before === '\r') {
        if (!this.inQuote && this.recordStart === at) this.recordStart = at + 1;
        continue;
      }
      this.line++;
      if (this.inQuote) {
        if (this.quoteBreak < 0) this.quoteBreak = at;
        continue;
      }
      const record = text.slice(this.recordStart, at);
      if (record.length > MAX_RECORD_CHARS) throw this.tooLong();
      if (record !== '')
        this.ready.push({ line: this.startLine, text: record });
      this.recordStart = at + 1;
      this.startLine = this.line;
    }
    this.pos = text.length;

    return false;
  }

  /**
   * Refuses the record up to the line that opened the bad quote, and goes
   * back to split the text after that line again.
   */
  private refuseQuotedLine(): RawRecord {
    const breakAt = this.quoteBreak;
    const refused = this.text.slice(this.recordStart, breakAt);
    const record = {
      line: this.startLine,
      text: refused,
      issue: unclosedQuote(refused),
    };
    const crlf = this.text[breakAt] === '\r' && this.text[breakAt + 1] === '\n';
    this.recordStart = breakAt + (crlf ? 2 : 1);
    this.pos = this.recordStart;
    this.line = this.quoteLine + 1;
    this.startLine = this.line;
    this.inQuote = false;
    this.quoteBreak = -1;
    this.closedAt = -2;
    this.checkNext = false;

    return record;
  }

  private tooLong(): ImportFileError {
    return new ImportFileError(
      this.fileName,
      `la ligne ${this.startLine} dépasse ${MAX_RECORD_CHARS} caractères`,
      `line ${this.startLine} is longer than ${MAX_RECORD_CHARS} characters`,
    );
  }
}

/**
 * Splits a stream of decoded text into records (see `RecordSplitter`).
 *
 * @param chunks the file's text, chunk by chunk
 * @param fileName the name shown in a file-level error
 */
export async function* splitRecords(
  chunks: AsyncIterable<string>,
  fileName: string,
): AsyncGenerator<RawRecord> {
  const splitter = new RecordSplitter(fileName);
  for await (const chunk of chunks) yield* splitter.write(chunk);
  yield* splitter.end();
}
