import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ByteSource } from './byte-source.ts';
import type { CellValue } from './dates.ts';
import { ImportFileError, issueRow } from './read-types.ts';
import type { ReadOptions, ReadRow } from './read-types.ts';
import { readTable } from './table-reader.ts';
import type { TableRow } from './table-reader.ts';

type WorksheetReader = ExcelJS.stream.xlsx.WorksheetReader;

/**
 * A cell as exceljs gives it, flattened to a plain value: rich text joined,
 * hyperlinks reduced to their text, formulas to their cached result, error
 * cells (`#N/A`) to nothing.
 *
 * @param value the cell value
 */
export function plainCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  ) {
    return value;
  }
  if (typeof value !== 'object') return null;
  if ('richText' in value && Array.isArray(value.richText)) {
    return value.richText
      .map((run: unknown) =>
        run && typeof run === 'object' && 'text' in run ? String(run.text) : '',
      )
      .join('');
  }
  if ('error' in value) return null;
  if ('result' in value) return plainCell(value.result);
  if ('text' in value) return plainCell(value.text);

  return null;
}

function sheetName(worksheet: WorksheetReader, position: number): string {
  return 'name' in worksheet && typeof worksheet.name === 'string'
    ? worksheet.name
    : `Feuille ${position}`;
}

async function* sheetRows(
  worksheet: WorksheetReader,
  sheet: string,
  seen: { rows: number },
): AsyncGenerator<TableRow> {
  for await (const row of worksheet) {
    seen.rows++;
    const values = Array.isArray(row.values) ? row.values : [];
    // exceljs numbers columns from 1: index 0 is always empty.
    const cells: CellValue[] = [];
    for (let column = 1; column < values.length; column++)
      cells.push(plainCell(values[column]));
    yield { line: row.number, sheet, cells };
  }
}

/** Reads a sheet to its end: the streaming reader cannot move to the next sheet before. */
async function drain(rows: AsyncIterator<TableRow>): Promise<void> {
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    // Rows after a sheet without header are not contacts.
  }
}

/**
 * Reads an Excel workbook with exceljs's streaming reader (never the
 * in-memory workbook: 1.3 GB for 50,000 rows). Every sheet is read unless
 * `options.sheet` names one; each finds its own header row below any title
 * lines. Issues name the sheet and row ("Feuille « Presse », ligne 12").
 *
 * @param source the file
 * @param options the caller's hints
 */
export async function* readXlsx(
  source: ByteSource,
  options: ReadOptions,
): AsyncGenerator<ReadRow> {
  const input =
    source.path ?? Readable.from([source.buffer ?? Buffer.alloc(0)]);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles tell date cells from plain numbers.
    styles: 'cache',
    entries: 'ignore',
  });

  let position = 0;
  let sheetFound = false;
  let readable = 0;
  try {
    for await (const worksheet of workbook) {
      position++;
      const sheet = sheetName(worksheet, position);
      const seen = { rows: 0 };
      const rows = sheetRows(worksheet, sheet, seen);
      if (options.sheet && options.sheet !== sheet) {
        await drain(rows);
        continue;
      }
      sheetFound = true;
      const outcome = yield* readTable(rows, { ...options, sheet });
      await drain(rows);
      if (outcome.mapping !== null || outcome.headerless) {
        readable++;
      } else if (seen.rows > 0) {
        yield issueRow(
          { line: 1, sheet },
          {
            reason:
              "aucune ligne d'en-tête reconnue dans les premières lignes, feuille ignorée",
            reasonEn:
              'no header row recognised in the first rows, sheet skipped',
          },
        );
      }
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(
      source.fileName,
      'classeur Excel illisible ou endommagé',
      'unreadable or damaged Excel workbook',
    );
  }

  if (options.sheet && !sheetFound) {
    throw new ImportFileError(
      source.fileName,
      `feuille « ${options.sheet} » introuvable`,
      `sheet "${options.sheet}" not found`,
    );
  }
  if (readable === 0) {
    throw new ImportFileError(
      source.fileName,
      'aucune feuille ne contient de liste de contacts reconnue',
      'no sheet holds a recognisable contact list',
    );
  }
}
