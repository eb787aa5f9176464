import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { signedInApp } from '../../test/harness.ts';

type Harness = Awaited<ReturnType<typeof signedInApp>>;
type Who = 'editor' | 'other' | 'admin';

describeEachDatabase('static lists and their owner’s approval', (db) => {
  let h: Harness;
  const c: number[] = [];
  const auth = (who: Who) => ({ Authorization: `Bearer ${h.tokens[who]}` });
  const get = (who: Who, path: string) => h.request.get(path).set(auth(who));
  const post = (who: Who, path: string, body: object = {}) =>
    h.request.post(path).set(auth(who)).send(body);

  /** The ids of a list's members, as its members page shows them. */
  const memberIds = async (listId: number) => {
    const page = await get(
      'other',
      `/api/lists/${listId}/members?pageSize=200`,
    );
    expect(page.status, JSON.stringify(page.body)).to.equal(200);
    return (page.body.items as { id: number }[]).map((m) => m.id).sort();
  };
  const newList = async (who: Who, body: object) => {
    const created = await post(who, '/api/lists', body);
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    return created.body as { id: number; version: number };
  };
  const propose = async (
    who: Who,
    listId: number,
    change: 'add' | 'remove',
    ids: (number | undefined)[],
    entity: 'contact' | 'company' = 'contact',
  ) => {
    const response = await post(who, `/api/lists/${listId}/members/${change}`, {
      entity,
      ids,
      note: 'vu au salon',
    });
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return response.body;
  };
  const auditOf = async (listId: number, action: string) => {
    const page = await get(
      'admin',
      `/api/audit?entityType=list&entityId=${listId}&action=${action}&pageSize=200`,
    );
    expect(page.status, JSON.stringify(page.body)).to.equal(200);
    return page.body.items as {
      actorId: number;
      after: Record<string, unknown>;
    }[];
  };

  before(async () => {
    h = await signedInApp(db());
    for (let i = 0; i < 8; i++) {
      const created = await post('editor', '/api/contacts', {
        firstName: `Prénom${i}`,
        lastName: `Liste${i}`,
      });
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      c.push(created.body.id);
    }
  });

  it('creates a list owned by its creator, usable by everyone', async () => {
    const list = await newList('editor', {
      name: 'Presse régionale',
      source: { kind: 'ids', ids: [c[0], c[1]] },
    });
    const seen = await get('other', `/api/lists/${list.id}`);
    expect(seen.status).to.equal(200);
    expect(seen.body).to.include({ memberCount: 2, canManage: false });
    expect(seen.body.owner.id).to.equal(h.editor.id);
    expect(
      (await get('editor', `/api/lists/${list.id}`)).body.canManage,
    ).to.equal(true);
    const found = await get('other', '/api/lists?q=PRESSE%20r');
    expect(found.body.items.map((l: { id: number }) => l.id)).to.deep.equal([
      list.id,
    ]);
    const mine = await get('other', '/api/lists?owner=me');
    expect(mine.body.items.map((l: { id: number }) => l.id)).not.to.include(
      list.id,
    );
    expect(await memberIds(list.id)).to.deep.equal([c[0], c[1]].sort());
    const page = await get('other', `/api/lists/${list.id}/members`);
    expect(page.body.items[0]).to.include({ lastName: 'Liste0' });
    expect(page.body.items[0].addedBy.id).to.equal(h.editor.id);
    expect(page.body.items[0].approvedBy).to.equal(null);
  });

  it('refuses unknown or deleted members and names them', async () => {
    const refused = await post('editor', '/api/lists', {
      name: 'Avec inconnus',
      source: { kind: 'ids', ids: [c[0], 999_999] },
    });
    expect(refused.status).to.equal(400);
    expect(JSON.stringify(refused.body.error.fields)).to.contain('999999');
  });

  it('makes an editor’s change to another’s list a request that changes nothing', async () => {
    const list = await newList('editor', {
      name: 'À valider',
      source: { kind: 'ids', ids: [c[0], c[1]] },
    });
    const before = await get('editor', '/api/me/pending-requests/count');
    const report = await propose('other', list.id, 'add', [c[2], c[0]]);
    expect(report.mode).to.equal('requested');
    expect(report.requests).to.have.length(1);
    expect(report.alreadyMember).to.deep.equal([c[0]]);
    expect(report.applied).to.deep.equal([]);
    const removal = await propose('other', list.id, 'remove', [c[1]]);
    expect(removal.requests).to.have.length(1);

    expect(await memberIds(list.id), 'nothing changed yet').to.deep.equal(
      [c[0], c[1]].sort(),
    );
    const count = await get('editor', '/api/me/pending-requests/count');
    expect(count.body.count).to.equal(before.body.count + 2);
    expect(
      (await get('other', '/api/me/pending-requests/count')).body.count,
    ).to.equal(0);
    const waiting = await get('editor', '/api/lists/pending');
    const mineHere = waiting.body.items.filter(
      (r: { listId: number }) => r.listId === list.id,
    );
    expect(mineHere).to.have.length(2);
    expect(mineHere[0]).to.include({
      action: 'add',
      memberId: c[2],
      memberLabel: 'Prénom2 Liste2',
      note: 'vu au salon',
      status: 'pending',
    });
    expect(mineHere[0].proposedBy.id).to.equal(h.other.id);

    const again = await propose('other', list.id, 'add', [c[2]]);
    expect(
      again.alreadyPending,
      'no second request for the same change',
    ).to.deep.equal([c[2]]);
    expect(again.requests).to.deep.equal([]);

    // The rejection changes nothing; the approval applies the change.
    const rejected = await post(
      'editor',
      `/api/lists/requests/${removal.requests[0]}/reject`,
      { note: 'encore utile' },
    );
    expect(rejected.status, JSON.stringify(rejected.body)).to.equal(200);
    expect(rejected.body).to.include({
      status: 'rejected',
      decisionNote: 'encore utile',
    });
    expect(await memberIds(list.id)).to.deep.equal([c[0], c[1]].sort());

    const notOwner = await post(
      'other',
      `/api/lists/requests/${report.requests[0]}/approve`,
    );
    expect(notOwner.status).to.equal(403);
    expect(await memberIds(list.id)).to.deep.equal([c[0], c[1]].sort());

    const approved = await post(
      'editor',
      `/api/lists/requests/${report.requests[0]}/approve`,
    );
    expect(approved.status).to.equal(200);
    expect(approved.body).to.include({
      status: 'approved',
      outcome: 'applied',
    });
    expect(approved.body.decidedBy.id).to.equal(h.editor.id);
    expect(approved.body.decidedFor).to.equal(null);
    expect(await memberIds(list.id)).to.deep.equal([c[0], c[1], c[2]].sort());
    // The member shows who proposed it, and who approved.
    const brought = (
      await get('other', `/api/lists/${list.id}/members?pageSize=200`)
    ).body.items.find((m: { id: number }) => m.id === c[2]);
    expect(brought.addedBy).to.deep.include({ id: h.other.id });
    expect(brought.approvedBy).to.deep.include({ id: h.editor.id });
    const twice = await post(
      'editor',
      `/api/lists/requests/${report.requests[0]}/reject`,
    );
    expect(twice.status).to.equal(409);

    // Both decisions are in the audit trail and in the list's history.
    expect(await auditOf(list.id, 'list.request.approve')).to.have.length(1);
    const rejects = await auditOf(list.id, 'list.request.reject');
    expect(rejects).to.have.length(1);
    expect(rejects[0]!.actorId).to.equal(h.editor.id);
    const history = await get('other', `/api/lists/${list.id}/history`);
    const decided = history.body.items.filter((e: { action: string }) =>
      ['request_approved', 'request_rejected'].includes(e.action),
    );
    expect(decided).to.have.length(2);
    for (const event of decided) {
      expect(event.actor.id).to.equal(h.editor.id);
      expect(event.proposedBy.id).to.equal(h.other.id);
      expect(event.occurredAt).to.be.a('string');
    }
    expect(
      history.body.items.filter(
        (e: { action: string }) => e.action === 'request_created',
      ),
    ).to.have.length(2);
  });

  it('lets an administrator decide in the owner’s place, recorded as such', async () => {
    const list = await newList('editor', { name: 'Admin décide' });
    const report = await propose('other', list.id, 'add', [c[3]]);
    const approved = await post(
      'admin',
      `/api/lists/requests/${report.requests[0]}/approve`,
    );
    expect(approved.status).to.equal(200);
    expect(approved.body.decidedBy.id).to.equal(h.admin.id);
    expect(approved.body.decidedFor.id).to.equal(h.editor.id);
    expect(await memberIds(list.id)).to.deep.equal([c[3]]);
    const history = await get('editor', `/api/lists/${list.id}/history`);
    const event = history.body.items.find(
      (e: { action: string }) => e.action === 'request_approved',
    );
    expect(event.actor.id).to.equal(h.admin.id);
    expect(event.actingFor.id).to.equal(h.editor.id);
    const audit = await auditOf(list.id, 'list.request.approve');
    expect(audit[0]!.actorId).to.equal(h.admin.id);
    expect(audit[0]!.after.actingForId).to.equal(h.editor.id);

    // An administrator's own change applies at once, for the owner.
    const direct = await propose('admin', list.id, 'add', [c[4]]);
    expect(direct.mode).to.equal('applied');
    expect(await memberIds(list.id)).to.deep.equal([c[3], c[4]].sort());
    const all = await get('admin', '/api/lists/pending?scope=all');
    expect(all.status).to.equal(200);
    expect(
      (await get('editor', '/api/lists/pending?scope=all')).status,
    ).to.equal(403);
  });

  it('approves or rejects in bulk, all pending or a selection', async () => {
    const list = await newList('editor', {
      name: 'En bloc',
      source: { kind: 'ids', ids: [c[0]] },
    });
    const adds = await propose('other', list.id, 'add', [c[1], c[2], c[3]]);
    const removal = await propose('other', list.id, 'remove', [c[0]]);
    expect(adds.requests).to.have.length(3);

    const some = await post('editor', `/api/lists/${list.id}/requests/reject`, {
      requestIds: [adds.requests[0], 424_242],
      note: 'hors cible',
    });
    expect(some.status, JSON.stringify(some.body)).to.equal(200);
    expect(some.body.decided.map((r: { id: number }) => r.id)).to.deep.equal([
      adds.requests[0],
    ]);
    expect(some.body.skipped).to.deep.equal([424_242]);
    expect(await memberIds(list.id)).to.deep.equal([c[0]]);

    const rest = await post(
      'editor',
      `/api/lists/${list.id}/requests/approve`,
      {},
    );
    expect(rest.status).to.equal(200);
    expect(rest.body.decided).to.have.length(3);
    expect(
      rest.body.decided.every(
        (r: { outcome: string }) => r.outcome === 'applied',
      ),
    ).to.equal(true);
    // c[1] was refused; c[0] removed on approval.
    expect(await memberIds(list.id)).to.deep.equal([c[2], c[3]].sort());
    expect(removal.requests[0]).to.be.oneOf(
      rest.body.decided.map((r: { id: number }) => r.id),
    );
    const pending = await get('other', `/api/lists/${list.id}/requests`);
    expect(pending.body.total).to.equal(0);
    const everything = await get(
      'other',
      `/api/lists/${list.id}/requests?status=all`,
    );
    expect(everything.body.total).to.equal(4);
    expect(await auditOf(list.id, 'list.request.approve')).to.have.length(3);
    expect(
      await auditOf(list.id, 'list.requests.approve'),
      'one parent event',
    ).to.have.length(1);
    const notOwner = await post(
      'other',
      `/api/lists/${list.id}/requests/approve`,
      {},
    );
    expect(notOwner.status).to.equal(403);
  });

  it('lets the proposer, and only the proposer, withdraw a pending request', async () => {
    const list = await newList('editor', {
      name: 'Retrait',
      source: { kind: 'ids', ids: [c[0]] },
    });
    const removal = await propose('other', list.id, 'remove', [c[0]]);
    const id = removal.requests[0];
    expect(
      (await post('editor', `/api/lists/requests/${id}/withdraw`)).status,
    ).to.equal(403);
    const withdrawn = await post('other', `/api/lists/requests/${id}/withdraw`);
    expect(withdrawn.status).to.equal(200);
    expect(withdrawn.body.status).to.equal('withdrawn');
    expect(
      (await post('editor', `/api/lists/requests/${id}/approve`)).status,
    ).to.equal(409);
    expect(await memberIds(list.id)).to.deep.equal([c[0]]);
    const history = await get('editor', `/api/lists/${list.id}/history`);
    expect(history.body.items[0]).to.include({
      action: 'request_withdrawn',
      requestId: id,
    });
  });

  it('handles requests made moot meanwhile explicitly', async () => {
    const list = await newList('editor', { name: 'Caduques' });
    const extra = await post('editor', '/api/contacts', {
      lastName: 'Éphémère',
    });
    const gone = extra.body.id as number;
    const adds = await propose('other', list.id, 'add', [c[5], gone]);
    // The owner adds one directly; the other contact is deleted.
    await propose('editor', list.id, 'add', [c[5]]);
    expect(
      (await h.request.delete(`/api/contacts/${gone}`).set(auth('editor')))
        .status,
    ).to.equal(204);
    const decided = await post(
      'editor',
      `/api/lists/${list.id}/requests/approve`,
      {},
    );
    const outcomes = Object.fromEntries(
      decided.body.decided.map((r: { memberId: number; outcome: string }) => [
        r.memberId,
        r.outcome,
      ]),
    );
    expect(outcomes).to.deep.equal({
      [c[5]!]: 'already_member',
      [gone]: 'member_deleted',
    });
    expect(adds.requests).to.have.length(2);
    expect(await memberIds(list.id)).to.deep.equal([c[5]]);
  });

  it('hands a list over, after which the new owner changes it directly', async () => {
    const list = await newList('editor', { name: 'Transmise' });
    const waiting = await propose('admin', list.id, 'add', [c[6]]);
    expect(waiting.mode).to.equal('applied');
    expect(
      (
        await post('other', `/api/lists/${list.id}/hand-over`, {
          toUserId: h.other.id,
        })
      ).status,
    ).to.equal(403);
    const unknown = await post('editor', `/api/lists/${list.id}/hand-over`, {
      toEmail: 'personne@example.org',
    });
    expect(unknown.status).to.equal(400);
    const handed = await post('editor', `/api/lists/${list.id}/hand-over`, {
      toEmail: h.other.email.toUpperCase(),
      note: 'je change de service',
    });
    expect(handed.status, JSON.stringify(handed.body)).to.equal(200);
    expect(handed.body.owner.id).to.equal(h.other.id);
    expect((await propose('other', list.id, 'add', [c[7]])).mode).to.equal(
      'applied',
    );
    expect((await propose('editor', list.id, 'remove', [c[6]])).mode).to.equal(
      'requested',
    );
    expect(
      (await get('other', '/api/me/pending-requests/count')).body.count,
    ).to.be.greaterThan(0);
    const history = await get('other', `/api/lists/${list.id}/history`);
    const event = history.body.items.find(
      (e: { action: string }) => e.action === 'handed_over',
    );
    expect(event.details).to.include({ fromId: h.editor.id, toId: h.other.id });
    expect(await auditOf(list.id, 'list.hand_over')).to.have.length(1);

    // An administrator can hand it on for its owner.
    const back = await post('admin', `/api/lists/${list.id}/hand-over`, {
      toUserId: h.editor.id,
    });
    expect(back.body.owner.id).to.equal(h.editor.id);
  });

  it('keeps lists of companies the same way', async () => {
    const companies: number[] = [];
    for (const name of ['Presse Ouest', 'Presse Sud']) {
      const created = await post('editor', '/api/companies', { name });
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      companies.push(created.body.id);
    }
    const list = await newList('editor', {
      name: 'Rédactions',
      entity: 'company',
      source: { kind: 'ids', ids: [companies[0]] },
    });
    const report = await propose(
      'other',
      list.id,
      'add',
      [companies[1]!],
      'company',
    );
    expect(report.mode).to.equal('requested');
    const pending = await get('editor', `/api/lists/${list.id}/requests`);
    expect(pending.body.items[0]).to.include({
      entity: 'company',
      memberLabel: 'Presse Sud',
    });
    await post('editor', `/api/lists/requests/${report.requests[0]}/approve`);
    const members = await get('other', `/api/lists/${list.id}/members`);
    expect(members.body.entity).to.equal('company');
    expect(
      members.body.items.map((m: { name: string }) => m.name),
    ).to.deep.equal(['Presse Ouest', 'Presse Sud']);
    expect(members.body.items[1].addedBy.id).to.equal(h.other.id);
    expect(members.body.items[1].approvedBy.id).to.equal(h.editor.id);
    const wrong = await post('editor', `/api/lists/${list.id}/members/add`, {
      entity: 'company',
      ids: [999_998],
    });
    expect(wrong.status).to.equal(400);
    expect(wrong.body.error.fields[0].message).to.equal(
      'sociétés introuvables ou supprimées : 999998 / ' +
        'unknown or deleted companies: 999998',
    );

    // Contact ids on a list of companies: refused, whoever asks, both ways.
    for (const change of ['add', 'remove']) {
      const mixed = await post(
        'editor',
        `/api/lists/${list.id}/members/${change}`,
        { entity: 'contact', ids: [companies[1]!] },
      );
      expect(mixed.status, JSON.stringify(mixed.body)).to.equal(400);
      expect(mixed.body.error.fields).to.deep.equal([
        {
          path: 'entity',
          message:
            'cette liste contient des sociétés, pas des contacts / ' +
            'this list holds companies, not contacts',
        },
      ]);
    }
    const unnamed = await post('editor', `/api/lists/${list.id}/members/add`, {
      ids: [companies[1]!],
    });
    expect(unnamed.status).to.equal(400);
    expect(unnamed.body.error.fields[0].path).to.equal('entity');
    const after = await get('other', `/api/lists/${list.id}/members`);
    expect(after.body.total).to.equal(2);
  });

  it('lets only the owner rename or delete a list, and closes its pending requests', async () => {
    const list = await newList('editor', { name: 'Ancien nom' });
    const body = {
      name: 'Nouveau nom',
      description: 'Pour le salon',
      version: list.version,
    };
    expect(
      (
        await h.request
          .put(`/api/lists/${list.id}`)
          .set(auth('other'))
          .send(body)
      ).status,
    ).to.equal(403);
    const renamed = await h.request
      .put(`/api/lists/${list.id}`)
      .set(auth('editor'))
      .send(body);
    expect(renamed.status).to.equal(200);
    expect(renamed.body).to.include({
      name: 'Nouveau nom',
      description: 'Pour le salon',
    });
    const stale = await h.request
      .put(`/api/lists/${list.id}`)
      .set(auth('editor'))
      .send(body);
    expect(stale.status).to.equal(409);

    const report = await propose('other', list.id, 'add', [c[0]]);
    const before = (await get('editor', '/api/me/pending-requests/count')).body
      .count;
    expect(
      (await h.request.delete(`/api/lists/${list.id}`).set(auth('other')))
        .status,
    ).to.equal(403);
    expect(
      (await h.request.delete(`/api/lists/${list.id}`).set(auth('editor')))
        .status,
    ).to.equal(204);
    // Its page says it was deleted, and when, rather than "not found".
    const gone = await get('editor', `/api/lists/${list.id}`);
    expect(gone.status).to.equal(410);
    expect(gone.body.error.code).to.equal('GONE');
    expect(gone.body.error.message).to.match(
      /^La liste « Nouveau nom » a été supprimée le \d{2}\/\d{2}\/\d{4}\.$/,
    );
    expect((await get('editor', '/api/lists/999999')).status).to.equal(404);
    expect(
      (await get('editor', '/api/me/pending-requests/count')).body.count,
    ).to.equal(before - 1);
    expect(
      (
        await post(
          'editor',
          `/api/lists/requests/${report.requests[0]}/approve`,
        )
      ).status,
    ).to.equal(404);
    expect(await auditOf(list.id, 'delete')).to.have.length(1);
  });
});
