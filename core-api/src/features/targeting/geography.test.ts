import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { describeEachDatabase } from '../../test/databases.ts';
import { ctxFor } from '../../test/harness.ts';
import type { Ctx } from '../../platform/context.ts';
import { companyInput } from '../companies/companies.schemas.ts';
import { createCompany } from '../companies/companies.service.ts';
import {
  contactInput,
  type ContactInput,
} from '../contacts/contacts.schemas.ts';
import { createContact } from '../contacts/contacts.service.ts';
import type { QueryItem, TargetQuery } from './query.schemas.ts';
import { pageSql } from './query-sql.ts';
import { compileTarget, countTarget } from './target.ts';

const where = (...items: QueryItem[]): TargetQuery => ({
  entity: 'contact',
  where: { op: 'and', items },
});
const crit = (field: string, operator: string, value?: unknown) =>
  ({ field, operator, value }) as QueryItem;

describeEachDatabase('targeting by place through the main company', (db) => {
  let ctx: Ctx;
  const ids: Record<string, number> = {};

  before(async function () {
    this.timeout(60_000);
    ctx = ctxFor(db());
    const company = async (name: string, postalCode: string, city: string) =>
      (
        await createCompany(
          ctx,
          companyInput.parse({ name, postalCode, city, country: 'FR' }),
        )
      ).id;
    const albi = await company('Gazette albigeoise', '81000', 'Albi');
    const paris = await company('Quotidien parisien', '75002', 'Paris');
    const add = async (key: string, input: Partial<ContactInput>) => {
      const dto = await createContact(
        ctx,
        contactInput.parse({ contactType: 'press', lastName: key, ...input }),
      );
      ids[key] = dto.id;
    };
    // No address: the main company's counts.
    await add('sansadresse', {
      affiliations: [{ companyId: albi, isPrimary: true }],
    });
    // An address of one's own: the company's never counts.
    await add('propre', {
      affiliations: [{ companyId: albi, isPrimary: true }],
      addresses: [{ postalCode: '31000', city: 'Toulouse', country: 'FR' }],
    });
    // Only a past affiliation: no place at all.
    await add('ancien', {
      affiliations: [
        {
          companyId: albi,
          isPrimary: true,
          startDate: '2020-01-01',
          endDate: '2022-06-30',
        },
      ],
    });
    // Only the main company counts, not another current one.
    await add('secondaire', {
      affiliations: [
        { companyId: paris, isPrimary: true },
        { companyId: albi, isPrimary: false },
      ],
    });
  });

  const namesOf = async (query: TargetQuery) => {
    const compiled = await compileTarget(ctx, query);
    const read = async (probe: boolean) =>
      (
        await db().sequelize.query<{ id: number }>(
          pageSql(compiled, undefined, 100, 0, probe),
          { type: QueryTypes.SELECT },
        )
      ).map((row) => Number(row.id));
    const lists = await read(false);
    // Lists and probes select the same contacts.
    expect(await read(true), JSON.stringify(query)).to.deep.equal(lists);
    const count = await countTarget(ctx, { kind: 'query', query });
    expect(count.matched).to.equal(lists.length);
    const byId = Object.fromEntries(
      Object.entries(ids).map(([key, id]) => [id, key]),
    );

    return lists.map((id) => byId[id]).sort();
  };

  it('places a contact without an address at its main company', async () => {
    expect(
      await namesOf(where(crit('department', 'in', ['81']))),
    ).to.deep.equal(['sansadresse']);
    expect(await namesOf(where(crit('region', 'in', ['76'])))).to.deep.equal([
      'propre',
      'sansadresse',
    ]);
    expect(
      await namesOf(where(crit('postalCode', 'startsWith', '81'))),
    ).to.deep.equal(['sansadresse']);
    expect(await namesOf(where(crit('city', 'eq', 'albi')))).to.deep.equal([
      'sansadresse',
    ]);
    expect(await namesOf(where(crit('city', 'in', ['Paris'])))).to.deep.equal([
      'secondaire',
    ]);
    expect(
      await namesOf(where(crit('city', 'startsWith', 'Al'))),
    ).to.deep.equal(['sansadresse']);
  });

  it('applies the same rule to negated and empty criteria', async () => {
    expect(
      await namesOf(where(crit('department', 'notIn', ['81']))),
    ).to.deep.equal(['ancien', 'propre', 'secondaire']);
    expect(await namesOf(where(crit('city', 'empty')))).to.deep.equal([
      'ancien',
    ]);
    expect(await namesOf(where(crit('country', 'in', ['FR'])))).to.deep.equal([
      'propre',
      'sansadresse',
      'secondaire',
    ]);
  });
});
