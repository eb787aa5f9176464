import { expect } from 'chai';
import { QueryTypes, type Model, type ModelStatic } from 'sequelize';
import { describeEachDatabase } from '../../test/databases.ts';
import { createMigrator, migrate } from './migrator.ts';

describeEachDatabase('migrations', (db) => {
  const tables = async () =>
    (await db().sequelize.getQueryInterface().showAllTables())
      .map((table) =>
        typeof table === 'string'
          ? table
          : (table as { tableName: string }).tableName,
      )
      .filter((name) => name !== 'relais_migrations')
      .sort();

  it('give every model a table whose columns it can read and write', async () => {
    const models = Object.values(db().models) as ModelStatic<Model>[];
    for (const model of models) {
      const described = await db()
        .sequelize.getQueryInterface()
        .describeTable(model.getTableName() as string);
      const columns = Object.values(model.getAttributes()).map(
        (attribute) => attribute.field ?? '',
      );
      expect(Object.keys(described), model.name).to.include.members(columns);
      await model.findAll({ limit: 1, paranoid: false });
    }
  });

  it('are all applied, and applying again does nothing', async () => {
    const migrator = createMigrator(db().sequelize);
    expect(await migrator.pending()).to.deep.equal([]);
    expect(await migrate(db().sequelize)).to.deep.equal([]);
  });

  it('undo down to an empty base and apply again', async () => {
    const before = await tables();
    expect(before).to.include.members([
      'contacts',
      'companies',
      'search_tokens',
    ]);
    const migrator = createMigrator(db().sequelize);
    const executed = (await migrator.executed()).map((step) => step.name);

    await migrator.down({ to: 0 });
    expect(await tables()).to.deep.equal([]);

    expect(await migrate(db().sequelize)).to.deep.equal(executed);
    expect(await tables()).to.deep.equal(before);
  });

  it('index search tokens so that prefixes and sound keys use them', async () => {
    const { sequelize } = db();
    const dialect = sequelize.getDialect();
    const plan = (where: string) =>
      sequelize.transaction(async (transaction) => {
        // An empty table is cheaper to scan: PostgreSQL is told not to, so the
        // plan shows whether an index could serve.
        if (dialect === 'postgres') {
          await sequelize.query('SET LOCAL enable_seqscan = off', {
            transaction,
          });
        }
        const explain = dialect === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN';
        const rows = await sequelize.query<Record<string, string>>(
          `${explain} SELECT entity_id FROM search_tokens WHERE ${where}`,
          { type: QueryTypes.SELECT, transaction },
        );

        return rows.map((row) => Object.values(row).join(' ')).join(' / ');
      });
    const prefix =
      dialect === 'sqlite' ? "token GLOB 'dup*'" : "token LIKE 'dup%'";

    expect(await plan(prefix)).to.include('search_tokens_token');
    expect(await plan("phonetic = 'DUPON'")).to.include(
      'search_tokens_phonetic',
    );
    expect(await plan("sound = 'DUPON'")).to.include('search_tokens_sound');
  });
});
