import { readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'chai';
import { Sequelize } from 'sequelize';
import { steps } from './migrator.ts';

const snapshot = new URL('./migrations/mssql.sql', import.meta.url);

/**
 * The T-SQL the migrations send to SQL Server, captured without a server:
 * the query interface generates each statement and a stand-in `query`
 * records it instead of sending it.
 */
async function generatedTsql(): Promise<string[]> {
  const sequelize = new Sequelize('mssql://relais:x@127.0.0.1:1/relais', {
    logging: false,
  });
  const statements: string[] = [];
  const recording = sequelize as unknown as {
    query: (sql: string | { query: string }) => Promise<[unknown[], number]>;
  };
  recording.query = async (sql) => {
    statements.push(typeof sql === 'string' ? sql : sql.query);

    return [[], 0];
  };
  const context = sequelize.getQueryInterface();
  for (const [, step] of steps) await step.up({ context });

  return statements.map((statement) => statement.trim());
}

describe('migrations on SQL Server (generated T-SQL)', () => {
  let tsql: string[] = [];
  before(async () => {
    tsql = await generatedTsql();
  });

  it('match the reviewed script in migrations/mssql.sql', () => {
    const text = `${tsql.join('\n')}\n`;
    if (process.env.UPDATE_TSQL === '1') writeFileSync(snapshot, text);
    expect(text).to.equal(readFileSync(snapshot, 'utf8'));
  });

  it('use SQL Server syntax only', () => {
    for (const statement of tsql) {
      // Sort keys compare bytes: SQL Server's binary collation is the only one.
      expect(statement, statement).not.to.match(
        /`|"|\bLIMIT\b|COLLATE(?! Latin1_General_100_BIN2 )|SERIAL|BOOLEAN/,
      );
    }
    expect(tsql).to.include(
      'ALTER TABLE [contacts] ADD [last_name_key] NVARCHAR(120) ' +
        'COLLATE Latin1_General_100_BIN2 NULL;',
    );
  });

  it('store text as Unicode and filter the sound-key indexes', () => {
    const searchTokens = tsql.find((s) =>
      s.includes('CREATE TABLE [search_tokens]'),
    );
    expect(searchTokens).to.include('[token] NVARCHAR(64) NOT NULL');
    expect(tsql).to.include(
      'CREATE INDEX [search_tokens_sound] ON [search_tokens] ([sound], [entity_type]) ' +
        'WHERE [sound] IS NOT NULL',
    );
  });

  it('cascade deletes along one path at most, as SQL Server requires', () => {
    // SQL Server refuses a table reachable by two cascading paths (error 1785).
    const cascades = new Map<string, string[]>();
    for (const statement of tsql) {
      const table = /CREATE TABLE \[(\w+)\]/.exec(statement)?.[1];
      if (!table) continue;
      const parents = [
        ...statement.matchAll(
          /REFERENCES \[(\w+)\] \(\[id\]\) ON DELETE CASCADE/g,
        ),
      ].map((match) => match[1] as string);
      cascades.set(table, parents);
    }
    const paths = (table: string): string[][] =>
      (cascades.get(table) ?? []).flatMap((parent) => [
        [parent],
        ...paths(parent).map((path) => [...path, parent]),
      ]);
    for (const table of cascades.keys()) {
      const roots = paths(table).map((path) => path[0]);
      expect(new Set(roots).size, table).to.equal(roots.length);
    }
  });
});
