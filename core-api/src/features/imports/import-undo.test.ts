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
      .query({ fileName })
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
    expect(imported.status, JSON.stringify(imported.body)).to.equal(201);
    expect(imported.body.created).to.equal(3);
    const batchId = imported.body.batchId;

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
      companiesRemoved: 1,
      editedSinceImport: 0,
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

  it('queues every contact of a file imported twice as a sure duplicate', async () => {
    const first = await upload('double.csv');
    const second = await upload('double.csv');
    expect(first.body.duplicates.withBase).to.equal(0);
    expect(second.body.duplicates).to.include({
      withBase: 3,
      withinFile: 0,
      same: 3,
    });
    const queue = await h.request
      .get('/api/duplicates')
      .query({ pageSize: 100 })
      .set(auth(h.tokens.editor));
    const queued = queue.body.items.filter(
      (pair: { outcome: string }) => pair.outcome === 'same',
    );
    expect(queued.length).to.be.at.least(3);

    // Undoing the second import empties the queue of its pairs.
    await h.request
      .post(`/api/imports/${second.body.batchId}/undo`)
      .set(auth(h.tokens.admin));
    await h.request
      .post(`/api/imports/${first.body.batchId}/undo`)
      .set(auth(h.tokens.admin));
    const after = await h.request
      .get('/api/duplicates')
      .set(auth(h.tokens.editor));
    expect(after.body.total).to.equal(0);
  });

  it('asks before taking back contacts edited since the import', async () => {
    const imported = await upload('presse-2.csv');
    const batchId = imported.body.batchId;
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
    expect(refused.body.error.message).to.match(/^1 contact\(s\)/);
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
});
