import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { describeEachDatabase } from '../../test/databases.ts';
import { ctxFor } from '../../test/harness.ts';
import type { Ctx } from '../../platform/context.ts';
import {
  contactInput,
  type ContactInput,
} from '../contacts/contacts.schemas.ts';
import { createContact } from '../contacts/contacts.service.ts';
import type { QueryItem, TargetQuery } from './query.schemas.ts';
import { countSql } from './query-sql.ts';
import { compileTarget, targetCompanyIds, targetContactIds } from './target.ts';

const crit = (field: string, operator: string, value?: unknown) =>
  ({ field, operator, value }) as QueryItem;

/**
 * Text criteria ignore accents and capitals, as the search box and the
 * contacts filter do: `lefevre`, `LEFÈVRE` and `Lefevre` find the same
 * people, whether the field has a stored folded key (names, cities, company
 * names) or not (title, origin, notes).
 */
describeEachDatabase(
  'targeting text criteria, accents and capitals ignored',
  (db) => {
    let ctx: Ctx;
    const ids: Record<string, number> = {};

    const add = async (key: string, input: ContactInput) => {
      const dto = await createContact(ctx, contactInput.parse(input));
      ids[key] = dto.id;
    };

    before(async function () {
      this.timeout(60_000);
      ctx = ctxFor(db());
      await add('plain', {
        firstName: 'Marc',
        lastName: 'Lefevre',
        contactType: 'press',
        title: 'Rédacteur en chef',
        affiliations: [{ companyName: 'Le Progrès' }],
        addresses: [{ city: 'Évreux', postalCode: '27000', country: 'FR' }],
      });
      await add('accent', {
        firstName: 'Éloïse',
        lastName: 'Lefèvre',
        contactType: 'press',
        origin: 'Salon Œnologie',
        notes: 'Rencontrée à CANNES, très réactive',
        addresses: [{ city: 'evreux', postalCode: '27000', country: 'FR' }],
      });
      await add('capitals', {
        firstName: 'ÉLODIE',
        lastName: 'LEFÈVRE-DUPRÉ',
        contactType: 'press',
        title: 'REDACTRICE',
      });
      await add('other', {
        firstName: 'Paul',
        lastName: 'Lafavre',
        contactType: 'press',
        title: 'Rodacteur',
        notes: 'reactive',
      });
    });

    const found = async (item: QueryItem): Promise<string[]> => {
      const query: TargetQuery = {
        entity: 'contact',
        where: { op: 'and', items: [item] },
      };
      const all: number[] = [];
      for await (const batch of targetContactIds(ctx, {
        kind: 'query',
        query,
      })) {
        all.push(...batch);
      }
      const byId = Object.fromEntries(
        Object.entries(ids).map(([key, id]) => [id, key]),
      );

      return all.map((id) => byId[id]!).sort();
    };

    it('finds a surname however its accents and capitals are typed', async () => {
      for (const typed of ['lefevre', 'LEFÈVRE', 'Lefevre', 'lefèvre']) {
        expect(
          await found(crit('lastName', 'contains', typed)),
          typed,
        ).to.deep.equal(['accent', 'capitals', 'plain']);
        expect(
          await found(crit('lastName', 'startsWith', typed)),
          typed,
        ).to.deep.equal(['accent', 'capitals', 'plain']);
        expect(await found(crit('lastName', 'eq', typed)), typed).to.deep.equal(
          ['accent', 'plain'],
        );
        expect(
          await found(crit('lastName', 'neq', typed)),
          typed,
        ).to.deep.equal(['capitals', 'other']);
      }
      expect(
        await found(crit('lastName', 'in', ['LEFÈVRE-DUPRÉ', 'lafavre'])),
      ).to.deep.equal(['capitals', 'other']);
      expect(await found(crit('firstName', 'startsWith', 'elo'))).to.deep.equal(
        ['accent', 'capitals'],
      );
      expect(await found(crit('firstName', 'eq', 'ELOISE'))).to.deep.equal([
        'accent',
      ]);
    });

    it('finds surnames through the name-key index', async function () {
      const { sequelize } = db();
      const compile = (operator: string) =>
        compileTarget(ctx, {
          entity: 'contact',
          where: { op: 'and', items: [crit('lastName', operator, 'LEFÈVRE')] },
        });
      // A beginning is a range of keys, which the B-tree serves.
      const prefix = await compile('startsWith');
      expect(countSql(prefix)).to.include(
        "c.last_name_key >= 'lefevre' AND c.last_name_key < 'lefevrf'",
      );
      await prefix.release();
      if (sequelize.getDialect() !== 'sqlite') this.skip();
      const equal = await compile('eq');
      const plan = (await sequelize.query(
        `EXPLAIN QUERY PLAN ${countSql(equal)}`,
        { type: QueryTypes.SELECT },
      )) as { detail: string }[];
      expect(plan.map((step) => step.detail).join('\n')).to.match(
        /USING (COVERING )?INDEX contacts_name_keys \(last_name_key=/,
      );
      await equal.release();
    });

    it('ignores accents and capitals on fields without a stored key', async () => {
      expect(await found(crit('title', 'contains', 'redact'))).to.deep.equal([
        'capitals',
        'plain',
      ]);
      expect(await found(crit('title', 'startsWith', 'RÉDAC'))).to.deep.equal([
        'capitals',
        'plain',
      ]);
      expect(await found(crit('title', 'eq', 'rédactrice'))).to.deep.equal([
        'capitals',
      ]);
      expect(
        await found(crit('origin', 'contains', 'oenologie')),
      ).to.deep.equal(['accent']);
      expect(await found(crit('notes', 'contains', 'reactive'))).to.deep.equal([
        'accent',
        'other',
      ]);
      expect(await found(crit('notes', 'contains', 'à cannes'))).to.deep.equal([
        'accent',
      ]);
    });

    it('matches cities and company names whatever their accents', async () => {
      expect(await found(crit('city', 'startsWith', 'EVR'))).to.deep.equal([
        'accent',
        'plain',
      ]);
      expect(await found(crit('city', 'contains', 'vreu'))).to.deep.equal([
        'accent',
        'plain',
      ]);
      const companies: number[] = [];
      for await (const batch of targetCompanyIds(ctx, {
        kind: 'query',
        query: {
          entity: 'company',
          where: { op: 'and', items: [crit('name', 'contains', 'progres')] },
        },
      })) {
        companies.push(...batch);
      }
      expect(companies).to.have.length(1);
    });
  },
);
