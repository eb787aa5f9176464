import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { signedInApp } from '../../test/harness.ts';

type Harness = Awaited<ReturnType<typeof signedInApp>>;

describeEachDatabase('feeds API', (db) => {
  let h: Harness;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const urlFeed = {
    name: 'Annuaire régional',
    kind: 'url',
    url: 'https://annuaire.example.org/export.csv?key=s3cr3t',
    schedule: { kind: 'daily', at: '06:30' },
    deactivateMissing: true,
  };

  before(async () => {
    h = await signedInApp(db());
  });

  it('POST /api/feeds creates a feed with its next run, audited', async () => {
    const response = await h.request
      .post('/api/feeds')
      .set(as(h.tokens.admin))
      .send(urlFeed);
    expect(response.status, JSON.stringify(response.body)).to.equal(201);
    expect(response.body).to.include({
      name: 'Annuaire régional',
      kind: 'url',
      enabled: true,
      deactivateMissing: true,
      consecutiveFailures: 0,
      version: 1,
    });
    expect(response.body.schedule).to.deep.equal({
      kind: 'daily',
      at: '06:30',
    });
    expect(Date.parse(response.body.nextRunAt)).to.be.greaterThan(Date.now());

    const audit = await db().models.AuditEvent.findOne({
      where: { entityType: 'feed', entityId: String(response.body.id) },
    });
    expect(audit?.action).to.equal('create');
    // The access key in the address stays out of the audit trail.
    expect(audit?.afterData).to.include('export.csv?…');
    expect(audit?.afterData).not.to.include('s3cr3t');
  });

  it('POST /api/feeds names every bad field, in French and English', async () => {
    const response = await h.request
      .post('/api/feeds')
      .set(as(h.tokens.admin))
      .send({
        name: ' ',
        kind: 'url',
        url: 'ftp://annuaire.example.org/x',
        schedule: { kind: 'every', minutes: 2 },
      });
    expect(response.status).to.equal(400);
    const fields = response.body.error.fields as {
      path: string;
      message: string;
    }[];
    expect(fields.map((field) => field.path)).to.include.members([
      'name',
      'url',
      'schedule.minutes',
    ]);
    expect(fields.find((f) => f.path === 'name')?.message).to.match(
      /requis.*required/,
    );

    const folder = await h.request
      .post('/api/feeds')
      .set(as(h.tokens.admin))
      .send({ ...urlFeed, name: 'Sans dossier', kind: 'folder', url: null });
    expect(folder.status).to.equal(400);
    expect(folder.body.error.fields[0].path).to.equal('folderPath');

    const ftp = await h.request
      .post('/api/feeds')
      .set(as(h.tokens.admin))
      .send({ ...urlFeed, name: 'FTP', url: 'ftp://annuaire.example.org/x' });
    expect(ftp.body.error.fields[0]).to.deep.include({ path: 'url' });
  });

  it('POST /api/feeds keeps folder feeds inside FEEDS_DIR', async () => {
    for (const folderPath of ['../../etc', '/etc']) {
      const response = await h.request
        .post('/api/feeds')
        .set(as(h.tokens.admin))
        .send({
          name: `Hors champ ${folderPath}`,
          kind: 'folder',
          folderPath,
          schedule: { kind: 'every', minutes: 30 },
        });
      expect(response.status, folderPath).to.equal(400);
      expect(response.body.error.fields[0].path).to.equal('folderPath');
      expect(response.body.error.fields[0].message).to.include('FEEDS_DIR');
    }
    const inside = await h.request
      .post('/api/feeds')
      .set(as(h.tokens.admin))
      .send({
        name: 'Dépôt presse',
        kind: 'folder',
        folderPath: 'presse',
        filePattern: '*.xlsx',
        schedule: { kind: 'every', minutes: 30 },
      });
    expect(inside.status).to.equal(201);
    expect(inside.body).to.include({ folderPath: 'presse', url: null });
  });

  it('POST /api/feeds refuses a name taken and an unknown mapping profile', async () => {
    const twin = await h.request
      .post('/api/feeds')
      .set(as(h.tokens.admin))
      .send(urlFeed);
    expect(twin.status).to.equal(409);
    const profile = await h.request
      .post('/api/feeds')
      .set(as(h.tokens.admin))
      .send({ ...urlFeed, name: 'Profil inconnu', mappingProfileId: 999 });
    expect(profile.status).to.equal(400);
    expect(profile.body.error.fields[0].path).to.equal('mappingProfileId');
  });

  it('keeps editors out of feeds', async () => {
    const response = await h.request.get('/api/feeds').set(as(h.tokens.editor));
    expect(response.status).to.equal(403);
  });

  it('PUT /api/feeds/:id needs the version read, and reschedules when asked', async () => {
    const list = await h.request.get('/api/feeds').set(as(h.tokens.admin));
    const feed = list.body.items.find(
      (item: { name: string }) => item.name === 'Annuaire régional',
    );
    const changed = await h.request
      .put(`/api/feeds/${feed.id}`)
      .set(as(h.tokens.admin))
      .send({
        ...urlFeed,
        schedule: { kind: 'every', minutes: 10 },
        version: 1,
      });
    expect(changed.status, JSON.stringify(changed.body)).to.equal(200);
    expect(changed.body.version).to.equal(2);
    expect(Date.parse(changed.body.nextRunAt) - Date.now()).to.be.below(
      601_000,
    );

    const renamed = await h.request
      .put(`/api/feeds/${feed.id}`)
      .set(as(h.tokens.admin))
      .send({
        ...urlFeed,
        name: 'Annuaire de la région',
        schedule: { kind: 'every', minutes: 10 },
        version: 2,
      });
    expect(renamed.body.nextRunAt).to.equal(changed.body.nextRunAt);

    const stale = await h.request
      .put(`/api/feeds/${feed.id}`)
      .set(as(h.tokens.admin))
      .send({ ...urlFeed, version: 1 });
    expect(stale.status).to.equal(409);
    const off = await h.request
      .put(`/api/feeds/${feed.id}`)
      .set(as(h.tokens.admin))
      .send({ ...urlFeed, enabled: false, version: 3 });
    expect(off.body).to.include({ enabled: false, nextRunAt: null });
  });

  it('POST /api/feeds/:id/run queues one run at a time; runs and alerts are listed', async () => {
    const list = await h.request.get('/api/feeds').set(as(h.tokens.admin));
    const feed = list.body.items[0];
    const first = await h.request
      .post(`/api/feeds/${feed.id}/run`)
      .set(as(h.tokens.admin));
    expect(first.status).to.equal(202);
    expect(first.body.alreadyQueued).to.equal(false);
    const again = await h.request
      .post(`/api/feeds/${feed.id}/run`)
      .set(as(h.tokens.admin));
    expect(again.body).to.deep.equal({
      jobId: first.body.jobId,
      alreadyQueued: true,
    });

    const runs = await h.request
      .get(`/api/feeds/${feed.id}/runs`)
      .set(as(h.tokens.admin));
    expect(runs.status).to.equal(200);
    expect(runs.body).to.include({ total: 0, page: 1, pageSize: 20 });
    const alerts = await h.request
      .get('/api/feeds/alerts')
      .set(as(h.tokens.admin));
    expect(alerts.status).to.equal(200);
    expect(alerts.body.items).to.deep.equal([]);
    const missing = await h.request
      .post('/api/feeds/9999/run')
      .set(as(h.tokens.admin));
    expect(missing.status).to.equal(404);
  });

  it('manages the allow-list of hosts, audited', async () => {
    const added = await h.request
      .post('/api/feeds/allowed-hosts')
      .set(as(h.tokens.admin))
      .send({ host: 'CRM.Intranet.local.', note: 'CRM interne' });
    expect(added.status, JSON.stringify(added.body)).to.equal(201);
    expect(added.body).to.include({
      host: 'crm.intranet.local',
      note: 'CRM interne',
    });

    const twin = await h.request
      .post('/api/feeds/allowed-hosts')
      .set(as(h.tokens.admin))
      .send({ host: 'crm.intranet.local' });
    expect(twin.status).to.equal(409);
    const bad = await h.request
      .post('/api/feeds/allowed-hosts')
      .set(as(h.tokens.admin))
      .send({ host: 'http://crm/x' });
    expect(bad.status).to.equal(400);
    expect(bad.body.error.fields[0].path).to.equal('host');

    const list = await h.request
      .get('/api/feeds/allowed-hosts')
      .set(as(h.tokens.admin));
    expect(
      list.body.items.map((item: { host: string }) => item.host),
    ).to.deep.equal(['crm.intranet.local']);
    const removed = await h.request
      .delete(`/api/feeds/allowed-hosts/${added.body.id}`)
      .set(as(h.tokens.admin));
    expect(removed.status).to.equal(204);
    const actions = (
      await db().models.AuditEvent.findAll({
        where: { entityType: 'feed_allowed_host' },
        order: [['id', 'ASC']],
      })
    ).map((event) => event.action);
    expect(actions).to.deep.equal(['create', 'delete']);
  });

  it('DELETE /api/feeds/:id removes the feed', async () => {
    const list = await h.request.get('/api/feeds').set(as(h.tokens.admin));
    const feed = list.body.items[0];
    const removed = await h.request
      .delete(`/api/feeds/${feed.id}`)
      .set(as(h.tokens.admin));
    expect(removed.status).to.equal(204);
    const gone = await h.request
      .get(`/api/feeds/${feed.id}`)
      .set(as(h.tokens.admin));
    expect(gone.status).to.equal(404);
  });
});
