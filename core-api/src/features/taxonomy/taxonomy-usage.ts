import { QueryTypes } from 'sequelize';
import type { Ctx } from '../../platform/context.ts';
import type { TermUsageDto } from './taxonomy.schemas.ts';

/**
 * Every use of a term by a live record, one row each: a contact's term, a
 * company's term, a company's sector. `scoped` adds each use of a live
 * sub-domain once more under its domain (`own = 0`), so one grouping gives
 * both a term's own count and a domain's count with its sub-domains, each
 * record counted once even when tagged with several of them.
 *
 * Plain SQL that SQLite, PostgreSQL and SQL Server all read alike (common
 * table expressions, UNION ALL, COUNT(DISTINCT CASE ...)); the NULLs take
 * their type from the other branches of their UNION.
 */
const usageSql = `
WITH uses AS (
  SELECT ct.term_id, ct.contact_id, NULL AS company_id
    FROM contact_terms ct JOIN contacts c ON c.id = ct.contact_id
   WHERE c.deleted_at IS NULL
  UNION ALL
  SELECT kt.term_id, NULL, kt.company_id
    FROM company_terms kt JOIN companies k ON k.id = kt.company_id
   WHERE k.deleted_at IS NULL
  UNION ALL
  SELECT k.sector_id, NULL, k.id
    FROM companies k
   WHERE k.deleted_at IS NULL AND k.sector_id IS NOT NULL
), scoped AS (
  SELECT term_id AS scope_id, 1 AS own, contact_id, company_id FROM uses
  UNION ALL
  SELECT t.parent_id, 0, u.contact_id, u.company_id
    FROM uses u JOIN taxonomy_terms t ON t.id = u.term_id
   WHERE t.parent_id IS NOT NULL AND t.deleted_at IS NULL
)
SELECT scope_id AS term_id,
       COUNT(DISTINCT CASE WHEN own = 1 THEN contact_id END) AS contacts,
       COUNT(DISTINCT CASE WHEN own = 1 THEN company_id END) AS companies,
       COUNT(DISTINCT contact_id) AS contacts_within,
       COUNT(DISTINCT company_id) AS companies_within
  FROM scoped
 GROUP BY scope_id`;

type UsageRow = {
  term_id: number | string;
  contacts: number | string;
  companies: number | string;
  contacts_within: number | string;
  companies_within: number | string;
};

/**
 * How many live contacts and companies use each term (deleted ones too:
 * their links stay until the term is restored or purged), in one grouped
 * query. Terms nothing uses are left out.
 */
export async function termUsage(ctx: Ctx): Promise<TermUsageDto[]> {
  const rows = await ctx.db.sequelize.query<UsageRow>(usageSql, {
    type: QueryTypes.SELECT,
    transaction: ctx.transaction,
  });

  // PostgreSQL answers counts as strings (bigint); the others as numbers.
  return rows.map((row) => ({
    termId: Number(row.term_id),
    contacts: Number(row.contacts),
    companies: Number(row.companies),
    contactsWithin: Number(row.contacts_within),
    companiesWithin: Number(row.companies_within),
  }));
}
