import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { describeEachDatabase } from '../../test/databases.ts';
import { ctxFor, signedInApp } from '../../test/harness.ts';
import { configSchema } from '../../platform/config/config.ts';
import { backgroundJobs } from '../../worker.ts';
import { expireStagedImports } from './import-expiry.ts';
import { importFile } from './imports.service.ts';
import { stageImport } from './staging.ts';

const csv = (lines: string[]) => Buffer.from(lines.join('\n'));
const dayMs = 24 * 3600_000;

describeEachDatabase('staged imports left waiting', (db) => {
  let h: Awaited<ReturnType<typeof signedInApp>>;
  const admin = () => ({ Authorization: `Bearer ${h.tokens.admin}` });
  const ctx = () => ctxFor(db());
  const stage = (fileName: string) =>
    stageImport(
      ctx(),
      { fileName, data: csv(['Nom;Prénom', `${fileName};Anne`]) },
      { wait: true },
    );
  /** Makes a batch look as if its preview was made `days` ago. */
  const age = (id: number, days: number) =>
    db().sequelize.query(
      'UPDATE import_batches SET updated_at = :when WHERE id = :id',
      {
        type: QueryTypes.UPDATE,
        replacements: { id, when: new Date(Date.now() - days * dayMs) },
      },
    );
  const footprint = async (batchId: number) => ({
    rows: await db().models.ImportRow.count({ where: { batchId } }),
    files: await db().models.ImportFile.count({ where: { batchId } }),
    status: (await db().models.ImportBatch.findByPk(batchId))?.status,
  });

  before(async () => {
    h = await signedInApp(db());
  });

  it('expire after the configured days through the worker, freeing their rows', async () => {
    const old = await stage('ancien.csv');
    const recent = await stage('recent.csv');
    const committed = await importFile(ctx(), {
      fileName: 'valide.csv',
      data: csv(['Nom;Prénom', 'Validé;Paul']),
    });
    await age(old.id, 8);
    await age(recent.id, 2);
    await age(committed.batchId as number, 30);
    expect((await footprint(old.id)).rows).to.equal(1);

    const config = configSchema.parse({});
    expect(config.STAGED_IMPORT_TTL_DAYS).to.equal(7);
    const tick = backgroundJobs({ config }).ticks.find(
      (item) => item.name === 'imports.expire',
    );
    expect(tick, 'the worker runs the expiry').to.not.equal(undefined);
    await tick?.run(ctx(), undefined as never);

    expect(await footprint(old.id)).to.deep.equal({
      rows: 0,
      files: 0,
      status: 'expired',
    });
    expect(await footprint(recent.id)).to.deep.equal({
      rows: 1,
      files: 1,
      status: 'staged',
    });
    expect((await footprint(committed.batchId as number)).status).to.equal(
      'committed',
    );
    const shown = await h.request.get(`/api/imports/${old.id}`).set(admin());
    expect(shown.body.status).to.equal('expired');
    const commit = await h.request
      .post(`/api/imports/${old.id}/commit`)
      .set(admin());
    expect(commit.status).to.equal(409);

    // A shorter setting expires the recent one too; nothing is expired twice.
    expect(await expireStagedImports(ctx(), { days: 1 })).to.deep.equal([
      recent.id,
    ]);
    expect(await expireStagedImports(ctx(), { days: 1 })).to.deep.equal([]);
  });

  it('pages the import history with its total', async () => {
    for (const name of ['p1.csv', 'p2.csv', 'p3.csv']) await stage(name);
    const all = await h.request.get('/api/imports').set(admin());
    expect(all.status).to.equal(200);
    const total = all.body.total as number;
    expect(total).to.be.at.least(3);
    expect(all.body).to.include({ page: 1, pageSize: 20 });

    const first = await h.request
      .get('/api/imports')
      .query({ pageSize: 2 })
      .set(admin());
    const second = await h.request
      .get('/api/imports')
      .query({ pageSize: 2, page: 2 })
      .set(admin());
    expect(first.body.items).to.have.length(2);
    expect(first.body.total).to.equal(total);
    const ids = [...first.body.items, ...second.body.items].map(
      (batch: { id: number }) => batch.id,
    );
    expect(ids).to.deep.equal([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).to.equal(ids.length);
    const bad = await h.request
      .get('/api/imports')
      .query({ pageSize: 500 })
      .set(admin());
    expect(bad.status).to.equal(400);
  });

  it('refuses unknown fields in its bodies, naming them', async () => {
    const batch = await stage('champs.csv');
    const remap = await h.request
      .put(`/api/imports/${batch.id}/mapping`)
      .set(admin())
      .send({ columns: {}, colums: { Nom: 'lastName' } });
    expect(remap.status).to.equal(400);
    expect(JSON.stringify(remap.body)).to.include('colums');
    const profile = await h.request
      .post('/api/mapping-profiles')
      .set(admin())
      .send({ name: 'Salon', columns: {}, sheet: 'Presse' });
    expect(profile.status).to.equal(400);
    expect(JSON.stringify(profile.body)).to.include('sheet');
    const rules = await h.request.get('/api/merge-rules').set(admin());
    const saved = await h.request
      .put('/api/merge-rules')
      .set(admin())
      .send({ ...rules.body, force: true });
    expect(saved.status).to.equal(400);
    expect(JSON.stringify(saved.body)).to.include('force');
  });
});
