import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { describeEachDatabase } from '../../test/databases.ts';
import { actorOf, ctxFor, signedInApp } from '../../test/harness.ts';
import type { Ctx } from '../../platform/context.ts';
import { backfillSortKeys } from '../../platform/db/migrations/20261208090000-french-sort-keys.ts';
import * as missingNameKeys from '../../platform/db/migrations/20261208120000-missing-name-keys.ts';
import { sortKey } from '../../platform/text/fold.ts';
import {
  createCompany,
  listCompanies,
  updateCompany,
} from '../companies/companies.service.ts';
import {
  companyInput,
  companyListQuery,
} from '../companies/companies.schemas.ts';
import {
  contactInput,
  contactListQuery,
  type ContactInput,
} from '../contacts/contacts.schemas.ts';
import {
  createContact,
  listContacts,
  updateContact,
} from '../contacts/contacts.service.ts';
import { inputOf } from '../contacts/contacts.presenter.ts';
import { contactSortKeys } from '../../platform/text/name-keys.ts';
import { mergePair, undoMerge } from '../duplicates/merge.service.ts';
import { undoImport } from '../imports/import-undo.ts';
import { importFile } from '../imports/imports.service.ts';
import { listMembers } from '../lists/list-members.ts';
import { createList } from '../lists/lists.service.ts';
import { pageSql } from './query-sql.ts';
import type { QueryItem, TargetQuery, TargetSort } from './query.schemas.ts';
import {
  compileTarget,
  targetCompanyIds,
  targetContactIds,
  targetPage,
} from './target.ts';

/** Surnames and first names in the order a French reader expects. */
const namesInOrder: [string, string][] = [
  ["D'Arcy", 'Jeanne'],
  ['Da Costa', 'Rui'],
  ['da Silva', 'Ana'],
  ['Dabadie', 'Jean-Loup'],
  ['de Gaulle', 'Anne'],
  ['Debré', 'Michel'],
  ['Delon', 'Alain'],
  ['DUPONT', 'Alain'],
  ['Dupont', 'Éric'],
  ['Dupont-Aignan', 'Nicolas'],
  ['Dupontel', 'Albert'],
  ['Eckert', 'Paul'],
  ['Écoffier', 'Marc'],
  ['Edel', 'Rose'],
  ['Œhmichen', 'Zoé'],
  ['Oeste', 'Ivo'],
  ['Ofer', 'Lise'],
];

/** Cities in French order; Saint-Étienne is a company's (no address of its own). */
const citiesInOrder = [
  'Évry',
  'Eybens',
  "L'Haÿ-les-Roses",
  'Le Havre',
  'SAINT-DENIS',
  'Saint-Étienne',
  'Vénissieux',
  'Villeurbanne',
  'Vitry-sur-Seine',
];

const crit = (field: string, operator: string, value?: unknown) =>
  ({ field, operator, value }) as QueryItem;
const contactsOf = (contactType: string): TargetQuery => ({
  entity: 'contact',
  where: { op: 'and', items: [crit('contactType', 'in', [contactType])] },
});

describeEachDatabase('French sort order', (db) => {
  let ctx: Ctx;
  const named: number[] = [];
  const located: number[] = [];
  const companies: Record<string, number> = {};

  const add = async (input: ContactInput) =>
    (await createContact(ctx, contactInput.parse(input))).id;
  const company = async (name: string, city: string) => {
    companies[name] = (
      await createCompany(ctx, companyInput.parse({ name, city }))
    ).id;
  };

  /** Every stored key is what `sortKey` makes of the value beside it. */
  const expectKeysTrue = async () => {
    const read = <T extends object>(sql: string) =>
      db().sequelize.query<T>(sql, { type: QueryTypes.SELECT });
    const contacts = await read<Record<string, string | null>>(
      'SELECT id, last_name, first_name, last_name_key, first_name_key FROM contacts',
    );
    for (const row of contacts) {
      const keys = contactSortKeys({
        lastName: row.last_name,
        firstName: row.first_name,
      });
      expect(row.last_name_key, `contact ${row.id}`).to.equal(keys.lastNameKey);
      expect(row.first_name_key, `contact ${row.id}`).to.equal(
        keys.firstNameKey,
      );
    }
    for (const table of ['contact_addresses', 'companies']) {
      const rows = await read<Record<string, string | null>>(
        `SELECT id, city, city_key FROM ${table}`,
      );
      expect(rows.length, table).to.be.greaterThan(0);
      for (const row of rows)
        expect(row.city_key, `${table} ${row.id}`).to.equal(sortKey(row.city));
    }
  };

  const pages = async (query: TargetQuery, sort: TargetSort) => {
    const ids: number[] = [];
    for (let page = 1; ; page++) {
      const result = await targetPage(ctx, query, { page, pageSize: 4, sort });
      if (result.ids.length === 0) return ids;
      ids.push(...result.ids);
    }
  };
  const batches = async (query: TargetQuery, sort: TargetSort) => {
    const ids: number[] = [];
    for await (const batch of targetContactIds(
      ctx,
      { kind: 'query', query },
      { sort, batchSize: 3 },
    )) {
      ids.push(...batch);
    }
    return ids;
  };

  before(async function () {
    this.timeout(60_000);
    ctx = ctxFor(db());
    for (const [lastName, firstName] of [...namesInOrder].reverse()) {
      named.unshift(await add({ lastName, firstName, contactType: 'press' }));
    }
    await company('Le Progrès', 'Saint-Étienne');
    await company('Ouest-France', 'Rennes');
    await company("L'Yonne républicaine", 'Auxerre');
    await company('Éclair', 'Évreux');
    // Added in an order that is neither the French one nor the bytes' one.
    for (const city of [...citiesInOrder].sort().reverse()) {
      const id = await add({
        lastName: 'Martin',
        contactType: 'institutional',
        ...(city === 'Saint-Étienne'
          ? { affiliations: [{ companyId: companies['Le Progrès'] }] }
          : { addresses: [{ city, postalCode: '75001' }] }),
      });
      located[citiesInOrder.indexOf(city)] = id;
    }
  });

  it('sorts surnames ignoring accents, capitals and ligatures, word by word', async () => {
    const query = contactsOf('press');
    expect(await pages(query, { by: 'name' })).to.deep.equal(named);
    expect(await batches(query, { by: 'name' })).to.deep.equal(named);
    const reversed = [...named].reverse();
    const desc: TargetSort = { by: 'name', direction: 'desc' };
    expect(await pages(query, desc)).to.deep.equal(reversed);
    expect(await batches(query, desc)).to.deep.equal(reversed);
  });

  it('gives the same order whether a page walks the name index or not', async () => {
    const compiled = await compileTarget(ctx, contactsOf('press'));
    for (const probe of [false, true]) {
      const rows = await db().sequelize.query<{ id: number }>(
        pageSql(compiled, { by: 'name' }, 100, 0, probe),
        { type: QueryTypes.SELECT },
      );
      expect(rows.map((row) => Number(row.id))).to.deep.equal(named);
    }
    if (db().sequelize.getDialect() === 'postgres') {
      // Byte order whatever the database's collation.
      const columns = await db().sequelize.query<{ collation_name: string }>(
        'SELECT collation_name FROM information_schema.columns ' +
          "WHERE column_name IN ('last_name_key', 'first_name_key', 'city_key')",
        { type: QueryTypes.SELECT },
      );
      expect(columns.map((column) => column.collation_name)).to.deep.equal([
        'C',
        'C',
        'C',
        'C',
      ]);
    }
    if (db().sequelize.getDialect() !== 'sqlite') return;
    // With statistics, as an import leaves them (no statistics: any index).
    await db().sequelize.query('ANALYZE');
    const plan = await db().sequelize.query<{ detail: string }>(
      `EXPLAIN QUERY PLAN ${pageSql(compiled, { by: 'name' }, 10, 0, true)}`,
      { type: QueryTypes.SELECT },
    );
    const steps = plan.map((step) => step.detail).join(' | ');
    expect(steps).to.include('contacts_name_keys');
    expect(steps).not.to.include('TEMP B-TREE');
  });

  it('puts contacts without a surname or first name last, first when descending', async () => {
    // Added before the named ones they must follow, so the id cannot order them.
    const nameless = [
      await add({
        firstName: 'Zoé',
        emails: [{ address: 'zoe@exemple.fr' }],
        contactType: 'partner',
      }),
      await add({
        emails: [{ address: 'contact@exemple.fr' }],
        contactType: 'partner',
      }),
      // Nothing left once folded: sorts as no surname.
      await add({ lastName: '—', firstName: 'Yves', contactType: 'partner' }),
    ];
    const named = [
      await add({ lastName: 'Zyto', contactType: 'partner' }),
      await add({ lastName: 'Zyto', firstName: 'Ève', contactType: 'partner' }),
      await add({ lastName: 'Abel', firstName: 'Léa', contactType: 'partner' }),
    ];
    // Abel Léa, Zyto Ève, Zyto (no first name), then without a surname by
    // first name: Yves, Zoé, and last the one with no name at all.
    const ascending = [
      named[2],
      named[1],
      named[0],
      nameless[2],
      nameless[0],
      nameless[1],
    ];
    const query = contactsOf('partner');
    expect(await pages(query, { by: 'name' })).to.deep.equal(ascending);
    expect(await batches(query, { by: 'name' })).to.deep.equal(ascending);
    const desc: TargetSort = { by: 'name', direction: 'desc' };
    expect(await batches(query, desc)).to.deep.equal([...ascending].reverse());
    const compiled = await compileTarget(ctx, query);
    const walked = await db().sequelize.query<{ id: number }>(
      pageSql(compiled, { by: 'name' }, 100, 0, true),
      { type: QueryTypes.SELECT },
    );
    expect(walked.map((row) => Number(row.id))).to.deep.equal(ascending);

    const listed = async (sort: 'lastName' | 'firstName', order: string) =>
      (
        await listContacts(
          ctx,
          contactListQuery.parse({
            contactType: 'partner',
            sort,
            order,
            pageSize: 200,
          }),
        )
      ).items.map((item) => item.id);
    expect(await listed('lastName', 'asc')).to.deep.equal(ascending);
    expect(await listed('lastName', 'desc')).to.deep.equal(
      [...ascending].reverse(),
    );
    // By first name: Ève, Léa, Yves, Zoé, then those without one by surname.
    expect(await listed('firstName', 'asc')).to.deep.equal([
      named[1],
      named[2],
      nameless[2],
      nameless[0],
      named[0],
      nameless[1],
    ]);

    const h = await signedInApp(db());
    const owner = ctxFor(db(), actorOf(h.admin));
    const list = await createList(owner, {
      name: 'Sans nom',
      entity: 'contact',
      source: { kind: 'ids', ids: [...nameless, ...named] },
    });
    const members = await listMembers(owner, list.id, {
      page: 1,
      pageSize: 200,
    });
    expect(members.items.map((item) => item.id)).to.deep.equal(ascending);
  });

  it('sorts contacts by city, their own or their main company’s', async () => {
    const query = contactsOf('institutional');
    expect(await pages(query, { by: 'city' })).to.deep.equal(located);
    expect(await batches(query, { by: 'city' })).to.deep.equal(located);
    const desc: TargetSort = { by: 'city', direction: 'desc' };
    expect(await batches(query, desc)).to.deep.equal([...located].reverse());
  });

  it('sorts companies by name and by city', async () => {
    const ids = Object.values(companies);
    const query: TargetQuery = {
      entity: 'company',
      where: { op: 'and', items: [crit('id', 'in', ids)] },
    };
    const read = async (sort: TargetSort) => {
      const found: number[] = [];
      for await (const batch of targetCompanyIds(
        ctx,
        { kind: 'query', query },
        { sort, batchSize: 1 },
      )) {
        found.push(...batch);
      }
      return found;
    };
    expect(await read({ by: 'name' })).to.deep.equal(
      ['Éclair', "L'Yonne républicaine", 'Le Progrès', 'Ouest-France'].map(
        (name) => companies[name],
      ),
    );
    expect(await read({ by: 'city' })).to.deep.equal(
      ["L'Yonne républicaine", 'Éclair', 'Ouest-France', 'Le Progrès'].map(
        (name) => companies[name],
      ),
    );
    const page = await listCompanies(
      ctx,
      companyListQuery.parse({ sort: 'name', pageSize: 200 }),
    );
    const listed = page.items
      .map((item) => item.id)
      .filter((id) => ids.includes(id));
    expect(listed).to.deep.equal(await read({ by: 'name' }));
  });

  it('lists contacts and list members in the same order as targets', async () => {
    const page = await listContacts(
      ctx,
      contactListQuery.parse({ contactType: 'press', pageSize: 200 }),
    );
    expect(page.items.map((item) => item.id)).to.deep.equal(named);
    const h = await signedInApp(db());
    const owner = ctxFor(db(), actorOf(h.admin));
    const list = await createList(owner, {
      name: 'Ordre français',
      entity: 'contact',
      source: { kind: 'ids', ids: [...named].reverse() },
    });
    const members = await listMembers(owner, list.id, {
      page: 1,
      pageSize: 200,
    });
    expect(members.items.map((item) => item.id)).to.deep.equal(named);
  });

  it('keeps the keys true through edits, merges, imports and their undo', async function () {
    this.timeout(60_000);
    const h = await signedInApp(db());
    const admin = ctxFor(db(), actorOf(h.admin));
    await expectKeysTrue();

    // An edit renames and moves a contact.
    const edited = await createContact(
      admin,
      contactInput.parse({ lastName: 'Lefèvre', contactType: 'press' }),
    );
    const after = await updateContact(admin, edited.id, {
      ...contactInput.parse({
        ...inputOf(edited),
        lastName: 'Lœwy',
        firstName: 'Ève',
        addresses: [{ city: 'Besançon' }],
      }),
      version: edited.version,
    });
    expect(after.lastName).to.equal('Lœwy');
    await expectKeysTrue();

    // A merge that takes the other record's surname, then its undo.
    const [a, b] = [
      await add({
        lastName: 'Lefèvre',
        firstName: 'Hélène',
        contactType: 'vip',
      }),
      await add({
        lastName: 'LEFEBVRE',
        firstName: 'HELENE',
        contactType: 'vip',
      }),
    ];
    const pair = await db().models.DuplicatePair.create({
      contactAId: a,
      contactBId: b,
      score: 20,
      outcome: 'maybe',
      evidence: '[]',
      decidedById: null,
      decidedAt: null,
    });
    const merge = await mergePair(admin, pair.id, {
      survivor: 'a',
      fields: { lastName: 'b', firstName: 'b' },
    });
    const keysOf = async (id: number) =>
      (
        await db().models.Contact.findByPk(id, {
          paranoid: false,
          attributes: ['lastNameKey', 'firstNameKey'],
        })
      )?.get({ plain: true });
    expect(await keysOf(a)).to.deep.equal({
      lastNameKey: 'lefebvre',
      firstNameKey: 'helene',
    });
    await expectKeysTrue();
    await undoMerge(admin, merge.mergeId);
    expect(await keysOf(a)).to.deep.equal({
      lastNameKey: 'lefevre',
      firstNameKey: 'helene',
    });
    await expectKeysTrue();

    // A staged import's bulk insert, and its undo.
    const report = await importFile(admin, {
      fileName: 'tri.csv',
      data: Buffer.from(
        'Nom;Prénom;Ville;Adresse de messagerie\r\n' +
          'Œuvrard;Léa;Évreux;lea@oeuvrard.fr\r\n' +
          "d'Ornano;Élise;L'Isle-Adam;elise@ornano.fr\r\n",
      ),
    });
    expect(report.created).to.equal(2);
    const imported = await db().models.Contact.findAll({
      where: { importBatchId: report.batchId! },
      attributes: ['lastNameKey'],
      order: [['lastNameKey', 'ASC']],
    });
    expect(imported.map((row) => row.lastNameKey)).to.deep.equal([
      'd ornano',
      'oeuvrard',
    ]);
    await expectKeysTrue();
    await undoImport(admin, report.batchId!);
    await expectKeysTrue();

    // A company moved to another city.
    const moved = await updateCompany(admin, companies['Ouest-France']!, {
      ...companyInput.parse({ name: 'Ouest-France', city: 'Évron' }),
      version: 1,
    });
    expect(moved.city).to.equal('Évron');
    await expectKeysTrue();
  });

  it('fills the keys of rows written before them, batch by batch', async () => {
    const { sequelize } = db();
    await sequelize.query(
      'UPDATE contacts SET last_name_key = NULL, first_name_key = NULL',
    );
    await sequelize.query('UPDATE contact_addresses SET city_key = NULL');
    await sequelize.query('UPDATE companies SET city_key = NULL');
    await backfillSortKeys(sequelize.getQueryInterface(), 4);
    await expectKeysTrue();
    const sorted = await batches(contactsOf('press'), { by: 'name' });
    expect(sorted.filter((id) => named.includes(id))).to.deep.equal(named);
  });

  it('gives a missing name its key in the rows written with a NULL one', async () => {
    const { sequelize } = db();
    // As the writers left them before missing names had a key.
    await sequelize.query(
      'UPDATE contacts SET last_name_key = NULL WHERE last_name IS NULL',
    );
    await sequelize.query(
      'UPDATE contacts SET first_name_key = NULL WHERE first_name IS NULL',
    );
    const context = sequelize.getQueryInterface();
    await missingNameKeys.up({ context });
    await expectKeysTrue();
    await missingNameKeys.down({ context });
    const [left] = await sequelize.query(
      'SELECT COUNT(*) AS n FROM contacts WHERE last_name IS NULL ' +
        'AND last_name_key IS NULL',
    );
    expect(Number((left as { n: number }[])[0]!.n)).to.be.greaterThan(0);
    await missingNameKeys.up({ context });
    await expectKeysTrue();
  });
});
