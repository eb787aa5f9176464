import { expect } from 'chai';
import { Op } from 'sequelize';
import { nameFilter } from '../../platform/db/name-filter.ts';
import { describeEachDatabase } from '../../test/databases.ts';
import { requestsOf, signedInApp } from '../../test/harness.ts';
import { tsqlSelect } from '../../test/tsql.ts';

type Harness = Awaited<ReturnType<typeof signedInApp>>;
type Row = { id: number; deletedBy: string | null; deletedAt: string };
type Result = {
  id: number;
  name: string | null;
  restored: boolean;
  reason: string | null;
  reasonEn: string | null;
};

const pause = () => new Promise((resolve) => setTimeout(resolve, 15));

describeEachDatabase('deleted contacts and companies', (db) => {
  let h: Harness;
  let api: ReturnType<typeof requestsOf>;
  const contact: Record<string, number> = {};
  const company: Record<string, number> = {};
  const idsOf = (body: { items: { id: number }[] }) =>
    body.items.map((item) => item.id);

  before(async function () {
    this.timeout(60_000);
    h = await signedInApp(db());
    api = requestsOf(h);
    for (const [key, firstName, lastName] of [
      ['marie', 'Marie', 'Zéphyrin'],
      ['paul', 'Paul', 'Zéphyrin'],
      ['anne', 'Anne', 'Quillet'],
      ['live', 'Luc', 'Zéphyrin'],
      ['merged', 'Jean', 'Quillet'],
    ] as const) {
      const created = await api.post('editor', '/api/contacts', {
        firstName,
        lastName,
        contactType: 'press',
      });
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      contact[key] = created.body.id;
    }
    for (const [key, name] of [
      ['echo', 'L’Écho des Zéphyrs'],
      ['gazette', 'Gazette du Quercy'],
    ] as const) {
      const created = await api.post('editor', '/api/companies', { name });
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      company[key] = created.body.id;
    }
    // One by the card, one by an administrator, one from a table's selection.
    await api.del('editor', `/api/contacts/${contact.marie}`).expect(204);
    await pause();
    await api.del('admin', `/api/contacts/${contact.paul}`).expect(204);
    await pause();
    await api
      .post('editor', '/api/contacts/deletions', {
        query: {
          entity: 'contact',
          where: {
            op: 'and',
            items: [{ field: 'id', operator: 'in', value: [contact.anne] }],
          },
        },
        expected: 1,
      })
      .expect(201);
    await pause();
    await api.del('admin', `/api/contacts/${contact.merged}`).expect(204);
    await db().models.Contact.update(
      { mergedIntoId: contact.live },
      { where: { id: contact.merged }, paranoid: false },
    );
    await api.del('editor', `/api/companies/${company.echo}`).expect(204);
    await pause();
    await api.del('admin', `/api/companies/${company.gazette}`).expect(204);
  });

  it('lists deleted contacts for administrators, latest first, with who deleted them', async () => {
    const response = await api.get('admin', '/api/contacts/deleted');
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    expect(idsOf(response.body)).to.deep.equal([
      contact.merged,
      contact.anne,
      contact.paul,
      contact.marie,
    ]);
    expect(response.body.total).to.equal(4);
    const rows = response.body.items as Row[];
    const authors = new Map<unknown, string | null>(
      rows.map((row) => [row.id, row.deletedBy]),
    );
    expect(authors.get(contact.marie)).to.equal('Eddie Editor');
    expect(authors.get(contact.paul)).to.equal('Alice Admin');
    // One contact of a table's selection: its own event names the author.
    expect(authors.get(contact.anne)).to.equal('Eddie Editor');
    for (const row of rows) {
      expect(Date.now() - Date.parse(row.deletedAt)).to.be.within(0, 120_000);
    }
    expect(response.body.items[0].mergedIntoId).to.equal(contact.live);
    expect(response.body.items[1].displayName).to.equal('Anne Quillet');

    const paged = await api.get(
      'admin',
      '/api/contacts/deleted?pageSize=2&page=2',
    );
    expect(idsOf(paged.body)).to.deep.equal([contact.paul, contact.marie]);
  });

  it('finds deleted records by name, accents and case aside', async () => {
    const some = await api.get('admin', '/api/contacts/deleted?name=zephyrin');
    expect(idsOf(some.body)).to.deep.equal([contact.paul, contact.marie]);
    const both = await api.get(
      'admin',
      `/api/contacts/deleted?name=${encodeURIComponent('MARIE zéph')}`,
    );
    expect(idsOf(both.body)).to.deep.equal([contact.marie]);
    const none = await api.get('admin', '/api/contacts/deleted?name=luc');
    expect(none.body).to.include({ total: 0 });
    const companies = await api.get(
      'admin',
      `/api/companies/deleted?name=${encodeURIComponent('écho')}`,
    );
    expect(idsOf(companies.body)).to.deep.equal([company.echo]);
    expect(companies.body.items[0]).to.include({
      name: 'L’Écho des Zéphyrs',
      deletedBy: 'Eddie Editor',
    });
    expect(companies.body.items[0]).not.to.have.property('mergedIntoId');
  });

  it('refuses editors the list and the restoring, as a card’s restore', async () => {
    for (const path of ['/api/contacts/deleted', '/api/companies/deleted']) {
      expect((await api.get('editor', path)).status).to.equal(403);
    }
    const refused = await api.post('editor', '/api/contacts/restorations', {
      ids: [contact.marie],
    });
    expect(refused.status).to.equal(403);
    expect(
      (
        await api.post('editor', '/api/companies/restorations', {
          ids: [company.echo],
        })
      ).status,
    ).to.equal(403);
    const still = await api.get('admin', '/api/contacts/deleted');
    expect(idsOf(still.body)).to.include(contact.marie);

    // The card itself says the record is deleted, and who may restore it.
    const card = await api.get('editor', `/api/contacts/${contact.marie}`);
    expect(card.status).to.equal(410);
    expect(card.body.error).to.include({
      code: 'GONE',
      message:
        'Ce contact a été supprimé : un administrateur peut le restaurer.',
    });
    const companyCard = await api.get(
      'editor',
      `/api/companies/${company.echo}`,
    );
    expect(companyCard.status).to.equal(410);
    expect(companyCard.body.error.messageEn).to.equal(
      'This company was deleted: an administrator can restore it.',
    );
    const adminCard = await api.get('admin', `/api/contacts/${contact.marie}`);
    expect(adminCard.body.deletedAt).to.be.a('string');
  });

  it('restores many at once, each record saying whether it came back and why not', async () => {
    const response = await api.post('admin', '/api/contacts/restorations', {
      ids: [contact.marie, contact.anne, contact.live, contact.merged, 999_999],
    });
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    expect(response.body.restored).to.equal(2);
    const results = response.body.results as Result[];
    const [, , live, merged, missing] = results as [
      Result,
      Result,
      Result,
      Result,
      Result,
    ];
    expect(results.map((result) => [result.id, result.restored])).to.deep.equal(
      [
        [contact.marie, true],
        [contact.anne, true],
        [contact.live, false],
        [contact.merged, false],
        [999_999, false],
      ],
    );
    expect(live).to.include({
      name: 'Luc Zéphyrin',
      reason: 'Ce contact n’est pas supprimé.',
      reasonEn: 'This contact is not deleted.',
    });
    expect(merged.name).to.equal('Jean Quillet');
    expect(merged.reason).to.include(
      `fusionné dans le contact n° ${contact.live}`,
    );
    expect(merged.reasonEn).to.include(
      `merged into contact no. ${contact.live}`,
    );
    expect(missing).to.include({ name: null });
    expect(missing.reasonEn).to.match(/not found/);

    // Back in the base: the card for an editor, the search, the audit trail.
    expect(
      (await api.get('editor', `/api/contacts/${contact.marie}`)).status,
    ).to.equal(200);
    const found = await api.get('editor', '/api/search?q=quillet&type=contact');
    expect(idsOf(found.body)).to.deep.equal([contact.anne]);
    const audit = await api.get('admin', `/api/contacts/${contact.anne}/audit`);
    const events = audit.body.items as { action: string; actorLabel: string }[];
    expect(events[0]).to.include({
      action: 'restore',
      actorLabel: 'Alice Admin',
    });
    const left = await api.get('admin', '/api/contacts/deleted');
    expect(idsOf(left.body)).to.deep.equal([contact.merged, contact.paul]);
  });

  it('restores companies at once, and names one already back', async () => {
    const response = await api.post('admin', '/api/companies/restorations', {
      ids: [company.gazette, company.gazette, company.echo],
    });
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    expect(response.body.restored).to.equal(2);
    const again = await api.post('admin', '/api/companies/restorations', {
      ids: [company.echo],
    });
    expect(again.body.results).to.deep.equal([
      {
        id: company.echo,
        name: 'L’Écho des Zéphyrs',
        restored: false,
        reason: 'Cette société n’est pas supprimée.',
        reasonEn: 'This company is not deleted.',
      },
    ]);
    const audit = await db().models.AuditEvent.count({
      where: {
        entityType: 'company',
        action: 'restore',
        entityId: [String(company.echo), String(company.gazette)],
      },
    });
    expect(audit).to.equal(2);
    expect(
      (await api.get('admin', '/api/companies/deleted')).body.total,
    ).to.equal(0);
  });

  it('names the fields a request gets wrong, in both languages', async () => {
    const empty = await api.post('admin', '/api/contacts/restorations', {
      ids: [],
    });
    expect(empty.status).to.equal(400);
    expect(JSON.stringify(empty.body)).to.include(
      'au moins un identifiant / at least one id',
    );
    const many = await api.post('admin', '/api/contacts/restorations', {
      ids: Array.from({ length: 101 }, (_, index) => index + 1),
    });
    expect(JSON.stringify(many.body)).to.include('100 records at most');
  });
});

describe('deleted records on SQL Server (generated T-SQL)', () => {
  it('finds a name in the folded keys, latest deletion first, a page by OFFSET', () => {
    const sql = tsqlSelect((models) => models.Contact, {
      where: {
        deletedAt: { [Op.ne]: null },
        ...nameFilter(['lastNameKey', 'firstNameKey'], 'Zéphyrin M'),
      },
      order: [
        ['deletedAt', 'DESC'],
        ['id', 'ASC'],
      ],
      limit: 25,
      offset: 50,
      paranoid: false,
    });

    expect(sql).to.include('[deleted_at] IS NOT NULL');
    expect(sql).to.include(
      "([Contact].[last_name_key] LIKE N'%zephyrin%' OR [Contact].[first_name_key] LIKE N'%zephyrin%')",
    );
    expect(sql).to.include("[last_name_key] LIKE N'%m%'");
    expect(sql).to.include(
      'ORDER BY [Contact].[deleted_at] DESC, [Contact].[id] ASC',
    );
    expect(sql).to.include('OFFSET 50 ROWS FETCH NEXT 25 ROWS ONLY');
  });
});
