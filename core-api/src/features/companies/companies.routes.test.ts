import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { signedInApp } from '../../test/harness.ts';

type Harness = Awaited<ReturnType<typeof signedInApp>>;

describeEachDatabase('companies API', (db) => {
  let h: Harness;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  before(async () => {
    h = await signedInApp(db());
  });

  it('creates a company with every R3 field and lists its contacts', async () => {
    const sector = await h.request
      .post('/api/taxonomy')
      .set(as(h.tokens.admin))
      .send({ kind: 'sector', label: 'Médias' });
    const created = await h.request
      .post('/api/companies')
      .set(as(h.tokens.editor))
      .send({
        name: 'Ouest-France',
        legalName: 'SIPA Ouest-France SA',
        companyType: 'Quotidien régional',
        sectorId: sector.body.id,
        street: '10 rue du Breil',
        postalCode: '35051',
        city: 'Rennes',
        country: 'FR',
        phone: '02 99 32 60 00',
        fax: '02 99 32 60 01',
        email: 'Redaction@Ouest-France.fr',
        website: 'https://www.ouest-france.fr',
        socialAccounts: [{ network: 'twitter', handle: '@OuestFrance' }],
      });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect(created.body).to.include({
      name: 'Ouest-France',
      email: 'redaction@ouest-france.fr',
      city: 'Rennes',
    });
    expect(created.body.sector).to.deep.equal({
      id: sector.body.id,
      label: 'Médias',
    });
    expect(created.body.phone).to.deep.equal({
      e164: '+33299326000',
      raw: '02 99 32 60 00',
      display: '02 99 32 60 00',
    });
    expect(created.body.socialAccounts[0]).to.include({
      network: 'twitter',
      handle: '@OuestFrance',
    });

    await h.request
      .post('/api/contacts')
      .set(as(h.tokens.editor))
      .send({
        lastName: 'Le Gall',
        affiliations: [
          { companyId: created.body.id, function: 'Chef d’édition' },
        ],
      });
    const card = await h.request
      .get(`/api/companies/${created.body.id}`)
      .set(as(h.tokens.editor));
    expect(card.body.contacts).to.deep.equal([
      {
        id: card.body.contacts[0].id,
        displayName: 'Le Gall',
        contactType: 'press',
        function: 'Chef d’édition',
        current: true,
      },
    ]);
    const list = await h.request.get('/api/companies').set(as(h.tokens.editor));
    expect(
      list.body.items.find((c: { id: number }) => c.id === created.body.id)
        .contactCount,
    ).to.equal(1);
  });

  it('matches a company written in other case and accents, creating no twin', async () => {
    const first = await h.request
      .post('/api/contacts')
      .set(as(h.tokens.editor))
      .send({ lastName: 'A', affiliations: [{ companyName: "L'Équipe" }] });
    const second = await h.request
      .post('/api/contacts')
      .set(as(h.tokens.editor))
      .send({ lastName: 'B', affiliations: [{ companyName: 'l equipe' }] });
    expect(second.body.affiliations[0].company.id).to.equal(
      first.body.affiliations[0].company.id,
    );
  });

  it('refuses a sector that is not a sector, and a bad website', async () => {
    const domain = await h.request
      .post('/api/taxonomy')
      .set(as(h.tokens.admin))
      .send({ kind: 'domain', label: 'Sport' });
    const response = await h.request
      .post('/api/companies')
      .set(as(h.tokens.editor))
      .send({ name: 'X', sectorId: domain.body.id, website: 'not a url' });
    expect(response.status).to.equal(400);
    expect(
      response.body.error.fields.map((f: { path: string }) => f.path),
    ).to.include('website');
    const second = await h.request
      .post('/api/companies')
      .set(as(h.tokens.editor))
      .send({ name: 'X', sectorId: domain.body.id });
    expect(second.body.error.fields[0].path).to.equal('sectorId');
  });

  it('updates with a version check, deletes softly and restores for administrators', async () => {
    const created = await h.request
      .post('/api/companies')
      .set(as(h.tokens.editor))
      .send({ name: 'France Bleu' });
    const id = created.body.id;
    const updated = await h.request
      .put(`/api/companies/${id}`)
      .set(as(h.tokens.editor))
      .send({ name: 'ici (France Bleu)', version: 1 });
    expect(updated.body.version).to.equal(2);
    expect(updated.body.fieldSources.name.source).to.equal(
      'saisie (Eddie Editor)',
    );
    const stale = await h.request
      .put(`/api/companies/${id}`)
      .set(as(h.tokens.other))
      .send({ name: 'Autre', version: 1 });
    expect(stale.status).to.equal(409);

    expect(
      (await h.request.delete(`/api/companies/${id}`).set(as(h.tokens.editor)))
        .status,
    ).to.equal(204);
    expect(
      (await h.request.get(`/api/companies/${id}`).set(as(h.tokens.editor)))
        .status,
    ).to.equal(410);
    expect(
      (
        await h.request
          .post(`/api/companies/${id}/restore`)
          .set(as(h.tokens.admin))
      ).status,
    ).to.equal(200);
    const trail = await h.request
      .get('/api/audit')
      .query({ entityType: 'company', entityId: String(id) })
      .set(as(h.tokens.admin));
    expect(
      trail.body.items.map((e: { action: string }) => e.action),
    ).to.deep.equal(['restore', 'delete', 'update', 'create']);
  });
});
