import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import iconv from 'iconv-lite';
import { normalisePhone } from '../../../platform/text/phone.ts';
import type { ReadResult } from './test-support.ts';
import { phonesOf, readAllRows, writeWorkbook } from './test-support.ts';

/** Each contact as `name: phones | postal code`, phones as the import will store them (E.164). */
function summary({ contacts }: ReadResult): string[] {
  return contacts.map(({ contact }) => {
    const phones = (contact.phones ?? []).map(
      (phone) => normalisePhone(phone.number).e164 ?? `?${phone.number}`,
    );
    const postal = contact.addresses?.[0]?.postalCode ?? '';

    return `${contact.lastName}: ${phones.join(' ')} | ${postal}`;
  });
}

const lostDigits = (line: number, text: string, sheet?: string) => ({
  line,
  ...(sheet ? { sheet } : {}),
  field: 'phones',
  reason:
    `${sheet ? `Feuille « ${sheet} », ligne` : 'Ligne'} ${line} : numéro de téléphone ` +
    `abîmé par Excel « ${text} » : des chiffres sont perdus (non importé)`,
  reasonEn:
    `${sheet ? `Sheet "${sheet}", row` : 'Line'} ${line}: phone number mangled by Excel ` +
    `"${text}": digits were lost (not imported)`,
});

describe('numbers Excel mangled', () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'relais-excel-'));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives back the zero, plus and digits of phones and postal codes (xlsx)', async () => {
    const path = await writeWorkbook(dir, [
      {
        name: 'Contacts',
        rows: [
          ['Fichier presse 2026'],
          ['Nom', 'Portable', 'Téléphone', 'Code postal', 'Pays'],
          ['Martin', 612345678, 33142685300, 1000, null],
          ['Leroy', 447911123456, '6.12345678E+8', 9200, 'France'],
          ['Petit', '6,12E+08', 262262123456, 1000, 'Belgique'],
          ['Roux', 590123456, 123, 75011, 'FR'],
        ],
      },
    ]);
    const result = await readAllRows('excel.xlsx', path);
    expect(summary(result)).to.deep.equal([
      'Martin: +33612345678 +33142685300 | 01000',
      'Leroy: +447911123456 +33612345678 | 09200',
      // The mobile lost its digits: refused, and the row still imports.
      'Petit: +262262123456 | 1000',
      // Guadeloupe's 0590 lost its zero too; "123" is kept as typed, it is no number at all.
      'Roux: +590590123456 ?123 | 75011',
    ]);
    expect(result.issues).to.deep.equal([
      lostDigits(5, '6,12E+08', 'Contacts'),
    ]);
  });

  it('reads the same values from a French Excel CSV (semicolons, cp1252)', async () => {
    const csv = [
      'Nom;Portable;Téléphone;Code postal;Pays',
      'Martin;612345678;33142685300;1000;',
      'Leroy;447911123456;6,12345678E+08;9200;France',
      'Petit;6,12E+08;2,62262E+11;1000;Belgique',
      'Roux;612345678.0;01 42 68 53 00 / 06 12 34 56 78;75011;FR',
      '',
    ].join('\r\n');
    const result = await readAllRows(
      'excel.csv',
      iconv.encode(csv, 'windows-1252'),
    );
    expect(summary(result)).to.deep.equal([
      'Martin: +33612345678 +33142685300 | 01000',
      'Leroy: +447911123456 +33612345678 | 09200',
      'Petit:  | 1000',
      'Roux: +33612345678 +33142685300 +33612345678 | 75011',
    ]);
    expect(result.issues).to.deep.equal([
      lostDigits(4, '6,12E+08'),
      lostDigits(4, '2,62262E+11'),
    ]);
  });

  it('keeps phones as written, restoring only what Excel lost', async () => {
    const csv =
      'Nom,Portable,Téléphone\nMartin,612345678,+33 1 42 68 53 00\n' +
      'Leroy,6.12345678E+8,06 12 34 56 78\n';
    const { contacts } = await readAllRows('f.csv', Buffer.from(csv));
    expect(contacts.map((c) => phonesOf(c.contact))).to.deep.equal([
      ['612345678/mobile', '+33 1 42 68 53 00/office'],
      ['612345678/mobile', '06 12 34 56 78/office'],
    ]);
  });
});
