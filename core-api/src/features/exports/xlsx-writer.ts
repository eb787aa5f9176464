import ExcelJS from 'exceljs';
import {
  companyColumns,
  parisDay,
  tableColumns,
  type Column,
} from './export-labels.ts';
import type { ExportRow } from './export-rows.ts';
import { finish, waitForDrain, type FormatWriter } from './output.ts';

/** A calendar day as exceljs stores it: midnight UTC, no time zone shift. */
const dayCell = (day: string) => new Date(`${day}T00:00:00Z`);

function cellValue(column: Column, row: ExportRow, lang: 'fr' | 'en') {
  const value = column.value(row, lang);
  if (value === null || value === '') return null;
  switch (column.kind) {
    case 'number':
      return value;
    case 'date':
      // The day in Paris, whatever the server's zone.
      return dayCell(parisDay(value as Date));
    case 'day': {
      const text = String(value);
      // A birthday without a year stays text (`04/12`).
      return text.startsWith('--')
        ? `${text.slice(5, 7)}/${text.slice(2, 4)}`
        : dayCell(text);
    }
    default:
      // A string cell is never a formula in a workbook (exceljs writes it as
      // an inline string): no apostrophe, the text stays exactly as entered.
      return String(value);
  }
}

const numberFormats: Partial<Record<Column['kind'], string>> = {
  date: 'dd/mm/yyyy',
  day: 'dd/mm/yyyy',
};

/**
 * Excel workbook, streamed: each row is committed (written to the zip and
 * forgotten) as soon as it is filled, so memory stays flat whatever the
 * number of rows. Cells are typed: dates as dates shown `dd/mm/yyyy`, ids
 * as numbers, phones and every other value as text. The header row is
 * frozen, styled and filtered. Companies get their own columns.
 */
export const writeXlsx: FormatWriter = async (batches, out, options) => {
  const company = options.entity === 'company';
  const columns = company ? companyColumns : tableColumns;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
    // Fast compression: the file is a little larger, the export much quicker.
    zip: { zlib: { level: 1 } },
  });
  workbook.creator = 'Relais';
  workbook.title = options.title;
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(
    company ? (options.lang === 'fr' ? 'Sociétés' : 'Companies') : 'Contacts',
    { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] },
  );
  // Only date columns carry a format: a style on every cell would cost
  // more than the rest of the writing (text cells are text by their type).
  sheet.columns = columns.map((column) => {
    const numFmt = numberFormats[column.kind];

    return numFmt
      ? { key: column.key, width: column.width, style: { numFmt } }
      : { key: column.key, width: column.width };
  });
  const header = sheet.addRow(
    columns.map((column) => column.header[options.lang]),
  );
  header.height = 20;
  header.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FF1F4E79' },
    };
    cell.alignment = { vertical: 'middle' };
    cell.numFmt = '@';
  });
  header.commit();
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: columns.length },
  };

  let count = 0;
  for await (const batch of batches) {
    for (const row of batch) {
      sheet
        .addRow(columns.map((column) => cellValue(column, row, options.lang)))
        .commit();
    }
    count += batch.length;
    await waitForDrain(out);
  }
  sheet.commit();
  await workbook.commit();
  await finish(out);

  return count;
};
