import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { describeEachDatabase } from '../../test/databases.ts';
import { ctxFor, signedInApp } from '../../test/harness.ts';
import type { TargetQuery } from '../targeting/query.schemas.ts';
import { contactInput } from './contacts.schemas.ts';
import { createContact } from './contacts.service.ts';

type Harness = Awaited<ReturnType<typeof signedInApp>>;

const chosen = (ids: number[]): TargetQuery => ({
  entity: 'contact',
  where: { op: 'and', items: [{ field: 'id', operator: 'in', value: ids }] },
});
const cityOf = (city: string): TargetQuery => ({
  entity: 'contact',
  where: {
    op: 'and',
    items: [{ field: 'city', operator: 'eq', value: city }],
  },
});

describeEachDatabase('deleting a selection of contacts', (db) => {
  let h: Harness;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const ids: number[] = [];
  const remove = (token: string, query: TargetQuery, expected: number) =>
    h.request
      .post('/api/contacts/deletions')
      .set(as(token))
      .send({ query, expected });
  const undo = (token: string, id: number) =>
    h.request.post(`/api/contacts/deletions/${id}/undo`).set(as(token));
  const found = async (q: string) => {
    const response = await h.request
      .get('/api/search')
      .query({ q, type: 'contact' })
      .set(as(h.tokens.editor));
    return (response.body.items as { id: number }[]).map((hit) => hit.id);
  };

  before(async function () {
    this.timeout(60_000);
    h = await signedInApp(db());
    const ctx = ctxFor(db());
    const people = [
      ['Marie', 'Zébulon', 'Albi'],
      ['Paul', 'Zébulon', 'Albi'],
      ['Anne', 'Zébulon', 'Albi'],
      ['Luc', 'Quentel', 'Rodez'],
      ['Jean', 'Quentel', 'Rodez'],
    ] as const;
    for (const [firstName, lastName, city] of people) {
      const dto = await createContact(
        ctx,
        contactInput.parse({
          firstName,
          lastName,
          contactType: 'press',
          emails: [
            { address: `${firstName}.${city}@presse.test`.toLowerCase() },
          ],
          addresses: [{ city, postalCode: '81000', country: 'FR' }],
        }),
      );
      ids.push(dto.id);
    }
  });

  it('deletes what the selection names, and its author undoes it', async () => {
    const response = await remove(h.tokens.editor, cityOf('Albi'), 3);
    expect(response.status, JSON.stringify(response.body)).to.equal(201);
    expect(response.body.deleted).to.equal(3);
    expect(Date.parse(response.body.undoUntil) - Date.now()).to.be.within(
      9 * 60_000,
      10 * 60_000,
    );
    expect(await found('zebulon')).to.deep.equal([]);
    const card = await h.request
      .get(`/api/contacts/${ids[0]}`)
      .set(as(h.tokens.editor));
    expect(card.status).to.equal(410);

    const audit = await h.request
      .get('/api/audit')
      .query({ parentId: response.body.id, pageSize: 50 })
      .set(as(h.tokens.admin));
    expect(audit.status, JSON.stringify(audit.body)).to.equal(200);
    expect(
      audit.body.items.map((event: { action: string; summary: string }) => [
        event.action,
        event.summary,
      ]),
    ).to.have.deep.members([
      ['delete', 'Marie Zébulon'],
      ['delete', 'Paul Zébulon'],
      ['delete', 'Anne Zébulon'],
    ]);

    const undone = await undo(h.tokens.editor, response.body.id);
    expect(undone.status, JSON.stringify(undone.body)).to.equal(200);
    expect(undone.body).to.deep.equal({ id: response.body.id, restored: 3 });
    expect((await found('zebulon')).sort()).to.deep.equal(ids.slice(0, 3));

    const again = await undo(h.tokens.editor, response.body.id);
    expect(again.status).to.equal(409);
    expect(again.body.error.message).to.match(/déjà annulée|already undone/);
  });

  it('deletes nothing when the selection no longer counts what was seen', async () => {
    const response = await remove(h.tokens.editor, cityOf('Rodez'), 3);
    expect(response.status).to.equal(409);
    expect(response.body.error.message).to.include('2');
    expect((await found('quentel')).length).to.equal(2);
  });

  it('lets only the author (for ten minutes) or an administrator undo', async () => {
    const response = await remove(h.tokens.editor, chosen(ids.slice(3)), 2);
    expect(response.status, JSON.stringify(response.body)).to.equal(201);
    const operation = response.body.id as number;

    const colleague = await undo(h.tokens.other, operation);
    expect(colleague.status).to.equal(403);
    expect(colleague.body.error.message).to.match(/auteur|whoever/);

    // Eleven minutes later, the author may no longer.
    await db().sequelize.query(
      'UPDATE audit_events SET occurred_at = :past WHERE id = :operation',
      {
        replacements: {
          past: new Date(Date.now() - 11 * 60_000),
          operation,
        },
        type: QueryTypes.UPDATE,
      },
    );
    const late = await undo(h.tokens.editor, operation);
    expect(late.status).to.equal(403);
    expect(late.body.error.message).to.match(/délai|delay/);

    const admin = await undo(h.tokens.admin, operation);
    expect(admin.status, JSON.stringify(admin.body)).to.equal(200);
    expect(admin.body.restored).to.equal(2);
    expect((await found('quentel')).length).to.equal(2);
  });

  it('leaves out of an undo a contact restored and deleted again since', async () => {
    const first = await remove(h.tokens.editor, chosen([ids[0]!]), 1);
    expect(first.status).to.equal(201);
    expect((await undo(h.tokens.editor, first.body.id)).status).to.equal(200);
    const second = await remove(h.tokens.editor, chosen([ids[0]!]), 1);
    expect(second.status).to.equal(201);

    const stale = await undo(h.tokens.admin, first.body.id);
    expect(stale.status).to.equal(409);
    expect((await undo(h.tokens.editor, second.body.id)).status).to.equal(200);
  });

  it('refuses a selection of companies, an empty one, and unknown deletions', async () => {
    const companies = await remove(
      h.tokens.editor,
      { entity: 'company', where: { op: 'and', items: [] } },
      1,
    );
    expect(companies.status).to.equal(400);
    expect(companies.body.error.fields[0].path).to.equal('query.entity');

    const none = await remove(h.tokens.editor, cityOf('Albi'), 0);
    expect(none.status).to.equal(400);
    expect(none.body.error.fields[0]).to.deep.include({ path: 'expected' });

    const unknown = await undo(h.tokens.admin, 999_999);
    expect(unknown.status).to.equal(404);
    expect(unknown.body.error.message).to.match(/999999/);
  });
});
