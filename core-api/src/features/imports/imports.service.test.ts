import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { actorOf, ctxFor, signedInApp } from '../../test/harness.ts';
import { AppError } from '../../platform/http/errors.ts';
import { search } from '../search/search.service.ts';
import { loadContact } from '../contacts/contacts.service.ts';
import { presentContact } from '../contacts/contacts.presenter.ts';
import { importFile } from './imports.service.ts';

const contactsDir = resolve(process.cwd(), '..', 'shared', 'data', 'contacts');

function dataFiles(dir = contactsDir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return dataFiles(path);
    return name.includes('.expected.') || name.endsWith('.md') ? [] : [path];
  });
}

describeEachDatabase('importing contact files', (db) => {
  const ctx = () => ctxFor(db());
  const importData = (name: string, dryRun = false) =>
    importFile(ctx(), {
      fileName: name.split('/').pop() as string,
      data: readFileSync(join(contactsDir, name)),
      dryRun,
    });

  it('imports the client workbook: sheets, terms, companies, phones, dates', async function () {
    this.timeout(120_000);
    const report = await importData('xlsx/fichier_presse_exemple.xlsx');

    expect(report.format).to.equal('xlsx');
    expect(report.created).to.be.greaterThan(1900);
    expect(report.created + report.rejected).to.equal(report.totalRows);

    const [hit] = (
      await search(ctx(), { q: 'merovee le roux', type: 'contact', limit: 5 })
    ).items;
    expect(hit?.displayName).to.match(/Mérovée/);
    const card = presentContact(await loadContact(ctx(), hit?.id as number));
    expect(card).to.include({
      civility: 'M',
      birthDate: '1973-08-01',
      origin: 'Salon 2023',
      importBatchId: report.batchId,
    });
    expect(card.emails[0]?.address).to.equal('merovee.leroux@lemonde.fr');
    expect(card.phones.map((p) => p.e164)).to.include('+33246830292');
    expect(card.affiliations[0]).to.deep.include({
      function: 'Critique',
      company: { id: card.affiliations[0]?.company.id, name: 'Le Monde' },
    });
    expect(card.terms.map((t) => t.label)).to.include.members([
      'Sciences',
      'Médias',
    ]);
    expect(card.fieldSources.lastName?.source).to.match(
      /^import #\d+ \(fichier_presse_exemple\.xlsx\)$/,
    );

    const music = await db().models.Term.findOne({
      where: { label: 'Musique' },
    });
    const culture = await db().models.Term.findOne({
      where: { label: 'Culture', parentId: null },
    });
    expect(music?.parentId).to.equal(culture?.id);
  });

  it('audits an import as one batch event that its contacts point to', async () => {
    const report = await importData('csv/roundcube_all.csv');
    const batch = await db().models.ImportBatch.findByPk(
      report.batchId as number,
    );
    expect(batch).to.include({
      status: 'committed',
      createdCount: report.created,
    });
    const event = await db().models.AuditEvent.findByPk(
      batch?.auditEventId as number,
    );
    expect(event).to.include({
      action: 'import',
      entityType: 'import_batch',
      entityId: String(report.batchId),
    });
    expect(
      await db().models.Contact.count({
        where: { importBatchId: report.batchId },
      }),
    ).to.equal(report.created);
  });

  it('reads every shared contact file and accounts for every row', async function () {
    this.timeout(180_000);
    for (const file of dataFiles()) {
      const name = relative(contactsDir, file);
      try {
        const report = await importFile(ctx(), {
          fileName: name.replace('/', '_'),
          data: readFileSync(file),
          dryRun: true,
        });
        const counted = Object.values(report.counts).reduce(
          (sum, count) => sum + count,
          0,
        );
        expect(counted, name).to.equal(report.totalRows);
        for (const issue of report.issues) {
          expect(issue.line, name).to.be.a('number');
          expect(issue.reason, name).to.be.a('string').and.not.empty;
          expect(issue.reasonEn, name).to.be.a('string').and.not.empty;
        }
      } catch (error) {
        // Only a file that holds no contact at all may be refused, and then with a reason.
        expect(error, name).to.be.instanceOf(AppError);
        expect((error as AppError).code, name).to.equal('IMPORT_FILE_INVALID');
        expect((error as AppError).messageFr, name).to.include(
          name.replace('/', '_'),
        );
      }
    }
  });

  it('imports what a malformed file holds and reports the rest by line', async () => {
    const report = await importData('vcard/monica_vcard_stub.vcf');
    expect(report.created).to.be.greaterThan(0);

    const broken = await importFile(ctx(), {
      fileName: 'broken.vcf',
      data: Buffer.from(
        'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Valide;Anne;;;\r\nFN:Anne Valide\r\nEND:VCARD\r\n' +
          'BEGIN:VCAR\r\nFN:Cassé\r\nEND:VCARD\r\n',
      ),
    });
    expect(broken.created).to.equal(1);
    expect(broken.rejected).to.be.greaterThan(0);
    expect(broken.issues[0]?.line).to.be.greaterThan(5);
  });

  it('changes nothing when the file cannot be read at all', async () => {
    const before = await db().models.Contact.count();
    const batches = await db().models.ImportBatch.count();
    for (const data of [
      Buffer.alloc(0),
      Buffer.from([0, 159, 146, 150, 0, 1, 2, 255, 254, 0, 7]),
    ]) {
      try {
        await importFile(ctx(), { fileName: 'garbage.csv', data });
        expect.fail('should have refused the file');
      } catch (error) {
        expect((error as AppError).code).to.equal('IMPORT_FILE_INVALID');
        expect((error as AppError).messageFr).to.include('garbage.csv');
      }
    }
    expect(await db().models.Contact.count()).to.equal(before);
    expect(await db().models.ImportBatch.count()).to.equal(batches);
  });

  it('writes nothing on a dry run but reports what would happen', async () => {
    const before = await db().models.Contact.count();
    const report = await importData('csv/thunderbird_basic.csv', true);
    expect(report).to.include({ dryRun: true, batchId: null, created: 0 });
    expect(report.counts.create).to.be.greaterThan(0);
    expect(await db().models.Contact.count()).to.equal(before);
  });

  it('is for administrators only, through the API too', async () => {
    const h = await signedInApp(db());
    try {
      await importFile(ctxFor(db(), actorOf(h.editor)), {
        fileName: 'a.csv',
        data: Buffer.from('Nom\nDurand\n'),
      });
      expect.fail('an editor imported a file');
    } catch (error) {
      expect((error as AppError).code).to.equal('FORBIDDEN');
    }

    const data = readFileSync(
      join(contactsDir, 'csv/thunderbird_csv_semicolon.csv'),
    );
    const refused = await h.request
      .post('/api/imports')
      .query({ fileName: 'x.csv' })
      .set('Authorization', `Bearer ${h.tokens.editor}`)
      .type('application/octet-stream')
      .send(data);
    expect(refused.status).to.equal(403);
    const accepted = await h.request
      .post('/api/imports')
      .query({ fileName: 'thunderbird_csv_semicolon.csv', commit: 'true' })
      .set('Authorization', `Bearer ${h.tokens.admin}`)
      .type('application/octet-stream')
      .send(data);
    expect(accepted.status, JSON.stringify(accepted.body)).to.equal(202);
    expect(accepted.body.result.created).to.be.greaterThan(0);
    const listed = await h.request
      .get('/api/imports')
      .set('Authorization', `Bearer ${h.tokens.admin}`);
    expect(listed.body.items[0].id).to.equal(accepted.body.id);
    const bad = await h.request
      .post('/api/imports')
      .query({ fileName: '../etc/passwd' })
      .set('Authorization', `Bearer ${h.tokens.admin}`)
      .type('application/octet-stream')
      .send(data);
    expect(bad.status).to.equal(400);
  });
});
