import { Op } from 'sequelize';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { emailForms } from '../../platform/text/email.ts';
import { normalisePhone } from '../../platform/text/phone.ts';
import type {
  CompanyDuplicateAnswer,
  PossibleCompanyDuplicate,
} from '../contacts/card-extras.schemas.ts';
import { outletKey, outletWords } from '../dedup/index.ts';
import { search } from '../search/search.service.ts';
import type { companyInput } from './companies.schemas.ts';

type Field = PossibleCompanyDuplicate['fields'][number];

/** How many candidates a check shows: enough to spot the one already there. */
const shown = 10;

/** `https://www.LeMonde.fr/international` → `lemonde.fr`; null for no host. */
function hostOf(website: string | null | undefined): string | null {
  if (!website) return null;
  try {
    return new URL(website).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/**
 * The companies of the base a company about to be created may already be.
 * The name is looked up as the search finds outlets (accents, sound-alikes,
 * word beginnings), less its legal form, "Journal" and articles, and once
 * glued ("franceinfo"); the same outlet key as the dedup engine's
 * ("LE MONDE SA", "Journal Le Monde") makes a candidate `same`. The same
 * e-mail address, website host or phone number makes one worth a look.
 */
export async function findCompanyDuplicates(
  ctx: Ctx,
  input: z.output<typeof companyInput>,
): Promise<CompanyDuplicateAnswer> {
  const { Company, Affiliation } = ctx.db.models;
  const reasons = new Map<number, Set<Field>>();
  const note = (id: number, field: Field) =>
    reasons.set(id, (reasons.get(id) ?? new Set()).add(field));

  const key = outletKey(input.name);
  for (const q of new Set([outletWords(input.name).join(' '), key])) {
    if (!q) continue;
    const found = await search(ctx, { q, type: 'company', limit: 20 });
    for (const hit of found.items) note(hit.id, 'name');
  }
  if (input.email) {
    const same = await Company.findAll({
      where: { email: emailForms(input.email) },
      attributes: ['id'],
      limit: shown,
    });
    for (const company of same) note(company.id, 'email');
  }
  const host = hostOf(input.website);
  if (host) {
    const near = await Company.findAll({
      where: { website: { [Op.like]: `%${host.replace(/[%_]/g, '')}%` } },
      attributes: ['id', 'website'],
      limit: 50,
    });
    for (const company of near)
      if (hostOf(company.website) === host) note(company.id, 'website');
  }
  const phone = input.phone && normalisePhone(input.phone, ctx.region).e164;
  if (phone) {
    const same = await Company.findAll({
      where: { phoneE164: phone },
      attributes: ['id'],
      limit: shown,
    });
    for (const company of same) note(company.id, 'phone');
  }
  if (reasons.size === 0) return { items: [] };

  const companies = await Company.findAll({
    where: { id: [...reasons.keys()] },
  });
  const counts = (await Affiliation.count({
    where: { companyId: companies.map((company) => company.id) },
    group: ['companyId'],
  })) as unknown as { companyId: number; count: number }[];
  const countOf = new Map(
    counts.map((c) => [Number(c.companyId), Number(c.count)]),
  );
  const items: PossibleCompanyDuplicate[] = companies.map((company) => {
    const fields = [...(reasons.get(company.id) ?? [])];
    const sameOutlet = [company.name, company.legalName].some(
      (name) => name && outletKey(name) === key,
    );

    return {
      company: {
        id: company.id,
        name: company.name,
        companyType: company.companyType,
        city: company.city,
        contactCount: countOf.get(company.id) ?? 0,
        updatedAt: company.updatedAt.toISOString(),
      },
      outcome: sameOutlet ? 'same' : 'maybe',
      fields,
    };
  });
  const rank = (item: PossibleCompanyDuplicate) =>
    (item.outcome === 'same' ? 10 : 0) + item.fields.length;

  return {
    items: items
      .sort((a, b) => rank(b) - rank(a) || a.company.id - b.company.id)
      .slice(0, shown),
  };
}
