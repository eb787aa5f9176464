import type { Transaction } from 'sequelize';
import type { Ctx } from '../../platform/context.ts';
import type { CompanyRow, ContactRow } from '../../platform/db/models.ts';
import { phoneSearchKeys } from '../../platform/text/phone.ts';
import {
  addressWords,
  phoneTokens,
  tokensOf,
  uniqueTokens,
  type Token,
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
  const tokens: Token[] = [
    ...tokensOf('name', contact.lastName),
    ...tokensOf('name', contact.firstName),
    ...tokensOf('other', contact.title),
    ...tokensOf('other', contact.origin),
    ...tokensOf('other', contact.notes?.slice(0, 500)),
  ];

  for (const email of contact.emails ?? [])
    tokens.push(...tokensOf('email', addressWords(email.address)));
  for (const phone of contact.phones ?? []) {
    tokens.push(...phoneTokens(phoneSearchKeys(phone.e164, phone.raw)));
  }
  for (const address of contact.addresses ?? []) {
    tokens.push(...tokensOf('place', address.city));
    tokens.push(...tokensOf('place', address.postalCode));
    tokens.push(...tokensOf('other', address.street));
  }
  for (const affiliation of contact.affiliations ?? []) {
    tokens.push(...tokensOf('org', affiliation.company?.name));
    tokens.push(...tokensOf('other', affiliation.function));
    tokens.push(...tokensOf('other', affiliation.department));
  }
  for (const account of contact.socialAccounts ?? []) {
    tokens.push(...tokensOf('other', account.handle));
  }
  for (const term of contact.terms ?? [])
    tokens.push(...tokensOf('other', term.label));

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

type IndexedEntity = {
  type: 'contact' | 'company';
  id: number;
  tokens: Token[];
};

/**
 * Replaces the tokens of the given records. Rows go in through the query
 * interface in chunks: building a model instance per token would dominate a
 * 50,000-contact import.
 */
export async function writeTokens(
  ctx: Ctx,
  entities: IndexedEntity[],
  transaction: Transaction | undefined,
  options: { fresh?: boolean } = {},
): Promise<void> {
  const { SearchToken } = ctx.db.models;
  const qi = ctx.db.sequelize.getQueryInterface();

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

  const rows = entities.flatMap((entity) =>
    entity.tokens.map((token) => ({
      entity_type: entity.type,
      entity_id: entity.id,
      field: token.field,
      token: token.token,
      phonetic: token.phonetic,
      sound: token.sound,
    })),
  );

  // SQL Server accepts at most 1,000 rows in one VALUES list.
  for (let start = 0; start < rows.length; start += 1000) {
    await qi.bulkInsert('search_tokens', rows.slice(start, start + 1000), {
      transaction,
    });
  }
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
