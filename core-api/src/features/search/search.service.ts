import { QueryTypes } from 'sequelize';
import type { Ctx } from '../../platform/context.ts';
import { dialectOf } from '../../platform/db/database.ts';
import { contactDisplayName } from '../contacts/contacts.presenter.ts';
import type { SearchHit, SearchResult } from './search.schemas.ts';
import { fieldWeight, parseQuery, type QueryWord } from './search-text.ts';

// A company's own name weighs more than the employer named on a contact, so
// "Le Monde" lists the outlet before its journalists.
const fieldBonus =
  'CASE field ' +
  Object.entries(fieldWeight)
    .map(([field, weight]) =>
      field === 'org'
        ? `WHEN 'org' THEN (CASE WHEN entity_type = 'company' ` +
          `THEN ${fieldWeight.name + 2} ELSE ${weight} END) `
        : `WHEN '${field}' THEN ${weight} `,
    )
    .join('') +
  'END';

type Candidate = {
  entity_type: 'contact' | 'company';
  entity_id: number;
  score: number;
  worst: number;
};

/**
 * One query word's matches. Prefix conditions are written per dialect so each
 * uses the B-tree index on `token`: GLOB on SQLite (LIKE there ignores case
 * and skips the index), LIKE on PostgreSQL over a "C"-collated column and on
 * SQL Server.
 */
function wordMatches(
  ctx: Ctx,
  word: QueryWord,
  index: number,
  type: string | null,
): string {
  const dialect = dialectOf(ctx.db.sequelize);
  const quote = (value: string) => ctx.db.sequelize.escape(value);
  const prefix =
    word.kind === 'word' && !word.prefix
      ? `token = ${quote(word.token)}`
      : dialect === 'sqlite'
        ? `token GLOB ${quote(`${word.token}*`)}`
        : `token LIKE ${quote(`${word.token}%`)}`;
  const typeFilter = type ? ` AND entity_type = ${quote(type)}` : '';

  if (word.kind === 'digits') {
    return (
      `SELECT ${index} AS w, entity_type, entity_id, ` +
      `MAX(CASE WHEN token = ${quote(word.token)} THEN 315 ELSE 215 END) AS s ` +
      `FROM search_tokens WHERE ((${prefix} AND field = 'phone') ` +
      `OR token = ${quote(word.token)})${typeFilter} ` +
      'GROUP BY entity_type, entity_id'
    );
  }

  const phonetic =
    (word.phonetic ? ` OR phonetic = ${quote(word.phonetic)}` : '') +
    (word.sound ? ` OR sound = ${quote(word.sound)}` : '');
  const kind =
    `CASE WHEN token = ${quote(word.token)} THEN 300 ` +
    `WHEN ${prefix} THEN 200 ELSE 100 END`;

  return (
    `SELECT ${index} AS w, entity_type, entity_id, MAX(${kind} + ${fieldBonus}) AS s ` +
    `FROM search_tokens WHERE (${prefix}${phonetic})${typeFilter} ` +
    'GROUP BY entity_type, entity_id'
  );
}

function limitClause(ctx: Ctx, limit: number): string {
  return dialectOf(ctx.db.sequelize) === 'mssql'
    ? `OFFSET 0 ROWS FETCH NEXT ${limit} ROWS ONLY`
    : `LIMIT ${limit}`;
}

// Checked once per candidate (grouped) rather than per matching word: a
// primary-key probe, and only contacts a feed deactivated are left out.
const notDeactivated =
  ' AND NOT EXISTS (SELECT 1 FROM contacts c WHERE ' +
  "m.entity_type = 'contact' AND c.id = m.entity_id " +
  'AND c.deactivated_at IS NOT NULL)';

/** Builds the whole search statement (exported for the dialect tests). */
export function searchSql(
  ctx: Ctx,
  words: QueryWord[],
  type: string | null,
  limit: number,
  options: { includeDeactivated?: boolean } = {},
): string {
  const parts = words.map((word, index) => wordMatches(ctx, word, index, type));

  return (
    'SELECT entity_type, entity_id, SUM(s) AS score, MIN(s) AS worst ' +
    `FROM (${parts.join(' UNION ALL ')}) m ` +
    `GROUP BY entity_type, entity_id HAVING COUNT(*) = ${words.length}` +
    `${options.includeDeactivated ? '' : notDeactivated} ` +
    `ORDER BY score DESC, entity_id ${limitClause(ctx, limit)}`
  );
}

function matchOf(worst: number): SearchHit['match'] {
  if (worst >= 300) return 'exact';
  if (worst >= 200) return 'prefix';

  return 'phonetic';
}

/**
 * Finds contacts and companies by any word of any field: exact words first,
 * then word beginnings, then French sound-alikes; every word typed must match.
 * Contacts a feed deactivated (gone from it) are left out unless
 * `includeDeactivated` asks for them; they are then marked.
 */
export async function search(
  ctx: Ctx,
  input: {
    q: string;
    type: 'contact' | 'company' | 'all';
    limit: number;
    includeDeactivated?: boolean;
  },
): Promise<SearchResult> {
  const started = performance.now();
  const words = parseQuery(input.q);
  if (words.length === 0) return { items: [], tookMs: 0 };

  const type = input.type === 'all' ? null : input.type;
  const rows = await ctx.db.sequelize.query<Candidate>(
    searchSql(ctx, words, type, input.limit, {
      includeDeactivated: input.includeDeactivated ?? false,
    }),
    {
      type: QueryTypes.SELECT,
    },
  );
  const items = await describeHits(ctx, rows);

  return { items, tookMs: Math.round((performance.now() - started) * 10) / 10 };
}

async function describeHits(ctx: Ctx, rows: Candidate[]): Promise<SearchHit[]> {
  const { Contact, Company, ContactEmail, Affiliation, ContactAddress } =
    ctx.db.models;
  const contactIds = rows
    .filter((row) => row.entity_type === 'contact')
    .map((row) => Number(row.entity_id));
  const companyIds = rows
    .filter((row) => row.entity_type === 'company')
    .map((row) => Number(row.entity_id));

  const contacts = contactIds.length
    ? await Contact.findAll({
        where: { id: contactIds },
        include: [
          { model: ContactEmail, as: 'emails', required: false },
          { model: ContactAddress, as: 'addresses', required: false },
          {
            model: Affiliation,
            as: 'affiliations',
            required: false,
            include: [{ model: Company, as: 'company', paranoid: false }],
          },
        ],
      })
    : [];
  const companies = companyIds.length
    ? await Company.findAll({ where: { id: companyIds } })
    : [];
  const contactById = new Map(contacts.map((contact) => [contact.id, contact]));
  const companyById = new Map(
    companies.map((company) => [company.id, company]),
  );

  const hits: SearchHit[] = [];
  for (const row of rows) {
    const id = Number(row.entity_id);
    const score = Number(row.score);
    const match = matchOf(Number(row.worst));

    if (row.entity_type === 'contact') {
      const contact = contactById.get(id);
      if (!contact) continue;
      const affiliation =
        contact.affiliations?.find((a) => a.isPrimary && !a.endDate) ??
        contact.affiliations?.find((a) => !a.endDate) ??
        contact.affiliations?.[0];
      const city =
        contact.addresses?.find((a) => a.isPrimary)?.city ??
        contact.addresses?.[0]?.city;
      const email =
        contact.emails?.find((e) => e.isPrimary)?.address ??
        contact.emails?.[0]?.address;
      const parts = [
        affiliation?.function,
        affiliation?.company?.name,
        city ?? email,
      ];
      const subtitle = parts.filter(Boolean).join(' · ') || null;
      hits.push({
        type: 'contact',
        id,
        displayName: contactDisplayName(contact),
        subtitle,
        match,
        score,
        ...(contact.deactivatedAt ? { deactivated: true } : {}),
      });
    } else {
      const company = companyById.get(id);
      if (!company) continue;
      const subtitle =
        [company.companyType, company.city].filter(Boolean).join(' · ') || null;
      hits.push({
        type: 'company',
        id,
        displayName: company.name,
        subtitle,
        match,
        score,
      });
    }
  }

  return hits;
}
