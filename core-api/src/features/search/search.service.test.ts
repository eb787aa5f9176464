import { expect } from 'chai';
import { Sequelize } from 'sequelize';
import { systemActor } from '../../platform/context.ts';
import { defineModels } from '../../platform/db/models.ts';
import { describeEachDatabase } from '../../test/databases.ts';
import { ctxFor } from '../../test/harness.ts';
import { createContact } from '../contacts/contacts.service.ts';
import {
  contactInput,
  type ContactInput,
} from '../contacts/contacts.schemas.ts';
import { search, searchSql } from './search.service.ts';
import { parseQuery } from './search-text.ts';

describeEachDatabase('search', (db) => {
  const ids = {
    dupont: 0,
    dupuy: 0,
    eloise: 0,
    lefevre: 0,
    lefebvre: 0,
    dupond: 0,
    durand: 0,
    dupon: 0,
  };
  const add = async (key: keyof typeof ids, contact: ContactInput) => {
    ids[key] = (
      await createContact(ctxFor(db()), contactInput.parse(contact))
    ).id;
  };
  const find = async (
    q: string,
    type: 'contact' | 'company' | 'all' = 'contact',
  ) => (await search(ctxFor(db()), { q, type, limit: 20 })).items;
  const names = async (q: string) =>
    (await find(q)).map((hit) => hit.displayName);

  before(async () => {
    await add('dupont', {
      firstName: 'Jean',
      lastName: 'Dupont',
      affiliations: [
        { companyName: 'Le Monde', function: 'Rédacteur en chef' },
      ],
      phones: [{ number: '06 12 34 56 78', kind: 'mobile' }],
    });
    await add('dupuy', {
      firstName: 'Marie',
      lastName: 'Saint-Dupuy',
      addresses: [{ city: 'Toulouse', postalCode: '31000' }],
    });
    await add('eloise', {
      firstName: 'Éloïse',
      lastName: 'Martin',
      emails: [{ address: 'eloise.martin@lobs.fr' }],
    });
    await add('lefevre', { firstName: 'Luc', lastName: 'Lefèvre' });
    await add('lefebvre', { firstName: 'Lucie', lastName: 'Lefebvre' });
    await add('dupond', { firstName: 'Paul', lastName: 'Dupond' });
    await add('durand', { firstName: 'Jean', lastName: 'Durand' });
  });

  it('finds Dupont when Dupond is typed', async () => {
    const hits = await find('Dupond');
    expect(hits.map((h) => h.id)).to.include.members([ids.dupont, ids.dupond]);
    expect(hits[0]?.id, 'the exact word first').to.equal(ids.dupond);
    expect(hits.find((h) => h.id === ids.dupont)?.match).to.equal('phonetic');
  });

  it('finds Éloïse when eloise is typed, as an exact word', async () => {
    const hits = await find('eloise');
    expect(hits[0]?.id).to.equal(ids.eloise);
    expect(hits[0]?.match).to.equal('exact');
  });

  it('finds Dupont and Saint-Dupuy from the start of a word', async () => {
    const hits = await find('dup');
    expect(hits.map((h) => h.id)).to.include.members([
      ids.dupont,
      ids.dupuy,
      ids.dupond,
    ]);
    expect(hits.map((h) => h.id)).not.to.include(ids.durand);
    expect(hits.every((h) => h.match === 'prefix')).to.equal(true);
  });

  it('finds Lefèvre and Lefebvre when lefevre is typed, the exact spelling first', async () => {
    const hits = await find('lefevre');
    expect(hits.map((h) => h.id).slice(0, 2)).to.deep.equal([
      ids.lefevre,
      ids.lefebvre,
    ]);
    expect(hits[0]?.match).to.equal('exact');
    expect(hits[1]?.match).to.equal('phonetic');
  });

  it('finds O’Brien when obrien or o brien is typed', async () => {
    const obrien = (
      await createContact(
        ctxFor(db()),
        contactInput.parse({ firstName: 'Sean', lastName: 'O’Brien' }),
      )
    ).id;
    for (const typed of ['obrien', 'o brien', "O'Brien", 'obri']) {
      expect(
        (await find(typed)).map((hit) => hit.id),
        typed,
      ).to.include(obrien);
    }
  });

  it('ranks an exact word above a prefix above a sound-alike', async () => {
    await add('dupon', { lastName: 'Dupontel' });
    const hits = await find('dupont');
    const order = hits.map((h) => h.id);
    expect(order.indexOf(ids.dupont)).to.be.lessThan(order.indexOf(ids.dupon));
    expect(order.indexOf(ids.dupon)).to.be.lessThan(order.indexOf(ids.dupond));
  });

  it('requires every word typed and searches every field', async () => {
    expect(await names('jean monde')).to.deep.equal(['Jean Dupont']);
    expect(await names('redac chef')).to.deep.equal(['Jean Dupont']);
    expect(await names('toulouse')).to.deep.equal(['Marie Saint-Dupuy']);
    expect(await names('31000')).to.deep.equal(['Marie Saint-Dupuy']);
    expect(await names('lobs')).to.deep.equal(['Éloïse Martin']);
  });

  it('finds a phone number whatever its format', async () => {
    for (const typed of [
      '0612345678',
      '06 12 34',
      '+33 6 12 34 56 78',
      '33612',
    ]) {
      expect(await names(typed), typed).to.deep.equal(['Jean Dupont']);
    }
  });

  it('finds companies and describes each hit', async () => {
    const hits = await find('monde', 'all');
    const company = hits.find((h) => h.type === 'company');
    expect(company?.displayName).to.equal('Le Monde');
    const person = hits.find((h) => h.type === 'contact');
    expect(person?.subtitle).to.equal('Rédacteur en chef · Le Monde');
  });

  it('lists the outlet before its journalists, whatever joining words are typed', async () => {
    for (const typed of ['Le Monde', 'le monde', 'monde']) {
      const hits = await find(typed, 'all');
      expect(hits[0], typed).to.include({
        type: 'company',
        displayName: 'Le Monde',
      });
      expect(
        hits.map((h) => h.displayName),
        typed,
      ).to.include('Jean Dupont');
    }
  });

  it('matches a short number as a whole word, never as a phone beginning', async () => {
    await createContact(
      ctxFor(db()),
      contactInput.parse({
        lastName: 'Vidal',
        affiliations: [{ companyName: 'France 3 Occitanie' }],
      }),
    );
    expect(await names('france 3')).to.deep.equal(['Vidal']);
    expect(await names('Dupont 3')).to.deep.equal([]);
  });

  it('finds a name misspelt the way it sounds, silent endings included', async () => {
    await add('dupon', { firstName: 'Arnaud', lastName: 'Bonnet' });
    expect(await names('arnod bonned')).to.deep.equal(['Arnaud Bonnet']);
    const [hit] = await find('bonned');
    expect(hit?.match).to.equal('phonetic');
  });

  it('returns nothing for a query with no word', async () => {
    expect(await find('  ,;  ')).to.deep.equal([]);
  });

  it('leaves out contacts a feed deactivated unless asked for them', async () => {
    const gone = await createContact(
      ctxFor(db()),
      contactInput.parse({ firstName: 'Zéphyrin', lastName: 'Parti' }),
    );
    const kept = await createContact(
      ctxFor(db()),
      contactInput.parse({ firstName: 'Zéphyrine', lastName: 'Restée' }),
    );
    await db().models.Contact.update(
      { deactivatedAt: new Date() },
      { where: { id: gone.id } },
    );
    expect((await find('zephyrin')).map((hit) => hit.id)).to.deep.equal([
      kept.id,
    ]);
    const all = await search(ctxFor(db()), {
      q: 'zephyrin',
      type: 'contact',
      limit: 20,
      includeDeactivated: true,
    });
    expect(
      all.items.map((hit) => [hit.id, hit.deactivated ?? false]),
    ).to.have.deep.members([
      [gone.id, true],
      [kept.id, false],
    ]);
  });
});

describe('search SQL per dialect', () => {
  const ctxOn = (dialect: 'mssql' | 'postgres') => {
    const sequelize = new Sequelize({ dialect, logging: false } as never);
    return {
      ...ctxFor({ sequelize, models: defineModels(sequelize) }, systemActor),
    };
  };

  it('writes T-SQL with LIKE prefixes and OFFSET/FETCH for SQL Server', () => {
    const sql = searchSql(
      ctxOn('mssql'),
      parseQuery("d'Artagnan"),
      'contact',
      20,
    );
    expect(sql).to.include("token LIKE N'artagnan%'");
    expect(sql).to.include('OFFSET 0 ROWS FETCH NEXT 20 ROWS ONLY');
    expect(sql).not.to.include('LIMIT');
  });

  it('escapes quotes in what the user typed', () => {
    const sql = searchSql(
      ctxOn('postgres'),
      [
        {
          kind: 'word',
          token: "o'neil",
          phonetic: null,
          sound: null,
          prefix: true,
        },
      ],
      null,
      5,
    );
    expect(sql).to.include("'o''neil%'");
  });
});
