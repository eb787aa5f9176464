import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describeEachDatabase } from '../../test/databases.ts';
import { ctxFor } from '../../test/harness.ts';
import { importProgress } from './import-progress.ts';
import { fixture } from './readers/test-support.ts';
import { dimensionRows, estimateRows } from './row-estimate.ts';
import { stageImport } from './staging.ts';

/** A workbook of `sheets` sheets, each a header over `rows` people. */
async function workbook(sheets: Record<string, number>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    sheet.addRow(['Nom', 'Prénom', 'E-mail']);
    for (let index = 0; index < rows; index++)
      sheet.addRow([`Nom${index}`, 'Anne', `anne${index}@journal.test`]);
  }

  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The same workbook with each sheet's `<dimension>` taken out. */
async function withoutDimension(data: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  for (const path of Object.keys(zip.files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(path)) continue;
    const xml = await zip.file(path)!.async('string');
    zip.file(path, xml.replace(/<dimension [^>]*\/>/, ''));
  }

  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('row estimate of an import file', () => {
  it('counts the rows of a CSV without its header', async () => {
    const lines = ['Nom;Prénom', 'Martin;Anne', 'Durand;Paul', 'Petit;Léa'];
    expect(await estimateRows('csv', Buffer.from(lines.join('\n')))).to.equal(
      3,
    );
    expect(
      await estimateRows('csv', Buffer.from(`${lines.join('\r\n')}\r\n`)),
    ).to.equal(3);
    expect(await estimateRows('csv', Buffer.from('Nom;Prénom\n'))).to.equal(0);
  });

  it('counts the cards of a vCard file', async () => {
    const card = 'BEGIN:VCARD\nVERSION:3.0\nFN:Anne Martin\nEND:VCARD\n';
    expect(await estimateRows('vcard', Buffer.from(card.repeat(4)))).to.equal(
      4,
    );
  });

  it("reads a workbook's sheet dimensions, less their headers", async () => {
    const data = await workbook({ Presse: 1200, Radio: 30 });
    expect(await estimateRows('xlsx', data)).to.equal(1230);
    expect(await estimateRows('xlsx', data, 'Radio')).to.equal(30);
    expect(await estimateRows('xlsx', data, 'Télévision')).to.equal(0);
  });

  it('reads the shared press workbook without unpacking its sheets', async () => {
    const data = readFileSync(fixture('xlsx/fichier_presse_exemple.xlsx'));
    // Four sheets, each `A1:S503`: 502 lines below the first one.
    expect(await estimateRows('xlsx', data)).to.equal(4 * 502);
    expect(await estimateRows('xlsx', data, 'Presse régionale')).to.equal(502);
  });

  it('gives 0 for a workbook without dimensions, or a damaged one', async () => {
    const data = await workbook({ Presse: 10 });
    expect(await estimateRows('xlsx', await withoutDimension(data))).to.equal(
      0,
    );
    expect(
      await estimateRows('xlsx', data.subarray(0, data.length / 2)),
    ).to.equal(0);
    expect(await estimateRows('xlsx', Buffer.from('Nom;Prénom\n'))).to.equal(0);
  });

  it('reads every form a dimension takes', () => {
    expect(dimensionRows('<dimension ref="A1:O50001"/><sheetData>')).to.equal(
      50000,
    );
    expect(dimensionRows("<x:dimension ref='B3:C12'/>")).to.equal(9);
    expect(dimensionRows('<dimension ref="A1"/>')).to.equal(0);
    // A dimension written among the rows is not the sheet's.
    expect(
      dimensionRows(
        '<sheetData><row r="1"/></sheetData><dimension ref="A1:B9"/>',
      ),
    ).to.equal(null);
  });
});

describeEachDatabase('progress of an import being read', (db) => {
  /** The total of the reading phase a staged import announced. */
  const readingTotal = async (fileName: string, data: Buffer) => {
    const totals: number[] = [];
    importProgress.watch((_, progress, phase) => {
      if (phase && progress.phase === 'reading') totals.push(progress.total);
    });
    try {
      await stageImport(ctxFor(db()), { fileName, data }, { wait: true });
    } finally {
      importProgress.watch(null);
    }

    return totals.at(-1);
  };

  it('announces the rows of a workbook before reading it', async () => {
    const data = await workbook({ Presse: 40 });
    expect(await readingTotal('presse.xlsx', data)).to.equal(40);
  });

  it('announces the rows of a CSV, not its header', async () => {
    const lines = ['Nom;Prénom;E-mail'];
    for (let index = 0; index < 25; index++)
      lines.push(`Nom${index};Anne;anne${index}@journal.test`);
    expect(
      await readingTotal('presse.csv', Buffer.from(`${lines.join('\n')}\n`)),
    ).to.equal(25);
  });
});
