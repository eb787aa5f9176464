import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { ctxFor, signedInApp } from '../../test/harness.ts';
import type { Db } from '../../platform/db/models.ts';
import { AppError } from '../../platform/http/errors.ts';
import { dryRun } from './import-cli.ts';
import { commitImport } from './commit.ts';
import { importFile } from './imports.service.ts';
import { stageImport } from './staging.ts';

const csv = (lines: string[]) => Buffer.from(lines.join('\n'));

/** Rows of every table an import writes to, to prove a failure wrote none. */
async function footprint(db: Db) {
  const { models } = db;

  return {
    contacts: await models.Contact.count({ paranoid: false }),
    emails: await models.ContactEmail.count(),
    companies: await models.Company.count({ paranoid: false }),
    tokens: await models.SearchToken.count(),
    pairs: await models.DuplicatePair.count(),
    audit: await models.AuditEvent.count(),
    terms: await models.Term.count({ paranoid: false }),
  };
}

describeEachDatabase('staged imports', (db) => {
  let h: Awaited<ReturnType<typeof signedInApp>>;
  const admin = () => ({ Authorization: `Bearer ${h.tokens.admin}` });
  const ctx = () => ctxFor(db());
  const stage = (fileName: string, data: Buffer) =>
    h.request
      .post('/api/imports')
      .query({ fileName })
      .set(admin())
      .type('application/octet-stream')
      .send(data);
  const settle = async (id: number) => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const batch = await h.request.get(`/api/imports/${id}`).set(admin());
      if (batch.body.status !== 'staging') return batch.body;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`import ${id} still staging`);
  };

  before(async () => {
    h = await signedInApp(db());
  });

  it('previews each row’s outcome and errors in both languages, writing nothing', async () => {
    const before = await footprint(db());
    const staged = await stage(
      'apercu.csv',
      csv([
        'Nom;Prénom;Société;E-mail;Commentaires',
        'Perrin;Agathe;Ouest Matin;agathe.perrin@ouest-matin.test;vue au salon',
        ';;;pas-une-adresse@;appelé hier',
        'Perrin;Agathe;Ouest Matin;agathe.perrin@ouest-matin.test;',
      ]),
    );
    expect(staged.status, JSON.stringify(staged.body)).to.equal(202);
    expect(staged.body.status).to.equal('staging');
    const batch = await settle(staged.body.id);
    expect(batch.status).to.equal('staged');
    expect(batch.preview.counts).to.deep.equal({
      create: 1,
      update: 0,
      merge: 1,
      review: 0,
      reject: 1,
    });
    expect(batch.preview.duplicates.mergedInFile).to.equal(1);
    const columns = batch.preview.mappings[0].columns;
    expect(columns.map((c: { key: string | null }) => c.key)).to.deep.equal([
      'lastName',
      'firstName',
      'company',
      'email',
      'notes',
    ]);
    expect(await footprint(db())).to.deep.equal(before);

    const rejected = await h.request
      .get(`/api/imports/${batch.id}/rows`)
      .query({ outcome: 'reject' })
      .set(admin());
    expect(rejected.body.total).to.equal(1);
    const [row] = rejected.body.items;
    expect(row.line).to.equal(3);
    expect(row.issues[0].field).to.equal('emails');
    expect(row.issues[0].reason).to.equal(
      'Ligne 3 : adresse e-mail invalide « pas-une-adresse@ » (non importée)',
    );
    expect(row.issues[1].reasonEn).to.equal(
      'Line 3: no surname, first name, email or company: row not imported',
    );
    const merged = await h.request
      .get(`/api/imports/${batch.id}/rows`)
      .query({ outcome: 'merge' })
      .set(admin());
    expect(merged.body.items[0]).to.include({ line: 4, mergeLine: 2 });
    expect(merged.body.items[0].label).to.equal(
      'Agathe Perrin · Ouest Matin · agathe.perrin@ouest-matin.test',
    );

    // A column left out by the person is not read; the choice is kept as a profile.
    const remapped = await h.request
      .put(`/api/imports/${batch.id}/mapping`)
      .set(admin())
      .send({ columns: { Commentaires: null, Société: 'department' } });
    expect(remapped.status, JSON.stringify(remapped.body)).to.equal(202);
    const again = await settle(batch.id);
    expect(
      again.preview.mappings[0].columns.map(
        (c: { key: string | null }) => c.key,
      ),
    ).to.deep.equal(['lastName', 'firstName', 'department', 'email', null]);
    const form = await h.request
      .post('/api/imports')
      .query({ fileName: 'form.csv' })
      .set(admin())
      .attach('file', csv(['Nom', 'Durand']), 'form.csv');
    expect(form.status).to.equal(415);
    expect(form.body.error.message).to.include('pas un formulaire');
    const unknown = await h.request
      .put(`/api/imports/${batch.id}/mapping`)
      .set(admin())
      .send({ columns: { Nom: 'shoeSize' } });
    expect(unknown.status).to.equal(400);
    expect(JSON.stringify(unknown.body)).to.include('champ inconnu');

    const profile = await h.request
      .post('/api/mapping-profiles')
      .set(admin())
      .send({ name: 'Salon', columns: { Commentaires: null } });
    expect(profile.status, JSON.stringify(profile.body)).to.equal(201);
    const same = await h.request
      .post('/api/mapping-profiles')
      .set(admin())
      .send({ name: 'Salon', columns: {} });
    expect(same.status).to.equal(409);
    const withProfile = await h.request
      .put(`/api/imports/${batch.id}/mapping`)
      .set(admin())
      .send({ profileId: profile.body.id, columns: {} });
    expect(withProfile.status).to.equal(202);
    const third = await settle(batch.id);
    expect(third.preview.mappings[0].columns[2].key).to.equal('company');
    expect(third.preview.mappings[0].columns[4].key).to.equal(null);

    const committed = await h.request
      .post(`/api/imports/${batch.id}/commit`)
      .set(admin());
    expect(committed.status, JSON.stringify(committed.body)).to.equal(200);
    expect(committed.body).to.include({ created: 1, merged: 1, rejected: 1 });
    const twice = await h.request
      .post(`/api/imports/${batch.id}/commit`)
      .set(admin());
    expect(twice.status).to.equal(409);
    const done = await h.request.get(`/api/imports/${batch.id}`).set(admin());
    expect(done.body).to.include({ status: 'committed' });
    expect(done.body.result.created).to.equal(1);
  });

  it('leaves the base exactly as it was when a commit fails midway', async function () {
    this.timeout(60_000);
    const lines = ['Nom;Prénom;Média;E-mail;Rubrique'];
    for (let i = 0; i < 1200; i++) {
      lines.push(
        `Essai${i};Camille;Journal ${i % 7};camille.essai${i}@journal.test;Sport`,
      );
    }
    const batch = await stageImport(
      ctx(),
      { fileName: 'panne.csv', data: csv(lines) },
      { wait: true },
    );
    const before = await footprint(db());
    try {
      await commitImport(ctx(), batch.id, {
        afterChunk: (done) => {
          if (done >= 500) throw new Error('panne simulée');
        },
      });
      expect.fail('the commit should have failed');
    } catch (error) {
      expect((error as Error).message).to.equal('panne simulée');
    }
    expect(await footprint(db())).to.deep.equal(before);
    const failed = await db().models.ImportBatch.findByPk(batch.id);
    expect(failed?.status).to.equal('staged');
    expect(JSON.parse(failed?.error ?? '{}').en).to.match(
      /nothing was imported/,
    );

    // The same batch commits once the cause is gone.
    const report = await commitImport(ctx(), batch.id);
    expect(report.created).to.equal(1200);
    expect((await footprint(db())).contacts).to.equal(before.contacts + 1200);
  });

  it('merges a row into the one contact it surely is, and never picks between two', async () => {
    const base = await importFile(ctx(), {
      fileName: 'base.csv',
      data: csv([
        'Nom;Prénom;Média;E-mail;Portable',
        'Vasseur;Marion;Sud Radio;marion.vasseur@sudradio.test;06 11 22 33 44',
        'Delorme;Paul;Le Progrès;paul.delorme@leprogres.test;06 55 66 77 88',
        'Delorme;Paul;Le Progrès;p.delorme@leprogres.test;06 55 66 77 89',
      ]),
    });
    // The two Paul Delorme of the base are not merged on import: a person decides.
    expect(base.counts.create + base.counts.review).to.equal(3);

    const incoming = await importFile(ctx(), {
      fileName: 'retour.csv',
      data: csv([
        'Nom;Prénom;Média;E-mail;Portable;Fonction',
        'VASSEUR;Marion;Sud Radio;marion.vasseur@sudradio.test;;Rédactrice en chef',
        // One email of the first Paul Delorme, the phone of the second.
        'Delorme;Paul;Le Progrès;paul.delorme@leprogres.test;06 55 66 77 89;Reporter',
      ]),
    });
    expect(incoming.counts).to.include({ merge: 1, review: 1, create: 0 });
    expect(incoming).to.include({ merged: 1, created: 1 });
    const marion = await db().models.Contact.findAll({
      where: { lastName: 'Vasseur' },
    });
    expect(marion).to.have.length(1);
  });

  it('finds in the base the contacts a small file may repeat, by sound too', async () => {
    await importFile(ctx(), {
      fileName: 'sons.csv',
      data: csv([
        'Nom;Prénom;Média;Ville',
        'Lefèvre;Hélène;La Dépêche;Toulouse',
        'Marchand;Hélène;La Dépêche;Toulouse',
      ]),
    });
    // Spelt another way, without email or phone: only the sound links them.
    const report = await importFile(ctx(), {
      fileName: 'sons-2.csv',
      data: csv([
        'Nom;Prénom;Média;Ville',
        'Lefebvre;Hélène;La Dépêche;Toulouse',
      ]),
    });
    expect(report.counts.review + report.counts.merge).to.equal(1);
    const pairs = await db().models.DuplicatePair.findAll({
      where: { status: 'pending' },
    });
    const lefevre = await db().models.Contact.findOne({
      where: { lastName: 'Lefèvre' },
    });
    expect(
      report.counts.merge === 1 ||
        pairs.some((pair) =>
          [pair.contactAId, pair.contactBId].includes(lefevre?.id as number),
        ),
    ).to.equal(true);
  });

  it('follows the administrators’ rules: no automatic merge when they say so', async () => {
    const read = await h.request.get('/api/merge-rules').set(admin());
    expect(read.body.version).to.equal(0);
    expect(read.body.rules).to.include({ autoMergeOnImport: true });
    const wrong = await h.request
      .put('/api/merge-rules')
      .set(admin())
      .send({
        version: 0,
        rules: { ...read.body.rules, maybeThreshold: 30, sameThreshold: 12 },
      });
    expect(wrong.status).to.equal(400);
    const saved = await h.request
      .put('/api/merge-rules')
      .set(admin())
      .send({
        version: 0,
        rules: { ...read.body.rules, autoMergeOnImport: false },
      });
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
    const stale = await h.request
      .put('/api/merge-rules')
      .set(admin())
      .send({ version: 0, rules: read.body.rules });
    expect(stale.status).to.equal(409);
    const byEditor = await h.request
      .put('/api/merge-rules')
      .set({ Authorization: `Bearer ${h.tokens.editor}` })
      .send({ version: 1, rules: read.body.rules });
    expect(byEditor.status).to.equal(403);

    const report = await importFile(ctx(), {
      fileName: 'regle.csv',
      data: csv([
        'Nom;Prénom;Média;E-mail',
        'Vasseur;Marion;Sud Radio;marion.vasseur@sudradio.test',
      ]),
    });
    expect(report.counts).to.include({ merge: 0, review: 1 });
    expect(report.queuedForReview).to.be.greaterThan(0);

    await h.request
      .put('/api/merge-rules')
      .set(admin())
      .send({ version: 1, rules: read.body.rules });
  });

  it('updates a feed’s records by their id and deactivates the ones it dropped', async () => {
    const feed = { externalSource: 'feed:test', deactivateMissing: true };
    const first = await importFile(ctx(), {
      fileName: 'flux.csv',
      ...feed,
      data: csv([
        'ID;Nom;Prénom;E-mail;Fonction',
        'A1;Fabre;Inès;ines.fabre@flux.test;Journaliste',
        'A2;Morel;Théo;theo.morel@flux.test;Photographe',
      ]),
    });
    expect(first.created).to.equal(2);
    const second = await importFile(ctx(), {
      fileName: 'flux.csv',
      ...feed,
      data: csv([
        'ID;Nom;Prénom;E-mail;Fonction',
        'A1;Fabre;Inès;ines.fabre@nouveau.test;Cheffe de rubrique',
      ]),
    });
    expect(second).to.include({ updated: 1, created: 0, deactivated: 1 });
    const { Contact } = db().models;
    const ines = await Contact.findOne({ where: { externalId: 'A1' } });
    const theo = await Contact.findOne({ where: { externalId: 'A2' } });
    expect(ines?.deactivatedAt).to.equal(null);
    expect(theo?.deactivatedAt).to.be.instanceOf(Date);
    expect(theo?.deletedAt).to.equal(null);

    const undone = await h.request
      .post(`/api/imports/${second.batchId}/undo`)
      .set(admin());
    expect(undone.body).to.include({
      contactsRestored: 1,
      contactsReactivated: 1,
    });
    await theo?.reload();
    expect(theo?.deactivatedAt).to.equal(null);
  });

  it('refuses a preview made before the base changed, and re-imports change nothing', async () => {
    const file = csv([
      'Nom;Prénom;Média;E-mail',
      'Ferrand;Yves;Radio Test;yves.ferrand@radio.test',
    ]);
    const early = await stageImport(
      ctx(),
      { fileName: 'tot.csv', data: file },
      { wait: true },
    );
    const first = await importFile(ctx(), { fileName: 'tard.csv', data: file });
    expect(first.created).to.equal(1);
    try {
      await commitImport(ctx(), early.id);
      expect.fail('a stale preview was committed');
    } catch (error) {
      expect((error as AppError).code).to.equal('CONFLICT');
      expect((error as AppError).messageEn).to.match(/read the file again/);
    }
    // A refusal does not freshen the preview: clicking again is refused too.
    for (const attempt of [1, 2]) {
      const refused = await h.request
        .post(`/api/imports/${early.id}/commit`)
        .set(admin());
      expect(refused.status, `attempt ${attempt}`).to.equal(409);
      expect(refused.body.error.message).to.match(/relisez le fichier/);
    }
    const reread = await h.request
      .put(`/api/imports/${early.id}/mapping`)
      .set(admin())
      .send({});
    expect(reread.status).to.equal(202);
    await settle(early.id);
    const again = await commitImport(ctx(), early.id);
    expect(again).to.include({ created: 0, merged: 1 });
    const yves = await db().models.Contact.findAll({
      where: { lastName: 'Ferrand' },
    });
    expect(yves).to.have.length(1);
    // The same row again brought nothing: the contact was not rewritten.
    expect(yves[0]?.version).to.equal(1);
  });

  it('refuses a feed run that would deactivate most of the source', async () => {
    const feed = { externalSource: 'feed:gros', deactivateMissing: true };
    const rows = (count: number) =>
      csv([
        'ID;Nom;Prénom;E-mail',
        ...Array.from(
          { length: count },
          (_, i) => `G${i};Flux${i};Alix;alix.flux${i}@gros.test`,
        ),
      ]);
    const first = await importFile(ctx(), {
      fileName: 'gros.csv',
      ...feed,
      data: rows(30),
    });
    expect(first.created).to.equal(30);
    const before = await footprint(db());
    try {
      await importFile(ctx(), { fileName: 'gros.csv', ...feed, data: rows(5) });
      expect.fail('a truncated feed deactivated most of its records');
    } catch (error) {
      expect((error as AppError).code).to.equal('CONFLICT');
      expect((error as AppError).messageFr).to.include('25 des 30');
    }
    expect(await footprint(db())).to.deep.equal(before);
    expect(
      await db().models.Contact.count({
        where: { externalSource: 'feed:gros', deactivatedAt: null },
      }),
    ).to.equal(30);
  });

  it('reports what calibrating a migration needs and keeps nothing', async () => {
    const before = await footprint(db());
    const report = await dryRun(ctx(), {
      fileName: 'calibrage.csv',
      data: csv([
        'Nom;Prénom;Média;E-mail;Pointure',
        'Lucas;Anne;Calibrage Hebdo;anne.lucas@calibrage.test;38',
        'Lucas;Anne;Calibrage Hebdo;anne.lucas@calibrage.test;38',
        ';;;faux@;42',
        ';;;aussi-faux@;40',
      ]),
    });
    expect(report.counts).to.include({ create: 1, merge: 1, reject: 2 });
    expect(report.topErrors[0]).to.include({
      count: 2,
      field: 'emails',
      reason: 'adresse e-mail invalide … (non importée)',
    });
    expect(report.topErrors[0]?.lines).to.deep.equal([4, 5]);
    expect(report.clusters[0]?.rows.map((row) => row.label)).to.deep.equal([
      'Anne Lucas · Calibrage Hebdo · anne.lucas@calibrage.test',
      'Anne Lucas · Calibrage Hebdo · anne.lucas@calibrage.test',
    ]);
    expect(report.clusters[0]).to.deep.include({
      lines: [2, 3],
      outcome: 'merge',
    });
    expect(report.unmapped).to.deep.equal([
      { sheet: null, header: 'Pointure' },
    ]);
    expect(await footprint(db())).to.deep.equal(before);
    expect(
      await db().models.ImportBatch.findByPk(report.batchId),
    ).to.have.property('status', 'discarded');
  });

  it('answers a failed import’s calibration with its failure, and a dry run keeps none', async () => {
    const staged = await stage('etrange.csv', csv(['Foo,Bar', '1,2']));
    expect(staged.status).to.equal(202);
    const batch = await settle(staged.body.id);
    expect(batch.status).to.equal('failed');
    const calibration = await h.request
      .get(`/api/imports/${staged.body.id}/calibration`)
      .set(admin());
    expect(calibration.status).to.equal(422);
    expect(calibration.body.error.code).to.equal('IMPORT_FILE_INVALID');
    expect(calibration.body.error.message).to.match(
      /échoué.*aucune colonne de contact reconnue/,
    );
    expect(calibration.body.error.messageEn).to.match(/failed.*contact column/);

    const failedBefore = await db().models.ImportBatch.count({
      where: { status: 'failed' },
    });
    try {
      await dryRun(ctx(), {
        fileName: 'etrange.csv',
        data: csv(['Foo,Bar', '1,2']),
      });
      expect.fail('a file with no contact column was calibrated');
    } catch (error) {
      expect((error as AppError).code).to.equal('IMPORT_FILE_INVALID');
      expect((error as AppError).messageFr).to.match(/aucune colonne/);
    }
    expect(
      await db().models.ImportBatch.count({ where: { status: 'failed' } }),
    ).to.equal(failedBefore);
  });

  it('names a second column for a single-valued field and leaves it out, keeping both emails', async () => {
    const batch = await stageImport(
      ctx(),
      {
        fileName: 'doublons-colonnes.csv',
        data: csv([
          'Prénom,Nom,E-mail,E-mail,Nom',
          'Anne,Martin,anne@colonnes.test,anne2@colonnes.test,Durand',
        ]),
      },
      { wait: true },
    );
    const summary = JSON.parse(batch.report);
    expect(summary.mappings[0].columns[4]).to.deep.include({
      header: 'Nom',
      suggested: 'lastName',
      key: null,
    });
    expect(summary.mappings[0].columns[3]).to.include({ key: 'email' });
    expect(summary.warnings).to.equal(1);
    expect(summary.issues).to.have.length(1);
    expect(summary.issues[0]).to.include({
      line: 1,
      field: 'lastName',
      severity: 'warning',
    });
    expect(summary.issues[0].reason).to.equal(
      'doublons-colonnes.csv : les colonnes « Nom » (n° 2) et « Nom » (n° 5) ' +
        'remplissent toutes deux le champ « Nom (lastName) », qui n’a qu’une ' +
        'valeur : la colonne n° 5 est ignorée (choisissez-lui un autre champ ' +
        'pour l’importer).',
    );
    expect(summary.issues[0].reasonEn).to.match(
      /^doublons-colonnes\.csv: columns "Nom" \(no\. 2\) and "Nom" \(no\. 5\) both fill the single-valued field "Last name \(lastName\)": column 5 is ignored/,
    );
    const [row] = await db().models.ImportRow.findAll({
      where: { batchId: batch.id },
    });
    const input = JSON.parse(row?.data ?? '{}').input;
    expect(input.lastName).to.equal('Martin');
    expect(
      input.emails.map((email: { address: string }) => email.address),
    ).to.deep.equal(['anne@colonnes.test', 'anne2@colonnes.test']);
  });

  it('says a file without a contact row has none, and reads a 20,000-column row', async function () {
    this.timeout(30_000);
    const outlook = readFileSync(
      resolve(
        process.cwd(),
        '..',
        'shared',
        'data',
        'contacts',
        'csv',
        'outlook_fr_header_reconstructed.cp1252.csv',
      ),
    );
    const empty: [string, Buffer][] = [
      ['entete.csv', csv(['Prénom,Nom,E-mail'])],
      ['outlook-vide.csv', outlook],
      ['blanches.csv', csv(['Prénom;Nom;E-mail', ...Array(100_000).fill('')])],
    ];
    for (const [fileName, data] of empty) {
      try {
        await stageImport(ctx(), { fileName, data }, { wait: true });
        expect.fail(`${fileName} was staged`);
      } catch (error) {
        expect((error as AppError).code, fileName).to.equal(
          'IMPORT_FILE_INVALID',
        );
        expect((error as AppError).messageFr).to.equal(
          `${fileName} : aucune ligne de contact dans le fichier ` +
            '(seulement un en-tête ou des lignes vides)',
        );
        expect((error as AppError).messageEn).to.match(
          /: no contact row in the file/,
        );
      }
    }
    const staged = await stage('entete.csv', csv(['Prénom,Nom,E-mail']));
    const failed = await settle(staged.body.id);
    expect(failed.status).to.equal('failed');
    expect(failed.error.fr).to.match(/aucune ligne de contact dans le fichier/);

    const others = Array.from({ length: 19_997 }, (_unused, i) => `Col${i}`);
    const wide = await stageImport(
      ctx(),
      {
        fileName: 'large.csv',
        data: csv([
          ['Prénom', 'Nom', 'E-mail', ...others].join(','),
          ['Anne', 'Large', 'anne@large.test', ...others].join(','),
        ]),
      },
      { wait: true },
    );
    expect(JSON.parse(wide.report).counts).to.include({ create: 1 });
  });

  it('refuses a file over the upload limit, naming the limit in both languages', async () => {
    const refused = await stage(
      'enorme.csv',
      Buffer.alloc(50 * 1024 * 1024 + 1, 'a'),
    );
    expect(refused.status).to.equal(413);
    expect(refused.body.error).to.include({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'Envoi trop volumineux : 50 Mo au plus.',
      messageEn: 'Upload too large: 50 MB at most.',
    });
  });

  it('checks each row once: the file names its origin, control characters refuse it', async () => {
    const batch = await stageImport(
      ctx(),
      {
        fileName: 'controle.csv',
        data: csv([
          'Nom;Prénom;E-mail;Origine',
          'Lambert;Inès;ines.lambert@exemple.test;',
          'Roux;Paul\u0007;paul.roux@exemple.test;',
          'Morel;Léa;lea.morel@exemple.test;Salon 2026',
        ]),
      },
      { wait: true },
    );
    const rows = await db().models.ImportRow.findAll({
      where: { batchId: batch.id },
      order: [['line', 'ASC']],
    });
    expect(rows.map((row) => row.outcome)).to.deep.equal([
      'create',
      'reject',
      'create',
    ]);
    const origins = [rows[0], rows[2]].map(
      (row) => JSON.parse(row?.data ?? '{}').input.origin,
    );
    expect(origins).to.deep.equal(['controle.csv', 'Salon 2026']);
    expect(rows[1]?.issues).to.include('caractère de contrôle interdit');
  });

  it('refuses an empty file at once, and a staged batch cannot be undone', async () => {
    try {
      await stageImport(ctx(), { fileName: 'vide.csv', data: Buffer.alloc(0) });
      expect.fail('an empty file was staged');
    } catch (error) {
      expect((error as AppError).code).to.equal('IMPORT_FILE_INVALID');
    }
    const staged = await stageImport(
      ctx(),
      { fileName: 'attente.csv', data: csv(['Nom', 'Attente']) },
      { wait: true },
    );
    const undo = await h.request
      .post(`/api/imports/${staged.id}/undo`)
      .set(admin());
    expect(undo.status).to.equal(409);
    const discarded = await h.request
      .delete(`/api/imports/${staged.id}`)
      .set(admin());
    expect(discarded.status).to.equal(204);
  });
});
