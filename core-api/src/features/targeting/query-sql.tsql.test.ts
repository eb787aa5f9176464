import { expect } from 'chai';
import { Sequelize } from 'sequelize';
import {
  compileQuery,
  countedPageSql,
  countSql,
  keysetSql,
  pageSql,
  parisMidnight,
  monthsBefore,
} from './query-sql.ts';
import { targetQuery, type TargetQuery } from './query.schemas.ts';

/**
 * SQL Server is not reachable here: the statements are compiled for the
 * mssql dialect without a connection and their text checked, as the
 * migrations' T-SQL is.
 */
const mssql = new Sequelize('mssql://relais:x@127.0.0.1:1/relais', {
  logging: false,
});

const complex: TargetQuery = targetQuery.parse({
  entity: 'contact',
  channel: 'email',
  where: {
    op: 'and',
    items: [
      { field: 'contactType', operator: 'in', value: ['press'] },
      { field: 'department', operator: 'in', value: ['31', '2A', '971'] },
      { field: 'terms', operator: 'anyOf', value: [7] },
      {
        op: 'or',
        not: true,
        items: [
          { field: 'list', operator: 'in', value: [3] },
          { field: 'function', operator: 'contains', value: "Rédact'" },
          { field: 'company', operator: 'startsWith', value: 'Le Mo' },
          { field: 'lastName', operator: 'soundsLike', value: 'Dupond' },
        ],
      },
      { field: 'hasEmail', operator: 'is', value: true },
      { field: 'city', operator: 'eq', value: "L'Isle-Jourdain" },
      { field: 'lastName', operator: 'eq', value: "D'Artagnan" },
      { field: 'updatedAt', operator: 'lastMonths', value: 12 },
      {
        field: 'createdAt',
        operator: 'between',
        value: ['2026-01-01', '2026-06-30'],
      },
    ],
  },
});

const env = {
  termAndDescendants: (id: number) => (id === 7 ? [7, 8, 9] : [id]),
  now: new Date('2026-12-04T12:00:00Z'),
};

describe('target queries on SQL Server (generated T-SQL)', () => {
  const compiled = compileQuery(mssql, complex, env, 'email');
  const statements = [
    countSql(compiled),
    pageSql(compiled, { by: 'company' }, 50, 100),
    keysetSql(compiled, { by: 'name' }, 1000, [
      'dupont',
      'marie',
      'Dupont',
      'Marie',
      42,
    ]),
  ];

  it('uses SQL Server syntax only', () => {
    for (const sql of statements) {
      expect(sql, sql).not.to.match(
        /`|"|\bLIMIT\b|\bILIKE\b|\bGLOB\b|\|\||\bTRUE\b|\bFALSE\b|RECURSIVE/i,
      );
    }
    expect(statements[1]).to.match(/OFFSET 100 ROWS FETCH NEXT 50 ROWS ONLY$/);
    expect(statements[2]).to.match(/OFFSET 0 ROWS FETCH NEXT 1000 ROWS ONLY$/);
  });

  it('writes Unicode literals, bit comparisons and a bracketed reserved column', () => {
    const [count] = statements as [string];
    expect(count).to.include("c.contact_type IN (N'press')");
    expect(count).to.include('cc.[function]');
    expect(count).to.include('c.do_not_contact = 1 OR c.opt_out_email = 1');
    expect(count).to.include(
      'c.deleted_at IS NULL AND c.deactivated_at IS NULL',
    );
  });

  it('compiles departments to postal-code ranges (Corsica, overseas)', () => {
    const [count] = statements as [string];
    expect(count).to.include(
      "(ca.postal_code >= N'200' AND ca.postal_code < N'201' " +
        "AND ca.postal_code LIKE N'200%' ESCAPE '!')",
    );
    expect(count).to.include(
      "ca.postal_code >= N'31' AND ca.postal_code < N'32'",
    );
    expect(count).to.include(
      "ca.postal_code >= N'971' AND ca.postal_code < N'972'",
    );
    expect(count).to.include("(ca.country IS NULL OR ca.country = 'FR')");
  });

  it('resolves sub-domains beforehand and escapes what the user typed', () => {
    const [count] = statements as [string];
    expect(count).to.include('ct.term_id IN (7, 8, 9)');
    expect(count).to.include("LIKE N'%r_d__t%' ESCAPE '!'");
    // Names on their stored folded keys, accents and capitals ignored.
    expect(count).to.include("c.last_name_key = N'd artagnan'");
    expect(count).to.include("st.token IN (N'jourdain')");
    expect(count).to.include(
      "(LOWER(ca.city) LIKE N'l%_sl_%j__rd___' ESCAPE '!')",
    );
    expect(count).to.include(
      "co.name_key >= N'le mo' AND co.name_key < N'le mp'",
    );
    expect(count).to.match(/st\.phonetic = N'\w+'/);
    // The city list is where the count starts; the other criteria are
    // checked on its contacts.
    expect(count).to.include(
      'c.id IN (SELECT st.entity_id FROM search_tokens st',
    );
    expect(count).to.include(
      'NOT (EXISTS (SELECT 1 FROM list_contacts lc JOIN lists l',
    );
  });

  it('folds fields without a stored key with Unicode REPLACE calls', () => {
    const sql = countSql(
      compileQuery(
        mssql,
        targetQuery.parse({
          where: {
            op: 'and',
            items: [{ field: 'title', operator: 'contains', value: 'Rédac' }],
          },
        }),
        env,
        undefined,
      ),
    );
    expect(sql).to.include("(LOWER(c.title) LIKE N'%r_d__%' ESCAPE '!' AND ");
    expect(sql).to.include(
      "REPLACE(REPLACE(LOWER(c.title), N'à', N'a'), N'á', N'a')",
    );
    expect(sql).to.include("N'Œ', N'oe')");
    expect(sql).to.include(") LIKE N'%redac%' ESCAPE '!')");
  });

  it('fixes relative and calendar dates as instants (Paris days)', () => {
    const [count] = statements as [string];
    expect(count).to.include(
      "c.updated_at >= '2025-12-04 12:00:00.000 +00:00'",
    );
    expect(count).to.include(
      "c.created_at >= '2025-12-31 23:00:00.000 +00:00'",
    );
    expect(count).to.include("c.created_at < '2026-06-30 22:00:00.000 +00:00'");
  });

  it('writes probes as correlated EXISTS for pages that walk an index', () => {
    const probes = pageSql(compiled, { by: 'name' }, 50, 0, true);
    expect(probes).to.include(
      'EXISTS (SELECT 1 FROM contact_terms ct WHERE ct.term_id IN (7, 8, 9) ' +
        'AND ct.contact_id = c.id)',
    );
    expect(probes).to.include(
      'EXISTS (SELECT 1 FROM contact_emails ce WHERE ce.contact_id = c.id)',
    );
    // Search tokens stay lists (a probe would pick the token index); the
    // unary plus that keeps them from leading is SQLite's alone.
    expect(probes).not.to.match(/c\.id (NOT )?IN \(SELECT (ct|lc|ca|cc)\./);
    expect(probes).to.include('c.id IN (SELECT st.entity_id');
    expect(probes).not.to.include('+c.id');
    expect(probes).not.to.match(/\+c\.(updated|created)_at/);
    // The order of the `contacts_name_keys` index, column for column.
    expect(probes).to.include(
      'ORDER BY c.last_name_key, c.first_name_key, c.last_name, ' +
        'c.first_name, c.id OFFSET 0 ROWS',
    );
  });

  it('places contacts without an address at their main company', () => {
    const [count] = statements as [string];
    expect(count).to.include(
      'UNION ALL SELECT cc.contact_id FROM contact_companies cc JOIN companies co',
    );
    expect(count).to.include('cc.is_primary = 1');
    expect(count).to.include(
      'NOT EXISTS (SELECT 1 FROM contact_addresses ca WHERE ca.contact_id = cc.contact_id)',
    );
    expect(count).to.include("(co.country IS NULL OR co.country = 'FR')");
  });

  it('counts on the way through a page sorted by city', () => {
    const sql = countedPageSql(compiled, { by: 'city' }, 50, 100);
    expect(sql).to.include('COUNT(*) OVER () AS matched');
    expect(sql).to.include(
      'SUM(CASE WHEN (c.do_not_contact = 1 OR c.opt_out_email = 1) THEN 1 ELSE 0 END) OVER ()',
    );
    expect(sql).to.match(/OFFSET 100 ROWS FETCH NEXT 50 ROWS ONLY$/);
    expect(sql, sql).not.to.match(/`|"|\bLIMIT\b|\bTRUE\b/);
  });

  it('spells out the keyset comparison without row values', () => {
    expect(statements[2]).to.include(
      'SELECT c.last_name_key AS k0, c.first_name_key AS k1, ' +
        'c.last_name AS k2, c.first_name AS k3, c.id AS k4',
    );
    expect(statements[2]).to.include(
      "WHERE (t.k0 > N'dupont' OR (t.k0 = N'dupont' AND (t.k1 > N'marie' OR " +
        "(t.k1 = N'marie' AND (t.k2 > N'Dupont' OR (t.k2 = N'Dupont' AND " +
        "(t.k3 > N'Marie' OR (t.k3 = N'Marie' AND t.k4 > 42))))))))",
    );
  });

  it('sorts cities and companies on their folded keys', () => {
    expect(countedPageSql(compiled, { by: 'city' }, 50, 0)).to.include(
      'COALESCE((SELECT MIN(ca.city_key) FROM contact_addresses ca ' +
        'WHERE ca.contact_id = c.id), (SELECT MIN(co.city_key) FROM',
    );
    const companies = compileQuery(
      mssql,
      targetQuery.parse({ entity: 'company', where: { op: 'and', items: [] } }),
      env,
      undefined,
    );
    expect(
      keysetSql(companies, { by: 'city', direction: 'desc' }, 100, [
        'saint etienne',
        'le progres',
        'Le Progrès',
        7,
      ]),
    ).to.include(
      'ORDER BY t.k0 DESC, t.k1 DESC, t.k2 DESC, t.k3 DESC OFFSET 0 ROWS',
    );
    expect(pageSql(companies, { by: 'name' }, 10, 0)).to.match(
      /ORDER BY co\.name_key, co\.name, co\.id OFFSET 0 ROWS/,
    );
  });
});

describe('calendar helpers', () => {
  it('finds midnight in Paris in winter and in summer', () => {
    expect(parisMidnight('2026-01-15').toISOString()).to.equal(
      '2026-01-14T23:00:00.000Z',
    );
    expect(parisMidnight('2026-07-15').toISOString()).to.equal(
      '2026-07-14T22:00:00.000Z',
    );
  });

  it('goes back whole months, keeping to the end of shorter months', () => {
    expect(
      monthsBefore(new Date('2026-03-31T10:00:00Z'), 1).toISOString(),
    ).to.equal('2026-02-28T10:00:00.000Z');
    expect(
      monthsBefore(new Date('2026-12-04T10:00:00Z'), 12).toISOString(),
    ).to.equal('2025-12-04T10:00:00.000Z');
  });
});
