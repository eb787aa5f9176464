import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { signedInApp } from '../../test/harness.ts';

describeEachDatabase('merging duplicates', (db) => {
  let h: Awaited<ReturnType<typeof signedInApp>>;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const ids: Record<string, number> = {};
  let pairId = 0;
  let mergeId = 0;

  const create = async (key: string, body: object) => {
    const created = await h.request
      .post('/api/contacts')
      .set(auth(h.tokens.editor))
      .send(body);
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    ids[key] = created.body.id;
  };
  const get = (id: number) =>
    h.request.get(`/api/contacts/${id}`).set(auth(h.tokens.editor));

  before(async () => {
    h = await signedInApp(db());
    await create('richer', {
      firstName: 'Jean',
      lastName: 'Dupont',
      emails: [{ address: 'jean.dupont@lemonde.fr', isPrimary: true }],
      phones: [{ number: '06 12 34 56 78', kind: 'mobile' }],
      affiliations: [{ companyName: 'Le Monde', function: 'Grand reporter' }],
      addresses: [{ city: 'Paris', postalCode: '75007' }],
    });
    await create('poorer', {
      firstName: 'Jean',
      lastName: 'DUPOND',
      birthDate: '1971-03-02',
      emails: [{ address: 'j.dupond@gmail.com' }],
      phones: [{ number: '+33 6 12 34 56 78', kind: 'mobile' }],
      optOut: { email: true },
    });
    await create('relayed', {
      lastName: 'Assistante',
      intermediaryId: ids.poorer,
      intermediaryRole: 'chef',
    });
    const scan = await h.request
      .post('/api/duplicates/scan')
      .set(auth(h.tokens.admin));
    expect(scan.body.same + scan.body.maybe).to.be.greaterThan(0);
    const queue = await h.request
      .get('/api/duplicates')
      .set(auth(h.tokens.editor));
    pairId = queue.body.items.find(
      (p: { a: { id: number }; b: { id: number } }) =>
        [p.a.id, p.b.id].includes(ids.poorer as number),
    ).id;
  });

  it('is for administrators only', async () => {
    const refused = await h.request
      .post(`/api/duplicates/${pairId}/merge`)
      .set(auth(h.tokens.editor))
      .send({});
    expect(refused.status).to.equal(403);
  });

  it('keeps everything of both records in the more complete one', async () => {
    const merged = await h.request
      .post(`/api/duplicates/${pairId}/merge`)
      .set(auth(h.tokens.admin))
      .send({});
    expect(merged.status, JSON.stringify(merged.body)).to.equal(200);
    mergeId = merged.body.mergeId;
    expect(merged.body).to.include({
      survivorId: ids.richer,
      mergedId: ids.poorer,
    });
    // The decided pair still shows both sides, with the merge to undo.
    const pair = await h.request
      .get(`/api/duplicates/${pairId}`)
      .set(auth(h.tokens.editor));
    expect(pair.status).to.equal(200);
    expect(pair.body.status).to.equal('merged');
    expect(pair.body.merge).to.deep.equal({
      mergeId,
      survivorId: ids.richer,
      mergedId: ids.poorer,
    });
    expect(pair.body.b.id).to.be.oneOf([ids.richer, ids.poorer]);
    const missing = await h.request
      .get('/api/duplicates/999999')
      .set(auth(h.tokens.editor));
    expect(missing.status).to.equal(404);
    expect(missing.body.error.messageEn).to.equal('Pair 999999 not found.');
    for (const odd of ['0x10', '1e3', '-1', '0', '1.5'])
      expect(
        (
          await h.request
            .get(`/api/duplicates/${odd}`)
            .set(auth(h.tokens.editor))
        ).status,
        odd,
      ).to.equal(400);

    const contact = merged.body.contact;
    expect(contact.lastName).to.equal('Dupont');
    expect(contact.birthDate, 'filled from the other record').to.equal(
      '1971-03-02',
    );
    expect(
      contact.emails.map((e: { address: string }) => e.address),
    ).to.deep.equal(['jean.dupont@lemonde.fr', 'j.dupond@gmail.com']);
    expect(
      contact.emails.filter((e: { isPrimary: boolean }) => e.isPrimary),
    ).to.have.length(1);
    expect(contact.phones, 'one number written two ways').to.have.length(1);
    expect(contact.optOut.email, 'an opt-out survives the merge').to.equal(
      true,
    );
    expect(contact.affiliations[0].company.name).to.equal('Le Monde');

    // An editor is told where the merged-away contact went.
    const gone = await get(ids.poorer as number);
    expect(gone.status).to.equal(410);
    expect(gone.body.error.message).to.equal(
      `Ce contact a été fusionné dans le contact n° ${ids.richer}.`,
    );
    expect((await get(ids.relayed as number)).body.intermediary.id).to.equal(
      ids.richer,
    );
    const search = await h.request
      .get('/api/search')
      .query({ q: 'dupond' })
      .set(auth(h.tokens.editor));
    expect(
      search.body.items.map((hit: { id: number }) => hit.id),
    ).to.deep.equal([ids.richer]);

    const audit = await h.request
      .get('/api/audit')
      .query({ action: 'merge', entityId: String(ids.richer) })
      .set(auth(h.tokens.admin));
    expect(audit.body.items[0].before.merged.id).to.equal(ids.poorer);

    const twice = await h.request
      .post(`/api/duplicates/${pairId}/merge`)
      .set(auth(h.tokens.admin))
      .send({});
    expect(twice.status).to.equal(409);
  });

  it('undoes a merge: both records as they were, the pair back in the queue', async () => {
    const undone = await h.request
      .post(`/api/merges/${mergeId}/undo`)
      .set(auth(h.tokens.admin));
    expect(undone.status, JSON.stringify(undone.body)).to.equal(200);
    expect(undone.body).to.include({
      restoredId: ids.poorer,
      editedSinceMerge: false,
    });

    const richer = (await get(ids.richer as number)).body;
    expect(richer.birthDate).to.equal(null);
    expect(richer.emails).to.have.length(1);
    expect(richer.optOut.email).to.equal(false);
    const poorer = await get(ids.poorer as number);
    expect(poorer.status).to.equal(200);
    expect(poorer.body.emails[0].address).to.equal('j.dupond@gmail.com');
    expect((await get(ids.relayed as number)).body.intermediary.id).to.equal(
      ids.poorer,
    );

    const queue = await h.request
      .get('/api/duplicates')
      .set(auth(h.tokens.editor));
    expect(queue.body.items.map((p: { id: number }) => p.id)).to.include(
      pairId,
    );
    const again = await h.request
      .post(`/api/merges/${mergeId}/undo`)
      .set(auth(h.tokens.admin));
    expect(again.status).to.equal(409);
  });

  it('takes the fields a person chose from the other side', async () => {
    const merged = await h.request
      .post(`/api/duplicates/${pairId}/merge`)
      .set(auth(h.tokens.admin))
      .send({ survivor: 'a', fields: { lastName: 'b' } });
    expect(merged.status, JSON.stringify(merged.body)).to.equal(200);
    const queueSide = (await get(merged.body.survivorId)).body;
    expect(merged.body.survivorId).to.equal(
      Math.min(ids.richer as number, ids.poorer as number),
    );
    expect(queueSide.lastName).to.equal(
      merged.body.survivorId === ids.richer ? 'DUPOND' : 'Dupont',
    );
  });

  it('asks before undoing a merge whose survivor was edited since', async () => {
    const last = await h.request
      .get('/api/audit')
      .query({ action: 'merge' })
      .set(auth(h.tokens.admin));
    const survivorId = Number(last.body.items[0].entityId);
    const survivor = (await get(survivorId)).body;
    const edited = await h.request
      .put(`/api/contacts/${survivorId}`)
      .set(auth(h.tokens.editor))
      .send({
        lastName: survivor.lastName,
        firstName: survivor.firstName,
        notes: 'rappelé après la fusion',
        version: survivor.version,
      });
    expect(edited.status, JSON.stringify(edited.body)).to.equal(200);
    const nextMerge = mergeId + 1;
    const refused = await h.request
      .post(`/api/merges/${nextMerge}/undo`)
      .set(auth(h.tokens.admin));
    expect(refused.status).to.equal(409);
    const forced = await h.request
      .post(`/api/merges/${nextMerge}/undo`)
      .query({ force: 'true' })
      .set(auth(h.tokens.admin));
    expect(forced.status, JSON.stringify(forced.body)).to.equal(200);
    expect(forced.body.editedSinceMerge).to.equal(true);
  });

  it('scans the base again once merges of queued pairs were undone', async () => {
    const scan = await h.request
      .post('/api/duplicates/scan')
      .set(auth(h.tokens.admin));
    expect(scan.status, JSON.stringify(scan.body)).to.equal(200);
    const merges = await db().models.ContactMerge.findAll();
    expect(merges.length).to.be.greaterThan(0);
  });
});
