import { expect } from 'chai';
import iconv from 'iconv-lite';
import {
  emailsOf,
  onlyContact,
  phonesOf,
  readAllRows,
  readFixture,
} from './test-support.ts';

describe('vCard reader', () => {
  describe('vCard 2.1 exports', () => {
    it('ezvcard_John_Doe_ANDROID.vcf: six cards, QP UTF-8 with soft breaks', async () => {
      const { contacts, issues } = await readFixture(
        'vcard/ezvcard_John_Doe_ANDROID.vcf',
      );
      expect(contacts.map((c) => c.line)).to.deep.equal([1, 6, 11, 18, 36, 71]);
      expect(emailsOf(contacts[0]?.contact ?? {})).to.deep.equal([
        'john.doe@company.com',
      ]);
      expect(contacts[0]?.contact.terms).to.deep.equal([
        { kind: 'category', path: ['My Contacts'] },
      ]);
      expect(contacts[2]?.contact).to.deep.include({ lastName: 'Ñ Ñ Ñ Ñ' });
      expect(phonesOf(contacts[2]?.contact ?? {})).to.deep.equal([
        '123456789/mobile',
      ]);
      // The N value continues after a "=" soft break.
      expect(contacts[3]?.contact.lastName).to.equal('Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ');
      expect(phonesOf(contacts[3]?.contact ?? {})).to.deep.equal([
        '123456/mobile',
        '234567/home',
        '3456789/mobile',
        '45678901/home',
      ]);
      expect(contacts[4]?.contact).to.deep.include({
        firstName: 'Ñ Ñ Ñ',
        lastName: 'Ñ Ñ',
      });
      expect(phonesOf(contacts[4]?.contact ?? {})).to.deep.equal([
        '123456/mobile',
        '123456/office',
        '123456/fax',
      ]);
      // The fixture's last ORG ends in =80, not UTF-8: that byte is read as Windows-1252.
      expect(contacts[5]?.contact.affiliations?.[1]?.companyName).to.match(
        /^Ñ{44}€$/,
      );
      expect(issues).to.have.length(1);
      expect(issues[0]).to.deep.include({ line: 36, field: 'emails' });
      expect(issues[0]?.reasonEn).to.equal(
        'Line 36: invalid email address "ññññññññññññññ" ' + '(not imported)',
      );
    });

    it('ezvcard_John_Doe_MS_OUTLOOK.vcf: QP labels, photo, X-MS-*', async () => {
      const contact = await onlyContact(
        'vcard/ezvcard_John_Doe_MS_OUTLOOK.vcf',
      );
      expect(contact).to.deep.include({
        civility: 'M',
        firstName: 'John',
        lastName: 'Doe',
        birthDate: '1980-03-22',
      });
      expect(contact.affiliations).to.deep.equal([
        {
          companyName: 'IBM',
          function: 'Money Counter',
          department: 'Accounting',
          isPrimary: true,
        },
      ]);
      expect(phonesOf(contact)).to.deep.equal([
        '(905) 555-1234/office',
        '(905) 666-1234/home',
      ]);
      expect(contact.addresses?.[0]).to.deep.include({
        street: 'Cresent moon drive',
        city: 'Albaney',
        region: 'New York',
        postalCode: '12345',
        country: 'US',
        label: 'work',
      });
      expect(emailsOf(contact)).to.deep.equal(['john.doe@ibm.cm']);
      expect(contact.notes).to.match(
        /^THIS SOFTWARE IS PROVIDED BY GEORGE EL-HADDAD/,
      );
    });

    it('ezvcard_outlook-2003.vcf: QP note over a soft break, indented base64 key', async () => {
      const contact = await onlyContact('vcard/ezvcard_outlook-2003.vcf');
      expect(contact).to.deep.include({
        civility: 'M',
        firstName: 'John',
        lastName: 'Doe',
        birthDate: '1980-03-21',
      });
      expect(contact.notes).to.equal(
        'This is the note field!!\nSecond line\n\nThird line is ' +
          'empty\n\nSurnom : Joey',
      );
      expect(contact.affiliations?.[0]).to.deep.include({
        companyName: 'Company, The',
        department: 'TheDepartment',
        function: 'The Job Title',
      });
      expect(phonesOf(contact)).to.deep.equal([
        'BusinessPhone/office',
        'HomePhone/home',
        'MobilePhone/mobile',
        'BusinessFaxPhone/fax',
      ]);
      expect(contact.addresses?.[0]).to.deep.include({
        street: '123 Main St',
        street2: 'TheOffice',
        city: 'Austin',
        region: 'TX',
        country: 'US',
      });
    });

    it('ezvcard_outlook-2007.vcf: us-ascii QP note, blank line after a key', async () => {
      const contact = await onlyContact('vcard/ezvcard_outlook-2007.vcf');
      expect(contact).to.deep.include({
        firstName: 'Michael',
        lastName: 'Angstadt',
        birthDate: '1922-03-10',
      });
      expect(contact.notes).to.match(
        /^This is the NOTE field\t\nI assume it encodes/,
      );
      expect(phonesOf(contact)).to.deep.equal([
        '(111) 555-1111/office',
        '(111) 555-2222/home',
        '(111) 555-4444/mobile',
        '(111) 555-3333/fax',
      ]);
      expect(emailsOf(contact)).to.deep.equal(['mike.angstadt@gmail.com']);
    });

    it('ezvcard_John_Doe_BLACK_BERRY.vcf: single-line base64 photo then a blank line', async () => {
      const contact = await onlyContact(
        'vcard/ezvcard_John_Doe_BLACK_BERRY.vcf',
      );
      expect(contact).to.deep.equal({
        firstName: 'John',
        lastName: 'Doe',
        phones: [{ number: '+96123456789', kind: 'mobile' }],
        affiliations: [{ companyName: 'Acme Solutions', isPrimary: true }],
      });
    });

    it('roundcube_johndoe.vcf: raw Windows-1252 byte under CHARSET=windows-1252', async () => {
      const contact = await onlyContact('vcard/roundcube_johndoe.vcf');
      expect(contact).to.deep.include({
        firstName: 'John',
        lastName: 'Doë',
        notes: 'The notes...',
      });
      // TYPE=pref puts the home address first.
      expect(contact.emails).to.deep.equal([
        { address: 'roundcube@gmail.com', label: 'home', isPrimary: true },
        { address: 'inbox@roundcube.net', label: 'work' },
      ]);
      expect(phonesOf(contact)).to.deep.equal([
        '+123456789/office',
        '+987654321/mobile',
      ]);
      expect(contact.addresses?.[0]).to.deep.include({
        street: 'The street',
        postalCode: '5555',
        city: 'Hometown',
        country: 'KY',
      });
    });

    it('roundcube_thebat.vcf: QP without CHARSET is read as Windows-1252', async () => {
      const contact = await onlyContact('vcard/roundcube_thebat.vcf');
      // Byte F1 is "ń" in the Polish code page; with no charset declared the rule is cp1252.
      expect(contact).to.deep.equal({
        firstName: 'Piotr',
        lastName: 'Iksiñski',
        emails: [{ address: 'piotr.iksinski@somedomain.com', isPrimary: true }],
      });
    });

    it('sabre_issue64.vcf: a photo-only card is reported', async () => {
      const { contacts, issues } = await readFixture('vcard/sabre_issue64.vcf');
      expect(contacts).to.deep.equal([]);
      expect(issues.map((i) => [i.line, i.reasonEn])).to.deep.equal([
        [
          1,
          'Line 1: no surname, first name, email or company: row not imported',
        ],
      ]);
    });

    it('syncevolution_vcard21.vcf: the 2.1 torture set', async () => {
      const { contacts, issues } = await readFixture(
        'vcard/syncevolution_vcard21.vcf',
      );
      expect(contacts).to.have.length(16);
      const byNick = (nick: string) =>
        contacts.find((c) => c.contact.notes?.endsWith(`Surnom : ${nick}`));
      expect(byNick('user16')?.contact).to.deep.include({
        lastName: 'Incomplete',
      });
      expect(byNick('user16')?.contact.emails).to.equal(undefined);
      const john = byNick('user1')?.contact;
      expect(john).to.deep.include({
        firstName: 'John',
        lastName: 'Doe',
        birthDate: '2006-01-08',
        externalId: 'pas-id-43C0ED3900000001',
      });
      expect(emailsOf(john ?? {})).to.deep.equal([
        'john.doe@work.com',
        'john.doe@home.priv',
        'john.doe@other.world',
        'john.doe@yet.another.world',
      ]);
      expect(john?.affiliations).to.deep.equal([
        {
          companyName: 'Test Inc.',
          function: 'Senior Tester',
          department: 'Testing',
          isPrimary: true,
        },
      ]);
      expect(byNick('user6')?.contact).to.deep.include({
        firstName: 'First ; special ;',
        lastName: 'Last',
      });
      expect(byNick('user2')?.contact).to.deep.include({
        firstName: 'Ä',
        lastName: 'Ü',
      });
      expect(byNick('user8')?.contact.notes).to.match(
        /comma , colon : semicolon ;/,
      );
      expect(issues.every((i) => i.field === 'addresses')).to.equal(true);
    });
  });

  describe('vCard 3.0 exports', () => {
    it('ezvcard_John_Doe_IPHONE.vcf: item groups, labels, large photo, CR CR LF', async () => {
      const contact = await onlyContact('vcard/ezvcard_John_Doe_IPHONE.vcf');
      expect(contact).to.deep.include({
        civility: 'M',
        firstName: 'John',
        lastName: 'Doe',
        birthDate: '2012-06-06',
        notes: 'Surnom : Johny',
      });
      expect(emailsOf(contact)).to.deep.equal(['john.doe@ibm.com']);
      expect(phonesOf(contact)).to.deep.equal([
        '905-555-1234/mobile',
        '905-666-1234/home',
        '905-777-1234/office',
        '905-888-1234/fax',
        '905-999-1234/fax',
        '905-111-1234/other',
        '905-222-1234/other',
      ]);
      expect(contact.addresses?.[1]).to.deep.include({
        street: 'Street4',
        street2: 'Building 6, Floor 8',
        label: 'work',
      });
      expect(contact.socialAccounts).to.deep.equal([
        { network: 'other', url: 'http://www.ibm.com' },
      ]);
    });

    it('ezvcard MAC_ADDRESS_BOOK and LOTUS_NOTES: Apple exports with photos', async () => {
      const mac = await onlyContact(
        'vcard/ezvcard_John_Doe_MAC_ADDRESS_BOOK.vcf',
      );
      expect(mac.affiliations?.[0]).to.deep.include({
        companyName: 'IBM',
        department: 'Accounting',
      });
      expect(phonesOf(mac)[0]).to.equal('905-777-1234/office');
      expect(mac.notes).to.match(
        /^THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"/,
      );
      const lotus = await onlyContact('vcard/ezvcard_John_Doe_LOTUS_NOTES.vcf');
      expect(lotus).to.deep.include({
        firstName: 'John',
        lastName: 'Doe',
        birthDate: '1980-05-21',
        externalId: '0e7602cc-443e-4b82-b4b1-90f62f99a199',
      });
      expect(lotus.notes).to.match(/Surnom : Johny, JayJay$/);
      expect(lotus.addresses?.[0]).to.deep.include({
        street: '25334 South cresent drive, Building 5, 3rd floo r',
        city: 'New York',
        country: 'US',
      });
      expect(phonesOf(lotus)).to.deep.equal([
        '+1 (212) 204-34456/mobile',
        '00-1-212-555-7777/fax',
      ]);
    });

    it('ezvcard_John_Doe_EVOLUTION.vcf: words folded mid-token, quoted X- parameters', async () => {
      const contact = await onlyContact('vcard/ezvcard_John_Doe_EVOLUTION.vcf');
      expect(emailsOf(contact)).to.deep.equal(['john.doe@ibm.com']);
      expect(phonesOf(contact)).to.deep.equal([
        '905-666-1234/mobile',
        '905-555-1234/office',
      ]);
      expect(contact.addresses?.[0]).to.deep.include({
        street: '15 Crescent moon drive',
        street2: 'ASB-123',
        country: 'US',
      });
      // VIP is a contact type's label: read as the type, not as a category.
      expect(contact.contactType).to.equal('vip');
      expect(contact.terms).to.equal(undefined);
      expect(contact.externalId).to.equal('477343c8e6bf375a9bac1f96a5000837');
    });

    it('ezvcard_John_Doe_GMAIL.vcf: the whole address in the extended part', async () => {
      const contact = await onlyContact('vcard/ezvcard_John_Doe_GMAIL.vcf');
      expect(contact.addresses?.[0]).to.deep.include({
        street: 'Crescent moon drive',
        street2:
          '555-asd, Nice Area, Albaney, New York 12345, United States of America',
        label: 'home',
      });
      expect(contact.notes)
        .to.match(/CONTRIBUTORS "AS IS"/)
        .and.match(/Favotire Color: Blue$/);
    });

    it('ezvcard_gmail-single2.vcf: eleven phones, custom labels, escaped URLs', async () => {
      const contact = await onlyContact('vcard/ezvcard_gmail-single2.vcf');
      expect(contact).to.deep.include({
        firstName: 'VCard',
        lastName: 'Test',
        birthDate: '1912-06-23',
      });
      expect(emailsOf(contact)).to.have.length(5);
      expect(phonesOf(contact)).to.have.length(11);
      expect(phonesOf(contact)).to.include.members([
        '5555551115/mobile',
        '5555551117/fax',
      ]);
      expect(contact.socialAccounts?.map((a) => a.url)).to.include(
        'http://www.example1.com',
      );
      expect(contact.addresses).to.have.length(5);
    });

    it('ezvcard_rfc2426-example.vcf: two cards, address folded across lines', async () => {
      const { contacts } = await readFixture(
        'vcard/ezvcard_rfc2426-example.vcf',
      );
      expect(
        contacts.map((c) => [c.contact.firstName, c.contact.lastName]),
      ).to.deep.equal([
        ['Frank', 'Dawson'],
        ['Tim', 'Howes'],
      ]);
      expect(emailsOf(contacts[0]?.contact ?? {})).to.deep.equal([
        'frank_dawson@lotus.com',
        'fdawson@earthlink.net',
      ]);
      expect(contacts[1]?.contact.addresses?.[0]).to.deep.include({
        street: '501 E. Middlefield Rd.',
        city: 'Mountain View',
        region: 'CA',
        postalCode: '94043',
        country: 'US',
      });
      expect(contacts[0]?.contact.affiliations?.[0]?.companyName).to.equal(
        'Lotus Development Corporation',
      );
    });

    it('ezvcard_thunderbird-extension.vcf: CHARSET in 3.0, escaped commas', async () => {
      const contact = await onlyContact(
        'vcard/ezvcard_thunderbird-extension.vcf',
      );
      expect(contact).to.deep.include({
        firstName: 'John',
        lastName: 'Doe',
        birthDate: '1970-09-21',
      });
      expect(contact.affiliations?.[0]).to.deep.equal({
        companyName: 'TheOrganization',
        department: 'TheDepartment',
        function: 'TheTitle',
        isPrimary: true,
      });
      expect(contact.terms?.map((t) => t.path[0])).to.deep.equal([
        'category1',
        'category2',
        'category3',
      ]);
      expect(emailsOf(contact)[0]).to.equal('doe.john@hotmail.com');
      expect(contact.notes).to.contain(
        'You can put anything in the "note" field; even curse ' + 'words.',
      );
    });

    it('icaljs_escape_semicolon.vcf: escapes in TEL, BDAY with a time, no N', async () => {
      const contact = await onlyContact('vcard/icaljs_escape_semicolon.vcf');
      expect(contact).to.deep.include({
        firstName: 'First Last',
        lastName: 'NextCloud',
        birthDate: '2019-02-10',
        externalId: 'ad612c16-fe12-4ec5-abf6-49998ee5ab88',
      });
      expect(phonesOf(contact)).to.deep.equal([
        '11111111/home',
        '205333/mobile',
        '205246;;,;/fax',
        '222222/office',
      ]);
      expect(contact.terms).to.deep.equal([
        { kind: 'category', path: ['Test-Kontakte'] },
      ]);
    });

    it('icaljs_vcard3.vcf: two N and three BDAY (the first wins), AGENT ignored', async () => {
      const contact = await onlyContact('vcard/icaljs_vcard3.vcf');
      expect(contact).to.deep.include({
        civility: 'M',
        firstName: 'John',
        lastName: 'Public',
        birthDate: '1996-04-15',
      });
      expect(emailsOf(contact)).to.deep.equal([
        'jane_doe@abc.com',
        'jqpublic@xyz.dom1.com',
        'jdoe@isp.net',
      ]);
      expect(contact.affiliations).to.deep.equal([
        {
          companyName: 'ABC, Inc.',
          function: 'Director, Research and Development',
          department: 'North American Division',
          isPrimary: true,
        },
      ]);
      expect(contact.terms?.map((t) => t.path[0])).to.deep.equal([
        'TRAVEL AGENT',
        'INTERNET',
        'IETF',
        'INDUSTRY',
        'INFORMATION TECHNOLOGY',
      ]);
    });

    it('monica_vcard_stub.vcf: three cards, the third with only a nickname', async () => {
      const { contacts, issues } = await readFixture(
        'vcard/monica_vcard_stub.vcf',
      );
      expect(contacts.map((c) => c.line)).to.deep.equal([1, 12, 18]);
      expect(contacts[0]?.contact).to.deep.include({
        firstName: 'Bono',
        birthDate: '1960-05-10',
        notes: 'Lorem ipsum dolor sit amet',
      });
      expect(contacts[0]?.contact.affiliations?.[0]).to.deep.include({
        companyName: 'U2',
        function: 'Lead vocalist',
      });
      expect(phonesOf(contacts[0]?.contact ?? {})).to.deep.equal([
        '+1 202-555-0191/office',
      ]);
      expect(contacts[2]?.contact).to.deep.equal({
        firstName: 'Johnny',
        addresses: [
          {
            street: '17 Shakespeare Ave.',
            postalCode: 'SO17 2HB',
            city: 'Southampton',
            country: 'GB',
            isPrimary: true,
          },
        ],
      });
      expect(issues).to.deep.equal([]);
    });

    it('pyvobject_radicale-1587.vcf: a 3.0 GEO does not disturb the name', async () => {
      expect(
        await onlyContact('vcard/pyvobject_radicale-1587.vcf'),
      ).to.deep.equal({
        firstName: 'Given',
        lastName: 'Family',
      });
    });

    it('roundcube_apple.vcf: a company card, ORG only', async () => {
      const contact = await onlyContact('vcard/roundcube_apple.vcf');
      expect(contact.firstName).to.equal(undefined);
      expect(contact.affiliations).to.deep.equal([
        { companyName: 'Apple Computer AG', isPrimary: true },
      ]);
      expect(contact.addresses?.[0]).to.deep.include({
        street: 'Birgistrasse 4a',
        city: 'Wallisellen-Zürich',
        postalCode: '8304',
        country: 'CH',
      });
    });

    it('roundcube_photo.vcf: raw UTF-8 umlauts, base64 photo folded by two spaces', async () => {
      expect(await onlyContact('vcard/roundcube_photo.vcf')).to.deep.equal({
        firstName: 'Jörg',
        lastName: 'Müller',
        affiliations: [{ companyName: 'Apple Computer AG', isPrimary: true }],
      });
    });

    it('roundcube_utf-16_sample.vcf: UTF-16BE without BOM', async () => {
      const contact = await onlyContact('vcard/roundcube_utf-16_sample.vcf');
      expect(contact).to.deep.include({
        firstName: 'Ǽgean',
        lastName: 'ĽdaMonté',
      });
      expect(contact.addresses?.[0]).to.deep.include({
        street: '169 Mária Canal',
        region: 'Conceptión',
        country: 'PE',
      });
    });

    it('sabre_issue153.vcf: "PHOTO;BASE64:" without ENCODING', async () => {
      expect(await onlyContact('vcard/sabre_issue153.vcf')).to.deep.equal({
        firstName: 'Test',
        lastName: 'Benutzer',
      });
    });

    it('syncevolution_eds_contact.vcf: a trailing "=" is no soft break in 3.0', async () => {
      const { contacts } = await readFixture(
        'vcard/syncevolution_eds_contact.vcf',
      );
      expect(contacts).to.have.length(17);
      expect(contacts[0]?.contact).to.deep.include({ lastName: 'Parserbug=' });
      expect(contacts[0]?.contact.notes).to.match(
        /mistaken for soft line break=\n/,
      );
      const umlauts = contacts.find((c) => c.contact.lastName === 'Ü')?.contact;
      expect(umlauts?.notes).to.contain('semicolon ;\nbackslash \\\n');
      const breaks = contacts.find(
        (c) => c.contact.lastName === 'Breaks',
      )?.contact;
      expect(breaks?.addresses?.[0]).to.deep.include({
        street: 'Address Line 1',
        street2: 'Address Line 2, Address Line 3',
      });
    });

    it('thunderbird_dos_vcard.vcf: CR CR LF line ends leave no stray CR', async () => {
      expect(
        await onlyContact('vcard/thunderbird_dos_vcard.vcf'),
      ).to.deep.equal({
        firstName: 'Name',
        lastName: 'Surname',
        emails: [
          { address: 'example@gmail.com', label: 'home', isPrimary: true },
        ],
      });
    });

    it('thunderbird_emptylines.vcf: blank lines around and between cards', async () => {
      const { contacts, issues } = await readFixture(
        'vcard/thunderbird_emptylines.vcf',
      );
      expect(
        contacts.map((c) => [
          c.line,
          c.contact.firstName,
          emailsOf(c.contact)[0],
        ]),
      ).to.deep.equal([
        [3, 'John', 'john.doe@genericemail.invalid'],
        [11, 'Jane', 'jane.doe@genericemail.invalid'],
      ]);
      expect(issues).to.deep.equal([]);
    });

    it('thunderbird_v3-uri-binary-png.vcf and v4-uri-jpeg: data: URI photos skipped', async () => {
      const v3 = await onlyContact('vcard/thunderbird_v3-uri-binary-png.vcf');
      expect(v3).to.deep.include({
        lastName: 'Uri Png',
        firstName: 'Version 3.0',
      });
      expect(v3.notes).to.equal(
        'This v3.0 card has a PNG photo as a URI and binary valuetype.',
      );
      const v4 = await onlyContact('vcard/thunderbird_v4-uri-jpeg.vcf');
      expect(v4.notes).to.equal(
        'This v4.0 card has a JPEG photo as a URI and URI valuetype.',
      );
    });
  });

  describe('vCard 4.0, jCard and xCard', () => {
    it('ezvcard_rfc6350-example.vcf: tel: URIs, BDAY --0203, folded ADR', async () => {
      const contact = await onlyContact('vcard/ezvcard_rfc6350-example.vcf');
      expect(contact).to.deep.include({
        firstName: 'Simon',
        lastName: 'Perreault',
        birthDate: '--02-03',
      });
      expect(phonesOf(contact)).to.deep.equal([
        '+1-418-656-9254;ext=102/office',
        '+1-418-262-6501/mobile',
      ]);
      expect(contact.addresses).to.deep.equal([
        {
          street: '2875 Laurier',
          street2: 'Suite D2-630',
          postalCode: 'G1V 2M2',
          city: 'Quebec',
          region: 'QC',
          country: 'CA',
          label: 'work',
          isPrimary: true,
        },
      ]);
    });

    it('ezvcard_jcard-example.json: the same card as jCard reads the same', async () => {
      const fromVcf = await onlyContact('vcard/ezvcard_rfc6350-example.vcf');
      expect(
        await onlyContact('vcard/ezvcard_jcard-example.json'),
      ).to.deep.equal(fromVcf);
    });

    it('ezvcard_xcard-rfc6351-example.xml: the same card as xCard', async () => {
      const { contacts } = await readFixture(
        'vcard/ezvcard_xcard-rfc6351-example.xml',
      );
      expect(contacts[0]?.line).to.equal(3);
      const contact = contacts[0]?.contact ?? {};
      expect(contact).to.deep.include({
        firstName: 'Simon',
        lastName: 'Perreault',
        birthDate: '--02-03',
      });
      expect(emailsOf(contact)).to.deep.equal(['simon.perreault@viagenie.ca']);
      expect(phonesOf(contact)).to.deep.equal([
        '+1-418-656-9254;ext=102/office',
        '+1-418-262-6501/mobile',
      ]);
      expect(contact.addresses?.[0]).to.deep.include({
        street: '2875 boul. Laurier, suite D2-630',
        city: 'Quebec',
        country: 'CA',
      });
      expect(contact.affiliations).to.deep.equal([
        { companyName: 'Viagenie', isPrimary: true },
      ]);
    });

    it('icaljs_vcard4.vcf: matches its expected jCard', async () => {
      const fromVcf = await readFixture('vcard/icaljs_vcard4.vcf');
      const fromJcard = await readFixture(
        'vcard/icaljs_vcard4.expected.jcard.json',
      );
      expect(fromVcf).to.deep.equal(fromJcard);
      const contact = fromVcf.contacts[0]?.contact ?? {};
      expect(contact).to.deep.include({
        firstName: 'John',
        lastName: 'Stevenson',
        birthDate: '--02-03',
      });
      expect(phonesOf(contact)).to.deep.equal(['+33-01-23-45-67/home']);
      expect(contact.affiliations?.[0]).to.deep.equal({
        companyName: 'ABC, Inc.',
        function: 'Research Scientist',
        department: 'North American Division',
        isPrimary: true,
      });
      expect(fromVcf.issues.map((i) => i.reason)).to.deep.equal([
        'Ligne 1 : pays non reconnu « country » (laissé vide)',
      ]);
    });

    it('icaljs_vcard_grouped.vcf: two addresses and no name is reported', async () => {
      const { contacts, issues } = await readFixture(
        'vcard/icaljs_vcard_grouped.vcf',
      );
      expect(contacts).to.deep.equal([]);
      expect(issues.at(-1)?.reasonEn).to.equal(
        'Line 1: no surname, first name, email or company: row not imported',
      );
    });

    it('ezvcard_issue114.vcf: caret-escaped LABEL parameter folded over lines', async () => {
      const contact = await onlyContact('vcard/ezvcard_issue114.vcf');
      expect(contact).to.deep.include({
        firstName: 'Dummy',
        lastName: 'Dummy',
      });
      expect(phonesOf(contact)).to.deep.equal([
        '+49 1234 56789/mobile',
        '+49 9876 54321/office',
      ]);
      expect(contact.addresses?.[0]).to.deep.include({
        street: 'Dummy-Dummy-Strasse 1',
        postalCode: '61352',
        city: 'Bad Homburg',
        country: 'DE',
      });
    });
  });

  describe('broken cards', () => {
    it(
      'monica_broken_vcard_stub.vcard: "BEGIN:VCAR" and no VERSION give an issue, not an ' +
        'exception',
      async () => {
        const { contacts, issues } = await readFixture(
          'vcard/monica_broken_vcard_stub.vcard',
        );
        expect(contacts).to.deep.equal([]);
        expect(issues).to.deep.equal([
          {
            line: 1,
            reason:
              'Ligne 1 : début de fiche incorrect « BEGIN:VCAR » au lieu de ' +
              '« BEGIN:VCARD », ' +
              'sans VERSION : fiche ignorée',
            reasonEn:
              'Line 1: malformed card start "BEGIN:VCAR" instead of "BEGIN:VCARD", no ' +
              'VERSION: card skipped',
          },
        ]);
      },
    );

    it('keeps the good cards around a broken one, each with its own line', async () => {
      const text = [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'N:Martin;Léa;;;',
        'EMAIL:lea@exemple.fr',
        'END:VCARD',
        'BEGIN:VCAR',
        'N:;Bono;;;',
        'END:VCARD',
        'BEGIN:VCARD',
        'N:Petit;Jean;;;',
        'BDAY:1980-02-31',
        'END:VCARD',
        'BEGIN:VCARD',
        'VERSION:2.1',
        'N;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Lef=C3=A8vre;H=C3=A9l=',
        '=C3=A8ne',
        'TEL;CELL;PREF:06 12 34 56 78',
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:Zoé Durand',
        'END:VCARD',
      ].join('\r\n');
      const { contacts, issues } = await readAllRows(
        'mixed.vcf',
        Buffer.from(text),
      );
      expect(
        contacts.map((c) => [c.line, c.contact.firstName, c.contact.lastName]),
      ).to.deep.equal([
        [1, 'Léa', 'Martin'],
        [9, 'Jean', 'Petit'],
        [13, 'Hélène', 'Lefèvre'],
        [18, 'Zoé', 'Durand'],
      ]);
      expect(contacts[1]?.contact.birthDate).to.equal(undefined);
      expect(phonesOf(contacts[2]?.contact ?? {})).to.deep.equal([
        '06 12 34 56 78/mobile',
      ]);
      expect(issues.map((i) => [i.line, i.field ?? ''])).to.deep.equal([
        [6, ''],
        [9, 'VERSION'],
        [9, 'birthDate'],
        [13, ''],
      ]);
      expect(issues[2]?.reason).to.equal(
        'Ligne 9 : date de naissance impossible « 1980-02-31 » ' +
          '(non importée)',
      );
      expect(issues[3]?.reasonEn).to.match(
        /^Line 13: card without "END:VCARD"/,
      );
    });

    it('reads a Windows-1252 vCard 2.1 file and a UTF-16LE one', async () => {
      const card = [
        'BEGIN:VCARD',
        'VERSION:2.1',
        'N;CHARSET=ISO-8859-1:Lefèvre;Hélène',
        'ORG:Télérama;Culture',
        'END:VCARD',
        '',
      ].join('\r\n');
      const latin = await readAllRows(
        'a.vcf',
        iconv.encode(card, 'windows-1252'),
      );
      expect(latin.contacts[0]?.contact).to.deep.include({
        lastName: 'Lefèvre',
        firstName: 'Hélène',
      });
      const utf16 = await readAllRows(
        'a.vcf',
        Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          iconv.encode(card, 'utf-16le'),
        ]),
      );
      expect(utf16.contacts[0]?.contact.affiliations).to.deep.equal([
        { companyName: 'Télérama', department: 'Culture', isPrimary: true },
      ]);
    });
  });

  describe('contact type from CATEGORIES', () => {
    for (const version of ['3.0', '4.0']) {
      it(`reads a contact-type label or code back as the type, vCard ${version}`, async () => {
        const card = (name: string, categories: string) =>
          [
            'BEGIN:VCARD',
            `VERSION:${version}`,
            `FN:${name}`,
            `N:${name};Jeanne;;;`,
            `CATEGORIES:${categories}`,
            'END:VCARD',
          ].join('\r\n');
        const text = [
          card('Alpha', 'VIP'),
          card('Bravo', 'décideur'),
          card('Charlie', 'Decision maker,Culture'),
          card('Delta', 'public_relations'),
          card('Echo', 'Culture > Cinéma,Partenaires'),
          card('Foxtrot', 'Presse,Interne'),
        ].join('\r\n');
        const { contacts } = await readAllRows('cartes.vcf', Buffer.from(text));
        const read = contacts.map(({ contact }) => [
          contact.lastName,
          contact.contactType ?? null,
          (contact.terms ?? []).map((term) => term.path.join(' > ')),
        ]);
        expect(read).to.deep.equal([
          ['Alpha', 'vip', []],
          ['Bravo', 'decision_maker', []],
          ['Charlie', 'decision_maker', ['Culture']],
          ['Delta', 'public_relations', []],
          // Not a label as written: a category as before.
          ['Echo', null, ['Culture > Cinéma', 'Partenaires']],
          // One type; a second type word stays a category.
          ['Foxtrot', 'press', ['Interne']],
        ]);
      });
    }
  });
});
