import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

/** SQL Server takes at most 1,000 rows in one VALUES list. */
export const MAX_ROWS_PER_INSERT = 1000;

/** Turns one value into SQL text, by the dialect's own rules. */
export type Escape = (value: unknown) => string;

type QueryGenerator = {
  escape: (value: unknown) => string;
  quoteTable: (table: string) => string;
  quoteIdentifier: (column: string) => string;
};

const generatorOf = (sequelize: Sequelize) =>
  sequelize.getQueryInterface().queryGenerator as QueryGenerator;

/**
 * The escaping Sequelize applies to a value it writes without a model
 * (what `bulkInsert` does): `N'…'` strings on SQL Server, booleans as 1/0
 * where the dialect has no boolean literal, quotes doubled. The values an
 * import writes by the million (plain strings, numbers, booleans, nulls)
 * take a short way to the same text; anything else, or a string holding a
 * quote (or a NUL on PostgreSQL), is left to Sequelize itself.
 */
export function escaperOf(sequelize: Sequelize): Escape {
  const generator = generatorOf(sequelize);
  const dialect = sequelize.getDialect();
  if (!['sqlite', 'postgres', 'mssql'].includes(dialect))
    return (value) => generator.escape(value);
  const prefix = dialect === 'mssql' ? 'N' : '';
  const [yes, no] = dialect === 'postgres' ? ['true', 'false'] : ['1', '0'];
  const plain =
    dialect === 'postgres'
      ? (text: string) => !text.includes("'") && !text.includes('\0')
      : (text: string) => !text.includes("'");

  return (value) => {
    if (value === null || value === undefined) return 'NULL';
    switch (typeof value) {
      case 'string':
        return plain(value) ? `${prefix}'${value}'` : generator.escape(value);
      case 'number':
        return String(value);
      case 'boolean':
        return value ? yes : no;
      default:
        return generator.escape(value);
    }
  };
}

/**
 * Lets the event loop turn once. Sequelize hands a query to its driver a few
 * promise steps after it is called: without this, a statement sent before a
 * long computation would only reach the database after it, and SQLite's
 * thread would wait instead of writing meanwhile.
 */
export function handOver(): Promise<void> {
  return new Promise((done) => setImmediate(done));
}

/**
 * Multi-row INSERT statements for rows given as ready SQL tuples
 * (`('contact',12,'dupont')`), at most `MAX_ROWS_PER_INSERT` rows each,
 * built one at a time as they are read. The values are literals, never bound
 * parameters: SQL Server refuses more than 2,100 parameters in a statement,
 * and Sequelize's SQLite binding slows down sharply on long lists.
 *
 * @param table the table's name
 * @param columns the columns each tuple fills, in order
 * @param tuples the rows, read once
 */
export function* insertStatements(
  sequelize: Sequelize,
  table: string,
  columns: readonly string[],
  tuples: Iterable<string>,
): Generator<string> {
  const generator = generatorOf(sequelize);
  const head =
    `INSERT INTO ${generator.quoteTable(table)} ` +
    `(${columns.map((column) => generator.quoteIdentifier(column)).join(',')}) VALUES `;
  let batch: string[] = [];
  for (const tuple of tuples) {
    batch.push(tuple);
    if (batch.length === MAX_ROWS_PER_INSERT) {
      yield `${head}${batch.join(',')};`;
      batch = [];
    }
  }
  if (batch.length > 0) yield `${head}${batch.join(',')};`;
}

/**
 * The SQL tuples of plain rows (column name → value). Every row must hold
 * the columns.
 *
 * @param columns the columns to write, read from each row by name
 */
export function* rowTuples(
  escape: Escape,
  columns: readonly string[],
  rows: Iterable<Record<string, unknown>>,
): Generator<string> {
  for (const row of rows) {
    let tuple = '(';
    for (let index = 0; index < columns.length; index++) {
      if (index > 0) tuple += ',';
      tuple += escape(row[columns[index] as string]);
    }
    yield `${tuple})`;
  }
}

type SqliteConnection = {
  exec: (sql: string, done: (error: Error | null) => void) => void;
  run: (
    sql: string,
    done: (
      this: { lastID: number; changes: number },
      error: Error | null,
    ) => void,
  ) => void;
};

/** The SQLite connection a transaction holds, when it holds one. */
function sqliteConnectionOf(
  sequelize: Sequelize,
  transaction: Transaction | undefined,
): SqliteConnection | null {
  const connection = (transaction as { connection?: unknown } | undefined)
    ?.connection as Partial<SqliteConnection> | undefined;
  return sequelize.getDialect() === 'sqlite' &&
    typeof connection?.exec === 'function' &&
    typeof connection.run === 'function'
    ? (connection as SqliteConnection)
    : null;
}

/**
 * Runs one INSERT … VALUES of many rows and answers as Sequelize does for
 * an insert: on SQLite, the last row's id and the number of rows (straight
 * on the transaction's connection, as `runnerOf`); elsewhere, the rows the
 * statement returns (RETURNING, OUTPUT).
 */
export function insertReturning(
  sequelize: Sequelize,
  sql: string,
  transaction: Transaction,
): Promise<[unknown, unknown]> {
  const connection = sqliteConnectionOf(sequelize, transaction);
  if (!connection) {
    return sequelize.query(sql, {
      transaction,
      type: QueryTypes.INSERT,
    }) as Promise<[unknown, unknown]>;
  }

  return new Promise((done, fail) =>
    connection.run(sql, function answered(error) {
      if (error) fail(error);
      else done([this.lastID, this.changes]);
    }),
  );
}

/**
 * How to run a statement whose result nobody reads. In a SQLite
 * transaction, straight on its connection: Sequelize lower-cases the whole
 * text of every statement it runs (hundreds of megabytes over a large
 * import) to look for SHOW and DESCRIBE.
 *
 * @param type how Sequelize is told to run it elsewhere
 */
function runnerOf(
  sequelize: Sequelize,
  transaction: Transaction | undefined,
  type: QueryTypes = QueryTypes.INSERT,
): (sql: string) => Promise<unknown> {
  const connection = sqliteConnectionOf(sequelize, transaction);
  if (connection) {
    return (sql) =>
      new Promise<void>((done, fail) =>
        connection.exec(sql, (error) => (error ? fail(error) : done())),
      );
  }

  return (sql) => sequelize.query(sql, { transaction, type });
}

/**
 * Runs INSERT statements in order, one running while the next is built:
 * on SQLite the database works on its own thread meanwhile.
 */
export async function runInOrder(
  sequelize: Sequelize,
  statements: Iterable<string>,
  transaction: Transaction | undefined,
): Promise<void> {
  const run = runnerOf(sequelize, transaction);
  let running: Promise<unknown> | null = null;
  try {
    for (const sql of statements) {
      // The previous statement must have succeeded before the next is sent.
      if (running) await running;
      running = run(sql);
      // Watched at once: it may fail while the next one is being built.
      running.catch(() => undefined);
      await handOver();
    }
  } catch (error) {
    // Nothing is left running unwatched when building or a statement fails.
    await (running as Promise<unknown> | null)?.catch(() => undefined);
    throw error;
  }
  await running;
}

/**
 * Writes rows given as ready SQL tuples with `insertStatements`, one
 * statement running while the next is built.
 *
 * @param table the table's name
 * @param columns the columns each tuple fills, in order
 * @param tuples the rows, read once, one statement's worth at a time
 */
export function insertTuples(
  sequelize: Sequelize,
  table: string,
  columns: readonly string[],
  tuples: Iterable<string>,
  transaction: Transaction | undefined,
): Promise<void> {
  return runInOrder(
    sequelize,
    insertStatements(sequelize, table, columns, tuples),
    transaction,
  );
}

/**
 * Writes plain rows (column name → value) without a model instance or
 * per-row column discovery. Every row must hold the columns.
 *
 * @param columns the columns to write, read from each row by name
 */
export function insertRows(
  sequelize: Sequelize,
  table: string,
  columns: readonly string[],
  rows: Iterable<Record<string, unknown>>,
  transaction: Transaction | undefined,
): Promise<void> {
  const tuples = rowTuples(escaperOf(sequelize), columns, rows);

  return insertTuples(sequelize, table, columns, tuples, transaction);
}

/**
 * A value for `updateRows` that adds members to the JSON object a text
 * column holds, in the database: `{"a":1}` becomes `{"a":1,"b":2}` for the
 * members `"b":2`. The text is neither read back nor sent again.
 */
export class JsonMembersAdded {
  constructor(readonly members: string) {}
}

/** The SQL of a column's JSON object with members added at its end. */
function jsonWithMembers(
  sequelize: Sequelize,
  column: string,
  added: JsonMembersAdded,
  escape: Escape,
): string {
  const tail = escape(`,${added.members}}`);
  // Lengths in characters everywhere; the text ends with its closing brace.
  return sequelize.getDialect() === 'mssql'
    ? `SUBSTRING(${column}, 1, LEN(${column}) - 1) + ${tail}`
    : `substr(${column}, 1, length(${column}) - 1) || ${tail}`;
}

/**
 * Updates rows by id, each with its own values, in one statement:
 * `SET column = CASE id WHEN 1 THEN … ELSE column END … WHERE id IN (…)`.
 * A column absent from a row's values keeps its value. For a few hundred
 * rows at a time: one statement per row would cost a round trip each.
 *
 * @param rows each row's id and the columns to set (column name → value,
 *   or `JsonMembersAdded` to add to the JSON the column holds)
 */
export async function updateRows(
  sequelize: Sequelize,
  table: string,
  rows: readonly { id: number; values: Record<string, unknown> }[],
  transaction: Transaction | undefined,
): Promise<void> {
  if (rows.length === 0) return;
  const generator = generatorOf(sequelize);
  const escape = escaperOf(sequelize);
  const id = generator.quoteIdentifier('id');
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row.values)))];
  const sets = columns.map((column) => {
    const name = generator.quoteIdentifier(column);
    let cases = '';
    for (const row of rows) {
      if (!(column in row.values)) continue;
      const value = row.values[column];
      const sql =
        value instanceof JsonMembersAdded
          ? jsonWithMembers(sequelize, name, value, escape)
          : escape(value);
      cases += ` WHEN ${Number(row.id)} THEN ${sql}`;
    }

    return `${name} = CASE ${id}${cases} ELSE ${name} END`;
  });
  const ids = rows.map((row) => Number(row.id)).join(',');
  // Straight to the connection inside a SQLite transaction, as the inserts:
  // an import's updates carry its rows' JSON, hundreds of kilobytes each.
  await runnerOf(
    sequelize,
    transaction,
    QueryTypes.UPDATE,
  )(
    `UPDATE ${generator.quoteTable(table)} SET ${sets.join(', ')} ` +
      `WHERE ${id} IN (${ids})`,
  );
}
