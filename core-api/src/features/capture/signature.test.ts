import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contactInput } from '../contacts/contacts.schemas.ts';
import { draftOf } from './capture.service.ts';
import { splitName } from './display-name.ts';
import { htmlToText } from './html-text.ts';
import { newMessageLines } from './message-text.ts';
import { readSignature, type EmailToRead } from './signature.ts';

const replies = join(
  import.meta.dirname,
  '../../../../../shared/data/email/replies',
);
const shared = (name: string) =>
  readFileSync(join(replies, name), 'utf8').replace(/\r\n/g, '\n');

/**
 * The text of an .eml file's first text part (or its HTML part): enough
 * MIME for the shared samples (multipart, quoted-printable, base64).
 */
function emlBody(name: string, want: 'plain' | 'html' = 'plain'): string {
  const raw = shared(name);
  const boundary = /boundary="?([^";\n]+)"?/i.exec(raw)?.[1];
  const parts = boundary
    ? raw.split(`--${boundary}`).slice(1, -1)
    : [raw.replace(/^[\s\S]*?\n\n/, (head) => `${head}`)];
  const part =
    parts.find((p) =>
      new RegExp(`content-type:\\s*text/${want}`, 'i').test(p),
    ) ?? (parts[0] as string);
  const cut = part.search(/\n\n/);
  const headers = part.slice(0, cut);
  let body = part.slice(cut + 2);
  const charset = /charset="?([\w-]+)"?/i.exec(headers)?.[1] ?? 'utf-8';
  let bytes: Buffer;
  if (/transfer-encoding:\s*quoted-printable/i.test(headers)) {
    body = body.replace(/=\n/g, '');
    bytes = Buffer.from(
      body.replace(/=([0-9A-F]{2})/gi, (_, hex: string) =>
        String.fromCharCode(parseInt(hex, 16)),
      ),
      'latin1',
    );
  } else if (/transfer-encoding:\s*base64/i.test(headers)) {
    bytes = Buffer.from(body.replace(/\s/g, ''), 'base64');
  } else {
    return body;
  }

  return new TextDecoder(charset === 'us-ascii' ? 'utf-8' : charset).decode(
    bytes,
  );
}

const read = (body: string, more: Partial<EmailToRead> = {}) =>
  readSignature({ body, bodyType: 'text', ...more });

const nothingFound = (reading: ReturnType<typeof read>) => {
  expect(reading.phones, 'phones').to.deep.equal([]);
  expect(reading.function, 'function').to.equal(null);
  expect(reading.organisation, 'organisation').to.equal(null);
  expect(reading.address, 'address').to.equal(null);
  expect(reading.website, 'website').to.equal(null);
  expect(reading.emails, 'emails').to.deep.equal([]);
};

// A realistic press signature, as a regional daily's staff write theirs.
const depeche = `Bonjour,

Merci pour le communiqué, je le transmets au service.

Bien cordialement,

Marie Dupont
Rédactrice en chef adjointe – Service Culture
La Dépêche du Midi
80 avenue Jean Baylet, 31095 Toulouse Cedex 9
Tél. : 05 62 11 33 00 / Port. : 06 12 34 56 78
Fax : 05 62 11 33 01
www.ladepeche.fr | Twitter : @mariedupont

Envoyé de mon iPhone

Le 3 déc. 2026 à 10:12, Service presse <presse@relais.example.org> a écrit :
> Madame,
> Vous trouverez ci-joint le dossier de presse.
> Contact : Jeanne Martin – Tél. : 01 02 03 04 05
`;

describe('signature reading', () => {
  describe('French press signatures (fixtures)', () => {
    it('reads every field of a regional daily’s signature, each with its line', () => {
      const reading = read(depeche, {
        displayName: 'DUPONT Marie',
        address: 'm.dupont@ladepeche.fr',
      });
      expect(reading.name).to.include({
        firstName: 'Marie',
        lastName: 'Dupont',
        from: 'displayName',
      });
      expect(
        reading.phones.map((p) => [p.value.e164, p.value.kind, p.line]),
      ).to.deep.equal([
        ['+33562113300', 'office', 11],
        ['+33612345678', 'mobile', 11],
        ['+33562113301', 'fax', 12],
      ]);
      expect(reading.function).to.include({
        value: 'Rédactrice en chef adjointe',
        line: 8,
      });
      expect(reading.department?.value).to.equal('Service Culture');
      expect(reading.organisation).to.include({
        value: 'La Dépêche du Midi',
        line: 9,
        text: 'La Dépêche du Midi',
      });
      expect(reading.organisation?.confidence).to.be.greaterThan(0.8);
      expect(reading.address?.value).to.deep.equal({
        street: '80 avenue Jean Baylet',
        postalCode: '31095',
        city: 'Toulouse Cedex 9',
      });
      expect(reading.website?.value).to.equal('https://www.ladepeche.fr');
      expect(reading.socials.map((s) => s.value)).to.deep.equal([
        { network: 'twitter', handle: '@mariedupont', url: null },
      ]);
      // Labelled « Twitter : », the network is no guess.
      expect(reading.socials[0]?.confidence).to.equal(0.85);
      const bare = read('Merci,\n\nAnne Roux\nPigiste\n@anneroux\n');
      expect(bare.socials[0]).to.deep.include({ confidence: 0.5, line: 5 });
    });

    it('never reads the quoted message nor the iPhone line as the signature', () => {
      const reading = read(depeche);
      expect(reading.phones.map((p) => p.value.e164)).not.to.include(
        '+33102030405',
      );
      expect(reading.block?.lastLine).to.equal(13);
      expect(reading.emails).to.deep.equal([]);
    });

    it('reads a block after the "-- " delimiter, with +33 (0) and labels', () => {
      const reading = read(
        `Bonjour Madame,\n\nJe serai présent jeudi.\n\n-- \nJulien Le Goff\n` +
          `Journaliste - Rédaction de Rennes\nOuest-France\n` +
          `10 rue du Breil\n35051 Rennes Cedex 9\n` +
          `Mob : +33 (0)6 98 76 54 32\nlinkedin.com/in/julien-le-goff\n` +
          `Bluesky : @jlegoff.bsky.social\n`,
        {
          displayName: 'Julien Le Goff',
          address: 'julien.legoff@ouest-france.fr',
        },
      );
      expect(reading.name).to.include({
        firstName: 'Julien',
        lastName: 'Le Goff',
      });
      expect(reading.function?.value).to.equal('Journaliste');
      expect(reading.department?.value).to.equal('Rédaction de Rennes');
      expect(reading.organisation?.value).to.equal('Ouest-France');
      expect(reading.address?.value).to.deep.equal({
        street: '10 rue du Breil',
        postalCode: '35051',
        city: 'Rennes Cedex 9',
      });
      expect(reading.address?.line).to.equal(10);
      expect(reading.phones[0]?.value).to.deep.include({
        e164: '+33698765432',
        kind: 'mobile',
      });
      expect(reading.socials.map((s) => s.value.network)).to.deep.equal([
        'linkedin',
        'bluesky',
      ]);
    });

    it('splits a one-line signature on its bars, with T. and M. labels', () => {
      const reading = read(
        `Merci beaucoup !\n\nSophie Marchand | Chargée de production | France Culture\n` +
          `116 avenue du Président Kennedy – 75220 Paris Cedex 16\n` +
          `T. 01 56 40 22 22 | M. 07 81 23 45 67\nwww.radiofrance.fr\n`,
        {
          displayName: 'Sophie Marchand',
          address: 'sophie.marchand@radiofrance.com',
        },
      );
      expect(reading.function?.value).to.equal('Chargée de production');
      expect(reading.organisation?.value).to.equal('France Culture');
      expect(reading.address?.value.city).to.equal('Paris Cedex 16');
      expect(reading.address?.value.street).to.equal(
        '116 avenue du Président Kennedy',
      );
      expect(reading.phones.map((p) => p.value.kind)).to.deep.equal([
        'office',
        'mobile',
      ]);
      expect(reading.website?.value).to.equal('https://www.radiofrance.fr');
    });

    it('stops at a legal disclaimer, even one quoting a number', () => {
      const reading = read(
        `Bonjour,\n\nLa préfète sera présente.\n\nCordialement\n\n` +
          `Claire Fontaine\nAttachée de presse\nPréfecture de la Gironde\n` +
          `Ligne directe : 05 56 90 60 60\nPortable : 06 40 50 60 70\n\n` +
          `Ce message et ses pièces jointes sont confidentiels et destinés ` +
          `exclusivement à leurs destinataires. Standard : 05 56 00 00 00.\n` +
          `Pensez à l'environnement avant d'imprimer ce message.\n`,
        {
          displayName: 'FONTAINE Claire',
          address: 'claire.fontaine@gironde.gouv.fr',
        },
      );
      expect(reading.function?.value).to.equal('Attachée de presse');
      expect(reading.organisation?.value).to.equal('Préfecture de la Gironde');
      expect(
        reading.phones.map((p) => [p.value.e164, p.value.kind]),
      ).to.deep.equal([
        ['+33556906060', 'office'],
        ['+33640506070', 'mobile'],
      ]);
    });

    it('reads an HTML signature, leaving out the Gmail quote', () => {
      const html =
        '<div dir="ltr"><p>Bonjour,</p><p>C’est noté, merci.</p>' +
        '<p>Cordialement,</p><p><b>Claire Martin</b><br>' +
        'Journaliste chez Libération<br>' +
        '<a href="tel:+33142761789">01&nbsp;42&nbsp;76&nbsp;17&nbsp;89</a><br>' +
        '<a href="https://www.liberation.fr">liberation.fr</a></p></div>' +
        '<div class="gmail_quote">Le lun. 30 nov. 2026, Relais a écrit :' +
        '<blockquote>Tél. : 06 00 00 00 01</blockquote></div>';
      const reading = readSignature({
        body: html,
        bodyType: 'html',
        displayName: 'Claire Martin',
        address: 'cmartin@liberation.fr',
      });
      expect(reading.function?.value).to.equal('Journaliste');
      expect(reading.organisation?.value).to.equal('Libération');
      expect(reading.phones.map((p) => p.value.e164)).to.deep.equal([
        '+33142761789',
      ]);
      expect(reading.website?.value).to.equal('https://liberation.fr');
    });

    it('names a sender with no display name from the signature', () => {
      const reading = read(
        `Bonjour,\n\nÀ bientôt,\n\nThomas Bernard\nGrand reporter\nLe Parisien\n`,
        { address: 'tb@leparisien.fr' },
      );
      expect(reading.name).to.include({
        firstName: 'Thomas',
        lastName: 'Bernard',
        from: 'signature',
      });
      expect(reading.function?.value).to.equal('Grand reporter');
      expect(reading.organisation?.value).to.equal('Le Parisien');
    });

    it('turns a reading into a contact draft the contact schema accepts', () => {
      const reading = read(depeche, {
        displayName: 'DUPONT Marie',
        address: 'm.dupont@ladepeche.fr',
      });
      const draft = contactInput.parse(
        draftOf('m.dupont@ladepeche.fr', reading),
      );
      expect(draft).to.deep.include({ firstName: 'Marie', lastName: 'Dupont' });
      expect(draft.affiliations[0]).to.deep.include({
        companyName: 'La Dépêche du Midi',
        function: 'Rédactrice en chef adjointe',
        department: 'Service Culture',
      });
      expect(draft.phones.map((p) => p.kind)).to.deep.equal([
        'office',
        'mobile',
        'fax',
      ]);
      expect(draft.addresses[0]).to.deep.include({ city: 'Toulouse Cedex 9' });
    });
  });

  describe('names from the display name or the address', () => {
    const cases: [string | null, string, object | null][] = [
      ['Dupont, Marie', 'x@y.fr', { firstName: 'Marie', lastName: 'Dupont' }],
      ['Marie DUPONT', 'x@y.fr', { firstName: 'Marie', lastName: 'Dupont' }],
      [
        'DUPONT-MOREAU Anne-Sophie',
        'x@y.fr',
        {
          firstName: 'Anne-Sophie',
          lastName: 'Dupont-Moreau',
        },
      ],
      [
        'Mme Claire de La Tour (Le Figaro)',
        'x@y.fr',
        {
          civility: 'MME',
          firstName: 'Claire',
          lastName: 'de La Tour',
        },
      ],
      [
        null,
        'marie.dupont@ladepeche.fr',
        { firstName: 'Marie', lastName: 'Dupont' },
      ],
      [
        'marie.dupont@ladepeche.fr',
        'marie.dupont@ladepeche.fr',
        {
          firstName: 'Marie',
          lastName: 'Dupont',
          from: 'address',
        },
      ],
      [null, 'm.dupont@ladepeche.fr', { firstName: null, lastName: 'Dupont' }],
      [null, 'redaction@ladepeche.fr', null],
    ];
    for (const [display, address, expected] of cases) {
      it(`reads "${display ?? address}"`, () => {
        const name = splitName(display, address);
        if (expected === null) expect(name).to.equal(null);
        else expect(name).to.deep.include(expected);
      });
    }
  });

  describe('real e-mails (shared data)', () => {
    it('cuts a French Outlook header, even indented, and reads nothing from the quote', () => {
      for (const name of [
        'erp_fr_outlook_header.txt',
        'erp_fr_outlook_header_indented.txt',
      ]) {
        const lines = newMessageLines(shared(name));
        expect(lines.map((l) => l.text).join('\n')).not.to.match(
          /De :|Objet :/,
        );
        expect(lines).to.have.length(5);
        nothingFound(read(shared(name)));
      }
    });

    it('cuts the Yahoo, webmail and Zimbra quote headers', () => {
      expect(newMessageLines(shared('erp_fr_yahoo_header.txt'))).to.have.length(
        3,
      );
      const webmail = newMessageLines(shared('erp_fr_webmail_message_du.txt'));
      expect(webmail.at(-1)?.text).to.match(/^et mollis/);
      const zimbra = read(shared('erp_fr_zimbra_free.txt'));
      expect(zimbra.name).to.include({
        firstName: 'Michael',
        lastName: 'Scott',
      });
      nothingFound(zimbra);
      expect(
        newMessageLines(shared('erp_fr_issue77_tabs.txt')).at(-1)?.text,
      ).to.equal(' Text paragraph 2');
    });

    it('leaves out "Sent from my iPhone" and the quote of an iPhone reply', () => {
      const body = emlBody('talon_iphone_qp.eml');
      const lines = newMessageLines(body).map((l) => l.text);
      expect(lines).to.deep.equal(['Hello']);
      // talon's expected reply keeps the app's line; we leave it out.
      const expected = shared('talon_iphone_qp.expected.txt')
        .split('\n')
        .filter((line) => line.trim() && !/^Sent from my iPhone$/.test(line));
      expect(lines).to.deep.equal(expected);
    });

    it('reads the signature under Sparrow’s "-- " but not its app line', () => {
      const body = emlBody('talon_sparrow.eml');
      const lines = newMessageLines(body).map((l) => l.text.trim());
      expect(lines).not.to.include(
        'Sent with Sparrow (http://www.sparrowmailapp.com/?sig)',
      );
      const reading = read(body);
      expect(reading.website).to.equal(null);
    });

    it('cuts the unquoted Outlook header of a plain and an HTML reply', () => {
      const plain = read(emlBody('talon_outlook.eml'));
      nothingFound(plain);
      const html = readSignature({
        body: emlBody('talon_outlook.eml', 'html'),
        bodyType: 'html',
      });
      nothingFound(html);
      for (const name of [
        'talon_ms_outlook_2003.html',
        'talon_ms_outlook_2010.html',
      ]) {
        const text = htmlToText(shared(name));
        const lines = newMessageLines(text)
          .map((l) => l.text)
          .filter(Boolean);
        expect(lines, name).to.deep.equal([
          'Hi. I am fine.',
          'Thanks,',
          'Alex',
        ]);
      }
    });

    it('cuts Gmail’s attribution in text and its quote block in HTML', () => {
      expect(
        newMessageLines(emlBody('talon_gmail.eml')).map((l) => l.text),
      ).to.deep.equal(['Hello']);
      expect(htmlToText(emlBody('talon_gmail.eml', 'html'))).to.equal('Hello');
    });

    it('cuts Windows 10 Mail’s footer and header, keeping the name line', () => {
      const lines = newMessageLines(shared('erp_en_windows10_mail.txt'));
      expect(lines.map((l) => l.text)).to.deep.equal([
        'Great thanks Bort, going for a test now.',
        'Braxton',
      ]);
    });

    it('keeps a real signature above a real French Outlook quote', () => {
      const [own, quote] = shared('erp_fr_outlook_header.txt').split(
        '\n\nDe :',
      );
      const body =
        `${own}\n\nCordialement,\nPierre Lambert\nChef de rubrique Économie\n` +
        `Sud Ouest\n23 quai des Queyries, 33094 Bordeaux Cedex\n` +
        `Tél. : 05 35 31 31 31\n\nDe :${quote}`;
      const reading = read(body, {
        displayName: 'Pierre Lambert',
        address: 'p.lambert@sudouest.fr',
      });
      expect(reading.function?.value).to.equal('Chef de rubrique Économie');
      expect(reading.organisation?.value).to.equal('Sud Ouest');
      expect(reading.organisation?.confidence).to.be.greaterThan(0.8);
      expect(reading.address?.value.postalCode).to.equal('33094');
      expect(reading.phones).to.have.length(1);
      expect(reading.emails).to.deep.equal([]);
    });
  });
});
