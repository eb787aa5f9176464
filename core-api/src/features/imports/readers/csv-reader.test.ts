import { expect } from 'chai';
import iconv from 'iconv-lite';
import type { ImportedContact } from './imported-contact.ts';
import {
  emailsOf,
  onlyContact,
  phonesOf,
  readAllRows,
  readFixture,
} from './test-support.ts';

/** The one contact of a Roundcube CSV (compared with its vCard in ground-truth.test.ts). */
const roundcubeContact = (stem: string): Promise<ImportedContact> =>
  onlyContact(`csv/${stem}.csv`);

const iso = (text: string, encoding: string): Buffer =>
  iconv.encode(text, encoding);

describe('CSV reader', () => {
  describe('Roundcube fixtures', () => {
    it('roundcube_all.csv: UTF-8 BOM, every column, dd/mm/yyyy birthday', async () => {
      const contact = await roundcubeContact('roundcube_all');
      expect(contact).to.deep.include({
        firstName: 'First Name',
        lastName: 'Last Name',
        birthDate: '1991-01-20',
      });
      expect(contact.affiliations).to.deep.equal([
        {
          companyName: 'Company',
          function: 'Job Title',
          department: 'Department',
          isPrimary: true,
        },
      ]);
      expect(phonesOf(contact)).to.deep.equal([
        '100/home',
        '200/home',
        '300/office',
        '400/office',
        '500/mobile',
        '600/office',
        '700/fax',
        '800/fax',
        '900/mobile',
        '111/other',
        '222/other',
        '333/other',
        '444/other',
      ]);
      expect(contact.emails?.[0]).to.deep.equal({
        address: 'home@example.com',
        label: 'home',
        isPrimary: true,
      });
      // "Prefix" is no civility: nothing is guessed.
      expect(contact.civility).to.equal(undefined);
    });

    it('roundcube_gmail.csv: Google export, quoted multi-line addresses, groups', async () => {
      const contact = await roundcubeContact('roundcube_gmail');
      expect(contact.notes).to.equal('note"note\n\nSurnom : nick');
      expect(contact.terms).to.deep.equal([
        { kind: 'category', path: ['Test'] },
      ]);
      expect(phonesOf(contact)).to.deep.equal([
        'pager/other',
        'mainphone/office',
        'homephone/home',
        'homefax/fax',
        'mobile/mobile',
        'workphone/office',
        'workfax/fax',
      ]);
      expect(contact.emails?.map((e) => e.label)).to.deep.equal([
        'home',
        'work',
        undefined,
        'other',
      ]);
      expect(contact.addresses?.[0]).to.deep.include({
        street: 'home_street',
        street2: 'home_pobox',
        city: 'home_city',
        postalCode: 'home_zip',
        label: 'home',
      });
    });

    it('roundcube_outlook.csv: three Outlook email columns and no name', async () => {
      const contact = await roundcubeContact('roundcube_outlook');
      expect(contact).to.deep.equal({
        emails: [
          { address: 'test1@domain.tld', isPrimary: true },
          { address: 'test2@domain.tld' },
          { address: 'test3@domain.tld' },
        ],
      });
    });

    it('roundcube_thunderbird.csv: birth year, month and day in three columns', async () => {
      const contact = await roundcubeContact('roundcube_thunderbird');
      expect(contact.birthDate).to.equal('1970-11-15');
      expect(contact.addresses?.map((a) => a.country)).to.deep.equal([
        'US',
        'PL',
      ]);
    });

    it('roundcube_email_only.csv: a bare mailing list', async () => {
      const { contacts, issues } = await readFixture(
        'csv/roundcube_email_only.csv',
      );
      expect(contacts.map((c) => emailsOf(c.contact)[0])).to.deep.equal([
        'test1@domain.tld',
        'test2@domain.tld',
        'test3@domain.tld',
        'test4@domain.tld',
      ]);
      expect(contacts.map((c) => c.line)).to.deep.equal([2, 3, 4, 5]);
      expect(issues).to.deep.equal([]);
    });
  });

  describe('Thunderbird fixtures', () => {
    it('thunderbird_basic.csv: two plain rows with trailing empty columns', async () => {
      const { contacts, issues } = await readFixture(
        'csv/thunderbird_basic.csv',
      );
      expect(contacts.map((c) => c.contact)).to.deep.equal([
        {
          firstName: 'John',
          lastName: 'Doe',
          emails: [{ address: 'john@doe.invalid', isPrimary: true }],
        },
        {
          firstName: 'Jane',
          lastName: 'Doe',
          emails: [{ address: 'jane@doe.invalid', isPrimary: true }],
        },
      ]);
      expect(issues).to.deep.equal([]);
    });

    it('thunderbird_csv_no_header.csv: the first row is data, columns guessed', async () => {
      const { contacts } = await readFixture(
        'csv/thunderbird_csv_no_header.csv',
      );
      expect(
        contacts.map((c) => [
          c.line,
          c.contact.firstName,
          c.contact.lastName,
          emailsOf(c.contact)[0],
        ]),
      ).to.deep.equal([
        [1, 'John', 'Doe', 'john@doe.invalid'],
        [2, 'Jane', 'Doe', 'jane@doe.invalid'],
      ]);
    });

    it('thunderbird_csv_semicolon.csv: the semicolon is sniffed', async () => {
      const { contacts } = await readFixture(
        'csv/thunderbird_csv_semicolon.csv',
      );
      expect(
        contacts.map((c) => `${c.contact.firstName} ${c.contact.lastName}`),
      ).to.deep.equal(['John Doe', 'Jane Doe']);
    });

    it('thunderbird_tab_comma_mixed.csv: a comma line then TAB lines, no header', async () => {
      const { contacts, issues } = await readFixture(
        'csv/thunderbird_tab_comma_mixed.csv',
      );
      expect(contacts.map((c) => [c.line, emailsOf(c.contact)])).to.deep.equal([
        [1, ['1@host.invalid']],
        [2, ['2@host.invalid']],
        [3, ['3@host.invalid']],
        [4, ['4@host.invalid']],
      ]);
      // Digit-only cells are not taken for names.
      expect(contacts[3]?.contact.firstName).to.equal(undefined);
      expect(issues).to.deep.equal([]);
    });

    it('thunderbird_export.csv: doubled quotes, TAB and line breaks in quotes', async () => {
      const { contacts, issues } = await readFixture(
        'csv/thunderbird_export.csv',
      );
      expect(contacts.map((c) => c.line)).to.deep.equal([2, 3]);
      expect(contacts[1]?.contact).to.deep.equal({
        firstName: 'Contact',
        lastName: 'Two',
        // A job title with no company is kept as the contact's title.
        title: '"worker"',
        notes: "here's some unicode text…",
      });
      // "contact1@invalid" has no dot in its domain: the schema refuses it, the row stays.
      expect(issues.map((i) => [i.line, i.field])).to.deep.equal([
        [2, 'emails'],
        [3, 'emails'],
      ]);
      expect(issues[0]?.reason).to.equal(
        'Ligne 2 : adresse e-mail invalide « contact1@invalid ' +
          '» (non importée)',
      );
      expect(issues[0]?.reasonEn).to.equal(
        'Line 2: invalid email address "contact1@invalid" ' + '(not imported)',
      );
    });

    it('thunderbird_quote.csv: quoted empty strings, an organisation-only row', async () => {
      const contact = await onlyContact('csv/thunderbird_quote.csv');
      expect(contact).to.deep.equal({
        phones: [{ number: '(800) 000-0000', kind: 'office' }],
        affiliations: [{ companyName: 'Acer America', isPrimary: true }],
      });
    });

    it('thunderbird_utf16_addressbook.csv: UTF-16LE with BOM', async () => {
      const contact = await onlyContact(
        'csv/thunderbird_utf16_addressbook.csv',
      );
      expect(contact).to.deep.equal({
        firstName: 'John',
        lastName: 'Doe',
        emails: [{ address: 'johndoe@host.invalid', isPrimary: true }],
      });
    });

    it('thunderbird_shiftjis_addressbook.csv: Shift_JIS names decoded', async () => {
      const { contacts, issues } = await readFixture(
        'csv/thunderbird_shiftjis_addressbook.csv',
      );
      expect(contacts[0]?.contact).to.deep.equal({
        firstName: '権兵衛',
        lastName: '名無し',
        // A UTF-8 local part is an address (RFC 6531): kept.
        emails: [{ address: '名無しの権兵衛@host.invalid', isPrimary: true }],
      });
      expect(issues).to.have.length(0);
    });
  });

  describe('CiviCRM and Monica fixtures', () => {
    it('civicrm_column_names_casing.csv: FIRSTNAME, LASTNAME, ID', async () => {
      const contact = await onlyContact('csv/civicrm_column_names_casing.csv');
      // "Do Not Mail" is 0: no opt-out.
      expect(contact).to.deep.equal({
        firstName: 'Mary',
        lastName: 'Jones',
        externalId: '1',
      });
    });

    it("civicrm_individual_unicode.csv: Côte d'Ivoire, an IDN website", async () => {
      const contact = await onlyContact('csv/civicrm_individual_unicode.csv');
      expect(contact.addresses).to.deep.equal([
        { country: 'CI', isPrimary: true },
      ]);
      expect(contact.socialAccounts).to.deep.equal([
        { network: 'other', url: 'https://কানাডা.com' },
      ]);
    });

    it(
      'civicrm_organization_multiple_duplicates_invalid.csv: every row kept for the ' +
        'deduplication step',
      async () => {
        const { contacts } = await readFixture(
          'csv/civicrm_organization_multiple_duplicates_invalid.csv',
        );
        expect(
          contacts.map((c) => [
            c.contact.affiliations?.[0]?.companyName,
            emailsOf(c.contact)[0],
          ]),
        ).to.deep.equal([
          ['BobCo', undefined],
          ['Cindy', 'bobco@null.com'],
          ['BobCo', 'bobco@null.com'],
        ]);
      },
    );

    const civicrmDates: [string, string[]][] = [
      ['civicrm_individual_dates_type8.csv', ['2008-09-12']],
      ['civicrm_individual_dates_type16.csv', ['2008-09-01', '2008-09-01']],
      ['civicrm_individual_dates_type32.csv', ['2008-09-01', '2008-09-01']],
    ];
    for (const [name, dates] of civicrmDates) {
      it(`${name}: birth dates as the expected column says, "Type" codes reported`, async () => {
        const { contacts, issues } = await readFixture(`csv/${name}`);
        expect(contacts.map((c) => c.contact.birthDate)).to.deep.equal(dates);
        const streets = contacts.map(
          (c) => c.contact.addresses?.[0]?.street ?? '',
        );
        expect(streets.every((street) => / Downing St$/.test(street))).to.equal(
          true,
        );
        // CiviCRM's "Type" column holds date-format codes, not contact types.
        expect(issues.every((i) => i.field === 'contactType')).to.equal(true);
        expect(issues).to.have.length(dates.length);
      });
    }

    it('monica_single_contact_stub.csv: a 29-field row under a 4-column header', async () => {
      const { contacts, issues } = await readFixture(
        'csv/monica_single_contact_stub.csv',
      );
      expect(contacts).to.have.length(1);
      expect(contacts[0]).to.deep.equal({
        line: 2,
        contact: { firstName: 'Bono', lastName: 'Hewson', externalId: '0' },
      });
      expect(issues).to.have.length(1);
      expect(issues[0]?.line).to.equal(2);
      expect(issues[0]?.reason).to.equal(
        "Ligne 2 : 2 valeurs au-delà des 4 colonnes de l'en-tête, ignorées : " +
          '« 1960-05-10 », « bono@example.com »',
      );
      expect(issues[0]?.reasonEn).to.contain("beyond the header's 4 columns");
    });
  });

  describe('Outlook French headers', () => {
    it(
      'outlook_fr_header_reconstructed.cp1252.csv: a header-only file yields nothing, without ' +
        'error',
      async () => {
        expect(
          await readFixture('csv/outlook_fr_header_reconstructed.cp1252.csv'),
        ).to.deep.equal({
          contacts: [],
          issues: [],
        });
      },
    );

    it(
      'outlook_fr_header_mojibake_bug9367.utf8.csv: the mojibake header alone yields nothing ' +
        'either',
      async () => {
        expect(
          await readFixture('csv/outlook_fr_header_mojibake_bug9367.utf8.csv'),
        ).to.deep.equal({
          contacts: [],
          issues: [],
        });
      },
    );

    it('reads a Windows-1252 Outlook FR row with two "Titre" columns', async () => {
      const csv =
        '"Titre","Prénom","Nom","Société","Service","Titre","Rue (bureau)","Ville (bureau)",' +
        '"Code postal (bureau)","Pays/Région (bureau)","Téléphone (bureau)","Tél. mobile",' +
        '"Adresse de messagerie","Anniversaire","Catégories"\r\n' +
        '"Mme","Hélène","Lefèvre","Télérama","Culture","Rédactrice en chef",' +
        '"3 rue Œuf","Paris",' +
        '"75011","France","01 02 03 04 05","06 07 08 09 10","Helene.Lefevre@Telerama.fr ' +
        '","1/8/1973",' +
        '"VIP;Presse écrite"\r\n';
      const { contacts, issues } = await readAllRows(
        'export.csv',
        iso(csv, 'windows-1252'),
      );
      expect(issues).to.deep.equal([]);
      expect(contacts[0]?.contact).to.deep.equal({
        civility: 'MME',
        firstName: 'Hélène',
        lastName: 'Lefèvre',
        birthDate: '1973-08-01',
        emails: [{ address: 'helene.lefevre@telerama.fr', isPrimary: true }],
        phones: [
          { number: '01 02 03 04 05', kind: 'office' },
          { number: '06 07 08 09 10', kind: 'mobile' },
        ],
        addresses: [
          {
            street: '3 rue Œuf',
            postalCode: '75011',
            city: 'Paris',
            country: 'FR',
            label: 'work',
            isPrimary: true,
          },
        ],
        affiliations: [
          {
            companyName: 'Télérama',
            function: 'Rédactrice en chef',
            department: 'Culture',
            isPrimary: true,
          },
        ],
        terms: [
          { kind: 'category', path: ['VIP'] },
          { kind: 'category', path: ['Presse écrite'] },
        ],
      });
    });
  });

  describe('encodings', () => {
    const frenchCsv =
      'Prénom;Nom;Société;E-mail\nÉloïse;Lœuvre;Le Bien Public;eloise@bp.fr\n';
    const expected = { firstName: 'Éloïse', lastName: 'Lœuvre' };

    for (const [label, bytes] of [
      ['UTF-8 without BOM', Buffer.from(frenchCsv, 'utf8')],
      [
        'UTF-8 with BOM',
        Buffer.concat([
          Buffer.from([0xef, 0xbb, 0xbf]),
          Buffer.from(frenchCsv),
        ]),
      ],
      ['Windows-1252', iso(frenchCsv, 'windows-1252')],
      [
        'UTF-16LE with BOM',
        Buffer.concat([Buffer.from([0xff, 0xfe]), iso(frenchCsv, 'utf-16le')]),
      ],
      [
        'UTF-16BE with BOM',
        Buffer.concat([Buffer.from([0xfe, 0xff]), iso(frenchCsv, 'utf-16be')]),
      ],
      ['UTF-16LE without BOM', iconv.encode(frenchCsv, 'utf-16le')],
      ['UTF-16BE without BOM', iconv.encode(frenchCsv, 'utf-16be')],
    ] as const) {
      it(`reads ${label}`, async () => {
        const { contacts } = await readAllRows('f.csv', bytes);
        expect(contacts[0]?.contact).to.deep.include(expected);
      });
    }

    it('reads Latin-1 as cp1252, and stray cp1252 bytes in UTF-8', async () => {
      const latin1 = await readAllRows(
        'f.csv',
        iso('Nom,Prénom\nGarçon,Noël\n', 'latin1'),
      );
      expect(latin1.contacts[0]?.contact).to.deep.equal({
        lastName: 'Garçon',
        firstName: 'Noël',
      });
      const mixed = Buffer.concat([
        Buffer.from('Nom,Prénom\nGarçon,'),
        Buffer.from([0x4e, 0x6f, 0xeb, 0x6c, 0x0a]),
      ]);
      const { contacts } = await readAllRows('f.csv', mixed);
      expect(contacts[0]?.contact).to.deep.equal({
        lastName: 'Garçon',
        firstName: 'Noël',
      });
    });
  });

  describe('structure', () => {
    it('reads the client workbook columns: terms, civilities, type, handles', async () => {
      const csv =
        'Civilité;NOM;Prénom;Média / ' +
        'Organisme;Fonction;Rubrique(s);Type;Twitter/X;E-mail;E-mail perso\n' +
        'Monsieur;LE ROUX;Mérovée;Le Monde;Critique;"Culture ; Culture > ' +
        'Musique";Presse;@mleroux;' +
        'm.leroux@lemonde.fr;merovee@free.fr\n' +
        'Mlle;Durand;Zoé;Mairie de ' +
        'Lyon;Attachée;Politique;Institutionnel;https://x.com/zdurand;;\n';
      const { contacts, issues } = await readAllRows(
        'presse.csv',
        Buffer.from(csv),
      );
      expect(issues).to.deep.equal([]);
      expect(contacts[0]?.contact).to.deep.equal({
        civility: 'M',
        firstName: 'Mérovée',
        lastName: 'Le Roux',
        contactType: 'press',
        emails: [
          { address: 'm.leroux@lemonde.fr', isPrimary: true },
          { address: 'merovee@free.fr', label: 'home' },
        ],
        socialAccounts: [{ network: 'twitter', handle: 'mleroux' }],
        affiliations: [
          { companyName: 'Le Monde', function: 'Critique', isPrimary: true },
        ],
        terms: [
          { kind: 'domain', path: ['Culture'] },
          { kind: 'domain', path: ['Culture', 'Musique'] },
        ],
      });
      expect(contacts[1]?.contact).to.deep.include({
        civility: 'MME',
        contactType: 'institutional',
      });
      expect(contacts[1]?.contact.socialAccounts).to.deep.equal([
        { network: 'twitter', url: 'https://x.com/zdurand', handle: 'zdurand' },
      ]);
    });

    it('skips title and blank lines, numbering lines as in the file', async () => {
      const csv =
        'Export du 12/03/2026\r\n\r\nNom,Prénom,Notes\r\nMartin,Léa,"ligne 1\r\nligne ' +
        '2"\r\n\r\nPetit,Jean,\r\n';
      const { contacts } = await readAllRows('f.csv', Buffer.from(csv));
      expect(
        contacts.map((c) => [c.line, c.contact.lastName, c.contact.notes]),
      ).to.deep.equal([
        [4, 'Martin', 'ligne 1\r\nligne 2'],
        [7, 'Petit', undefined],
      ]);
    });

    it('reads old Mac CR-only line ends and Excel\'s "sep=" hint', async () => {
      const { contacts } = await readAllRows(
        'f.csv',
        Buffer.from('sep=|\rNom|Prénom\rMartin|Léa\r'),
      );
      expect(contacts.map((c) => c.contact)).to.deep.equal([
        { lastName: 'Martin', firstName: 'Léa' },
      ]);
    });

    it('reports a row that identifies nobody, skips empty rows', async () => {
      const csv = 'Nom,Prénom,Ville\nMartin,Léa,Lyon\n,,Paris\n,,\n';
      const { contacts, issues } = await readAllRows('f.csv', Buffer.from(csv));
      expect(contacts).to.have.length(1);
      expect(issues.map((i) => [i.line, i.reason])).to.deep.equal([
        [
          3,
          'Ligne 3 : ni nom, ni prénom, ni e-mail, ni société : ligne non importée',
        ],
      ]);
    });

    it('keeps numbers that lost their zero as written, and names the unknown country', async () => {
      const csv =
        'Nom,Portable,Code postal,Pays\nMartin,612345678,1000,Syldavie\n';
      const { contacts, issues } = await readAllRows('f.csv', Buffer.from(csv));
      expect(phonesOf(contacts[0]?.contact ?? {})).to.deep.equal([
        '612345678/mobile',
      ]);
      // Outside France a four-digit code is real: only French ones get Excel's lost zero back.
      expect(contacts[0]?.contact.addresses).to.deep.equal([
        { postalCode: '1000', isPrimary: true },
      ]);
      expect(issues[0]).to.deep.include({
        line: 2,
        field: 'addresses',
        reasonEn: 'Line 2: unknown country "Syldavie" (left empty)',
      });
    });
  });
});
