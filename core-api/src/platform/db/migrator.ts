import { Umzug, SequelizeStorage } from 'umzug';
import type { QueryInterface, Sequelize } from 'sequelize';
import type { Logger } from '../log/logger.ts';
import * as createCoreTables from './migrations/20261204120000-create-core-tables.ts';
import * as totpLastStep from './migrations/20261204150000-totp-last-step.ts';
import * as searchSoundKeys from './migrations/20261204160000-search-sound-keys.ts';
import * as duplicatePairs from './migrations/20261204170000-duplicate-pairs.ts';
import * as contactMerges from './migrations/20261204180000-contact-merges.ts';
import * as stagedImports from './migrations/20261205090000-staged-imports.ts';
import * as feedsAndJobs from './migrations/20261205120000-feeds-and-jobs.ts';
import * as savedQueries from './migrations/20261206090000-saved-queries.ts';
import * as lists from './migrations/20261206100000-lists.ts';
import * as entraIdentity from './migrations/20261207090000-entra-identity.ts';
import * as interactions from './migrations/20261207100000-interactions.ts';
import * as targetingIndexes from './migrations/20261207110000-targeting-indexes.ts';
import * as frenchSortKeys from './migrations/20261208090000-french-sort-keys.ts';
import * as targetSelections from './migrations/20261208091000-target-selections.ts';
import * as emailTemplates from './migrations/20261208100000-email-templates.ts';
import * as departmentsAndSenders from './migrations/20261208110000-departments-and-senders.ts';
import * as missingNameKeys from './migrations/20261208120000-missing-name-keys.ts';
import * as auditActionIndex from './migrations/20261208121000-audit-action-index.ts';
import * as memberApprovers from './migrations/20261208122000-member-approvers.ts';
import * as gluedApostropheTokens from './migrations/20261208130000-glued-apostrophe-tokens.ts';

type Step = {
  up: (params: { context: QueryInterface }) => Promise<void>;
  down: (params: { context: QueryInterface }) => Promise<void>;
};

/**
 * The migrations in the order they apply. Listed here rather than globbed so
 * the same list works from TypeScript sources and from the compiled build.
 */
export const steps: readonly [string, Step][] = [
  ['20261204120000-create-core-tables', createCoreTables],
  ['20261204150000-totp-last-step', totpLastStep],
  ['20261204160000-search-sound-keys', searchSoundKeys],
  ['20261204170000-duplicate-pairs', duplicatePairs],
  ['20261204180000-contact-merges', contactMerges],
  ['20261205090000-staged-imports', stagedImports],
  ['20261205120000-feeds-and-jobs', feedsAndJobs],
  ['20261206090000-saved-queries', savedQueries],
  ['20261206100000-lists', lists],
  ['20261207090000-entra-identity', entraIdentity],
  ['20261207100000-interactions', interactions],
  ['20261207110000-targeting-indexes', targetingIndexes],
  ['20261208090000-french-sort-keys', frenchSortKeys],
  ['20261208091000-target-selections', targetSelections],
  ['20261208100000-email-templates', emailTemplates],
  ['20261208110000-departments-and-senders', departmentsAndSenders],
  ['20261208120000-missing-name-keys', missingNameKeys],
  ['20261208121000-audit-action-index', auditActionIndex],
  ['20261208122000-member-approvers', memberApprovers],
  ['20261208130000-glued-apostrophe-tokens', gluedApostropheTokens],
];

function migrationEvent(event: Record<string, unknown>) {
  const { name, event: step, ...rest } = event;

  return { migration: name, step, ...rest };
}

/** Builds the migrator over the `relais_migrations` table. */
export function createMigrator(sequelize: Sequelize, log?: Logger) {
  return new Umzug({
    migrations: steps.map(([name, step]) => ({
      name,
      up: step.up,
      down: step.down,
    })),
    context: sequelize.getQueryInterface(),
    storage: new SequelizeStorage({
      sequelize,
      tableName: 'relais_migrations',
    }),
    // The logger hides any `name` key (people's names), so the step is logged
    // as `migration`.
    logger: {
      info: (event) => log?.info(migrationEvent(event), 'db.migration'),
      warn: (event) => log?.warn(migrationEvent(event), 'db.migration'),
      error: (event) => log?.error(migrationEvent(event), 'db.migration'),
      debug: () => undefined,
    },
  });
}

/** Applies every pending migration and returns their names. */
export async function migrate(
  sequelize: Sequelize,
  log?: Logger,
): Promise<string[]> {
  const applied = await createMigrator(sequelize, log).up();

  return applied.map((migration) => migration.name);
}
