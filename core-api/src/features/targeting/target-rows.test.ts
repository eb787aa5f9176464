import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { ctxFor, signedInApp } from '../../test/harness.ts';
import { contactInput } from '../contacts/contacts.schemas.ts';
import { createContact } from '../contacts/contacts.service.ts';
import type { TargetQuery, TargetSort } from './query.schemas.ts';

type Harness = Awaited<ReturnType<typeof signedInApp>>;
type Row = {
  id: number;
  displayName: string;
  organisation: string | null;
  phone: string | null;
  postalCode: string | null;
  contactCount: number | null;
  updatedAt: string;
};

const everyone: TargetQuery = {
  entity: 'contact',
  where: { op: 'and', items: [] },
};
const text = (value: string, entity: 'contact' | 'company' = 'contact') =>
  ({
    entity,
    where: {
      op: 'and',
      items: [{ field: 'text', operator: 'contains', value }],
    },
  }) as TargetQuery;

// Surnames chosen to need French order (accents, particles, capitals).
const surnames = [
  'Durand',
  'Édouard',
  'da Silva',
  'Dupont',
  'Ézéchiel',
  'Dubois',
  'Lefèvre',
  'Lefebvre',
  'Martin',
  'Œuvrard',
  'Petit',
  'Zola',
  'Bernard',
  'Moreau',
  'Vidal',
  'Élie',
  'Roux',
  'Fabre',
  'Dupont-Aignan',
  'Girard',
  'André',
  'Mercier',
  'Blanc',
];

describeEachDatabase('table rows of a target', (db) => {
  let h: Harness;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const rows = (body: object) =>
    h.request.post('/api/targeting/rows').set(as(h.tokens.editor)).send(body);

  /** Every row of a query, read by following the cursors `limit` at a time. */
  async function readAll(
    query: TargetQuery,
    sort: TargetSort | undefined,
    limit: number,
  ): Promise<Row[]> {
    const all: Row[] = [];
    let after: string | undefined;
    for (let guard = 0; guard < 100; guard++) {
      const response = await rows({ query, sort, after, limit });
      expect(response.status, JSON.stringify(response.body)).to.equal(200);
      all.push(...(response.body.items as Row[]));
      after = response.body.next ?? undefined;
      if (!after) return all;
    }
    throw new Error('cursors never ended');
  }

  before(async function () {
    this.timeout(60_000);
    h = await signedInApp(db());
    const ctx = ctxFor(db());
    for (const [index, lastName] of surnames.entries()) {
      await createContact(
        ctx,
        contactInput.parse({
          firstName: index % 2 ? 'Anne' : 'Luc',
          lastName,
          contactType: index % 3 ? 'press' : 'institutional',
          emails: index % 4 ? [{ address: `c${index}@presse.test` }] : [],
          phones: [{ kind: 'mobile', number: `06 12 34 56 ${10 + index}` }],
          affiliations: [
            {
              companyName: index % 2 ? 'La Dépêche du Midi' : 'Sud Ouest',
              function: 'Journaliste',
            },
          ],
          addresses: [
            {
              postalCode: `3100${index % 10}`,
              city: 'Toulouse',
              country: 'FR',
            },
          ],
        }),
      );
    }
  });

  it('reads a whole base by cursors, in French order, with the count', async () => {
    const first = await rows({ query: everyone, limit: 5 });
    expect(first.status, JSON.stringify(first.body)).to.equal(200);
    expect(first.body.count).to.deep.equal({
      matched: surnames.length,
      excluded: 0,
      included: surnames.length,
    });
    expect(first.body.next).to.be.a('string');

    const all = await readAll(everyone, undefined, 5);
    expect(all).to.have.length(surnames.length);
    expect(new Set(all.map((row) => row.id)).size).to.equal(surnames.length);
    const names = all.map((row) => row.displayName.replace(/^\S+ /, ''));
    expect(names.slice(0, 8)).to.deep.equal([
      'André',
      'Bernard',
      'Blanc',
      'da Silva',
      'Dubois',
      'Dupont',
      'Dupont-Aignan',
      'Durand',
    ]);
    expect(names.indexOf('Édouard')).to.be.below(names.indexOf('Élie'));
    expect(names.indexOf('Œuvrard')).to.be.above(names.indexOf('Moreau'));
    expect(all[0]).to.include({
      organisation: 'Sud Ouest',
      phone: '06 12 34 56 30',
      postalCode: '31000',
      contactCount: null,
    });
    expect(Date.parse(all[0]!.updatedAt)).to.be.above(0);
  });

  it('gives by offset the rows the cursors give, whatever the order', async () => {
    const sorts: TargetSort[] = [
      { by: 'name', direction: 'desc' },
      { by: 'company' },
      { by: 'city', direction: 'desc' },
      { by: 'updated' },
    ];
    for (const sort of sorts) {
      const all = await readAll(everyone, sort, 4);
      expect(all, sort.by).to.have.length(surnames.length);
      const jump = await rows({ query: everyone, sort, offset: 9, limit: 6 });
      expect(jump.status).to.equal(200);
      expect(
        jump.body.items.map((row: Row) => row.id),
        `${sort.by} ${sort.direction ?? ''}`,
      ).to.deep.equal(all.slice(9, 15).map((row) => row.id));
      // The cursor of a jump carries on where it stopped.
      const after = await rows({
        query: everyone,
        sort,
        after: jump.body.next,
        limit: 3,
      });
      expect(after.body.items.map((row: Row) => row.id)).to.deep.equal(
        all.slice(15, 18).map((row) => row.id),
      );
    }
  });

  it('gives the ids of a run of rows, in the same order', async () => {
    const sort: TargetSort = { by: 'name' };
    const all = await readAll(everyone, sort, 50);
    const response = await h.request
      .post('/api/targeting/ids')
      .set(as(h.tokens.editor))
      .send({ query: everyone, sort, offset: 3, limit: 7 });
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    expect(response.body.ids).to.deep.equal(
      all.slice(3, 10).map((row) => row.id),
    );
  });

  it('filters on free text as search reads it: word beginnings, accents aside', async () => {
    const lefevre = await readAll(text('lefe'), undefined, 10);
    expect(lefevre.map((row) => row.displayName)).to.deep.equal([
      'Anne Lefebvre',
      'Luc Lefèvre',
    ]);
    const both = await readAll(text('EDOUARD dépê'), undefined, 10);
    expect(both.map((row) => row.displayName)).to.deep.equal(['Anne Édouard']);
    expect(await readAll(text('edouard sud'), undefined, 10)).to.deep.equal([]);
    const phone = await readAll(text('06 12 34 56 19'), undefined, 10);
    expect(phone.map((row) => row.displayName)).to.deep.equal(['Anne Œuvrard']);
    const negated = await rows({
      query: {
        entity: 'contact',
        where: {
          op: 'and',
          items: [
            { field: 'text', operator: 'contains', value: 'depeche' },
            { field: 'contactType', operator: 'in', value: ['press'] },
          ],
        },
      },
      limit: 50,
    });
    expect(negated.body.count.included).to.be.above(0);
    for (const row of negated.body.items as Row[]) {
      expect(row.organisation).to.equal('La Dépêche du Midi');
    }
  });

  it('lists companies with the number of their live contacts', async () => {
    const response = await rows({ query: text('sud', 'company'), limit: 10 });
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    expect(response.body.items).to.have.length(1);
    expect(response.body.items[0]).to.include({
      displayName: 'Sud Ouest',
      contactCount: Math.ceil(surnames.length / 2),
    });
  });

  it('takes a selection of ids as a criterion, past the usual list size', async () => {
    const all = await readAll(everyone, undefined, 50);
    const chosen = [...all.map((row) => row.id), ...fillerIds(6000)];
    const response = await rows({
      query: {
        entity: 'contact',
        where: {
          op: 'and',
          items: [{ field: 'id', operator: 'in', value: chosen }],
        },
      },
      limit: 50,
    });
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    expect(response.body.count.included).to.equal(surnames.length);
  });

  it('refuses a cursor of another order, or a forged one, naming `after`', async () => {
    const first = await rows({ query: everyone, limit: 5 });
    for (const after of [first.body.next, 'bm90IGEgY3Vyc29y']) {
      const response = await rows({
        query: everyone,
        sort: { by: 'updated' },
        after,
        limit: 5,
      });
      expect(response.status).to.equal(400);
      expect(response.body.error.fields[0].path).to.equal('after');
      expect(response.body.error.fields[0].message).to.match(
        /curseur .* \/ unreadable cursor/,
      );
    }
  });

  it('refuses more than 200 rows a request, and more than 100,000 ids', async () => {
    const tooMany = await rows({ query: everyone, limit: 201 });
    expect(tooMany.status).to.equal(400);
    expect(tooMany.body.error.fields[0].path).to.equal('limit');
    const ids = await h.request
      .post('/api/targeting/ids')
      .set(as(h.tokens.editor))
      .send({ query: everyone, limit: 100_001 });
    expect(ids.status).to.equal(400);
  });
});

/** Ids no contact has (far above the base's), to make a selection large. */
function fillerIds(count: number): number[] {
  return Array.from({ length: count }, (_, index) => 1_000_000 + index);
}
