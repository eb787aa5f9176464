import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { Ctx } from '../../platform/context.ts';
import { dialectOf } from '../../platform/db/database.ts';
import type { CompanyRow, ContactRow } from '../../platform/db/models.ts';
import {
  escaperOf,
  insertStatements,
  insertTuples,
} from '../../platform/db/bulk-insert.ts';
import { phoneSearchKeys } from '../../platform/text/phone.ts';
import {
  addressWords,
  phoneTokens,
  tokensOf,
  uniqueTokens,
  type Token,
  type TokenField,
} from './search-text.ts';

/** The parts of a contact that search reads; a loaded row or a record being written. */
export type ContactShape = Pick<
  ContactRow,
  'lastName' | 'firstName' | 'title' | 'origin'
> & {
  notes?: string | null;
  emails?: { address: string }[];
  phones?: { e164: string | null; raw: string }[];
  addresses?: {
    city?: string | null;
    postalCode?: string | null;
    street?: string | null;
  }[];
  affiliations?: {
    company?: { name: string } | null;
    function?: string | null;
    department?: string | null;
  }[];
  socialAccounts?: { handle?: string | null }[];
  terms?: { label: string }[];
};

/** What a contact is found by: every field a person may type. */
export function contactTokens(contact: ContactShape): Token[] {
  const tokens: Token[] = [];
  const add = (field: TokenField, value: string | null | undefined) => {
    for (const token of tokensOf(field, value)) tokens.push(token);
  };
  add('name', contact.lastName);
  add('name', contact.firstName);
  add('other', contact.title);
  add('other', contact.origin);
  add('other', contact.notes?.slice(0, 500));

  for (const email of contact.emails ?? [])
    add('email', addressWords(email.address));
  for (const phone of contact.phones ?? []) {
    tokens.push(...phoneTokens(phoneSearchKeys(phone.e164, phone.raw)));
  }
  for (const address of contact.addresses ?? []) {
    add('place', address.city);
    add('place', address.postalCode);
    add('other', address.street);
  }
  for (const affiliation of contact.affiliations ?? []) {
    add('org', affiliation.company?.name);
    add('other', affiliation.function);
    add('other', affiliation.department);
  }
  for (const account of contact.socialAccounts ?? []) {
    add('other', account.handle);
  }
  for (const term of contact.terms ?? []) add('other', term.label);

  return uniqueTokens(tokens);
}

/** What a company is found by. */
export function companyTokens(company: CompanyRow): Token[] {
  const tokens: Token[] = [
    ...tokensOf('org', company.name),
    ...tokensOf('org', company.legalName),
    ...tokensOf('other', company.companyType),
    ...tokensOf('place', company.city),
    ...tokensOf('place', company.postalCode),
    ...tokensOf('email', addressWords(company.email)),
    ...tokensOf('other', addressWords(company.website)),
  ];
  if (company.phoneRaw) {
    tokens.push(
      ...phoneTokens(phoneSearchKeys(company.phoneE164, company.phoneRaw)),
    );
  }

  return uniqueTokens(tokens);
}

/** A record and the tokens it is found by. */
export type IndexedEntity = {
  type: 'contact' | 'company';
  id: number;
  tokens: Token[];
};

const tokenColumns = [
  'entity_type',
  'entity_id',
  'field',
  'token',
  'phonetic',
  'sound',
] as const;

/**
 * The escaped end of a token's row (`,'name','dupont','TUPON','dupon')`),
 * kept per token: `tokensOf` shares its tokens between records, so most of a
 * large import's rows are escaped once. One memory per dialect, as SQL
 * Server writes its strings `N'…'`.
 */
const escapedTails = new Map<string, WeakMap<Token, string>>();

function* tokenTuples(
  sequelize: Sequelize,
  entities: readonly IndexedEntity[],
): Generator<string> {
  const escape = escaperOf(sequelize);
  const dialect = sequelize.getDialect();
  let known = escapedTails.get(dialect);
  if (!known) escapedTails.set(dialect, (known = new WeakMap()));
  for (const entity of entities) {
    const head = `(${escape(entity.type)},${escape(entity.id)}`;
    for (const token of entity.tokens) {
      let tail = known.get(token);
      if (tail === undefined) {
        tail =
          `,${escape(token.field)},${escape(token.token)},` +
          `${escape(token.phonetic)},${escape(token.sound)})`;
        // A phone number is one contact's own: nothing to share.
        if (token.field !== 'phone') known.set(token, tail);
      }
      yield head + tail;
    }
  }
}

/**
 * The INSERT statements of records that have no token yet, built one at a
 * time as they are read: for a caller that runs them among its own (a batch
 * of new contacts).
 */
export function freshTokenStatements(
  sequelize: Sequelize,
  entities: readonly IndexedEntity[],
): Generator<string> {
  return insertStatements(
    sequelize,
    'search_tokens',
    tokenColumns,
    tokenTuples(sequelize, entities),
  );
}

/**
 * Replaces the tokens of the given records. Rows go in as multi-row INSERTs
 * of literal tuples: building a model instance, or even an object, per token
 * would dominate a 50,000-contact import (close to a million tokens).
 */
export async function writeTokens(
  ctx: Ctx,
  entities: IndexedEntity[],
  transaction: Transaction | undefined,
  options: { fresh?: boolean } = {},
): Promise<void> {
  const { SearchToken } = ctx.db.models;
  const { sequelize } = ctx.db;

  if (!options.fresh) {
    for (const type of ['contact', 'company'] as const) {
      const ids = entities
        .filter((entity) => entity.type === type)
        .map((entity) => entity.id);
      for (let start = 0; start < ids.length; start += 500) {
        await SearchToken.destroy({
          where: { entityType: type, entityId: ids.slice(start, start + 500) },
          transaction,
        });
      }
    }
  }

  await insertTuples(
    sequelize,
    'search_tokens',
    tokenColumns,
    tokenTuples(sequelize, entities),
    transaction,
  );
}

/** Removes a record from the index (hard delete of the record itself). */
export async function dropTokens(
  ctx: Ctx,
  type: 'contact' | 'company',
  id: number,
  transaction: Transaction | undefined,
): Promise<void> {
  await ctx.db.models.SearchToken.destroy({
    where: { entityType: type, entityId: id },
    transaction,
  });
}

/** Below this many new records, the search indexes are kept up row by row. */
const fewForRebuild = 5000;

/** About how many search words a new contact brings. */
const wordsPerRecord = 15;

/**
 * Runs a large load of new records with the search indexes that look words
 * up (by word, by sound) set aside, then builds them again in one pass:
 * keeping three B-trees in step with close to a million random inserts
 * costs SQLite more than sorting the table once. Only on SQLite, only for a
 * load at least as large as what the table holds, and only inside the
 * caller's transaction: SQLite's schema changes are transactional, so a
 * failure brings the indexes back with the rest. The index by record stays:
 * the load deletes by record (a company's words rewritten). PostgreSQL and
 * SQL Server keep their indexes up as they go.
 *
 * @param records how many new records the load brings
 * @param work the load; no search by word may run inside it
 */
export async function loadWithSearchIndexesAside<T>(
  sequelize: Sequelize,
  records: number,
  transaction: Transaction,
  work: () => Promise<T>,
): Promise<T> {
  if (dialectOf(sequelize) !== 'sqlite' || records < fewForRebuild) {
    return work();
  }
  const [{ top } = { top: 0 }] = await sequelize.query<{ top: number | null }>(
    'SELECT MAX(id) AS top FROM search_tokens',
    { type: QueryTypes.SELECT, transaction },
  );
  if (Number(top ?? 0) > records * wordsPerRecord) return work();

  const indexes = await sequelize.query<{ name: string; sql: string }>(
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' " +
      "AND tbl_name = 'search_tokens' AND sql IS NOT NULL " +
      "AND name <> 'search_tokens_entity' ORDER BY name",
    { type: QueryTypes.SELECT, transaction },
  );
  for (const index of indexes) {
    await sequelize.query(`DROP INDEX "${index.name.replace(/"/g, '""')}"`, {
      transaction,
    });
  }
  const result = await work();
  for (const index of indexes)
    await sequelize.query(index.sql, { transaction });

  return result;
}
