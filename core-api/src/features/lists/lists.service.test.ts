import { expect } from 'chai';
import type { Db, UserRow } from '../../platform/db/models.ts';
import { parseInput } from '../../platform/http/validate.ts';
import { describeEachDatabase } from '../../test/databases.ts';
import { actorOf, ctxFor } from '../../test/harness.ts';
import { changeMembers } from './list-changes.ts';
import { setRequestNotifier, type RequestNotice } from './list-notify.ts';
import { listInput } from './lists.schemas.ts';
import { listMembers } from './list-members.ts';
import { createList, getList } from './lists.service.ts';

describeEachDatabase('lists built from queries', (db) => {
  let owner: UserRow;
  let colleague: UserRow;
  const ctx = (user: UserRow) => ctxFor(db(), actorOf(user));
  const create = (user: UserRow, input: object) =>
    createList(ctx(user), parseInput(listInput, input));
  const byPrefix = (
    entity: 'contact' | 'company',
    field: string,
    value: string,
  ) => ({
    entity,
    where: { op: 'and', items: [{ field, operator: 'startsWith', value }] },
  });

  const users = async (database: Db) => {
    const make = (email: string, role: 'admin' | 'editor') =>
      database.models.User.create({
        email,
        displayName: email.split('@')[0]!,
        role,
        passwordHash: null,
        totpSecret: null,
        lastSignInAt: null,
      });
    owner = await make('proprietaire@example.org', 'editor');
    colleague = await make('collegue@example.org', 'editor');
  };

  before(async () => {
    const database = db();
    await users(database);
    const { Contact, Company } = database.models;
    // More than one insert statement's worth (1,000 rows), to fill in batches.
    await Contact.bulkCreate(
      Array.from({ length: 2100 }, (_, i) => ({
        lastName: `Cible${String(i).padStart(4, '0')}`,
        contactType: 'press',
      })),
    );
    await Contact.bulkCreate([
      { lastName: 'Autre', contactType: 'press' },
      {
        lastName: 'CibleSupprimée',
        contactType: 'press',
        deletedAt: new Date(),
      },
    ]);
    await Company.bulkCreate(
      ['Radio Nord', 'Radio Sud', 'Télé Est'].map((name) => ({
        name,
        nameKey: name.toLowerCase(),
      })),
    );
  });

  afterEach(() => setRequestNotifier());

  it('snapshots what a query finds now, and keeps the query for the record', async () => {
    const query = byPrefix('contact', 'lastName', 'Cible');
    const list = await create(owner, {
      name: 'Cibles',
      source: { kind: 'query', query },
    });
    expect(list.memberCount, 'deleted contacts are not taken').to.equal(2100);
    expect(list.sourceDefinition).to.deep.include({ entity: 'contact' });
    const page = await listMembers(ctx(colleague), list.id, {
      page: 3,
      pageSize: 50,
    });
    expect(page.total).to.equal(2100);
    expect(page.items[0]).to.include({ lastName: 'Cible0100' });

    // A snapshot: contacts created afterwards do not join it.
    await db().models.Contact.create({
      lastName: 'Cible9999',
      contactType: 'press',
    });
    expect((await getList(ctx(owner), list.id)).memberCount).to.equal(2100);
  });

  it('builds from a saved query, and refuses a query of the other entity', async () => {
    const saved = await db().models.SavedQuery.create({
      name: 'Radios',
      description: null,
      entity: 'company',
      definition: JSON.stringify(byPrefix('company', 'name', 'Radio')),
      ownerId: owner.id,
      createdById: owner.id,
      updatedById: owner.id,
    });
    const list = await create(colleague, {
      name: 'Radios',
      entity: 'company',
      source: { kind: 'savedQuery', savedQueryId: saved.id },
    });
    expect(list.memberCount).to.equal(2);
    expect(list.owner.id).to.equal(colleague.id);
    expect(list.sourceDefinition).to.include({ savedQueryId: saved.id });
    const members = await listMembers(ctx(owner), list.id, {
      page: 1,
      pageSize: 10,
    });
    expect(members.items.map((m) => ('name' in m ? m.name : ''))).to.deep.equal(
      ['Radio Nord', 'Radio Sud'],
    );

    let refused: unknown;
    await create(owner, {
      name: 'Mauvaise entité',
      entity: 'contact',
      source: { kind: 'savedQuery', savedQueryId: saved.id },
    }).catch((error: unknown) => (refused = error));
    expect(refused).to.have.property('code', 'VALIDATION_FAILED');
    const left = await db().models.List.count({
      where: { name: 'Mauvaise entité' },
    });
    expect(left, 'nothing stays of a refused list').to.equal(0);
  });

  it('keeps one pending request per change and member, even proposed at once', async () => {
    const list = await create(owner, { name: 'Concurrence' });
    const [first, second] = await db().models.Contact.findAll({
      limit: 2,
      order: [['id', 'ASC']],
    });
    const third = await db().models.User.create({
      email: 'troisieme@example.org',
      displayName: 'troisieme',
      role: 'editor',
      passwordHash: null,
      totpSecret: null,
      lastSignInAt: null,
    });
    const propose = (user: UserRow) =>
      changeMembers(ctx(user), list.id, 'add', {
        entity: 'contact',
        ids: [first!.id],
      }).then(
        (report) => report.requests.length,
        (error: { code?: string; message?: string }) =>
          error.code ?? error.message,
      );
    // The in-memory SQLite base has one connection, so its transactions take
    // turns; a server runs both at once.
    const outcomes =
      db().sequelize.getDialect() === 'sqlite'
        ? [await propose(colleague), await propose(third)]
        : await Promise.all([propose(colleague), propose(third)]);
    expect(outcomes, JSON.stringify(outcomes)).to.satisfy(
      (found: unknown[]) =>
        found.filter((o) => o === 1).length === 1 &&
        found.every((o) => o === 1 || o === 0 || o === 'CONFLICT'),
    );
    const { ListChangeRequest } = db().models;
    expect(
      await ListChangeRequest.count({ where: { listId: list.id } }),
    ).to.equal(1);
    const row = {
      listId: list.id,
      action: 'add' as const,
      contactId: first!.id,
      companyId: null,
      proposedById: owner.id,
      proposedAt: new Date(),
      note: null,
      outcome: null,
      decidedById: null,
      decidedForId: null,
      decidedAt: null,
      decisionNote: null,
    };
    let refused: unknown;
    await ListChangeRequest.create(row).catch((error) => (refused = error));
    expect(refused, 'the database refuses a duplicate').to.be.an('error');
    // Another member, or the same one once decided, is no duplicate.
    await ListChangeRequest.create({ ...row, contactId: second!.id });
    await ListChangeRequest.create({ ...row, status: 'rejected' });
  });

  it('tells the owner’s notifier once requests are made, and survives its failure', async () => {
    const list = await create(owner, { name: 'Notifiée' });
    const [contact] = await db().models.Contact.findAll({
      limit: 2,
      order: [['id', 'ASC']],
    });
    const notices: RequestNotice[] = [];
    setRequestNotifier(async (_ctx, notice) => {
      notices.push(notice);
      throw new Error('Teams indisponible');
    });
    const report = await changeMembers(ctx(colleague), list.id, 'add', {
      entity: 'contact',
      ids: [contact!.id],
    });
    expect(report.requests).to.have.length(1);
    expect(notices).to.deep.equal([
      {
        listId: list.id,
        ownerId: owner.id,
        proposedById: colleague.id,
        requestIds: report.requests,
      },
    ]);
    // The owner's own change is no request: nobody is told.
    await changeMembers(ctx(owner), list.id, 'add', {
      entity: 'contact',
      ids: [contact!.id],
    });
    expect(notices).to.have.length(1);
  });
});
