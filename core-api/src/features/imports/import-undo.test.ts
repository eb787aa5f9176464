import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { signedInApp } from '../../test/harness.ts';

describeEachDatabase('undoing an import', (db) => {
  let h: Awaited<ReturnType<typeof signedInApp>>;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const csv = [
    'Nom;Prénom;Société;E-mail',
    'Garnier;Élise;Gazette de Test;elise.garnier@gazette.test',
    'Roux;Hugo;Gazette de Test;hugo.roux@gazette.test',
    'Blanc;Léa;Le Monde;lea.blanc@lemonde.fr',
  ].join('\n');
  const upload = (fileName: string) =>
    h.request
      .post('/api/imports')
      .query({ fileName, commit: 'true' })
      .set(auth(h.tokens.admin))
      .type('application/octet-stream')
      .send(Buffer.from(csv));
  const names = async (q: string) =>
    (
      await h.request.get('/api/search').query({ q }).set(auth(h.tokens.editor))
    ).body.items.map((hit: { displayName: string }) => hit.displayName);

  before(async () => {
    h = await signedInApp(db());
    // Le Monde exists before the import: undoing must not take it away.
    await h.request
      .post('/api/contacts')
      .set(auth(h.tokens.editor))
      .send({ lastName: 'Avant', affiliations: [{ companyName: 'Le Monde' }] });
  });

  it('takes back its contacts and the companies only it created, once', async () => {
    const imported = await upload('presse.csv');
    expect(imported.status, JSON.stringify(imported.body)).to.equal(202);
    expect(imported.body.status).to.equal('committed');
    expect(imported.body.result.created).to.equal(3);
    const batchId = imported.body.id;

    const byEditor = await h.request
      .post(`/api/imports/${batchId}/undo`)
      .set(auth(h.tokens.editor));
    expect(byEditor.status).to.equal(403);

    const undone = await h.request
      .post(`/api/imports/${batchId}/undo`)
      .set(auth(h.tokens.admin));
    expect(undone.status, JSON.stringify(undone.body)).to.equal(200);
    expect(undone.body).to.deep.equal({
      batchId,
      contactsRemoved: 3,
      contactsRestored: 0,
      contactsReactivated: 0,
      companiesRemoved: 1,
      editedSinceImport: 0,
      termsRemoved: 0,
      termsKept: [],
    });
    expect(await names('garnier')).to.deep.equal([]);
    expect(await names('gazette')).to.deep.equal([]);
    expect(await names('monde')).to.include('Le Monde');

    const again = await h.request
      .post(`/api/imports/${batchId}/undo`)
      .set(auth(h.tokens.admin));
    expect(again.status).to.equal(409);
    expect(again.body.error.message).to.include('déjà annulé');

    const audit = await h.request
      .get('/api/audit')
      .query({ action: 'import.undo' })
      .set(auth(h.tokens.admin));
    expect(audit.body.items[0]).to.include({ entityId: String(batchId) });
    const listed = await h.request
      .get('/api/imports')
      .set(auth(h.tokens.admin));
    expect(
      listed.body.items.find((b: { id: number }) => b.id === batchId).status,
    ).to.equal('undone');
  });

  it('merges a file imported twice into the contacts it made, and undoes that', async () => {
    const first = await upload('double.csv');
    const hit = (
      await h.request
        .get('/api/search')
        .query({ q: 'elise garnier' })
        .set(auth(h.tokens.editor))
    ).body.items[0];
    const before = (
      await h.request.get(`/api/contacts/${hit.id}`).set(auth(h.tokens.editor))
    ).body;
    const twice = csv
      .replace(
        'elise.garnier@gazette.test',
        'elise.garnier@gazette.test;06 12 34 56 78',
      )
      .replace('E-mail', 'E-mail;Portable');
    const second = await h.request
      .post('/api/imports')
      .query({ fileName: 'double-2.csv', commit: 'true' })
      .set(auth(h.tokens.admin))
      .type('application/octet-stream')
      .send(Buffer.from(twice));
    expect(first.body.result.created).to.equal(3);
    expect(second.body.result, JSON.stringify(second.body)).to.include({
      created: 0,
      merged: 3,
    });
    expect(await names('garnier')).to.have.length(1);
    const merged = (
      await h.request.get(`/api/contacts/${hit.id}`).set(auth(h.tokens.editor))
    ).body;
    expect(merged.phones.map((p: { e164: string }) => p.e164)).to.deep.equal([
      '+33612345678',
    ]);
    expect(merged.fieldSources.phones.source).to.match(/^import #\d+/);

    // Undoing the second import gives the contacts back as they were.
    const undone = await h.request
      .post(`/api/imports/${second.body.id}/undo`)
      .set(auth(h.tokens.admin));
    // Only the contact the second file added to changed: only it goes back.
    expect(undone.body).to.include({ contactsRemoved: 0, contactsRestored: 1 });
    const restored = (
      await h.request.get(`/api/contacts/${hit.id}`).set(auth(h.tokens.editor))
    ).body;
    expect(restored.phones).to.deep.equal(before.phones);
    // The merge and its undo changed those contacts since the first import.
    const firstUndo = await h.request
      .post(`/api/imports/${first.body.id}/undo`)
      .query({ force: 'true' })
      .set(auth(h.tokens.admin));
    expect(firstUndo.body).to.include({ contactsRemoved: 3 });
    expect(await names('garnier')).to.deep.equal([]);
  });

  it('asks before taking back contacts edited since the import', async () => {
    const imported = await upload('presse-2.csv');
    const batchId = imported.body.id;
    const hit = (
      await h.request
        .get('/api/search')
        .query({ q: 'hugo roux' })
        .set(auth(h.tokens.editor))
    ).body.items[0];
    const edited = await h.request
      .put(`/api/contacts/${hit.id}`)
      .set(auth(h.tokens.editor))
      .send({
        lastName: 'Roux',
        firstName: 'Hugo',
        notes: 'rappelé',
        version: 1,
      });
    expect(edited.status, JSON.stringify(edited.body)).to.equal(200);

    const refused = await h.request
      .post(`/api/imports/${batchId}/undo`)
      .set(auth(h.tokens.admin));
    expect(refused.status).to.equal(409);
    expect(refused.body.error.message).to.match(
      /^1 contact de cet import a été modifié depuis : confirmez pour le retirer/,
    );
    expect(await names('hugo roux')).to.have.length(1);

    const forced = await h.request
      .post(`/api/imports/${batchId}/undo`)
      .query({ force: 'true' })
      .set(auth(h.tokens.admin));
    expect(forced.status).to.equal(200);
    expect(forced.body).to.include({
      contactsRemoved: 3,
      editedSinceImport: 1,
    });
    expect(await names('hugo roux')).to.deep.equal([]);
  });

  it('removes the terms it created unless something else uses them now', async () => {
    const file = [
      'Nom;Prénom;E-mail;Domaine;Catégories',
      'Perrin;Agathe;agathe.perrin@termes.test;Jardin > Potager;Lecteurs fidèles',
      'Vidal;Marc;marc.vidal@termes.test;;Lecteurs fidèles',
    ].join('\n');
    const imported = await h.request
      .post('/api/imports')
      .query({ fileName: 'termes.csv', commit: 'true' })
      .set(auth(h.tokens.admin))
      .type('application/octet-stream')
      .send(Buffer.from(file));
    expect(imported.body.status, JSON.stringify(imported.body)).to.equal(
      'committed',
    );
    const { Term } = db().models;
    const created = await Term.findAll({
      where: { label: ['Jardin', 'Potager', 'Lecteurs fidèles'] },
    });
    expect(created).to.have.length(3);
    const category = created.find((term) => term.label === 'Lecteurs fidèles');
    // A contact typed in by hand uses one of them since.
    const kept = await h.request
      .post('/api/contacts')
      .set(auth(h.tokens.admin))
      .send({ lastName: 'Après', termIds: [category?.id] });
    expect(kept.status, JSON.stringify(kept.body)).to.equal(201);

    const undone = await h.request
      .post(`/api/imports/${imported.body.id}/undo`)
      .set(auth(h.tokens.admin));
    expect(undone.status, JSON.stringify(undone.body)).to.equal(200);
    expect(undone.body).to.deep.include({
      contactsRemoved: 2,
      termsRemoved: 2,
      termsKept: [{ id: category?.id, label: 'Lecteurs fidèles' }],
    });
    const left = await Term.findAll({
      where: { label: ['Jardin', 'Potager', 'Lecteurs fidèles'] },
    });
    expect(left.map((term) => term.label)).to.deep.equal(['Lecteurs fidèles']);
    const audit = await db().models.AuditEvent.findOne({
      where: { action: 'import.undo', entityId: String(imported.body.id) },
    });
    expect(JSON.parse(audit?.afterData ?? '{}')).to.include({
      termsRemoved: 2,
    });
  });
});
