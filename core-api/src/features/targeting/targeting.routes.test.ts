import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { signedInApp } from '../../test/harness.ts';

type Harness = Awaited<ReturnType<typeof signedInApp>>;

const pressIn31 = {
  entity: 'contact',
  where: {
    op: 'and',
    items: [
      { field: 'contactType', operator: 'in', value: ['press'] },
      { field: 'department', operator: 'in', value: ['31'] },
    ],
  },
};

describeEachDatabase('targeting API', (db) => {
  let h: Harness;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  before(async () => {
    h = await signedInApp(db());
    const contacts = [
      ['Marie', 'Dupont', '31000', 'Toulouse', false],
      ['Paul', 'Martin', '31200', 'Toulouse', true],
      ['Anne', 'Bernard', '75001', 'Paris', false],
    ] as const;
    for (const [firstName, lastName, postalCode, city, optOut] of contacts) {
      const response = await h.request
        .post('/api/contacts')
        .set(as(h.tokens.editor))
        .send({
          firstName,
          lastName,
          contactType: 'press',
          emails: [{ address: `${firstName}@exemple.fr`.toLowerCase() }],
          affiliations: [{ companyName: 'La Dépêche', function: 'Rédacteur' }],
          addresses: [{ postalCode, city, country: 'FR' }],
          optOut: { email: optOut, sms: false, post: false, phone: false },
        });
      expect(response.status, JSON.stringify(response.body)).to.equal(201);
    }
  });

  it('counts a query live, with those left out for the channel', async () => {
    const response = await h.request
      .post('/api/targeting/count')
      .set(as(h.tokens.editor))
      .send({ query: pressIn31, channel: 'email' });
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    expect(response.body).to.include({ matched: 2, excluded: 1, included: 1 });
  });

  it('returns a page of rows in the chosen order', async () => {
    const response = await h.request
      .post('/api/targeting/search')
      .set(as(h.tokens.editor))
      .send({
        query: { where: { op: 'and', items: [] } },
        sort: { by: 'name', direction: 'desc' },
        pageSize: 2,
      });
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    expect(response.body.count.matched).to.equal(3);
    expect(response.body.items).to.have.length(2);
    expect(response.body.items[0]).to.deep.include({
      displayName: 'Paul Martin',
      type: 'press',
      function: 'Rédacteur',
      organisation: 'La Dépêche',
      email: 'paul@exemple.fr',
      city: 'Toulouse',
    });
  });

  it('refuses a bad query and names the criterion, in French and English', async () => {
    const response = await h.request
      .post('/api/targeting/count')
      .set(as(h.tokens.editor))
      .send({
        query: {
          where: {
            op: 'and',
            items: [
              {
                op: 'or',
                items: [{ field: 'region', operator: 'in', value: ['99'] }],
              },
            ],
          },
        },
      });
    expect(response.status).to.equal(400);
    expect(response.body.error.code).to.equal('VALIDATION_FAILED');
    expect(response.body.error.fields).to.have.length(1);
    expect(response.body.error.fields[0].path).to.equal(
      'query.where.items.0.items.0.value',
    );
    expect(response.body.error.fields[0].message).to.match(
      /valeurs permises.*allowed values/,
    );
  });

  it('refuses a deleted or unknown list or term, naming the id and the criterion', async () => {
    const count = (query: object) =>
      h.request
        .post('/api/targeting/count')
        .set(as(h.tokens.editor))
        .send({ query });
    const listCriterion = (operator: string, id: number) => ({
      entity: 'contact',
      where: {
        op: 'and',
        items: [
          { field: 'contactType', operator: 'in', value: ['press'] },
          { field: 'list', operator, value: [id] },
        ],
      },
    });
    const list = await h.request
      .post('/api/lists')
      .set(as(h.tokens.editor))
      .send({ name: 'Éphémère' });
    expect(list.status, JSON.stringify(list.body)).to.equal(201);
    const listId = list.body.id as number;
    const live = await count(listCriterion('notIn', listId));
    expect(live.status, JSON.stringify(live.body)).to.equal(200);
    expect(live.body.matched).to.equal(3);
    const saved = await h.request
      .post('/api/saved-queries')
      .set(as(h.tokens.editor))
      .send({ name: 'Hors éphémère', query: listCriterion('notIn', listId) });
    expect(saved.status, JSON.stringify(saved.body)).to.equal(201);

    const deleted = await h.request
      .delete(`/api/lists/${listId}`)
      .set(as(h.tokens.editor));
    expect(deleted.status, JSON.stringify(deleted.body)).to.be.oneOf([
      200, 204,
    ]);
    for (const operator of ['in', 'notIn']) {
      const refused = await count(listCriterion(operator, listId));
      expect(refused.status, JSON.stringify(refused.body)).to.equal(400);
      expect(refused.body.error.fields).to.deep.equal([
        {
          path: 'where.items.1.value',
          message:
            `liste ${listId} introuvable ou supprimée / ` +
            `list ${listId} unknown or deleted`,
        },
      ]);
    }
    const results = await h.request
      .get(`/api/saved-queries/${saved.body.id}/results`)
      .set(as(h.tokens.editor));
    expect(results.status, JSON.stringify(results.body)).to.equal(400);
    expect(results.body.error.fields[0].message).to.include(`liste ${listId}`);
    const resaved = await h.request
      .post('/api/saved-queries')
      .set(as(h.tokens.editor))
      .send({ name: 'Encore', query: listCriterion('in', listId) });
    expect(resaved.status, JSON.stringify(resaved.body)).to.equal(400);

    const term = await count({
      entity: 'contact',
      where: {
        op: 'or',
        items: [
          {
            op: 'and',
            items: [{ field: 'terms', operator: 'noneOf', value: [9999] }],
          },
        ],
      },
    });
    expect(term.status, JSON.stringify(term.body)).to.equal(400);
    expect(term.body.error.fields).to.deep.equal([
      {
        path: 'where.items.0.items.0.value',
        message:
          'terme 9999 introuvable ou supprimé / term 9999 unknown or deleted',
      },
    ]);

    const companies = await h.request
      .post('/api/lists')
      .set(as(h.tokens.editor))
      .send({ name: 'Rédactions', entity: 'company' });
    expect(companies.status, JSON.stringify(companies.body)).to.equal(201);
    const wrong = await count(listCriterion('in', companies.body.id));
    expect(wrong.status, JSON.stringify(wrong.body)).to.equal(400);
    expect(wrong.body.error.fields[0].message).to.include(
      'contient des sociétés, pas des contacts',
    );
  });

  it('asks for a list of ids in proper French', async () => {
    const response = await h.request
      .post('/api/targeting/count')
      .set(as(h.tokens.editor))
      .send({
        query: {
          where: {
            op: 'and',
            items: [{ field: 'list', operator: 'in', value: ['deux'] }],
          },
        },
      });
    expect(response.status).to.equal(400);
    expect(response.body.error.fields[0].message).to.match(
      /^liste d’identifiants attendue \(1 à \d+\) \/ expected a list of ids/,
    );
  });

  it('describes the criteria for the query builder', async () => {
    const response = await h.request
      .get('/api/targeting/fields')
      .set(as(h.tokens.editor));
    expect(response.status).to.equal(200);
    const department = response.body.fields.find(
      (field: { field: string; entity: string }) =>
        field.field === 'department' && field.entity === 'contact',
    );
    expect(department.label).to.deep.equal({
      fr: 'Département',
      en: 'French department',
    });
    expect(department.codes).to.include.members(['2A', '2B', '971']);
    expect(response.body.regions).to.have.length(18);
  });

  it('requires a signed-in user', async () => {
    const response = await h.request
      .post('/api/targeting/count')
      .send({ query: pressIn31 });
    expect(response.status).to.equal(401);
  });

  it('saves a query anyone may run but only its owner or an admin may change', async () => {
    const created = await h.request
      .post('/api/saved-queries')
      .set(as(h.tokens.editor))
      .send({ name: 'Presse de Haute-Garonne', query: pressIn31 });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect(created.body).to.include({
      name: 'Presse de Haute-Garonne',
      entity: 'contact',
      ownerId: h.editor.id,
      canEdit: true,
      version: 1,
    });
    const id = created.body.id as number;

    const seen = await h.request
      .get(`/api/saved-queries/${id}`)
      .set(as(h.tokens.other));
    expect(seen.body.canEdit).to.equal(false);
    const results = await h.request
      .get(`/api/saved-queries/${id}/results?channel=email&pageSize=10`)
      .set(as(h.tokens.other));
    expect(results.status, JSON.stringify(results.body)).to.equal(200);
    expect(results.body.count).to.deep.equal({
      matched: 2,
      excluded: 1,
      included: 1,
    });
    expect(
      results.body.items.map((row: { lastName: string }) => row.lastName),
    ).to.deep.equal(['Dupont']);

    const refused = await h.request
      .put(`/api/saved-queries/${id}`)
      .set(as(h.tokens.other))
      .send({ name: 'Pris', query: pressIn31, version: 1 });
    expect(refused.status).to.equal(403);
    const removedByOther = await h.request
      .delete(`/api/saved-queries/${id}`)
      .set(as(h.tokens.other));
    expect(removedByOther.status).to.equal(403);

    const updated = await h.request
      .put(`/api/saved-queries/${id}`)
      .set(as(h.tokens.admin))
      .send({
        name: 'Presse toulousaine',
        query: { ...pressIn31, channel: 'email' },
        version: 1,
      });
    expect(updated.status, JSON.stringify(updated.body)).to.equal(200);
    expect(updated.body.version).to.equal(2);
    const stale = await h.request
      .put(`/api/saved-queries/${id}`)
      .set(as(h.tokens.editor))
      .send({ name: 'Ancienne', query: pressIn31, version: 1 });
    expect(stale.status).to.equal(409);

    const mine = await h.request
      .get('/api/saved-queries?owner=mine')
      .set(as(h.tokens.other));
    expect(mine.body.items).to.have.length(0);
    const all = await h.request
      .get('/api/saved-queries')
      .set(as(h.tokens.other));
    expect(
      all.body.items.map((item: { name: string }) => item.name),
    ).to.include('Presse toulousaine');

    const removed = await h.request
      .delete(`/api/saved-queries/${id}`)
      .set(as(h.tokens.editor));
    expect(removed.status).to.equal(204);
    const gone = await h.request
      .get(`/api/saved-queries/${id}`)
      .set(as(h.tokens.editor));
    expect(gone.status).to.equal(404);

    const audit = await db().models.AuditEvent.findAll({
      where: { entityType: 'saved_query', entityId: String(id) },
      order: [['id', 'ASC']],
    });
    expect(audit.map((event) => event.action)).to.deep.equal([
      'create',
      'update',
      'delete',
    ]);
    expect(audit[1]!.actorId).to.equal(h.admin.id);
  });

  it('refuses a saved query without a name, naming every bad field', async () => {
    const response = await h.request
      .post('/api/saved-queries')
      .set(as(h.tokens.editor))
      .send({
        name: ' ',
        query: {
          where: { op: 'and', items: [{ field: 'x', operator: 'eq' }] },
        },
      });
    expect(response.status).to.equal(400);
    expect(
      response.body.error.fields.map((field: { path: string }) => field.path),
    ).to.have.members(['name', 'query.where.items.0.field']);
  });
});
