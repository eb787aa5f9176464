import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { ImportFileError } from './read-types.ts';
import type { Found, ReadResult } from './test-support.ts';
import {
  emailsOf,
  fixture,
  phonesOf,
  readAllRows,
  readFixture,
  writeWorkbook,
} from './test-support.ts';

const CLIENT_FILE = 'xlsx/fichier_presse_exemple.xlsx';

describe('xlsx reader', () => {
  let client: ReadResult;
  let dir: string;
  const at = (sheet: string, line: number): Found | undefined =>
    client.contacts.find((c) => c.sheet === sheet && c.line === line);

  before(async () => {
    client = await readFixture(CLIENT_FILE);
    dir = mkdtempSync(join(tmpdir(), 'relais-xlsx-'));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads all four sheets of the client workbook: 2,000 contacts, no issue', () => {
    const perSheet = new Map<string, number>();
    for (const found of client.contacts)
      perSheet.set(
        found.sheet ?? '',
        (perSheet.get(found.sheet ?? '') ?? 0) + 1,
      );
    expect([...perSheet]).to.deep.equal([
      ['Presse nationale', 500],
      ['Presse régionale', 500],
      ['Audiovisuel', 500],
      ['Institutionnels', 500],
    ]);
    expect(client.issues).to.deep.equal([]);
    // The header sits on row 3, under a merged title line: data starts on row 4.
    expect(client.contacts[0]?.line).to.equal(4);
    expect(
      client.contacts.filter((c) => c.sheet === 'Audiovisuel').at(-1)?.line,
    ).to.equal(503);
  });

  it('reads the first row of "Presse nationale" field by field', () => {
    expect(at('Presse nationale', 4)?.contact).to.deep.equal({
      civility: 'M',
      firstName: 'Mérovée',
      lastName: 'Le Roux',
      birthDate: '1973-08-01',
      origin: 'Salon 2023',
      emails: [{ address: 'merovee.leroux@lemonde.fr', isPrimary: true }],
      phones: [
        { number: '02 46 83 02 92', kind: 'office' },
        { number: '0690692591', kind: 'mobile' },
      ],
      addresses: [
        {
          street: '3 Quai du Faubourg-Saint-Denis',
          postalCode: '57764',
          city: 'Dunkerque',
          isPrimary: true,
        },
      ],
      affiliations: [
        { companyName: 'Le Monde', function: 'Critique', isPrimary: true },
      ],
      terms: [
        { kind: 'domain', path: ['Sciences'] },
        { kind: 'domain', path: ['Médias'] },
      ],
    });
  });

  it('reads civility spellings, personal emails, sub-domains and comments', () => {
    const alice = at('Presse nationale', 5)?.contact;
    expect(alice).to.deep.include({
      civility: 'MME',
      firstName: 'Alice',
      lastName: 'Morel',
    });
    expect(alice?.emails).to.deep.equal([
      { address: 'alice.morel@lobs.fr', isPrimary: true },
      { address: 'alice35@free.fr', label: 'home' },
    ]);
    const edmee = at('Presse nationale', 6)?.contact;
    expect(edmee).to.deep.include({
      civility: 'MME',
      notes: 'Contact via son assistante',
    });
    expect(edmee?.terms).to.deep.equal([
      { kind: 'domain', path: ['Culture'] },
      { kind: 'domain', path: ['Culture', 'Musique'] },
    ]);
    expect(at('Presse nationale', 7)?.contact.civility).to.equal('M');
    expect(at('Presse nationale', 8)?.contact.civility).to.equal('MME');
    expect(at('Presse nationale', 97)?.contact.socialAccounts).to.deep.equal([
      { network: 'twitter', handle: 'renaudphilip' },
    ]);
  });

  it('keeps numbers Excel mangled as text and gives postal codes their zero back', () => {
    // Phone typed as the number 132508441: kept as written, the service restores the zero.
    expect(phonesOf(at('Presse nationale', 8)?.contact ?? {})[0]).to.equal(
      '132508441/office',
    );
    expect(
      at('Presse nationale', 5)?.contact.addresses?.[0]?.postalCode,
    ).to.equal('33144');
    expect(
      at('Presse régionale', 485)?.contact.addresses?.[0]?.postalCode,
    ).to.equal('05892');
    expect(phonesOf(at('Institutionnels', 4)?.contact ?? {})).to.deep.equal([
      '02 97 78 47 03/office',
      '604098806/mobile',
    ]);
    expect(phonesOf(at('Presse régionale', 8)?.contact ?? {})).to.include(
      '0260882585/fax',
    );
  });

  it('reads birth dates typed as text and stored as Excel dates', () => {
    expect(at('Presse régionale', 388)?.contact.birthDate).to.equal(
      '1964-07-03',
    );
    expect(at('Audiovisuel', 485)?.contact.birthDate).to.equal('1979-06-03');
    expect(at('Institutionnels', 6)?.contact.birthDate).to.equal('1993-05-13');
    const withDates = client.contacts.filter((c) => c.contact.birthDate).length;
    expect(withDates).to.equal(612);
  });

  it('reads one sheet when asked, and names a missing one', async () => {
    const only = await readAllRows('presse.xlsx', fixture(CLIENT_FILE), {
      sheet: 'Audiovisuel',
    });
    expect(only.contacts).to.have.length(500);
    expect(only.contacts.every((c) => c.sheet === 'Audiovisuel')).to.equal(
      true,
    );
    expect(emailsOf(only.contacts[0]?.contact ?? {})).to.deep.equal([
      'claude.joly@franceinfo.fr',
    ]);
    try {
      await readAllRows('presse.xlsx', fixture(CLIENT_FILE), {
        sheet: 'Absente',
      });
      expect.fail('expected an ImportFileError');
    } catch (error) {
      expect(error).to.be.instanceOf(ImportFileError);
      expect((error as ImportFileError).reason).to.equal(
        'feuille « Absente » introuvable',
      );
    }
  });

  it('reads a workbook given as bytes, the same as by path', async () => {
    const { readFileSync } = await import('node:fs');
    const fromBytes = await readAllRows(
      'presse.xlsx',
      readFileSync(fixture(CLIENT_FILE)),
      {
        sheet: 'Institutionnels',
      },
    );
    expect(fromBytes.contacts).to.have.length(500);
    expect(fromBytes.contacts[0]?.contact.lastName).to.equal('Leroux');
  });

  it('names the sheet and row in issues; serials, Date cells and bad dates', async () => {
    const path = await writeWorkbook(dir, [
      { name: 'Notes', rows: [['Liste de diffusion, ne pas modifier']] },
      {
        name: 'Presse',
        rows: [
          ['Fichier presse'],
          [],
          ['Civilité', 'NOM', 'Prénom', 'Date de naissance', 'CP', 'E-mail'],
          ['Mme', 'Durand', 'Zoé', '31/02/1980', 1000, 'zoe@exemple.fr'],
          ['M.', 'Petit', 'Jean', 26877, '75011', 'jean@exemple.fr'],
          [
            'M',
            'Roux',
            'Paul',
            new Date(Date.UTC(1975, 11, 25)),
            69001,
            'PAUL@Exemple.fr ',
          ],
        ],
      },
    ]);
    const { contacts, issues } = await readAllRows('test.xlsx', path);
    expect(
      contacts.map((c) => [
        c.sheet,
        c.line,
        c.contact.lastName,
        c.contact.birthDate,
        c.contact.addresses?.[0]?.postalCode,
        emailsOf(c.contact)[0],
      ]),
    ).to.deep.equal([
      ['Presse', 4, 'Durand', undefined, '01000', 'zoe@exemple.fr'],
      ['Presse', 5, 'Petit', '1973-08-01', '75011', 'jean@exemple.fr'],
      ['Presse', 6, 'Roux', '1975-12-25', '69001', 'paul@exemple.fr'],
    ]);
    expect(issues).to.deep.equal([
      {
        line: 1,
        sheet: 'Notes',
        reason:
          "Feuille « Notes », ligne 1 : aucune ligne d'en-tête reconnue dans les " +
          'premières lignes, ' +
          'feuille ignorée',
        reasonEn:
          'Sheet "Notes", row 1: no header row recognised in the first rows, sheet skipped',
      },
      {
        line: 4,
        sheet: 'Presse',
        field: 'birthDate',
        reason:
          'Feuille « Presse », ligne 4 : date de naissance impossible « 31/02/1980 » (non ' +
          'importée)',
        reasonEn:
          'Sheet "Presse", row 4: impossible birth date "31/02/1980" (not imported)',
      },
    ]);
  });

  it('refuses a workbook with no contact sheet at all', async () => {
    const path = await writeWorkbook(dir, [
      {
        name: 'Budget',
        rows: [
          ['Poste', 'Montant'],
          ['Loyer', 1200],
        ],
      },
    ]);
    try {
      await readAllRows('budget.xlsx', path);
      expect.fail('expected an ImportFileError');
    } catch (error) {
      expect(error).to.be.instanceOf(ImportFileError);
      expect((error as ImportFileError).message).to.equal(
        '« budget.xlsx » : aucune feuille ne contient de liste de contacts reconnue / ' +
          '"budget.xlsx": no sheet holds a recognisable contact list',
      );
    }
  });
});
