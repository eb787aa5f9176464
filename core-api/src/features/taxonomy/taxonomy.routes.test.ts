import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { signedInApp } from '../../test/harness.ts';

type Harness = Awaited<ReturnType<typeof signedInApp>>;

describeEachDatabase('taxonomy API', (db) => {
  let h: Harness;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  before(async () => {
    h = await signedInApp(db());
  });

  it('lets administrators build domains with sub-domains, sectors and categories', async () => {
    const culture = await h.request
      .post('/api/taxonomy')
      .set(as(h.tokens.admin))
      .send({ kind: 'domain', label: 'Culture', labelEn: 'Culture' });
    expect(culture.status).to.equal(201);
    const music = await h.request
      .post('/api/taxonomy')
      .set(as(h.tokens.admin))
      .send({ kind: 'domain', label: 'Musique', parentId: culture.body.id });
    expect(music.body.parentId).to.equal(culture.body.id);
    await h.request
      .post('/api/taxonomy')
      .set(as(h.tokens.admin))
      .send({ kind: 'sector', label: 'Presse quotidienne régionale' });
    await h.request
      .post('/api/taxonomy')
      .set(as(h.tokens.admin))
      .send({ kind: 'category', label: 'Vœux 2027' });

    const list = await h.request.get('/api/taxonomy').set(as(h.tokens.editor));
    expect(
      list.body.items.map((t: { label: string }) => t.label),
    ).to.include.members([
      'Culture',
      'Musique',
      'Presse quotidienne régionale',
      'Vœux 2027',
    ]);
    const domains = await h.request
      .get('/api/taxonomy')
      .query({ kind: 'domain' })
      .set(as(h.tokens.editor));
    expect(
      domains.body.items.every((t: { kind: string }) => t.kind === 'domain'),
    ).to.equal(true);
  });

  it('refuses a third level, a sector with a parent and a duplicate label', async () => {
    const terms = (await h.request.get('/api/taxonomy').set(as(h.tokens.admin)))
      .body.items;
    const music = terms.find((t: { label: string }) => t.label === 'Musique');
    const culture = terms.find((t: { label: string }) => t.label === 'Culture');

    const deep = await h.request
      .post('/api/taxonomy')
      .set(as(h.tokens.admin))
      .send({ kind: 'domain', label: 'Jazz', parentId: music.id });
    expect(deep.status).to.equal(400);
    expect(deep.body.error.fields[0].path).to.equal('parentId');
    const sector = await h.request
      .post('/api/taxonomy')
      .set(as(h.tokens.admin))
      .send({ kind: 'sector', label: 'X', parentId: culture.id });
    expect(sector.status).to.equal(400);
    const twin = await h.request
      .post('/api/taxonomy')
      .set(as(h.tokens.admin))
      .send({ kind: 'domain', label: 'CULTURE' });
    expect(twin.status).to.equal(409);
  });

  it('keeps editors out of changes (R4)', async () => {
    const response = await h.request
      .post('/api/taxonomy')
      .set(as(h.tokens.editor))
      .send({ kind: 'domain', label: 'Sport' });
    expect(response.status).to.equal(403);
  });

  it('renames with a version check and deletes a domain with its sub-domains', async () => {
    const culture = (
      await h.request.get('/api/taxonomy').set(as(h.tokens.admin))
    ).body.items.find((t: { label: string }) => t.label === 'Culture');
    const renamed = await h.request
      .put(`/api/taxonomy/${culture.id}`)
      .set(as(h.tokens.admin))
      .send({ label: 'Culture et arts', version: culture.version });
    expect(renamed.body.label).to.equal('Culture et arts');
    const stale = await h.request
      .put(`/api/taxonomy/${culture.id}`)
      .set(as(h.tokens.admin))
      .send({ label: 'Autre', version: culture.version });
    expect(stale.status).to.equal(409);

    expect(
      (
        await h.request
          .delete(`/api/taxonomy/${culture.id}`)
          .set(as(h.tokens.admin))
      ).status,
    ).to.equal(204);
    const left = (
      await h.request
        .get('/api/taxonomy')
        .query({ kind: 'domain' })
        .set(as(h.tokens.admin))
    ).body.items;
    expect(left.map((t: { label: string }) => t.label)).not.to.include.members([
      'Culture et arts',
      'Musique',
    ]);
    const restored = await h.request
      .post(`/api/taxonomy/${culture.id}/restore`)
      .set(as(h.tokens.admin));
    expect(restored.body.deletedAt).to.equal(null);
  });

  it('tags contacts with terms and refuses unknown ones', async () => {
    const sector = (
      await h.request
        .get('/api/taxonomy')
        .query({ kind: 'sector' })
        .set(as(h.tokens.editor))
    ).body.items[0];
    const tagged = await h.request
      .post('/api/contacts')
      .set(as(h.tokens.editor))
      .send({ lastName: 'Tagué', termIds: [sector.id] });
    expect(tagged.body.terms).to.deep.equal([
      { id: sector.id, kind: 'sector', label: sector.label, parentId: null },
    ]);
    const unknown = await h.request
      .post('/api/contacts')
      .set(as(h.tokens.editor))
      .send({ lastName: 'Tagué', termIds: [987654] });
    expect(unknown.status).to.equal(400);
    expect(unknown.body.error.fields[0].path).to.equal('termIds');
  });
});
