import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { ctxFor, signedInApp } from '../../test/harness.ts';
import { engagementOf } from '../history/engagement.ts';
import { recordInteractions } from '../history/history-bulk.ts';

describeEachDatabase('survivor by engagement (targeting result)', (db) => {
  let h: Awaited<ReturnType<typeof signedInApp>>;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const ids: Record<string, number> = {};
  const sentAt = new Date(Date.UTC(2026, 10, 20, 9, 0, 0));

  const create = async (key: string, body: object) => {
    const created = await h.request
      .post('/api/contacts')
      .set(auth(h.tokens.editor))
      .send(body);
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    ids[key] = created.body.id;
  };
  const send = (kind: 'send' | 'email_in' | 'event', contactIds: number[]) =>
    recordInteractions(ctxFor(db()), {
      kind,
      source: kind === 'email_in' ? 'outlook' : kind,
      occurredAt: sentAt,
      subject: 'Communiqué : la saison des festivals',
      recipients: contactIds.map((contactId) => ({ contactId })),
    });
  const saveSurvivor = async (survivor: string[]) => {
    const read = await h.request
      .get('/api/merge-rules')
      .set(auth(h.tokens.admin));
    const saved = await h.request
      .put('/api/merge-rules')
      .set(auth(h.tokens.admin))
      .send({
        version: read.body.version,
        rules: { ...read.body.rules, survivor },
      });
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
  };
  const pairOf = async (id: number) => {
    await h.request.post('/api/duplicates/scan').set(auth(h.tokens.admin));
    const queue = await h.request
      .get('/api/duplicates')
      .set(auth(h.tokens.editor));
    const pair = queue.body.items.find(
      (p: { a: { id: number }; b: { id: number } }) =>
        [p.a.id, p.b.id].includes(id),
    );
    expect(pair, JSON.stringify(queue.body)).to.not.equal(undefined);

    return pair.id as number;
  };

  before(async () => {
    h = await signedInApp(db());
    await create('complete', {
      firstName: 'Camille',
      lastName: 'Rousseau',
      emails: [
        { address: 'camille.rousseau@liberation.test', isPrimary: true },
      ],
      phones: [{ number: '06 98 76 54 32', kind: 'mobile' }],
      affiliations: [
        { companyName: 'Libération', function: 'Cheffe de rubrique' },
      ],
      addresses: [{ city: 'Lyon', postalCode: '69002' }],
    });
    await create('targeted', {
      firstName: 'Camille',
      lastName: 'ROUSSEAU',
      phones: [{ number: '+33 6 98 76 54 32', kind: 'mobile' }],
    });
    await create('quiet', { lastName: 'Sans Histoire' });
    await create('reached', { lastName: 'Destinataire' });
    await create('answered', { lastName: 'Répondante' });
    await send('send', [ids.targeted as number, ids.reached as number]);
    await send('event', [ids.answered as number]);
    await send('email_in', [ids.answered as number]);
  });

  it('ranks an answer above a send, a send above nothing, in one query', async () => {
    const found = await engagementOf(ctxFor(db()), [
      ids.quiet as number,
      ids.reached as number,
      ids.answered as number,
    ]);
    expect(found.has(ids.quiet as number)).to.equal(false);
    expect(found.get(ids.reached as number)).to.deep.equal({
      level: 1,
      at: sentAt.getTime(),
    });
    expect(found.get(ids.answered as number)).to.deep.equal({
      level: 2,
      at: sentAt.getTime(),
    });
  });

  it('leaves out a history line deleted since', async () => {
    const { Interaction } = db().models;
    await send('send', [ids.quiet as number]);
    expect(
      (await engagementOf(ctxFor(db()), [ids.quiet as number])).size,
    ).to.equal(1);
    await Interaction.destroy({ where: { contactId: ids.quiet } });
    expect(
      (await engagementOf(ctxFor(db()), [ids.quiet as number])).size,
    ).to.equal(0);
  });

  it('keeps the record used in a send over a more complete one when it comes first', async () => {
    await saveSurvivor(['engagement', 'completeness', 'oldest']);
    const pairId = await pairOf(ids.targeted as number);
    // What the review screen proposes: the side the rules keep.
    const pair = await h.request
      .get(`/api/duplicates/${pairId}`)
      .set(auth(h.tokens.editor));
    const targetedSide = pair.body.a.id === ids.targeted ? 'a' : 'b';
    expect(pair.body.proposedSurvivor).to.equal(targetedSide);
    const merged = await h.request
      .post(`/api/duplicates/${pairId}/merge`)
      .set(auth(h.tokens.admin))
      .send({});
    expect(merged.status, JSON.stringify(merged.body)).to.equal(200);
    expect(merged.body).to.include({
      survivorId: ids.targeted,
      mergedId: ids.complete,
    });
    // Everything of the more complete record is kept in the survivor.
    expect(
      merged.body.contact.emails.map((e: { address: string }) => e.address),
    ).to.include('camille.rousseau@liberation.test');

    // Completeness first, as before: the more complete record survives.
    const undone = await h.request
      .post(`/api/merges/${merged.body.mergeId}/undo`)
      .set(auth(h.tokens.admin));
    expect(undone.status, JSON.stringify(undone.body)).to.equal(200);
    await saveSurvivor(['completeness', 'engagement']);
    const again = await h.request
      .post(`/api/duplicates/${pairId}/merge`)
      .set(auth(h.tokens.admin))
      .send({});
    expect(again.status, JSON.stringify(again.body)).to.equal(200);
    expect(again.body).to.include({
      survivorId: ids.complete,
      mergedId: ids.targeted,
    });
    // A decided pair proposes nothing.
    const decided = await h.request
      .get(`/api/duplicates/${pairId}`)
      .set(auth(h.tokens.editor));
    expect(decided.body).to.not.have.property('proposedSurvivor');
  });

  it('is one of the criteria the rules accept', async () => {
    const read = await h.request
      .get('/api/merge-rules')
      .set(auth(h.tokens.admin));
    expect(read.body.rules.survivor).to.deep.equal([
      'completeness',
      'engagement',
    ]);
    const repeated = await h.request
      .put('/api/merge-rules')
      .set(auth(h.tokens.admin))
      .send({
        version: read.body.version,
        rules: { ...read.body.rules, survivor: ['engagement', 'engagement'] },
      });
    expect(repeated.status).to.equal(400);
  });
});
