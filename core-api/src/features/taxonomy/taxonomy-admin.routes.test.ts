import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { requestsOf, signedInApp } from '../../test/harness.ts';

type Harness = Awaited<ReturnType<typeof signedInApp>>;
type Term = { id: number; label: string; version: number; position: number };
type Usage = {
  termId: number;
  contacts: number;
  companies: number;
  contactsWithin: number;
  companiesWithin: number;
};

describeEachDatabase('taxonomy administration API', (db) => {
  let h: Harness;
  let api: ReturnType<typeof requestsOf>;
  const term = async (body: object): Promise<Term> => {
    const response = await api.post('admin', '/api/taxonomy', body);
    expect(response.status, JSON.stringify(response.body)).to.equal(201);

    return response.body;
  };
  const usageOf = async (id: number): Promise<Usage | undefined> => {
    const response = await api.get('admin', '/api/taxonomy/usage');
    expect(response.status).to.equal(200);

    return response.body.items.find((row: Usage) => row.termId === id);
  };

  before(async () => {
    h = await signedInApp(db());
    api = requestsOf(h);
  });

  it('counts live contacts and companies per term, a domain with its sub-domains', async () => {
    const culture = await term({ kind: 'domain', label: 'Culture' });
    const music = await term({
      kind: 'domain',
      label: 'Musique',
      parentId: culture.id,
    });
    const theatre = await term({
      kind: 'domain',
      label: 'Théâtre',
      parentId: culture.id,
    });
    const press = await term({ kind: 'sector', label: 'Presse écrite' });
    const contact = (lastName: string, termIds: number[]) =>
      api.post('editor', '/api/contacts', { lastName, termIds });
    // Tagged with the domain and both sub-domains: still one contact.
    await contact('Berlioz', [culture.id, music.id, theatre.id]);
    await contact('Molière', [theatre.id]);
    const gone = await contact('Parti', [music.id]);
    await api.del('editor', `/api/contacts/${gone.body.id}`);
    await api.post('editor', '/api/companies', {
      name: 'Le Courrier',
      sectorId: press.id,
      termIds: [press.id, music.id],
    });

    expect(await usageOf(culture.id)).to.deep.equal({
      termId: culture.id,
      contacts: 1,
      companies: 0,
      contactsWithin: 2,
      companiesWithin: 1,
    });
    expect(await usageOf(music.id)).to.deep.include({
      contacts: 1,
      companies: 1,
    });
    // Sector and term of one company: counted once.
    expect(await usageOf(press.id)).to.deep.include({
      contacts: 0,
      companies: 1,
      companiesWithin: 1,
    });
    expect(await usageOf(theatre.id)).to.deep.include({ contacts: 2 });
  });

  it('keeps the usage counts for administrators', async () => {
    expect((await api.get('editor', '/api/taxonomy/usage')).status).to.equal(
      403,
    );
    expect((await h.request.get('/api/taxonomy/usage')).status).to.equal(401);
  });

  it('moves a sub-domain under another domain, never a domain that has some', async () => {
    const events = await term({ kind: 'domain', label: 'Événements' });
    const sport = await term({ kind: 'domain', label: 'Sport' });
    const rugby = await term({
      kind: 'domain',
      label: 'Rugby',
      parentId: events.id,
    });

    const moved = await api.put('admin', `/api/taxonomy/${rugby.id}`, {
      label: 'Rugby',
      parentId: sport.id,
      position: rugby.position,
      version: rugby.version,
    });
    expect(moved.status).to.equal(200);
    expect(moved.body.parentId).to.equal(sport.id);

    const deeper = await api.put('admin', `/api/taxonomy/${sport.id}`, {
      label: 'Sport',
      parentId: events.id,
      version: sport.version,
    });
    expect(deeper.status).to.equal(400);
    expect(deeper.body.error.fields).to.deep.equal([
      {
        path: 'parentId',
        message: 'ce domaine a des sous-domaines / this domain has sub-domains',
      },
    ]);
  });

  it('orders the terms of one level, refusing a list that is not exactly that level', async () => {
    const a = await term({ kind: 'category', label: 'Vœux' });
    const b = await term({ kind: 'category', label: 'Salon du livre' });
    const c = await term({ kind: 'category', label: 'Anniversaire' });
    const all = (
      await api.get('admin', '/api/taxonomy?kind=category')
    ).body.items.map((t: Term) => t.id);

    const partial = await api.put('admin', '/api/taxonomy/order', {
      kind: 'category',
      ids: [b.id, a.id],
    });
    expect(partial.status).to.equal(409);
    expect(partial.body.error.fields[0].path).to.equal('ids');

    const order = [
      b.id,
      c.id,
      a.id,
      ...all.filter((id: number) => ![a.id, b.id, c.id].includes(id)),
    ];
    const done = await api.put('admin', '/api/taxonomy/order', {
      kind: 'category',
      parentId: null,
      ids: order,
    });
    expect(done.status, JSON.stringify(done.body)).to.equal(200);
    const listed = await api.get('admin', '/api/taxonomy?kind=category');
    expect(listed.body.items.map((t: Term) => t.id)).to.deep.equal(order);

    // The rename based on the version read before the move is now stale.
    const stale = await api.put('admin', `/api/taxonomy/${a.id}`, {
      label: 'Vœux de fin d’année',
      version: a.version,
    });
    expect(stale.status).to.equal(409);
    const audit = await api.get(
      'admin',
      '/api/audit?entityType=term&action=reorder',
    );
    const labels = new Map(listed.body.items.map((t: Term) => [t.id, t.label]));
    expect(audit.body.items[0].after).to.deep.equal({
      order: order.map((id: number) => labels.get(id)),
    });
    expect(
      (
        await api.put('editor', '/api/taxonomy/order', {
          kind: 'category',
          ids: order,
        })
      ).status,
    ).to.equal(403);
  });

  it('restores a domain with the sub-domains deleted with it; a sub-domain waits', async () => {
    const region = await term({ kind: 'domain', label: 'Régions' });
    const older = await term({
      kind: 'domain',
      label: 'Bretagne',
      parentId: region.id,
    });
    const later = await term({
      kind: 'domain',
      label: 'Normandie',
      parentId: region.id,
    });
    await api.del('admin', `/api/taxonomy/${older.id}`);
    await api.del('admin', `/api/taxonomy/${region.id}`);

    const orphan = await api.post('admin', `/api/taxonomy/${later.id}/restore`);
    expect(orphan.status).to.equal(409);
    expect(orphan.body.error.message).to.contain('domaine');

    const back = await api.post('admin', `/api/taxonomy/${region.id}/restore`);
    expect(back.status).to.equal(200);
    const live = (await api.get('admin', '/api/taxonomy?kind=domain')).body
      .items;
    const labels = live.map((t: Term) => t.label);
    expect(labels).to.include.members(['Régions', 'Normandie']);
    expect(labels).not.to.include('Bretagne');
    const deleted = (
      await api.get('admin', '/api/taxonomy?kind=domain&deleted=only')
    ).body.items.map((t: Term) => t.label);
    expect(deleted).to.include('Bretagne');
  });

  it('refuses to restore a term whose label a live sibling took since', async () => {
    const first = await term({ kind: 'sector', label: 'Radio' });
    await api.del('admin', `/api/taxonomy/${first.id}`);
    await term({ kind: 'sector', label: 'RADIO' });

    const clash = await api.post('admin', `/api/taxonomy/${first.id}/restore`);
    expect(clash.status).to.equal(409);
    expect(clash.body.error.fields[0].path).to.equal('label');
    const still = (
      await api.get('admin', '/api/taxonomy?kind=sector&deleted=only')
    ).body.items.map((t: Term) => t.id);
    expect(still).to.include(first.id);
  });
});
