import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { SecretBox } from './auth/secret-box.ts';
import type { Config } from './config/config.ts';
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrator.ts';
import { defineModels, type Db } from './db/models.ts';
import { createLogger, type Logger } from './log/logger.ts';
import { configureImportThreads } from '../features/imports/import-thread.ts';

export type Runtime = { config: Config; db: Db; log: Logger; box: SecretBox };

/**
 * The key that seals second-factor secrets. Production must provide it; a
 * development install generates one once, readable by its owner only.
 */
export function resolveSecretKey(config: Config): string {
  if (config.SECRET_KEY) return config.SECRET_KEY;
  if (config.NODE_ENV === 'production') {
    throw new Error(
      'SECRET_KEY: required in production (32 characters or more)',
    );
  }

  const dir = resolve(config.DATA_DIR);
  const file = join(dir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const key = randomBytes(32).toString('base64url');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);

  return key;
}

/** Opens the database, applies pending migrations and prepares the models. */
export async function openRuntime(
  config: Config,
  log = createLogger(config.LOG_LEVEL),
): Promise<Runtime> {
  const sequelize = openDatabase(
    config.DATABASE_URL,
    log,
    config.DATABASE_POOL_MAX,
  );
  const applied = await migrate(sequelize, log);
  if (applied.length > 0) log.info({ applied }, 'db.migrated');
  configureImportThreads({ heapMb: config.IMPORT_MEMORY_MB });

  return {
    config,
    log,
    db: { sequelize, models: defineModels(sequelize) },
    box: new SecretBox(resolveSecretKey(config)),
  };
}
