import { DataTypes, type QueryInterface } from 'sequelize';

const { BIGINT, BOOLEAN, DATE, INTEGER, STRING, TEXT } = DataTypes;

// Fresh objects per column: Sequelize writes the column name into them.
const id = () => ({
  type: INTEGER,
  autoIncrement: true,
  primaryKey: true,
  allowNull: false,
});

const stamps = () => ({
  created_at: { type: DATE, allowNull: false },
  updated_at: { type: DATE, allowNull: false },
});

const ref = (table: string, allowNull: boolean, onDelete = 'NO ACTION') => ({
  type: INTEGER,
  allowNull,
  references: { model: table, key: 'id' },
  onDelete,
  onUpdate: 'NO ACTION',
});

/**
 * The job queue kept in the database (the default; Service Bus later takes
 * the same place), and automated imports (R7): feeds that fetch a file from
 * a server folder or an HTTPS address on a schedule, their runs with their
 * reports, the files a folder feed has already read, and the hosts an
 * administrator allowed although they resolve to private addresses.
 */
export async function up({ context }: { context: QueryInterface }) {
  await context.createTable('jobs', {
    id: id(),
    kind: { type: STRING(60), allowNull: false },
    payload: { type: TEXT, allowNull: false, defaultValue: '{}' },
    status: { type: STRING(20), allowNull: false, defaultValue: 'queued' },
    run_at: { type: DATE, allowNull: false },
    dedupe_key: { type: STRING(200), allowNull: true },
    attempts: { type: INTEGER, allowNull: false, defaultValue: 0 },
    max_attempts: { type: INTEGER, allowNull: false, defaultValue: 5 },
    claimed_by: { type: STRING(100), allowNull: true },
    lease_until: { type: DATE, allowNull: true },
    progress: { type: TEXT, allowNull: true },
    result: { type: TEXT, allowNull: true },
    error: { type: TEXT, allowNull: true },
    finished_at: { type: DATE, allowNull: true },
    ...stamps(),
  });
  await context.addIndex('jobs', ['status', 'run_at'], { name: 'jobs_due' });
  await context.addIndex('jobs', ['status', 'lease_until'], {
    name: 'jobs_lease',
  });
  // One waiting or running job per key; finished jobs free it. A filtered
  // index on SQL Server, a partial one on SQLite and PostgreSQL.
  await context.addIndex('jobs', ['dedupe_key'], {
    name: 'jobs_dedupe_active',
    unique: true,
    where: { status: ['queued', 'running'] },
  });

  await context.createTable('import_feeds', {
    id: id(),
    name: { type: STRING(120), allowNull: false, unique: true },
    kind: { type: STRING(10), allowNull: false },
    folder_path: { type: STRING(500), allowNull: true },
    file_pattern: { type: STRING(100), allowNull: true },
    url: { type: STRING(2000), allowNull: true },
    every_minutes: { type: INTEGER, allowNull: true },
    daily_at: { type: STRING(5), allowNull: true },
    // No foreign key: a mapping profile removed later makes the feed's next
    // run fail with a reason, instead of blocking the removal.
    mapping_profile_id: { type: INTEGER, allowNull: true },
    deactivate_missing: {
      type: BOOLEAN,
      allowNull: false,
      defaultValue: false,
    },
    enabled: { type: BOOLEAN, allowNull: false, defaultValue: true },
    next_run_at: { type: DATE, allowNull: true },
    last_run_at: { type: DATE, allowNull: true },
    last_status: { type: STRING(20), allowNull: true },
    last_success_at: { type: DATE, allowNull: true },
    last_failure_at: { type: DATE, allowNull: true },
    consecutive_failures: { type: INTEGER, allowNull: false, defaultValue: 0 },
    last_error_fr: { type: TEXT, allowNull: true },
    last_error_en: { type: TEXT, allowNull: true },
    version: { type: INTEGER, allowNull: false, defaultValue: 1 },
    created_by_id: ref('users', true),
    updated_by_id: ref('users', true),
    ...stamps(),
  });
  await context.addIndex('import_feeds', ['enabled', 'next_run_at'], {
    name: 'import_feeds_due',
  });

  await context.createTable('feed_runs', {
    id: id(),
    feed_id: ref('import_feeds', false, 'CASCADE'),
    // No foreign keys to jobs and batches: finished jobs are purged, and a
    // staged batch may be discarded, while the run report stays.
    job_id: { type: INTEGER, allowNull: true },
    batch_id: { type: INTEGER, allowNull: true },
    cause: { type: STRING(10), allowNull: false },
    status: { type: STRING(20), allowNull: false },
    started_at: { type: DATE, allowNull: false },
    finished_at: { type: DATE, allowNull: true },
    duration_ms: { type: INTEGER, allowNull: true },
    source: { type: STRING(500), allowNull: true },
    bytes: { type: BIGINT, allowNull: true },
    sha256: { type: STRING(64), allowNull: true },
    counts: { type: TEXT, allowNull: true },
    error_code: { type: STRING(40), allowNull: true },
    error_fr: { type: TEXT, allowNull: true },
    error_en: { type: TEXT, allowNull: true },
    ...stamps(),
  });
  await context.addIndex('feed_runs', ['feed_id', 'id'], {
    name: 'feed_runs_feed',
  });

  await context.createTable('feed_files', {
    id: id(),
    feed_id: ref('import_feeds', false, 'CASCADE'),
    file_name: { type: STRING(500), allowNull: false },
    size: { type: BIGINT, allowNull: false },
    mtime_ms: { type: BIGINT, allowNull: false },
    sha256: { type: STRING(64), allowNull: false },
    // Not a foreign key: runs already cascade from the feed, and SQL Server
    // refuses a second cascading path into this table.
    run_id: { type: INTEGER, allowNull: true },
    processed_at: { type: DATE, allowNull: false },
  });
  await context.addIndex('feed_files', ['feed_id', 'file_name'], {
    name: 'feed_files_feed_name',
  });

  await context.createTable('feed_allowed_hosts', {
    id: id(),
    host: { type: STRING(253), allowNull: false, unique: true },
    note: { type: STRING(200), allowNull: true },
    created_by_id: ref('users', true),
    ...stamps(),
  });
}

export async function down({ context }: { context: QueryInterface }) {
  for (const table of [
    'feed_allowed_hosts',
    'feed_files',
    'feed_runs',
    'import_feeds',
    'jobs',
  ]) {
    await context.dropTable(table);
  }
}
