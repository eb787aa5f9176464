import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { describeEachDatabase } from '../../test/databases.ts';
import { ctxFor } from '../../test/harness.ts';
import type { Ctx } from '../../platform/context.ts';
import { inputProblems } from '../../platform/http/validate.ts';
import {
  contactInput,
  type ContactInput,
} from '../contacts/contacts.schemas.ts';
import { createContact } from '../contacts/contacts.service.ts';
import { createTerm } from '../taxonomy/taxonomy.service.ts';
import {
  targetQuery,
  type QueryItem,
  type TargetQuery,
} from './query.schemas.ts';
import { pageSql } from './query-sql.ts';
import {
  compileTarget,
  countTarget,
  targetCompanyIds,
  targetContactIds,
  targetPage,
  type TargetRef,
} from './target.ts';

const and = (...items: QueryItem[]): TargetQuery['where'] => ({
  op: 'and',
  items,
});
const crit = (field: string, operator: string, value?: unknown) =>
  ({ field, operator, value }) as QueryItem;

describeEachDatabase('targeting engine', (db) => {
  let ctx: Ctx;
  const ids: Record<string, number> = {};
  const terms: Record<string, number> = {};
  let listId = 0;

  const add = async (key: string, input: ContactInput) => {
    const dto = await createContact(ctx, contactInput.parse(input));
    ids[key] = dto.id;
  };
  const address = (postalCode: string, city: string, country = 'FR') => ({
    addresses: [{ postalCode, city, country, street: '1 rue Haute' }],
  });

  before(async function () {
    this.timeout(60_000);
    ctx = ctxFor(db());
    const term = async (
      key: string,
      label: string,
      kind = 'domain',
      parent?: string,
    ) => {
      const dto = await createTerm(ctx, {
        kind: kind as 'domain',
        label,
        parentId: parent ? terms[parent] : null,
        position: 0,
      });
      terms[key] = dto.id;
    };
    await term('culture', 'Culture');
    await term('music', 'Musique', 'domain', 'culture');
    await term('cinema', 'Cinéma', 'domain', 'culture');
    await term('sport', 'Sport');
    await term('agri', 'Agriculture', 'sector');
    await term('wine', 'Viticulture', 'sector');

    await add('dupont', {
      firstName: 'Marie',
      lastName: 'Dupont',
      contactType: 'press',
      preferredChannel: 'email',
      emails: [{ address: 'marie.dupont@ladepeche.fr' }],
      affiliations: [
        { companyName: 'La Dépêche du Midi', function: 'Rédactrice en chef' },
      ],
      termIds: [terms.music!],
      ...address('31000', 'Toulouse'),
    });
    await add('martin', {
      firstName: 'Paul',
      lastName: 'Martin',
      contactType: 'press',
      affiliations: [{ companyName: 'Le Tarn Libre', function: 'Journaliste' }],
      notes: 'Ancien rédacteur sportif',
      termIds: [terms.cinema!, terms.agri!],
      ...address('81000', 'Albi'),
    });
    await add('durand', {
      firstName: 'Luc',
      lastName: 'Durand',
      contactType: 'public_relations',
      emails: [{ address: 'luc@durand.fr' }],
      optOut: { email: true, sms: false, post: false, phone: false },
      termIds: [terms.culture!, terms.wine!],
      ...address('82000', 'Montauban'),
    });
    await add('bernard', {
      firstName: 'Anne',
      lastName: 'Bernard',
      contactType: 'press',
      termIds: [terms.sport!, terms.agri!],
      ...address('20000', 'Ajaccio'),
    });
    await add('petit', {
      firstName: 'Jean',
      lastName: 'Petit',
      contactType: 'press',
      doNotContact: true,
      emails: [{ address: 'jean@petit.fr' }],
      termIds: [terms.culture!],
      ...address('20200', 'Bastia'),
    });
    await add('leroy', {
      firstName: 'Sophie',
      lastName: 'Leroy',
      contactType: 'institutional',
      termIds: [terms.culture!],
      ...address('97400', 'Saint-Denis'),
    });
    await add('moreau', {
      firstName: 'Julie',
      lastName: 'Moreau',
      contactType: 'press',
      preferredChannel: 'email',
      emails: [{ address: 'julie.moreau@lemonde.fr' }],
      affiliations: [
        { companyName: 'Le Monde', function: 'RÉDACTEUR adjoint' },
      ],
      termIds: [terms.culture!],
      ...address('75001', 'Paris'),
    });
    await add('belge', {
      firstName: 'Luc',
      lastName: 'Peeters',
      contactType: 'press',
      termIds: [terms.culture!],
      ...address('3100', 'Tienen', 'BE'),
    });
    // No surname: the keyset must page over NULLs as the dialect sorts them.
    await add('anonyme', {
      contactType: 'internal',
      emails: [{ address: 'accueil@exemple.fr' }],
    });
    await add('zoe', { firstName: 'Zoé', contactType: 'internal' });
    await add('deleted', {
      lastName: 'Supprimé',
      contactType: 'press',
      termIds: [terms.culture!],
      ...address('31000', 'Toulouse'),
    });
    await add('deactivated', {
      lastName: 'Désactivé',
      contactType: 'press',
      termIds: [terms.culture!],
      ...address('31000', 'Toulouse'),
    });
    const { sequelize } = db();
    const yes = sequelize.escape(new Date() as unknown as string);
    await sequelize.query(
      `UPDATE contacts SET deleted_at = ${yes} WHERE id = ${ids.deleted}`,
    );
    await sequelize.query(
      `UPDATE contacts SET deactivated_at = ${yes} WHERE id = ${ids.deactivated}`,
    );
    const old = new Date(Date.now() - 2 * 365 * 86_400_000);
    await sequelize.query(
      `UPDATE contacts SET updated_at = ${sequelize.escape(old as unknown as string)} ` +
        `WHERE id IN (${ids.martin}, ${ids.moreau})`,
    );

    const now = sequelize.escape(new Date() as unknown as string);
    const [no, on] = [false, true].map((flag) =>
      sequelize.escape(flag as unknown as string),
    );
    await sequelize.query(
      'INSERT INTO users (email, display_name, role, must_change_password, ' +
        `totp_enabled, locale, active, created_at, updated_at) VALUES ` +
        `('owner@example.org', 'Owner', 'editor', ${no}, ${no}, 'fr', ` +
        `${on}, ${now}, ${now})`,
    );
    const [owner] = await sequelize.query<{ id: number }>(
      "SELECT id FROM users WHERE email = 'owner@example.org'",
      { type: QueryTypes.SELECT },
    );
    await sequelize.query(
      'INSERT INTO lists (name, entity, owner_id, version, created_at, updated_at) ' +
        `VALUES ('Invités', 'contact', ${owner!.id}, 1, ${now}, ${now})`,
    );
    const [list] = await sequelize.query<{ id: number }>(
      "SELECT id FROM lists WHERE name = 'Invités'",
      { type: QueryTypes.SELECT },
    );
    listId = Number(list!.id);
    for (const key of ['dupont', 'bernard']) {
      await sequelize.query(
        'INSERT INTO list_contacts (list_id, contact_id, added_at) ' +
          `VALUES (${listId}, ${ids[key]}, ${now})`,
      );
    }
  });

  const namesOf = async (query: TargetQuery, channel?: 'email') => {
    const found: number[] = [];
    for await (const batch of targetContactIds(
      ctx,
      { kind: 'query', query },
      { channel, batchSize: 3 },
    )) {
      found.push(...batch);
    }
    const byId = Object.fromEntries(
      Object.entries(ids).map(([key, id]) => [id, key]),
    );

    return found.map((id) => byId[id]).sort();
  };
  const contacts = (where: TargetQuery['where']): TargetQuery => ({
    entity: 'contact',
    where,
  });

  it('never matches deleted or deactivated contacts', async () => {
    const all = await namesOf(contacts(and()));
    expect(all).to.have.members([
      'anonyme',
      'zoe',
      'bernard',
      'belge',
      'dupont',
      'durand',
      'leroy',
      'martin',
      'moreau',
      'petit',
    ]);
  });

  it('combines nested AND / OR groups', async () => {
    const query = contacts(
      and(crit('contactType', 'in', ['press']), {
        op: 'or',
        items: [
          crit('department', 'in', ['31']),
          { op: 'and', items: [crit('city', 'eq', 'albi')] },
        ],
      }),
    );
    expect(await namesOf(query)).to.deep.equal(['dupont', 'martin']);
  });

  it('finds cities whatever their accents and capitals', async () => {
    const query = contacts(
      and(crit('city', 'in', ['TOULOUSE', 'saint denis', 'Tiénen'])),
    );
    expect(await namesOf(query)).to.deep.equal(['belge', 'dupont', 'leroy']);
  });

  it('negates groups and criteria with NOT', async () => {
    const query = contacts(
      and(crit('contactType', 'in', ['press']), {
        op: 'or',
        not: true,
        items: [
          crit('region', 'in', ['94']),
          { ...crit('country', 'in', ['FR']), not: true },
        ],
      }),
    );
    expect(await namesOf(query)).to.deep.equal(['dupont', 'martin', 'moreau']);
  });

  it('includes sub-domains in a domain, and matches all or none of terms', async () => {
    expect(
      await namesOf(contacts(and(crit('terms', 'anyOf', [terms.music])))),
    ).to.deep.equal(['dupont']);
    expect(
      await namesOf(contacts(and(crit('terms', 'anyOf', [terms.culture])))),
    ).to.deep.equal([
      'belge',
      'dupont',
      'durand',
      'leroy',
      'martin',
      'moreau',
      'petit',
    ]);
    expect(
      await namesOf(
        contacts(and(crit('terms', 'allOf', [terms.culture, terms.agri]))),
      ),
    ).to.deep.equal(['martin']);
    expect(
      await namesOf(contacts(and(crit('terms', 'noneOf', [terms.culture])))),
    ).to.deep.equal(['anonyme', 'bernard', 'zoe']);
  });

  it('derives departments and regions from postal codes (Corsica, overseas)', async () => {
    const dep = (codes: string[]) =>
      namesOf(contacts(and(crit('department', 'in', codes))));
    const reg = (codes: string[]) =>
      namesOf(contacts(and(crit('region', 'in', codes))));
    expect(await dep(['31', '81', '82'])).to.deep.equal([
      'dupont',
      'durand',
      'martin',
    ]);
    expect(await dep(['2A'])).to.deep.equal(['bernard']);
    expect(await dep(['2B'])).to.deep.equal(['petit']);
    expect(await dep(['974'])).to.deep.equal(['leroy']);
    expect(await reg(['94'])).to.deep.equal(['bernard', 'petit']);
    expect(await reg(['76'])).to.deep.equal(['dupont', 'durand', 'martin']);
    expect(await reg(['04', '11'])).to.deep.equal(['leroy', 'moreau']);
    expect(
      await namesOf(
        contacts(and(crit('department', 'notIn', ['31', '2A', '2B']))),
      ),
    ).to.deep.equal([
      'anonyme',
      'belge',
      'durand',
      'leroy',
      'martin',
      'moreau',
      'zoe',
    ]);
  });

  it('reads list membership', async () => {
    expect(
      await namesOf(contacts(and(crit('list', 'in', [listId])))),
    ).to.deep.equal(['bernard', 'dupont']);
    expect(
      await namesOf(
        contacts(
          and(
            crit('list', 'notIn', [listId]),
            crit('department', 'in', ['31', '81']),
          ),
        ),
      ),
    ).to.deep.equal(['martin']);
    const count = await countTarget(ctx, { kind: 'list', listId });
    expect(count).to.deep.equal({ matched: 2, excluded: 0, included: 2 });
  });

  it('leaves out opted-out and do-not-contact people for a channel, and counts them', async () => {
    const culture = contacts(and(crit('terms', 'anyOf', [terms.culture])));
    const ref: TargetRef = { kind: 'query', query: culture };
    expect(await countTarget(ctx, ref)).to.deep.equal({
      matched: 7,
      excluded: 0,
      included: 7,
    });
    expect(await countTarget(ctx, ref, { channel: 'email' })).to.deep.equal({
      matched: 7,
      excluded: 2,
      included: 5,
    });
    expect(await countTarget(ctx, ref, { channel: 'post' })).to.deep.equal({
      matched: 7,
      excluded: 1,
      included: 6,
    });
    expect(
      await countTarget(ctx, ref, { channel: 'email', includeOptedOut: true }),
    ).to.deep.equal({ matched: 7, excluded: 0, included: 7 });
    const kept = await namesOf(culture, 'email');
    expect(kept).not.to.include.members(['durand']);
    expect(kept).not.to.include('petit');
    expect(kept).to.have.length(5);
  });

  it('finds a misspelt surname by its sound', async () => {
    expect(
      await namesOf(contacts(and(crit('lastName', 'soundsLike', 'Dupond')))),
    ).to.deep.equal(['dupont']);
    expect(
      await namesOf(
        contacts(
          and(
            crit('lastName', 'soundsLike', 'Moro'),
            crit('region', 'in', ['11']),
          ),
        ),
      ),
    ).to.deep.equal(['moreau']);
  });

  it('matches a function ignoring accents and case, not words found elsewhere', async () => {
    expect(
      await namesOf(contacts(and(crit('function', 'contains', 'rédact')))),
    ).to.deep.equal(['dupont', 'moreau']);
    expect(
      await namesOf(
        contacts(
          and(
            crit('company', 'startsWith', 'LE mo'),
            crit('function', 'contains', 'REDACT'),
          ),
        ),
      ),
    ).to.deep.equal(['moreau']);
    expect(
      await namesOf(contacts(and(crit('company', 'startsWith', 'la dép')))),
    ).to.deep.equal(['dupont']);
  });

  it('filters on channels, presence and dates', async () => {
    expect(
      await namesOf(
        contacts(
          and(
            crit('hasEmail', 'is', true),
            crit('preferredChannel', 'in', ['email']),
            crit('updatedAt', 'lastMonths', 12),
          ),
        ),
      ),
    ).to.deep.equal(['dupont']);
    expect(
      await namesOf(contacts(and(crit('updatedAt', 'before', '2026-01-01')))),
    ).to.deep.equal(['martin', 'moreau']);
    expect(
      await namesOf(
        contacts(
          and(crit('hasEmail', 'is', false), crit('region', 'in', ['94'])),
        ),
      ),
    ).to.deep.equal(['bernard']);
  });

  it('pages by offset and by keyset in the same stable order', async () => {
    const query = contacts(and());
    const sort = { by: 'name' as const };
    const pages: number[] = [];
    for (let page = 1; page <= 4; page++) {
      const result = await targetPage(ctx, query, { page, pageSize: 3, sort });
      expect(result.count.matched).to.equal(10);
      pages.push(...result.ids);
    }
    expect(pages).to.have.length(10);
    expect(new Set(pages).size).to.equal(10);
    const batches: number[] = [];
    for await (const batch of targetContactIds(
      ctx,
      { kind: 'query', query },
      { sort, batchSize: 3 },
    )) {
      expect(batch.length).to.be.at.most(3);
      batches.push(...batch);
    }
    expect(batches).to.deep.equal(pages);
    const named = pages.filter((id) => id !== ids.anonyme && id !== ids.zoe);
    expect(named[0]).to.equal(ids.bernard);
    expect(named[named.length - 1]).to.equal(ids.petit);

    for (const by of ['company', 'city', 'updated'] as const) {
      const keyset: number[] = [];
      for await (const batch of targetContactIds(
        ctx,
        { kind: 'query', query },
        { sort: { by }, batchSize: 2 },
      )) {
        keyset.push(...batch);
      }
      const offset = (
        await targetPage(ctx, query, { page: 1, pageSize: 50, sort: { by } })
      ).ids;
      expect(keyset, by).to.deep.equal(offset);
    }
  });

  it('counts the same whether the page sorts by an index or counts on the way', async () => {
    const query = contacts(
      and(crit('contactType', 'in', ['press', 'public_relations'])),
    );
    const ref: TargetRef = { kind: 'query', query };
    const expected = await countTarget(ctx, ref, { channel: 'email' });
    expect(expected.excluded).to.equal(2);
    for (const by of ['city', 'company', 'name'] as const) {
      for (const page of [1, 50]) {
        const result = await targetPage(ctx, query, {
          channel: 'email',
          page,
          pageSize: 2,
          sort: { by },
        });
        expect(result.count, by).to.deep.equal(expected);
        expect(result.ids.length, by).to.equal(page === 1 ? 2 : 0);
      }
    }
  });

  it('selects the same contacts whether child rows are read as lists or probes', async () => {
    const queries: TargetQuery['where'][] = [
      and(
        crit('terms', 'anyOf', [terms.culture]),
        crit('hasEmail', 'is', false),
      ),
      and(crit('list', 'notIn', [listId]), crit('department', 'notIn', ['75'])),
      and({
        op: 'or',
        not: true,
        items: [
          crit('function', 'contains', 'rédact'),
          crit('city', 'in', ['Albi', 'Bastia']),
          crit('company', 'notEmpty'),
        ],
      }),
      and(
        crit('lastName', 'soundsLike', 'Dupond'),
        crit('hasAddress', 'is', true),
      ),
    ];
    for (const where of queries) {
      const compiled = await compileTarget(ctx, contacts(where), {
        channel: 'email',
      });
      const read = async (probe: boolean) =>
        (
          await db().sequelize.query<{ id: number }>(
            pageSql(compiled, undefined, 100, 0, probe),
            { type: QueryTypes.SELECT },
          )
        ).map((row) => Number(row.id));
      const lists = await read(false);
      expect(lists.length, JSON.stringify(where)).to.be.greaterThan(0);
      expect(await read(true), JSON.stringify(where)).to.deep.equal(lists);
    }
  });

  it('targets explicit ids and companies', async () => {
    const count = await countTarget(ctx, {
      kind: 'contacts',
      contactIds: [ids.dupont!, ids.deleted!, ids.petit!],
    });
    expect(count.matched).to.equal(2);
    const none = await countTarget(ctx, { kind: 'contacts', contactIds: [] });
    expect(none.matched).to.equal(0);
    const companies: number[] = [];
    for await (const batch of targetCompanyIds(ctx, {
      kind: 'query',
      query: {
        entity: 'company',
        where: and(crit('name', 'startsWith', 'le')),
      },
    })) {
      companies.push(...batch);
    }
    expect(companies).to.have.length(2);
  });
});

describe('target query model', () => {
  const problems = (input: unknown) => {
    const checked = inputProblems(targetQuery, input);
    return 'problems' in checked ? checked.problems : [];
  };

  it('accepts a nested query and defaults to contacts', () => {
    const parsed = targetQuery.parse({
      where: and(crit('department', 'in', ['2A']), {
        op: 'or',
        not: true,
        items: [crit('hasEmail', 'is', true)],
      }),
    });
    expect(parsed.entity).to.equal('contact');
  });

  it('refuses bad criteria and names each one by its path', () => {
    const found = problems({
      where: {
        op: 'and',
        items: [
          crit('department', 'in', ['31']),
          {
            op: 'or',
            items: [
              crit('department', 'in', ['20']),
              crit('shoeSize', 'eq', '42'),
              crit('lastName', 'between', ['2026-01-01', '2026-02-01']),
              crit('updatedAt', 'lastMonths', -1),
              crit('terms', 'anyOf', []),
            ],
          },
          { op: 'xor', items: [] },
        ],
      },
    });
    const paths = found.map((problem) => problem.path);
    expect(paths).to.deep.equal([
      'where.items.1.items.0.value',
      'where.items.1.items.1.field',
      'where.items.1.items.2.operator',
      'where.items.1.items.3.value',
      'where.items.1.items.4.value',
      'where.items.2.op',
    ]);
    expect(found[1]!.fr).to.include('critère inconnu');
    expect(found[1]!.en).to.include('unknown contact criterion: shoeSize');
  });

  it('refuses groups nested too deep', () => {
    let where: TargetQuery['where'] = and(crit('hasEmail', 'is', true));
    for (let depth = 0; depth < 15; depth++) where = and(where);
    expect(problems({ where })).to.have.length(1);
  });
});
