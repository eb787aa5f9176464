import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Sequelize, Transaction, type Options } from 'sequelize';
import type { Logger } from '../log/logger.ts';

export type Dialect = 'sqlite' | 'postgres' | 'mssql';

/**
 * Turns a `DATABASE_URL` into Sequelize options.
 *
 * `sqlite:PATH` is a file relative to the working directory (`sqlite::memory:`
 * is a private in-memory base). The URL form of an in-memory SQLite base makes
 * Node warn (DEP0170), so the storage is passed as an option instead.
 */
export function connectionOptions(url: string, poolMax = 10): Options {
  const common: Options = {
    logging: false,
    define: { underscored: true, timestamps: true },
  };

  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    const storage = path === ':memory:' ? ':memory:' : resolve(path);
    if (storage !== ':memory:')
      mkdirSync(dirname(storage), { recursive: true });

    // One connection: SQLite serialises writers anyway, and a single handle
    // keeps an in-memory base alive for the whole process.
    // A transaction takes the write lock when it begins (IMMEDIATE): two
    // deferred ones that both read then write would deadlock, and SQLite
    // answers the second with SQLITE_BUSY at once instead of making it wait.
    return {
      ...common,
      dialect: 'sqlite',
      storage,
      pool: { max: 1, min: 0 },
      transactionType: Transaction.TYPES.IMMEDIATE,
    };
  }

  const parsed = new URL(url);
  const dialect: Dialect = parsed.protocol === 'mssql:' ? 'mssql' : 'postgres';
  const options: Options = {
    ...common,
    dialect,
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : undefined,
    username: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
    pool: { max: poolMax, min: 0, idle: 10_000 },
  };

  if (dialect === 'mssql') {
    const encrypt = parsed.searchParams.get('encrypt') !== 'false';
    const trust = parsed.searchParams.get('trustServerCertificate') === 'true';
    options.dialectOptions = {
      options: { encrypt, trustServerCertificate: trust },
    };
  }

  return options;
}

/**
 * The `DATABASE_URL` of an open connection, for another thread to open the
 * same base (a large import runs on a thread of its own). Null for an
 * in-memory SQLite base: no other connection can reach it.
 */
export function databaseUrlOf(sequelize: Sequelize): string | null {
  const dialect = sequelize.getDialect();
  if (dialect === 'sqlite') {
    const { storage } = (sequelize as unknown as { options: Options }).options;
    return storage && storage !== ':memory:' ? `sqlite:${storage}` : null;
  }
  if (dialect !== 'postgres' && dialect !== 'mssql') return null;
  const { host, port, username, password, database, dialectOptions } =
    sequelize.config as typeof sequelize.config & {
      dialectOptions?: {
        options?: { encrypt?: boolean; trustServerCertificate?: boolean };
      };
    };
  const url = new URL(`${dialect}://${host ?? 'localhost'}`);
  if (port) url.port = String(port);
  url.username = encodeURIComponent(username ?? '');
  url.password = encodeURIComponent(password ?? '');
  url.pathname = `/${encodeURIComponent(database ?? '')}`;
  const options = dialectOptions?.options;
  if (dialect === 'mssql' && options) {
    url.searchParams.set('encrypt', String(options.encrypt !== false));
    url.searchParams.set(
      'trustServerCertificate',
      String(options.trustServerCertificate === true),
    );
  }

  return url.toString();
}

type SqliteHandle = {
  exec: (sql: string, done: (error: Error | null) => void) => void;
};

/**
 * Settings of each SQLite connection. A file base is written ahead (WAL): the
 * portal keeps reading while an import writes, and a commit costs one sync
 * instead of two. `synchronous = NORMAL` is safe with WAL (a power cut may
 * lose the last commits, never corrupt the file). A writer waits up to 5 s
 * for another process (the CLI beside the server) rather than failing.
 */
function tuneSqlite(connection: unknown, storage: string): Promise<void> {
  const settings = [
    'PRAGMA foreign_keys = ON',
    'PRAGMA busy_timeout = 5000',
    'PRAGMA cache_size = -65536',
    'PRAGMA temp_store = MEMORY',
    ...(storage === ':memory:'
      ? []
      : ['PRAGMA journal_mode = WAL', 'PRAGMA synchronous = NORMAL']),
  ];

  return new Promise((done, fail) =>
    (connection as SqliteHandle).exec(`${settings.join('; ')};`, (error) =>
      error ? fail(error) : done(),
    ),
  );
}

/**
 * Sequelize's SQLite driver opens a connection per transaction and runs no
 * connect hook, so the settings are applied as each connection is handed out.
 */
function tuneEachSqliteConnection(sequelize: Sequelize, storage: string): void {
  const manager = sequelize.connectionManager as unknown as {
    getConnection: (options: unknown) => Promise<unknown>;
  };
  const open = manager.getConnection.bind(manager);
  const tuned = new WeakSet<object>();
  manager.getConnection = async (options) => {
    const connection = (await open(options)) as object;
    if (!tuned.has(connection)) {
      tuned.add(connection);
      await tuneSqlite(connection, storage);
    }

    return connection;
  };
}

/** Opens a connection pool (no query is sent until first use). */
export function openDatabase(
  url: string,
  log?: Logger,
  poolMax?: number,
): Sequelize {
  const options = connectionOptions(url, poolMax);
  const sequelize = new Sequelize(options);
  if (options.dialect === 'sqlite') {
    tuneEachSqliteConnection(sequelize, options.storage ?? ':memory:');
  }
  log?.debug({ dialect: sequelize.getDialect() }, 'db.opened');

  return sequelize;
}

/** The dialect of an open connection, narrowed to the ones Relais supports. */
export function dialectOf(sequelize: Sequelize): Dialect {
  const name = sequelize.getDialect();
  if (name === 'sqlite' || name === 'postgres' || name === 'mssql') return name;
  throw new Error(`Unsupported dialect ${name}`);
}
