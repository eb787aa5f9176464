import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { signedInApp } from '../../test/harness.ts';

describeEachDatabase('duplicate review queue', (db) => {
  let h: Awaited<ReturnType<typeof signedInApp>>;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const ids: Record<string, number> = {};

  before(async () => {
    h = await signedInApp(db());
    const people = {
      dupont: {
        firstName: 'Jean',
        lastName: 'Dupont',
        emails: [{ address: 'jean.dupont@lemonde.fr' }],
        phones: [{ number: '06 12 34 56 78', kind: 'mobile' }],
        affiliations: [{ companyName: 'Le Monde' }],
      },
      dupond: {
        firstName: 'Jean',
        lastName: 'DUPOND',
        emails: [{ address: 'JEAN.DUPONT@lemonde.fr' }],
        phones: [{ number: '+33 6 12 34 56 78', kind: 'mobile' }],
      },
      martin: {
        firstName: 'Claire',
        lastName: 'Martin',
        birthDate: '1970-01-01',
      },
      homonym: {
        firstName: 'Claire',
        lastName: 'Martin',
        birthDate: '1985-06-30',
      },
    };
    for (const [key, body] of Object.entries(people)) {
      const created = await h.request
        .post('/api/contacts')
        .set(auth(h.tokens.editor))
        .send(body);
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      ids[key] = created.body.id;
    }
  });

  it('finds duplicates across the base, queues them and audits the scan', async () => {
    const scan = await h.request
      .post('/api/duplicates/scan')
      .set(auth(h.tokens.admin));
    expect(scan.status, JSON.stringify(scan.body)).to.equal(200);
    expect(scan.body).to.include({ contacts: 4, same: 1 });

    const queue = await h.request
      .get('/api/duplicates')
      .set(auth(h.tokens.editor));
    expect(queue.status).to.equal(200);
    const [best] = queue.body.items;
    expect([best.a.id, best.b.id].sort()).to.deep.equal(
      [ids.dupont, ids.dupond].sort(),
    );
    expect(best.outcome).to.equal('same');
    expect(
      best.evidence.map((e: { field: string }) => e.field),
    ).to.include.members(['email', 'phone']);
    expect(best.a.organisations.concat(best.b.organisations)).to.include(
      'Le Monde',
    );

    const audit = await h.request
      .get('/api/audit?action=duplicates.scan')
      .set(auth(h.tokens.admin));
    expect(audit.body.items).to.have.length(1);
  });

  it('never proposes homonyms with different birth dates as the same person', async () => {
    const queue = await h.request
      .get('/api/duplicates')
      .set(auth(h.tokens.editor));
    const homonyms = queue.body.items.filter((pair: { a: { id: number } }) =>
      [ids.martin, ids.homonym].includes(pair.a.id),
    );
    for (const pair of homonyms) expect(pair.outcome).to.equal('maybe');
  });

  it('keeps the ids of pending pairs a new scan finds again', async () => {
    const before = await h.request
      .get('/api/duplicates')
      .set(auth(h.tokens.editor));
    const rescan = await h.request
      .post('/api/duplicates/scan')
      .set(auth(h.tokens.admin));
    expect(rescan.status).to.equal(200);
    const after = await h.request
      .get('/api/duplicates')
      .set(auth(h.tokens.editor));
    const idsOf = (body: { items: { id: number }[] }) =>
      body.items.map((pair) => pair.id);
    expect(idsOf(after.body)).to.have.length.above(0);
    expect(idsOf(after.body)).to.deep.equal(idsOf(before.body));
  });

  it('keeps a pair marked "not a duplicate" out of later scans', async () => {
    const queue = await h.request
      .get('/api/duplicates')
      .set(auth(h.tokens.editor));
    const pairId = queue.body.items[0].id;

    const byEditor = await h.request
      .post(`/api/duplicates/${pairId}/dismiss`)
      .set(auth(h.tokens.editor));
    expect(byEditor.status).to.equal(403);
    const dismissed = await h.request
      .post(`/api/duplicates/${pairId}/dismiss`)
      .set(auth(h.tokens.admin));
    expect(dismissed.status).to.equal(204);

    const rescan = await h.request
      .post('/api/duplicates/scan')
      .set(auth(h.tokens.admin));
    expect(rescan.body).to.include({ same: 0, alreadyDecided: 1 });
    const decided = await h.request
      .get('/api/duplicates?status=not_duplicate')
      .set(auth(h.tokens.editor));
    expect(decided.body.items.map((p: { id: number }) => p.id)).to.deep.equal([
      pairId,
    ]);
    expect(decided.body.items[0].decidedAt).to.be.a('string');
  });

  it('answers 404 for an unknown pair and 400 for a bad status', async () => {
    const missing = await h.request
      .post('/api/duplicates/999999/dismiss')
      .set(auth(h.tokens.admin));
    expect(missing.status).to.equal(404);
    const bad = await h.request
      .get('/api/duplicates?status=maybe')
      .set(auth(h.tokens.editor));
    expect(bad.status).to.equal(400);
    expect(bad.body.error.fields[0].path).to.equal('status');
  });
});
