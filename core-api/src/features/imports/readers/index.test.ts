import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import {
  detectFormat,
  ImportFileError,
  mapHeaders,
  readContacts,
} from './index.ts';
import type { ImportFormat } from './index.ts';
import { fixture, readAllRows } from './test-support.ts';

const head = (relative: string): Buffer =>
  readFileSync(fixture(relative)).subarray(0, 65536);

describe('format detection and the public entry point', () => {
  it('recognises every fixture by its content, whatever it is called', () => {
    const cases: [string, ImportFormat][] = [
      ['xlsx/fichier_presse_exemple.xlsx', 'xlsx'],
      ['vcard/roundcube_utf-16_sample.vcf', 'vcard'],
      ['vcard/monica_broken_vcard_stub.vcard', 'vcard'],
      ['vcard/thunderbird_emptylines.vcf', 'vcard'],
      ['vcard/ezvcard_jcard-example.json', 'jcard'],
      ['vcard/icaljs_vcard4.expected.jcard.json', 'jcard'],
      ['vcard/ezvcard_xcard-rfc6351-example.xml', 'xcard'],
      ['csv/thunderbird_utf16_addressbook.csv', 'csv'],
      ['csv/roundcube_all.csv', 'csv'],
    ];
    for (const [file, format] of cases) {
      expect(detectFormat('export.dat', head(file)), file).to.equal(format);
    }
  });

  it('falls back on the extension when the content does not say', () => {
    expect(
      detectFormat('contacts.vcf', Buffer.from('N:Martin;Léa\n')),
    ).to.equal('vcard');
    expect(detectFormat('contacts.json', Buffer.from('{"a":1}'))).to.equal(
      'jcard',
    );
    expect(detectFormat('contacts.txt', Buffer.from('Nom;Prénom\n'))).to.equal(
      'csv',
    );
    expect(detectFormat('contacts', Buffer.from('Nom;Prénom\n'))).to.equal(
      'csv',
    );
  });

  it('reads a vCard file named .csv as vCard', async () => {
    const { contacts } = await readAllRows(
      'export.csv',
      readFileSync(fixture('vcard/monica_vcard_stub.vcf')),
    );
    expect(contacts.map((c) => c.contact.firstName)).to.deep.equal([
      'Bono',
      'John',
      'Johnny',
    ]);
  });

  it('lets the caller force the format', async () => {
    const text = Buffer.from(
      'BEGIN:VCARD\nVERSION:3.0\nN:Martin;Léa;;;\nEND:VCARD\n',
    );
    const asCsv = readContacts('x.vcf', text, { format: 'csv' });
    try {
      for await (const row of asCsv) expect(row).to.equal(undefined);
      expect.fail('expected an ImportFileError');
    } catch (error) {
      expect(error).to.be.instanceOf(ImportFileError);
    }
  });

  it('yields rows one at a time, contact before its issues, with the same line', async () => {
    const csv =
      'Nom,Prénom,Date de naissance,E-mail\nMartin,Léa,31/02/1980,lea@exemple.fr\n';
    const rows = [];
    for await (const row of readContacts('f.csv', Buffer.from(csv)))
      rows.push(row);
    expect(rows).to.deep.equal([
      {
        line: 2,
        contact: {
          lastName: 'Martin',
          firstName: 'Léa',
          emails: [{ address: 'lea@exemple.fr', isPrimary: true }],
        },
      },
      {
        line: 2,
        issue: {
          line: 2,
          field: 'birthDate',
          reason:
            'Ligne 2 : date de naissance impossible « 31/02/1980 » (non importée)',
          reasonEn: 'Line 2: impossible birth date "31/02/1980" (not imported)',
        },
      },
    ]);
  });

  it('leaves out a birth date in the future or before 1900, with an issue', async () => {
    const csv =
      'Nom,Prénom,Date de naissance\n' +
      'Martin,Léa,01/01/2030\n' +
      'Petit,Jean,01/01/1800\n' +
      'Roux,Anne,01/01/1900\n';
    const rows = [];
    for await (const row of readContacts('f.csv', Buffer.from(csv)))
      rows.push(row);
    expect(rows).to.deep.equal([
      { line: 2, contact: { lastName: 'Martin', firstName: 'Léa' } },
      {
        line: 2,
        issue: {
          line: 2,
          field: 'birthDate',
          reason:
            'Ligne 2 : date de naissance impossible « 01/01/2030 » (non importée) : date de naissance dans le futur',
          reasonEn:
            'Line 2: impossible birth date "01/01/2030" (not imported): birth date in the future',
        },
      },
      { line: 3, contact: { lastName: 'Petit', firstName: 'Jean' } },
      {
        line: 3,
        issue: {
          line: 3,
          field: 'birthDate',
          reason:
            'Ligne 3 : date de naissance impossible « 01/01/1800 » (non importée) : date de naissance antérieure à 1900',
          reasonEn:
            'Line 3: impossible birth date "01/01/1800" (not imported): birth date before 1900',
        },
      },
      {
        line: 4,
        contact: {
          lastName: 'Roux',
          firstName: 'Anne',
          birthDate: '1900-01-01',
        },
      },
    ]);
  });

  it('names the file in ImportFileError, in French and English', async () => {
    try {
      for await (const row of readContacts('Mes contacts.csv', Buffer.alloc(0)))
        expect(row).to.equal(undefined);
      expect.fail('expected an ImportFileError');
    } catch (error) {
      expect(error).to.be.instanceOf(ImportFileError);
      const fileError = error as ImportFileError;
      expect(fileError.fileName).to.equal('Mes contacts.csv');
      expect(fileError.reason).to.equal('le fichier est vide');
      expect(fileError.reasonEn).to.equal('the file is empty');
      expect(fileError.message).to.equal(
        '« Mes contacts.csv » : le fichier est vide / "Mes ' +
          'contacts.csv": the file is empty',
      );
    }
  });

  it('exports the header mapping for the import preview', () => {
    const mapping = mapHeaders(['Nom', 'Prénom', 'Couleur préférée']);
    expect(mapping.mapped.map((c) => c.target.field)).to.deep.equal([
      'lastName',
      'firstName',
    ]);
    expect(mapping.unmapped).to.deep.equal([
      { index: 2, header: 'Couleur préférée' },
    ]);
  });
});
