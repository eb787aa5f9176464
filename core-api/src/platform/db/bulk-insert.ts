import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

/** SQL Server takes at most 1,000 rows in one VALUES list. */
export const MAX_ROWS_PER_INSERT = 1000;

/** Turns one value into SQL text, by the dialect's own rules. */
export type Escape = (value: unknown) => string;

type Generator = {
  escape: (value: unknown) => string;
  quoteTable: (table: string) => string;
  quoteIdentifier: (column: string) => string;
};

const generatorOf = (sequelize: Sequelize) =>
  sequelize.getQueryInterface().queryGenerator as Generator;

/**
 * The escaping Sequelize applies to a value it writes without a model
 * (what `bulkInsert` does): `N'…'` strings on SQL Server, booleans as 1/0
 * where the dialect has no boolean literal, quotes doubled.
 */
export function escaperOf(sequelize: Sequelize): Escape {
  const generator = generatorOf(sequelize);

  return (value) => generator.escape(value);
}

/**
 * Writes rows given as ready SQL tuples (`('contact',12,'dupont')`), in
 * multi-row INSERTs of at most `MAX_ROWS_PER_INSERT` rows. The values are
 * literals, never bound parameters: SQL Server refuses more than 2,100
 * parameters in a statement, and Sequelize's SQLite binding slows down
 * sharply on long parameter lists.
 *
 * @param table the table's name
 * @param columns the columns each tuple fills, in order
 * @param tuples the rows, read once, one statement's worth at a time
 * @returns how many rows were written
 */
export async function insertTuples(
  sequelize: Sequelize,
  table: string,
  columns: readonly string[],
  tuples: Iterable<string>,
  transaction: Transaction | undefined,
): Promise<number> {
  const generator = generatorOf(sequelize);
  const head =
    `INSERT INTO ${generator.quoteTable(table)} ` +
    `(${columns.map((column) => generator.quoteIdentifier(column)).join(',')}) VALUES `;
  let batch: string[] = [];
  let written = 0;
  const flush = async () => {
    await sequelize.query(`${head}${batch.join(',')};`, {
      transaction,
      type: QueryTypes.INSERT,
    });
    written += batch.length;
    batch = [];
  };
  for (const tuple of tuples) {
    batch.push(tuple);
    if (batch.length === MAX_ROWS_PER_INSERT) await flush();
  }
  if (batch.length > 0) await flush();

  return written;
}

/**
 * Writes plain rows (column name → value) with `insertTuples`: no model
 * instance, no per-row column discovery. Every row must hold the columns.
 *
 * @param columns the columns to write, read from each row by name
 */
export function insertRows(
  sequelize: Sequelize,
  table: string,
  columns: readonly string[],
  rows: Iterable<Record<string, unknown>>,
  transaction: Transaction | undefined,
): Promise<number> {
  const escape = escaperOf(sequelize);
  function* tuples() {
    for (const row of rows) {
      let tuple = '(';
      for (let index = 0; index < columns.length; index++) {
        if (index > 0) tuple += ',';
        tuple += escape(row[columns[index] as string]);
      }
      yield `${tuple})`;
    }
  }

  return insertTuples(sequelize, table, columns, tuples(), transaction);
}
