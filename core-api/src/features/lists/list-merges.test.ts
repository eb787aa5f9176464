import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { signedInApp } from '../../test/harness.ts';

type Harness = Awaited<ReturnType<typeof signedInApp>>;
type Who = 'editor' | 'other' | 'admin';

describeEachDatabase('list memberships through a contact merge', (db) => {
  let h: Harness;
  const auth = (who: Who) => ({ Authorization: `Bearer ${h.tokens[who]}` });
  const get = (who: Who, path: string) => h.request.get(path).set(auth(who));
  const post = (who: Who, path: string, body: object = {}) =>
    h.request.post(path).set(auth(who)).send(body);
  const ids = { a: 0, b: 0 };
  const lists = { onlyB: 0, both: 0, requestB: 0, requestsAB: 0 };
  let survivor = 0;
  let merged = 0;
  let mergeId = 0;

  const contact = async (body: object) => {
    const created = await post('editor', '/api/contacts', body);
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    return created.body.id as number;
  };
  const list = async (name: string, members: number[]) => {
    const created = await post('editor', '/api/lists', {
      name,
      source: members.length
        ? { kind: 'ids', ids: members }
        : { kind: 'empty' },
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    return created.body.id as number;
  };
  const members = async (listId: number) =>
    (
      (await get('editor', `/api/lists/${listId}/members`)).body.items as {
        id: number;
      }[]
    )
      .map((m) => m.id)
      .sort();
  const requests = async (listId: number) =>
    (
      (await get('editor', `/api/lists/${listId}/requests?status=all`)).body
        .items as { memberId: number; status: string; outcome: string | null }[]
    ).map(({ memberId, status, outcome }) => ({ memberId, status, outcome }));

  before(async () => {
    h = await signedInApp(db());
    ids.a = await contact({
      firstName: 'Jean',
      lastName: 'Dupont',
      emails: [{ address: 'jean.dupont@lemonde.fr', isPrimary: true }],
      affiliations: [{ companyName: 'Le Monde', function: 'Grand reporter' }],
    });
    ids.b = await contact({
      firstName: 'Jean',
      lastName: 'DUPOND',
      emails: [{ address: 'jean.dupont@lemonde.fr' }],
    });
    lists.onlyB = await list('B seul', [ids.b]);
    lists.both = await list('Les deux', [ids.a, ids.b]);
    lists.requestB = await list('Demande pour B', []);
    lists.requestsAB = await list('Demandes pour A et B', []);
    await post('other', `/api/lists/${lists.requestB}/members/add`, {
      entity: 'contact',
      ids: [ids.b],
    });
    await post('other', `/api/lists/${lists.requestsAB}/members/add`, {
      entity: 'contact',
      ids: [ids.a, ids.b],
    });

    const scan = await post('admin', '/api/duplicates/scan');
    expect(scan.status, JSON.stringify(scan.body)).to.equal(200);
    const queue = await get('admin', '/api/duplicates');
    const pair = queue.body.items.find(
      (p: { a: { id: number }; b: { id: number } }) =>
        [p.a.id, p.b.id].includes(ids.b),
    );
    const done = await post('admin', `/api/duplicates/${pair.id}/merge`);
    expect(done.status, JSON.stringify(done.body)).to.equal(200);
    ({ survivorId: survivor, mergedId: merged, mergeId } = done.body);
  });

  it('moves the merged contact’s memberships to the survivor, once per list', async () => {
    expect(await members(lists.onlyB)).to.deep.equal([survivor]);
    expect(await members(lists.both)).to.deep.equal([survivor]);
    const count = await get('editor', `/api/lists/${lists.both}`);
    expect(count.body.memberCount).to.equal(1);
    const history = await get('editor', `/api/lists/${lists.onlyB}/history`);
    expect(history.body.items[0].action).to.equal('merge_moved');
    expect(history.body.items[0].details).to.include({ mergeId, moved: 1 });
  });

  it('moves pending requests too, closing one identical to the survivor’s', async () => {
    expect(await requests(lists.requestB)).to.deep.equal([
      { memberId: survivor, status: 'pending', outcome: null },
    ]);
    const both = await requests(lists.requestsAB);
    expect(both).to.deep.include({
      memberId: survivor,
      status: 'pending',
      outcome: null,
    });
    expect(both).to.deep.include({
      memberId: merged,
      status: 'withdrawn',
      outcome: 'merged',
    });
  });

  it('puts everything back when the merge is undone', async () => {
    const undone = await post('admin', `/api/merges/${mergeId}/undo`);
    expect(undone.status, JSON.stringify(undone.body)).to.equal(200);
    expect(await members(lists.onlyB)).to.deep.equal([merged]);
    expect(await members(lists.both)).to.deep.equal([ids.a, ids.b].sort());
    expect(await requests(lists.requestB)).to.deep.equal([
      { memberId: merged, status: 'pending', outcome: null },
    ]);
    const both = await requests(lists.requestsAB);
    expect(
      both
        .filter((r) => r.status === 'pending')
        .map((r) => r.memberId)
        .sort(),
    ).to.deep.equal([ids.a, ids.b].sort());
    const history = await get('editor', `/api/lists/${lists.both}/history`);
    expect(history.body.items[0].action).to.equal('merge_undone');
  });
});
