import { expect } from 'chai';
import { Sequelize } from 'sequelize';
import { compileQuery, keysetSql } from './query-sql.ts';
import { targetQuery } from './query.schemas.ts';

/**
 * SQL Server is not reachable here: the tables' statements are compiled for
 * the mssql dialect without a connection and their text checked.
 */
const mssql = new Sequelize('mssql://relais:x@127.0.0.1:1/relais', {
  logging: false,
});
const env = { termAndDescendants: (id: number) => [id], now: new Date() };

describe('table rows on SQL Server (generated T-SQL)', () => {
  it('reads free text through the search words, Unicode literals escaped', () => {
    const where = (value: string) =>
      compileQuery(
        mssql,
        targetQuery.parse({
          entity: 'contact',
          where: {
            op: 'and',
            items: [{ field: 'text', operator: 'contains', value }],
          },
        }),
        env,
        undefined,
      ).where;
    const words = where("D'Ar Dupon");
    expect(words).to.include(
      "c.id IN (SELECT st.entity_id FROM search_tokens st WHERE st.entity_type = 'contact' " +
        "AND st.token = N'ar')",
    );
    expect(words).to.include(
      "(st.token >= N'dupon' AND st.token < N'dupoo' AND st.token LIKE N'dupon%' ESCAPE '!')",
    );
    expect(where('06 12 34')).to.include(
      "(st.token = N'061234' OR (st.field = 'phone' AND (st.token >= N'061234'",
    );
  });

  it('jumps ahead with OFFSET … FETCH after the sort keys', () => {
    const compiled = compileQuery(
      mssql,
      targetQuery.parse({
        entity: 'company',
        where: {
          op: 'and',
          items: [{ field: 'text', operator: 'contains', value: 'monde' }],
        },
      }),
      env,
      undefined,
    );
    const sql = keysetSql(compiled, { by: 'name' }, 100, null, false, 2500);
    expect(sql).to.include(
      "co.id IN (SELECT st.entity_id FROM search_tokens st WHERE st.entity_type = 'company'",
    );
    expect(sql).to.match(
      /ORDER BY t\.k0, t\.k1, t\.k2 OFFSET 2500 ROWS FETCH NEXT 100 ROWS ONLY$/,
    );
  });
});
