import { Writable } from 'node:stream';
import { expect } from 'chai';
import { QueryTypes, Sequelize } from 'sequelize';
import { describeEachDatabase } from '../../test/databases.ts';
import { ctxFor } from '../../test/harness.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Db } from '../../platform/db/models.ts';
import { insertRows } from '../../platform/db/bulk-insert.ts';
import { sortKey } from '../../platform/text/fold.ts';
import { exportRequest } from '../exports/exports.schemas.ts';
import { prepareExport, runExport } from '../exports/exports.service.ts';
import { compileQuery, countSql, keysetSql, pageSql } from './query-sql.ts';
import type { TargetQuery } from './query.schemas.ts';
import { literalIdLimit, storeSelections } from './selections.ts';
import {
  countTarget,
  resolveTarget,
  targetContactIds,
  targetPage,
  type TargetRef,
} from './target.ts';

const surnames = ['Lefèvre', 'da Silva', 'Œhmichen', 'Durand', "N'Diaye"];
const firstNames = ['Élise', 'Marc', 'Zoé', 'Anne'];

/** 35,000 contacts straight into the table: the writers are not under test. */
async function fillBase(db: Db, count: number): Promise<void> {
  const at = new Date();
  const rows = Array.from({ length: count }, (_, index) => {
    const lastName = `${surnames[index % surnames.length]} ${index % 997}`;
    const firstName = firstNames[index % firstNames.length]!;

    return {
      last_name: lastName,
      first_name: firstName,
      last_name_key: sortKey(lastName),
      first_name_key: sortKey(firstName),
      contact_type: 'press',
      opt_out_email: index % 10 === 0,
      field_sources: '{}',
      created_at: at,
      updated_at: at,
      deleted_at: index % 1000 === 1 ? at : null,
    };
  });
  await insertRows(
    db.sequelize,
    'contacts',
    Object.keys(rows[0]!),
    rows,
    undefined,
  );
}

describeEachDatabase('large id selections', (db) => {
  let ctx: Ctx;
  /** 30,000 ids, not in id order, a few of them soft-deleted. */
  let chosen: number[] = [];
  /** The live chosen contacts in name order, as the database should give them. */
  let ordered: number[] = [];
  let optedOut = 0;

  const stored = async () => {
    const [row] = await db().sequelize.query<{ n: number | string }>(
      'SELECT COUNT(*) AS n FROM target_selections',
      { type: QueryTypes.SELECT },
    );
    return Number(row?.n);
  };

  before(async function () {
    this.timeout(120_000);
    ctx = ctxFor(db());
    await fillBase(db(), 35_000);
    const rows = await db().sequelize.query<{
      id: number;
      last_name: string;
      first_name: string;
      opt_out_email: boolean | number;
      deleted_at: unknown;
    }>(
      'SELECT id, last_name, first_name, opt_out_email, deleted_at ' +
        'FROM contacts ORDER BY id',
      { type: QueryTypes.SELECT },
    );
    const picked = rows.filter((_, index) => index % 7 !== 3).slice(0, 30_000);
    // Interleaved: neither id order nor name order.
    chosen = [
      ...picked.filter((_, index) => index % 2 === 1),
      ...picked.filter((_, index) => index % 2 === 0).reverse(),
    ].map((row) => Number(row.id));
    const live = picked.filter((row) => !row.deleted_at);
    optedOut = live.filter((row) => Boolean(row.opt_out_email)).length;
    const key = (row: (typeof live)[number]) =>
      [
        sortKey(row.last_name),
        sortKey(row.first_name),
        row.last_name,
        row.first_name,
      ] as string[];
    ordered = live
      .sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        for (let index = 0; index < x.length; index++) {
          if (x[index]! !== y[index]!) return x[index]! < y[index]! ? -1 : 1;
        }
        return Number(a.id) - Number(b.id);
      })
      .map((row) => Number(row.id));
  });

  const ref = (): TargetRef => ({ kind: 'contacts', contactIds: chosen });

  it('counts a selection of 30,000 contacts, with those left out for a channel', async () => {
    expect(chosen).to.have.length(30_000);
    const count = await countTarget(ctx, ref(), { channel: 'email' });
    expect(count).to.deep.equal({
      matched: ordered.length,
      excluded: optedOut,
      included: ordered.length - optedOut,
    });
    expect(ordered.length).to.be.below(30_000);
    expect(await stored(), 'released after use').to.equal(0);
  });

  it('pages it by offset and by keyset in French name order', async function () {
    this.timeout(60_000);
    const query = await resolveTarget(ctx, ref());
    const pageSize = 200;
    for (const page of [1, 77, Math.ceil(ordered.length / pageSize)]) {
      const result = await targetPage(ctx, query, { page, pageSize });
      expect(result.count.matched).to.equal(ordered.length);
      expect(result.ids, `page ${page}`).to.deep.equal(
        ordered.slice((page - 1) * pageSize, page * pageSize),
      );
    }
    const batches: number[] = [];
    for await (const batch of targetContactIds(ctx, ref(), {
      batchSize: 5000,
    })) {
      batches.push(...batch);
    }
    expect(batches).to.deep.equal(ordered);
    expect(await stored()).to.equal(0);
  });

  it('exports every chosen contact once, in order', async function () {
    this.timeout(60_000);
    // An export refuses deleted contacts by name: the live ones are chosen.
    const live = new Set(ordered);
    const target = {
      kind: 'contacts',
      contactIds: chosen.filter((id) => live.has(id)),
    };
    const plan = await prepareExport(
      ctx,
      exportRequest.parse({ target, format: 'word-csv' }),
    );
    expect(plan.summary.matched).to.equal(ordered.length);
    let text = '';
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        text += chunk.toString('utf8');
        done();
      },
    });
    expect(await runExport(ctx, plan, out)).to.equal(ordered.length);
    const names = text
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.replace(/"/g, '').split(';').slice(2, 4).join(' '));
    const rows = await db().sequelize.query<{
      id: number;
      last_name: string;
      first_name: string;
    }>('SELECT id, last_name, first_name FROM contacts', {
      type: QueryTypes.SELECT,
    });
    const nameOf = new Map(
      rows.map((row) => [Number(row.id), `${row.last_name} ${row.first_name}`]),
    );
    expect(names).to.deep.equal(ordered.map((id) => nameOf.get(id)));
    expect(await stored()).to.equal(0);
  });

  it('releases a selection whose reader stops early, and sweeps old ones', async () => {
    const { sequelize } = db();
    const old = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    await insertRows(
      sequelize,
      'target_selections',
      ['selection_id', 'entity_id', 'created_at'],
      [{ selection_id: 'left-by-a-crash', entity_id: 1, created_at: old }],
      undefined,
    );
    for await (const batch of targetContactIds(ctx, ref())) {
      expect(batch).to.have.length(1000);
      expect(await stored()).to.equal(30_000);
      break;
    }
    expect(await stored()).to.equal(0);
  });

  it('keeps short selections as literal lists', async () => {
    const short = chosen.slice(0, literalIdLimit);
    const query: TargetQuery = {
      entity: 'contact',
      where: {
        op: 'and',
        items: [{ field: 'id', operator: 'in', value: short }],
      },
    };
    const { selections, drop } = await storeSelections(ctx, query);
    expect(selections.has(short)).to.equal(false);
    await drop();
    expect(
      (await countTarget(ctx, { kind: 'contacts', contactIds: short })).matched,
    ).to.be.within(literalIdLimit - 5, literalIdLimit);
  });
});

describe('large id selections on SQL Server (generated T-SQL)', () => {
  const mssql = new Sequelize('mssql://relais:x@127.0.0.1:1/relais', {
    logging: false,
  });
  const ids = Array.from({ length: 2500 }, (_, index) => 2500 - index);
  const query: TargetQuery = {
    entity: 'contact',
    where: {
      op: 'and',
      items: [
        { field: 'id', operator: 'in', value: ids },
        { field: 'contactType', operator: 'in', value: ['press'] },
      ],
    },
  };

  it('writes the ids 1,000 rows a statement, without bound parameters', async () => {
    const statements: string[] = [];
    const recording = mssql as unknown as {
      query: (sql: string) => Promise<[unknown[], number]>;
    };
    recording.query = async (sql) => {
      statements.push(sql);
      return [[], 0];
    };
    const { selections, drop } = await storeSelections(
      { db: { sequelize: mssql } } as unknown as Ctx,
      query,
    );
    await drop();
    const selection = selections.get(ids)!;
    expect(selection).to.match(/^[0-9a-f-]{36}$/);
    expect(statements).to.have.length(5);
    expect(statements[0]).to.match(
      /^DELETE FROM target_selections WHERE created_at < '\d{4}-/,
    );
    const inserts = statements.slice(1, 4);
    for (const insert of inserts) {
      expect(
        insert.startsWith(
          'INSERT INTO [target_selections] ' +
            '([selection_id],[entity_id],[created_at]) VALUES ',
        ),
      ).to.equal(true);
      expect(insert).not.to.match(/\?|@\w|`|"|\bLIMIT\b/);
    }
    expect(inserts.map((sql) => sql.split('),(').length)).to.deep.equal([
      1000, 1000, 500,
    ]);
    expect(inserts[0]).to.include(`(N'${selection}',2500,'`);
    expect(statements[4]).to.equal(
      `DELETE FROM target_selections WHERE selection_id IN (N'${selection}')`,
    );
  });

  it('joins the stored ids through their primary key instead of listing them', () => {
    const selections = new WeakMap([
      [ids, '7f6c1c8e-0000-4000-8000-000000000001'],
    ]);
    const env = {
      termAndDescendants: (id: number) => [id],
      now: new Date(),
      selections,
    };
    const compiled = compileQuery(mssql, query, env, 'email');
    const table =
      'c.id IN (SELECT s.entity_id FROM target_selections s ' +
      "WHERE s.selection_id = N'7f6c1c8e-0000-4000-8000-000000000001')";
    for (const sql of [
      countSql(compiled),
      pageSql(compiled, { by: 'name' }, 50, 0),
      keysetSql(compiled, { by: 'name' }, 1000, null),
    ]) {
      expect(sql).to.include(table);
      expect(sql).not.to.include('2499');
    }
    const probes = pageSql(compiled, { by: 'name' }, 50, 0, true);
    expect(probes).to.match(/s\.selection_id = N'[^']+'/);
    expect(probes).to.match(/OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY$/);
  });
});
