import { randomBytes } from 'node:crypto';
import { Sequelize } from 'sequelize';
import { connectionOptions } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrator.ts';
import { defineModels, type Db } from '../platform/db/models.ts';

export type TestDatabase = {
  label: string;
  open: () => Promise<Db>;
  close: () => Promise<void>;
};

/**
 * A server database of its own for one suite: created on the server named by
 * the URL, dropped afterwards, so suites never see each other's rows.
 */
function serverDatabase(label: string, url: string): TestDatabase {
  const name = `relais_test_${randomBytes(5).toString('hex')}`;
  const admin = new Sequelize(connectionOptions(url, 2));
  let sequelize: Sequelize | undefined;

  return {
    label,
    open: async () => {
      await admin.query(`CREATE DATABASE ${name}`);
      const target = new URL(url);
      target.pathname = `/${name}`;
      sequelize = new Sequelize(connectionOptions(target.toString(), 5));
      await migrate(sequelize);

      return { sequelize, models: defineModels(sequelize) };
    },
    close: async () => {
      await sequelize?.close();
      const force = admin.getDialect() === 'postgres' ? ' WITH (FORCE)' : '';
      await admin.query(`DROP DATABASE IF EXISTS ${name}${force}`);
      await admin.close();
    },
  };
}

/** The databases every database test runs on: SQLite always, servers when configured. */
export function testDatabases(): (() => TestDatabase)[] {
  const list: (() => TestDatabase)[] = [
    () => {
      let sequelize: Sequelize | undefined;
      return {
        label: 'sqlite',
        open: async () => {
          sequelize = new Sequelize(connectionOptions('sqlite::memory:'));
          await migrate(sequelize);
          return { sequelize, models: defineModels(sequelize) };
        },
        close: async () => {
          await sequelize?.close();
        },
      };
    },
  ];
  const postgres = process.env.TEST_DATABASE_URL;
  if (postgres) list.push(() => serverDatabase('postgres', postgres));
  const mssql = process.env.TEST_MSSQL_URL;
  if (mssql) list.push(() => serverDatabase('mssql', mssql));

  return list;
}

/**
 * Declares a suite once per database. The body receives a getter for the
 * suite's open database.
 */
export function describeEachDatabase(
  title: string,
  body: (db: () => Db) => void,
): void {
  for (const make of testDatabases()) {
    const database = make();
    describe(`${title} [${database.label}]`, function () {
      let db: Db | undefined;
      before(async function () {
        this.timeout(60_000);
        db = await database.open();
      });
      after(async () => {
        await database.close();
      });
      body(() => {
        if (!db) throw new Error('database not open yet');
        return db;
      });
    });
  }
}
