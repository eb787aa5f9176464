import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { openDatabase } from '../../platform/db/database.ts';
import { migrate } from '../../platform/db/migrator.ts';
import { defineModels, type Db } from '../../platform/db/models.ts';
import { testDatabases, type TestDatabase } from '../../test/databases.ts';
import { signedInApp } from '../../test/harness.ts';

/**
 * A SQLite file, as `npm start` uses: unlike `:memory:`, each transaction
 * has its own connection.
 */
function sqliteFile(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'relais-concurrent-'));
  let db: Db | undefined;

  return {
    label: 'sqlite file',
    open: async () => {
      const sequelize = openDatabase(`sqlite:${join(dir, 'relais.sqlite')}`);
      await migrate(sequelize);
      db = { sequelize, models: defineModels(sequelize) };

      return db;
    },
    close: async () => {
      await db?.sequelize.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const servers = testDatabases()
  .map((make) => make())
  .filter((database) => database.label !== 'sqlite');

for (const database of [sqliteFile(), ...servers]) {
  describe(`concurrent writes [${database.label}]`, function () {
    this.timeout(60_000);
    let h: Awaited<ReturnType<typeof signedInApp>>;
    before(async () => {
      h = await signedInApp(await database.open());
    });
    after(() => database.close());

    const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

    for (const kind of ['contacts', 'companies'] as const) {
      it(`gives two simultaneous edits of one of the ${kind} a 200 and a 409`, async () => {
        const body =
          kind === 'contacts'
            ? { lastName: 'Simultané' }
            : { name: 'Simultanée' };
        const created = await h.request
          .post(`/api/${kind}`)
          .set(bearer(h.tokens.editor))
          .send(body);
        expect(created.status, JSON.stringify(created.body)).to.equal(201);
        let version = created.body.version as number;

        for (let round = 0; round < 3; round += 1) {
          const edit = (token: string, notes: string) =>
            h.request
              .put(`/api/${kind}/${created.body.id}`)
              .set(bearer(token))
              .send({ ...body, notes, version });
          const answers = await Promise.all([
            edit(h.tokens.editor, `éditeur ${round}`),
            edit(h.tokens.other, `autre ${round}`),
          ]);
          const statuses = answers.map((answer) => answer.status).sort();
          expect(
            statuses,
            JSON.stringify(answers.map((a) => a.body)),
          ).to.deep.equal([200, 409]);
          version += 1;
        }
      });
    }
  });
}
