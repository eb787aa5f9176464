import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { requestsOf, signedInApp } from '../../test/harness.ts';
import { tsqlSelect } from '../../test/tsql.ts';
import { auditWhere } from './audit.service.ts';

type Harness = Awaited<ReturnType<typeof signedInApp>>;
type Event = { id: number; action: string; entityId: string | null };

describeEachDatabase('audit log API', (db) => {
  let h: Harness;
  let api: ReturnType<typeof requestsOf>;
  const at = (iso: string, fields: object) =>
    db().models.AuditEvent.create({
      occurredAt: new Date(iso),
      actorId: h.editor.id,
      actorLabel: 'Eddie Editor',
      action: 'update',
      entityType: 'contact',
      entityId: '41',
      parentId: null,
      summary: null,
      beforeData: null,
      afterData: null,
      requestId: null,
      ...fields,
    });

  before(async () => {
    h = await signedInApp(db());
    api = requestsOf(h);
    // 1 December 2026, 23:30 in Paris is 22:30 UTC; the 2nd at 00:30 in
    // Paris is still the 1st, 23:30, in UTC.
    await at('2026-11-30T22:59:00Z', { summary: 'avant-veille' });
    await at('2026-12-01T22:30:00Z', { summary: 'fin du 1er' });
    await at('2026-12-01T23:30:00Z', { summary: 'début du 2' });
    await at('2026-12-03T09:00:00Z', {
      actorId: h.admin.id,
      actorLabel: 'Alice Admin',
      action: 'delete',
      entityId: '42',
      summary: '=HYPERLINK("http://evil.example")',
      beforeData: JSON.stringify({ lastName: 'Durand' }),
    });
  });

  it('filters by Paris days, both ends included', async () => {
    const first = await api.get(
      'admin',
      '/api/audit?entityType=contact&from=2026-12-01&to=2026-12-01',
    );
    expect(first.status).to.equal(200);
    expect(
      first.body.items.map((e: Event & { summary: string }) => e.summary),
    ).to.deep.equal(['fin du 1er']);
    const two = await api.get(
      'admin',
      '/api/audit?entityType=contact&from=2026-12-01&to=2026-12-02',
    );
    expect(two.body.total).to.equal(2);
  });

  it('filters by who, action and record, a page at a time with the total', async () => {
    const byActor = await api.get(
      'admin',
      `/api/audit?actorId=${h.editor.id}&entityType=contact&pageSize=2`,
    );
    expect(byActor.body.total).to.equal(3);
    expect(byActor.body.items).to.have.length(2);
    const page2 = await api.get(
      'admin',
      `/api/audit?actorId=${h.editor.id}&entityType=contact&pageSize=2&page=2`,
    );
    expect(page2.body.items).to.have.length(1);
    expect(page2.body.page).to.equal(2);

    const deleted = await api.get(
      'admin',
      '/api/audit?action=delete&entityType=contact&entityId=42',
    );
    expect(deleted.body.items.map((e: Event) => e.entityId)).to.deep.equal([
      '42',
    ]);
    expect(deleted.body.items[0].before).to.deep.equal({ lastName: 'Durand' });
  });

  it('names the field of a date that is impossible or before the start', async () => {
    const reversed = await api.get(
      'admin',
      '/api/audit?from=2026-12-05&to=2026-12-01',
    );
    expect(reversed.status).to.equal(400);
    expect(reversed.body.error.fields[0].path).to.equal('to');
    const impossible = await api.get('admin', '/api/audit?from=2026-02-31');
    expect(impossible.status).to.equal(400);
    expect(impossible.body.error.fields[0]).to.deep.equal({
      path: 'from',
      message: 'date impossible / impossible date',
    });
  });

  it('lists the actions and kinds of record the log holds', async () => {
    const facets = await api.get('admin', '/api/audit/facets');
    expect(facets.status).to.equal(200);
    expect(facets.body.actions).to.include.members(['update', 'delete']);
    expect(facets.body.entityTypes).to.include('contact');
  });

  it('reads the actions from an index, not the whole log', async () => {
    const { sequelize } = db();
    const facets =
      'SELECT DISTINCT action AS value FROM audit_events ORDER BY value';
    const filtered =
      "SELECT id FROM audit_events WHERE action = 'delete' ORDER BY id DESC";
    const plans = await sequelize.transaction(async (transaction) => {
      const explain = async (sql: string) => {
        const [rows] = await sequelize.query(
          `${sequelize.getDialect() === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN'} ${sql}`,
          { transaction },
        );
        return (rows as Record<string, string>[])
          .map((row) => row.detail ?? row['QUERY PLAN'])
          .join(' | ');
      };
      // A handful of rows: PostgreSQL would rather read them all, unless told.
      if (sequelize.getDialect() === 'postgres') {
        await sequelize.query('SET LOCAL enable_seqscan = off', {
          transaction,
        });
      }
      return [await explain(facets), await explain(filtered)];
    });
    for (const plan of plans) {
      expect(plan).to.include('audit_events_action');
      expect(plan).not.to.match(/SCAN audit_events$|Seq Scan/);
    }
  });

  it('exports the filtered log as CSV, formulas neutralised, and logs it', async () => {
    const response = await api
      .get('admin', '/api/audit/export?entityType=contact&from=2026-12-03')
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done(null, text));
      });
    expect(response.status).to.equal(200);
    expect(response.headers['content-type']).to.match(/^text\/csv/);
    const lines = (response.body as string).split('\r\n');
    expect(lines[0]).to.equal(
      '\uFEFF"Date (Paris)";"Auteur";"Action";"Type";"Identifiant";' +
        '"Résumé";"Avant";"Après";"Requête"',
    );
    expect(lines[1]).to.equal(
      '"03/12/2026 10:00:00";"Alice Admin";"delete";"contact";"42";' +
        '"\'=HYPERLINK(""http://evil.example"")";"{""lastName"":""Durand""}";"";""',
    );
    expect(lines.slice(2)).to.deep.equal(['']);

    // The export is logged once the file is sent: on PostgreSQL the event
    // may land a moment after the response has ended.
    let logged = await api.get('admin', '/api/audit?entityType=audit');
    for (let tries = 0; logged.body.items.length === 0 && tries < 40; tries++) {
      await new Promise((done) => setTimeout(done, 50));
      logged = await api.get('admin', '/api/audit?entityType=audit');
    }
    expect(logged.body.items[0]).to.deep.include({
      action: 'export',
      summary: '1 événement exporté / 1 event exported',
    });
  });

  it('keeps the log for administrators', async () => {
    for (const path of ['/api/audit', '/api/audit/facets', '/api/audit/export'])
      expect((await api.get('editor', path)).status, path).to.equal(403);
  });
});

describe('audit log SQL', () => {
  it('reads one Paris day and a page in T-SQL with OFFSET and FETCH', () => {
    const sql = tsqlSelect((models) => models.AuditEvent, {
      where: auditWhere({
        entityType: 'contact',
        from: '2026-07-14',
        to: '2026-07-14',
      }),
      order: [['id', 'DESC']],
      limit: 50,
      offset: 100,
    });

    // Summer time: Paris midnight is 22:00 UTC the day before.
    expect(sql).to.include("[entity_type] = N'contact'");
    expect(sql).to.include(
      "[occurred_at] >= N'2026-07-13 22:00:00.000 +00:00'",
    );
    expect(sql).to.include("[occurred_at] < N'2026-07-14 22:00:00.000 +00:00'");
    expect(sql).to.include('ORDER BY [AuditEvent].[id] DESC');
    expect(sql).to.include('OFFSET 100 ROWS FETCH NEXT 50 ROWS ONLY');
  });
});
