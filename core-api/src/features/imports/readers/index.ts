import { extname } from 'node:path';
import { openSource } from './byte-source.ts';
import { readCsv } from './csv-reader.ts';
import { readJcard } from './jcard-reader.ts';
import { ImportFileError } from './read-types.ts';
import type { ImportFormat, ReadOptions, ReadRow } from './read-types.ts';
import { createDecoder, looksBinary, sniffEncoding } from './text-encoding.ts';
import { readVcard } from './vcard-reader.ts';
import { readXcard } from './xcard-reader.ts';
import { readXlsx } from './xlsx-reader.ts';

export { ImportFileError } from './read-types.ts';
export type {
  DateOrder,
  ImportFormat,
  ReadIssue,
  ReadOptions,
  ReadRow,
} from './read-types.ts';
export type {
  ImportedContact,
  ImportedTerm,
  ImportedTermKind,
} from './imported-contact.ts';
export { checkedInput } from './contact-draft.ts';
export { mapHeaders } from './header-map.ts';
export type {
  ColumnTarget,
  HeaderMapping,
  MappedColumn,
} from './header-map.ts';

const byExtension: Record<string, ImportFormat> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.tab': 'csv',
  '.txt': 'csv',
  '.vcf': 'vcard',
  '.vcard': 'vcard',
  '.json': 'jcard',
  '.jcard': 'jcard',
  '.xml': 'xcard',
  '.xcard': 'xcard',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
};

/**
 * Recognises a contact file's format by its content first (zip magic for
 * xlsx, `BEGIN:VCARD`, a jCard array, an xCard document) and by its
 * extension second, so a `.txt` holding vCards or a misnamed export still
 * reads.
 *
 * @param fileName the name the user gave the file
 * @param head the first bytes of the file
 * @throws ImportFileError for old binary Excel files and anything that is not text
 */
export function detectFormat(fileName: string, head: Buffer): ImportFormat {
  if (
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    head[2] === 0x03 &&
    head[3] === 0x04
  )
    return 'xlsx';
  if (
    head[0] === 0xd0 &&
    head[1] === 0xcf &&
    head[2] === 0x11 &&
    head[3] === 0xe0
  ) {
    throw new ImportFileError(
      fileName,
      'ancien format Excel (.xls) : enregistrez le fichier au format .xlsx ou .csv',
      'old Excel format (.xls): save the file as .xlsx or .csv',
    );
  }
  const sample = createDecoder(sniffEncoding(head)).write(
    head.subarray(0, 8192),
  );
  const start = sample.trimStart().slice(0, 4096);
  if (/^begin\s*:\s*vcar/i.test(start) || /(^|\n)begin:vcard\r?\n/i.test(start))
    return 'vcard';
  if (/^\[\s*(\[\s*)?"vcard"/i.test(start)) return 'jcard';
  if (/^<(\?xml|vcards\b|vcard\b)/i.test(start) && /vcard/i.test(start))
    return 'xcard';

  const byName = byExtension[extname(fileName).toLowerCase()];
  if (byName && byName !== 'xlsx') return byName;
  if (looksBinary(sample)) {
    throw new ImportFileError(
      fileName,
      'format de fichier non reconnu : importez un fichier CSV, Excel (.xlsx) ou vCard',
      'unrecognised file format: import a CSV, Excel (.xlsx) or vCard file',
    );
  }

  return 'csv';
}

/**
 * Reads a contact file into records, one at a time: CSV (any common
 * encoding and delimiter), Excel workbooks (every sheet, streamed), vCard
 * 2.1/3.0/4.0, jCard and xCard. A row with a problem yields an issue on its
 * line (and the contact too when the rest of the row is good); only a file
 * that cannot be read at all throws an ImportFileError.
 *
 * @param fileName the name the user gave the file (shown in messages, used for detection)
 * @param data the file's bytes, or its path on disk
 * @param options a forced format, a single sheet, or the order of ambiguous dates
 */
export async function* readContacts(
  fileName: string,
  data: Buffer | string,
  options: ReadOptions = {},
): AsyncGenerator<ReadRow> {
  const source = openSource(fileName, data);
  const head = await source.head();
  if (head.length === 0) {
    throw new ImportFileError(
      fileName,
      'le fichier est vide',
      'the file is empty',
    );
  }
  const format = options.format ?? detectFormat(fileName, head);
  try {
    switch (format) {
      case 'csv':
        yield* readCsv(source, options);
        break;
      case 'xlsx':
        yield* readXlsx(source, options);
        break;
      case 'vcard':
        yield* readVcard(source);
        break;
      case 'jcard':
        yield* readJcard(source);
        break;
      case 'xcard':
        yield* readXcard(source);
        break;
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(
      fileName,
      'fichier illisible (erreur inattendue pendant la lecture)',
      'unreadable file (unexpected error while reading)',
    );
  }
}
