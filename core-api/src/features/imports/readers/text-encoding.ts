import chardet from 'chardet';
import iconv from 'iconv-lite';

/** A streaming decoder: bytes in, text out, keeping split characters between chunks. */
export type TextDecoderStream = { write(chunk: Buffer): string; end(): string };

/**
 * chardet names we trust, and how to decode them. Latin-1 and Latin-9 are
 * read as Windows-1252, their superset in practice (Outlook FR writes
 * Windows-1252, platal writes ISO-8859-15).
 */
const trustedCharsets: Record<string, string> = {
  'UTF-8': 'utf-8',
  'ISO-8859-1': 'windows-1252',
  'ISO-8859-15': 'windows-1252',
  'windows-1252': 'windows-1252',
  Shift_JIS: 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
  Big5: 'big5',
  GB18030: 'gb18030',
};

/**
 * Guesses a text file's encoding from its first bytes: byte-order mark,
 * then the NUL pattern of BOM-less UTF-16, then UTF-8 validity, then chardet.
 * Anything chardet is unsure of is read as Windows-1252, the usual French
 * legacy code page.
 *
 * @param head the first bytes of the file
 * @returns an iconv-lite encoding name, or `utf-8`
 */
export function sniffEncoding(head: Buffer): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const utf16 = utf16ByNulPattern(head);
  if (utf16) return utf16;
  const { multiByte, invalid } = utf8Census(head);
  // A file saved as UTF-8 by one program and patched by another keeps a few cp1252 bytes:
  // read it as UTF-8 (the decoder falls back on those lines) rather than garble all its accents.
  if (invalid === 0 || multiByte >= invalid) return 'utf-8';
  // Counted by line, not byte: a few cp1252 lines full of accents must not
  // outvote many UTF-8 lines with one accent each.
  const lines = lineCensus(head);
  if (lines.utf8 >= lines.invalid) return 'utf-8';

  const best = chardet.analyse(head)[0];
  const mapped = best ? trustedCharsets[best.name] : undefined;
  if (mapped === 'utf-8' || mapped === 'windows-1252') return mapped;
  // Multi-byte Asian code pages only when chardet is sure; a guess there garbles everything.
  if (mapped && best && best.confidence >= 50) return mapped;

  return 'windows-1252';
}

/**
 * UTF-16 written without a byte-order mark, recognised by its NUL bytes:
 * Latin text in UTF-16LE has a NUL at every odd offset, in UTF-16BE at every even one.
 */
export function utf16ByNulPattern(
  head: Buffer,
): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(head.length, 4096) & ~1;
  if (length < 4) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < length; i += 2) {
    if (head[i] === 0) evenNuls++;
    if (head[i + 1] === 0) oddNuls++;
  }
  const pairs = length / 2;
  if (oddNuls > pairs * 0.4 && evenNuls < pairs * 0.05) return 'utf-16le';
  if (evenNuls > pairs * 0.4 && oddNuls < pairs * 0.05) return 'utf-16be';

  return null;
}

/**
 * Length of the well-formed UTF-8 sequence at `i`: 0 when the byte cannot
 * start one, -1 when the buffer ends in the middle of it.
 */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] ?? 0;
  if (lead < 0x80) return 1;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return 0;

  for (let k = 1; k < length; k++) {
    if (i + k >= bytes.length) return -1;
    const byte = bytes[i + k] ?? 0;
    const min = k === 1 ? low : 0x80;
    const max = k === 1 ? high : 0xbf;
    if (byte < min || byte > max) return 0;
  }

  return length;
}

/** How many well-formed multi-byte UTF-8 sequences and how many stray bytes a buffer holds. */
function utf8Census(bytes: Uint8Array): { multiByte: number; invalid: number } {
  let multiByte = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length;) {
    const length = sequenceLength(bytes, i);
    if (length === -1) break;
    if (length === 0) {
      invalid++;
      i++;
      continue;
    }
    if (length > 1) multiByte++;
    i += length;
  }

  return { multiByte, invalid };
}

/** Characters a line of real UTF-8 text holds: Latin letters, punctuation, €. */
const plausibleText = /^[\u00a0-\u017f\u2000-\u206f\u20ac]$/u;

/**
 * How many lines of a buffer are UTF-8 text (multi-byte sequences that
 * decode to Latin letters or punctuation, no stray byte) and how many hold
 * stray bytes. A cp1252 line rarely forms such a sequence by chance (`Ã©` is
 * the mojibake of `é`, not French), so these lines are the UTF-8 evidence.
 */
function lineCensus(bytes: Buffer): { utf8: number; invalid: number } {
  let utf8 = 0;
  let invalid = 0;
  let lineHasText = false;
  let lineHasStray = false;
  const endLine = () => {
    if (lineHasStray) invalid++;
    else if (lineHasText) utf8++;
    lineHasText = false;
    lineHasStray = false;
  };
  for (let i = 0; i < bytes.length;) {
    const byte = bytes[i] ?? 0;
    if (byte === 0x0a || byte === 0x0d) {
      endLine();
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length === -1) break;
    if (length === 0) {
      lineHasStray = true;
      i++;
      continue;
    }
    if (length > 1) {
      const char = bytes.toString('utf8', i, i + length);
      if (plausibleText.test(char)) lineHasText = true;
    }
    i += length;
  }
  endLine();

  return { utf8, invalid };
}

/**
 * Whether bytes are well-formed UTF-8.
 *
 * @param allowTruncatedEnd accept a sequence cut by the end of the buffer (a file head)
 */
export function isUtf8(bytes: Uint8Array, allowTruncatedEnd = false): boolean {
  for (let i = 0; i < bytes.length;) {
    const length = sequenceLength(bytes, i);
    if (length === -1) return allowTruncatedEnd;
    if (length === 0) return false;
    i += length;
  }

  return true;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const windows1252 = (byte: number): string =>
  iconv.decode(Buffer.from([byte]), 'windows-1252');

/**
 * Counts line ends (CRLF, LF, lone CR: one each, as the CSV splitter
 * counts them) across the chunks of one file.
 */
class LineCounter {
  /** The line the next byte is on, from 1. */
  line = 1;
  private afterCr = false;

  /** Moves past one byte. */
  step(byte: number): void {
    if (byte === 0x0d) this.line++;
    else if (byte === 0x0a && !this.afterCr) this.line++;
    this.afterCr = byte === 0x0d;
  }

  /** Moves past bytes known to be clean. */
  skip(bytes: Uint8Array, from: number, to: number): void {
    for (let i = from; i < to; i++) this.step(bytes[i] ?? 0);
  }
}

/**
 * Decodes UTF-8, reading any byte that is not part of a valid sequence as
 * Windows-1252: files saved partly by one program and partly by another
 * keep their accents instead of turning into U+FFFD. With `lines`, each
 * line where that happened is told to `onFallback`.
 */
function decodeUtf8Lenient(
  bytes: Buffer,
  lines?: { counter: LineCounter; onFallback: (line: number) => void },
): string {
  try {
    const text = strictUtf8.decode(bytes);
    lines?.counter.skip(bytes, 0, bytes.length);

    return text;
  } catch {
    // Not clean UTF-8: fall through to the byte-by-byte reading below.
  }
  let text = '';
  let runStart = 0;
  let told = 0;
  for (let i = 0; i < bytes.length;) {
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      lines?.counter.skip(bytes, i, i + length);
      i += length;
      continue;
    }
    if (lines && lines.counter.line !== told) {
      told = lines.counter.line;
      lines.onFallback(told);
    }
    lines?.counter.step(bytes[i] ?? 0);
    text += bytes.toString('utf8', runStart, i) + windows1252(bytes[i] ?? 0);
    i += 1;
    runStart = i;
  }

  return text + bytes.toString('utf8', runStart);
}

/** Where a chunk stops being complete UTF-8: the start of a sequence cut by its end. */
function completeUtf8Length(bytes: Buffer): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const i = bytes.length - back;
    const byte = bytes[i] ?? 0;
    if (byte < 0x80) return bytes.length;
    if (byte >= 0xc0) return sequenceLength(bytes, i) === -1 ? i : bytes.length;
  }

  return bytes.length;
}

/**
 * A streaming decoder for one encoding; a leading byte-order mark is dropped.
 *
 * @param encoding a name from `sniffEncoding`
 * @param onFallback told, once per line, of the lines of a UTF-8 file that
 *   had to be read as Windows-1252 (lines counted from 1)
 */
export function createDecoder(
  encoding: string,
  onFallback?: (line: number) => void,
): TextDecoderStream {
  if (encoding !== 'utf-8') {
    const name = iconv.encodingExists(encoding) ? encoding : 'windows-1252';
    const decoder = iconv.getDecoder(name, { stripBOM: true });

    return {
      write: (chunk) => decoder.write(chunk),
      end: () => decoder.end() ?? '',
    };
  }

  let carry = Buffer.alloc(0);
  let first = true;
  // A line may be cut between chunks: the counter carries over, and a line
  // already told is not told again.
  let lastTold = 0;
  const lines = onFallback && {
    counter: new LineCounter(),
    onFallback: (line: number) => {
      if (line === lastTold) return;
      lastTold = line;
      onFallback(line);
    },
  };

  return {
    write(chunk) {
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const cut = completeUtf8Length(bytes);
      carry = Buffer.from(bytes.subarray(cut));
      let text = decodeUtf8Lenient(bytes.subarray(0, cut), lines);
      if (first && text.length > 0) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }

      return text;
    },
    end() {
      const text = decodeUtf8Lenient(carry, lines);
      carry = Buffer.alloc(0);

      return text;
    },
  };
}

/**
 * Decodes a stream of byte chunks into text chunks.
 *
 * @param chunks the file's bytes
 * @param encoding a name from `sniffEncoding`
 * @param onFallback see `createDecoder`
 */
export async function* decodeChunks(
  chunks: AsyncIterable<Buffer>,
  encoding: string,
  onFallback?: (line: number) => void,
): AsyncGenerator<string> {
  const decoder = createDecoder(encoding, onFallback);
  for await (const chunk of chunks) {
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/**
 * Decodes one value's bytes in a named charset (a vCard `CHARSET=`), or
 * guesses UTF-8 when valid and Windows-1252 otherwise.
 *
 * @param bytes the raw bytes
 * @param charset the declared charset, if any
 */
export function decodeWithCharset(bytes: Buffer, charset?: string): string {
  const name = charset?.trim().replace(/^"|"$/g, '').toLowerCase();
  if (!name || name === 'utf-8' || name === 'utf8')
    return decodeUtf8Lenient(bytes);
  if (name === 'us-ascii' || name === 'ascii') {
    return isUtf8(bytes)
      ? bytes.toString('utf8')
      : iconv.decode(bytes, 'windows-1252');
  }
  const mapped =
    name === 'iso-8859-1' || name === 'latin1' ? 'windows-1252' : name;
  if (iconv.encodingExists(mapped)) return iconv.decode(bytes, mapped);

  return decodeUtf8Lenient(bytes);
}

/**
 * Undoes the mojibake of a Windows-1252 file read as Mac Roman
 * (`PrÈnom` → `Prénom`), as seen in Open-Xchange bug 9367.
 *
 * @returns the repaired text, or null when the text cannot be such mojibake
 */
export function repairMacRoman(text: string): string | null {
  if (!/[^\x20-\x7e]/.test(text)) return null;
  const bytes = iconv.encode(text, 'macintosh');
  if (iconv.decode(bytes, 'macintosh') !== text) return null;
  const repaired = iconv.decode(bytes, 'windows-1252');

  return repaired === text ? null : repaired;
}

/**
 * Whether decoded text is really binary data: NUL bytes or many control
 * characters, which no contact list contains.
 *
 * @param sample the first few thousand characters
 */
export function looksBinary(sample: string): boolean {
  if (sample.length === 0) return false;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    const allowed = code === 9 || code === 10 || code === 12 || code === 13;
    if ((code < 0x20 && !allowed) || code === 0xfffd) {
      controls++;
    }
  }

  return controls / sample.length > 0.02;
}
