import { expect } from 'chai';
import { Sequelize } from 'sequelize';
import { describeEachDatabase } from '../../test/databases.ts';
import {
  escaperOf,
  insertRows,
  insertStatements,
  insertTuples,
  JsonMembersAdded,
  MAX_ROWS_PER_INSERT,
  updateRows,
} from './bulk-insert.ts';

describe('escaperOf', () => {
  const values: unknown[] = [
    null,
    undefined,
    '',
    'Dupont',
    "L'Équipe",
    "O''Brien",
    'a\u0000b',
    'é œ « » — ’ 😀',
    '$1 :name ?',
    'back\\slash',
    0,
    -12.5,
    1e21,
    Number.NaN,
    true,
    false,
    new Date(Date.UTC(2026, 11, 4, 18, 9, 0, 123)),
    12n,
  ];

  for (const dialect of ['sqlite', 'postgres', 'mssql'] as const) {
    it(`writes every value as Sequelize does on ${dialect}`, () => {
      const sequelize = new Sequelize({ dialect, logging: false });
      const generator = sequelize.getQueryInterface().queryGenerator as {
        escape: (value: unknown) => string;
      };
      const escape = escaperOf(sequelize);

      // Sequelize gives booleans as the numbers 1 and 0: the same SQL text.
      for (const value of values) {
        expect(escape(value), String(value)).to.equal(
          String(generator.escape(value)),
        );
      }
    });
  }
});

describe('insertStatements', () => {
  it('puts at most 1,000 rows in one VALUES list, for SQL Server', () => {
    const sequelize = new Sequelize({ dialect: 'mssql', logging: false });
    const tuples = Array.from({ length: 2001 }, (_, i) => `(${i})`);
    const statements = [...insertStatements(sequelize, 't', ['n'], tuples)];

    expect(statements).to.have.length(3);
    expect(statements[0]).to.match(
      /^INSERT INTO \[t\] \(\[n\]\) VALUES \(0\),/,
    );
    expect(statements[0]?.split('),(')).to.have.length(MAX_ROWS_PER_INSERT);
    expect(statements[2]).to.equal('INSERT INTO [t] ([n]) VALUES (2000);');
  });
});

describeEachDatabase('bulk inserts', (db) => {
  const count = async (table: string) => {
    const [rows] = await db().sequelize.query(
      `SELECT COUNT(*) AS n FROM ${table}`,
    );

    return Number((rows[0] as { n: number | string }).n);
  };

  it('write rows of any size in statements the database accepts', async () => {
    const { sequelize } = db();
    const before = await count('search_tokens');
    const rows = Array.from({ length: 2500 }, (_, i) => ({
      entity_type: 'company',
      entity_id: 900_000 + i,
      field: 'org',
      token: i % 2 ? `l'équipe${i}` : `mot${i}`,
      phonetic: null,
      sound: i % 3 ? 'SON' : null,
    }));
    await sequelize.transaction((transaction) =>
      insertRows(
        sequelize,
        'search_tokens',
        Object.keys(rows[0] as object),
        rows,
        transaction,
      ),
    );

    expect(await count('search_tokens')).to.equal(before + 2500);
    const [found] = await sequelize.query(
      "SELECT token FROM search_tokens WHERE token = 'l''équipe7'",
    );
    expect(found).to.have.length(1);
  });

  for (const wrong of [0, 1500]) {
    it(`stop at the first refused statement and report it (row ${wrong})`, async () => {
      const { sequelize } = db();
      const before = await count('search_tokens');
      const tuples = Array.from({ length: 2500 }, (_, i) =>
        // A token is required: one row lacks it.
        i === wrong
          ? `('company',${800_000 + i},'org',NULL,NULL,NULL)`
          : `('company',${800_000 + i},'org','mot${i}',NULL,NULL)`,
      );
      const failure = await sequelize
        .transaction((transaction) =>
          insertTuples(
            sequelize,
            'search_tokens',
            ['entity_type', 'entity_id', 'field', 'token', 'phonetic', 'sound'],
            tuples,
            transaction,
          ),
        )
        .catch((error: unknown) => error);

      expect(failure).to.be.instanceOf(Error);
      expect(await count('search_tokens')).to.equal(before);
    });
  }

  it('update rows by id, each with its own values, the others untouched', async () => {
    const { sequelize } = db();
    const rows = Array.from({ length: 5 }, (_, i) => ({
      entity_type: 'company',
      entity_id: 700_000 + i,
      field: 'org',
      token: `avant${i}`,
      phonetic: 'AVAN',
      sound: null,
    }));
    await insertRows(
      sequelize,
      'search_tokens',
      Object.keys(rows[0] as object),
      rows,
      undefined,
    );
    const read = async () =>
      (
        await sequelize.query(
          'SELECT id, token, phonetic FROM search_tokens ' +
            'WHERE entity_id >= 700000 AND entity_id < 700005 ORDER BY entity_id',
        )
      )[0] as { id: number; token: string; phonetic: string | null }[];
    const [first, second, third] = await read();

    await sequelize.transaction((transaction) =>
      updateRows(
        sequelize,
        'search_tokens',
        [
          {
            id: Number(first?.id),
            values: { token: "l'après", phonetic: null },
          },
          { id: Number(third?.id), values: { token: 'apres2' } },
        ],
        transaction,
      ),
    );

    const after = await read();
    expect(after.map((row) => [row.token, row.phonetic])).to.deep.equal([
      ["l'après", null],
      ['avant1', 'AVAN'],
      ['apres2', 'AVAN'],
      ['avant3', 'AVAN'],
      ['avant4', 'AVAN'],
    ]);
    expect(Number(after[1]?.id)).to.equal(Number(second?.id));
  });
  it('add members to the JSON a column holds, in the database', async () => {
    const { sequelize } = db();
    await insertRows(
      sequelize,
      'search_tokens',
      ['entity_type', 'entity_id', 'field', 'token', 'phonetic', 'sound'],
      [700_100, 700_101].map((entityId) => ({
        entity_type: 'company',
        entity_id: entityId,
        field: 'org',
        token: '{"nom":"Éloïse d\'Aubigné"}',
        phonetic: null,
        sound: null,
      })),
      undefined,
    );
    const read = async () =>
      (
        await sequelize.query(
          'SELECT id, token FROM search_tokens ' +
            'WHERE entity_id IN (700100, 700101) ORDER BY entity_id',
        )
      )[0] as { id: number; token: string }[];
    const [first, second] = await read();

    await sequelize.transaction((transaction) =>
      updateRows(
        sequelize,
        'search_tokens',
        [
          {
            id: Number(first?.id),
            values: { token: new JsonMembersAdded('"paires":[{"l\'un":1}]') },
          },
        ],
        transaction,
      ),
    );

    const after = await read();
    expect(after.map((row) => JSON.parse(row.token))).to.deep.equal([
      { nom: "Éloïse d'Aubigné", paires: [{ "l'un": 1 }] },
      { nom: "Éloïse d'Aubigné" },
    ]);
    expect(after[1]?.token).to.equal(second?.token);
  });
});
