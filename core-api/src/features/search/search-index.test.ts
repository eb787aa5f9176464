import { expect } from 'chai';
import { QueryTypes, type Transaction } from 'sequelize';
import { dialectOf } from '../../platform/db/database.ts';
import { describeEachDatabase } from '../../test/databases.ts';
import { loadWithSearchIndexesAside } from './search-index.ts';

describeEachDatabase('search indexes during a large load', (db) => {
  const indexes = async (transaction?: Transaction) => {
    const { sequelize } = db();
    if (dialectOf(sequelize) !== 'sqlite') return [];
    const rows = await sequelize.query<{ name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' " +
        "AND tbl_name = 'search_tokens' AND sql IS NOT NULL ORDER BY name",
      { type: QueryTypes.SELECT, transaction },
    );

    return rows.map((row) => `${row.name}: ${row.sql}`);
  };
  const insertWords = (count: number) =>
    Array.from(
      { length: count },
      (_, i) => `('contact',${600_000 + i},'name','mot${i}','MOT','MO')`,
    ).join(',');

  it('builds the word indexes again after the load, exactly as they were', async () => {
    const { sequelize } = db();
    const before = await indexes();
    let during: string[] = [];
    const result = await sequelize.transaction((transaction) =>
      loadWithSearchIndexesAside(sequelize, 20_000, transaction, async () => {
        await sequelize.query(
          'INSERT INTO search_tokens ' +
            '(entity_type, entity_id, field, token, phonetic, sound) ' +
            `VALUES ${insertWords(50)}`,
          { transaction },
        );
        during = (
          await sequelize.query<{ name: string }>(
            dialectOf(sequelize) === 'sqlite'
              ? "SELECT name FROM sqlite_master WHERE type = 'index' " +
                  "AND tbl_name = 'search_tokens' AND sql IS NOT NULL"
              : 'SELECT 1 AS name',
            { type: QueryTypes.SELECT, transaction },
          )
        ).map((row) => row.name);

        return 'chargé';
      }),
    );

    expect(result).to.equal('chargé');
    expect(await indexes()).to.deep.equal(before);
    if (dialectOf(sequelize) === 'sqlite') {
      // Only the index by record stayed, for the load's own deletes.
      expect(during).to.deep.equal(['search_tokens_entity']);
      const plan = await sequelize.query<{ detail: string }>(
        "EXPLAIN QUERY PLAN SELECT entity_id FROM search_tokens WHERE token = 'mot7'",
        { type: QueryTypes.SELECT },
      );
      expect(plan.map((step) => step.detail).join()).to.include(
        'search_tokens_token',
      );
    }
    const [found] = await sequelize.query(
      "SELECT entity_id FROM search_tokens WHERE token = 'mot7'",
    );
    expect(found).to.have.length(1);
  });

  it('brings the indexes back with everything else when the load fails', async () => {
    const { sequelize } = db();
    const before = await indexes();
    const failure = await sequelize
      .transaction((transaction) =>
        loadWithSearchIndexesAside(sequelize, 20_000, transaction, async () => {
          await sequelize.query(
            'INSERT INTO search_tokens ' +
              '(entity_type, entity_id, field, token, phonetic, sound) ' +
              `VALUES ${insertWords(10).replace(/mot/g, 'perdu')}`,
            { transaction },
          );
          throw new Error('panne au milieu du chargement');
        }),
      )
      .catch((error: unknown) => error);

    expect(failure).to.be.instanceOf(Error);
    expect(await indexes()).to.deep.equal(before);
    const [lost] = await sequelize.query(
      "SELECT entity_id FROM search_tokens WHERE token LIKE 'perdu%'",
    );
    expect(lost).to.have.length(0);
  });

  it('keeps the indexes up row by row for a small load', async () => {
    const { sequelize } = db();
    const before = await indexes();
    let during: string[] = [];
    await sequelize.transaction((transaction) =>
      loadWithSearchIndexesAside(sequelize, 100, transaction, async () => {
        during = await indexes(transaction);
      }),
    );

    expect(during).to.deep.equal(before);
  });
});
