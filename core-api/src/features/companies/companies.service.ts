import { Op, type Transaction } from 'sequelize';
import type { z } from 'zod';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import type { CompanyRow } from '../../platform/db/models.ts';
import { nameFilter } from '../../platform/db/name-filter.ts';
import {
  AppError,
  forbidden,
  notFound,
  versionConflict,
} from '../../platform/http/errors.ts';
import { sortKey, words } from '../../platform/text/fold.ts';
import { displayPhone, normalisePhone } from '../../platform/text/phone.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { contactDisplayName } from '../contacts/contacts.presenter.ts';
import type { Provenance } from '../contacts/contacts.service.ts';
import { companyTokens, writeTokens } from '../search/search-index.ts';
import type {
  CompanyDto,
  CompanyPage,
  companyInput,
  companyListQuery,
} from './companies.schemas.ts';

type CompanyInputParsed = z.output<typeof companyInput>;

/** The folded form a company is matched by: `L'Équipe` and `l equipe` are one key. */
export function companyKey(name: string): string {
  return words(name).join(' ').slice(0, 300);
}

/**
 * Finds each named company, creating the missing ones, in the caller's
 * transaction. A company given by id must exist.
 *
 * @param cache name keys already resolved in this batch, so an import of
 *   thousands of rows naming a few hundred outlets asks for each once
 * @returns one `{ id, name }` per request, in order
 */
export async function findOrCreateCompanies(
  ctx: Ctx,
  requests: { id?: number | null; name: string | null }[],
  provenance: Provenance,
  transaction: Transaction,
  cache = new Map<string, number>(),
): Promise<{ id: number; name: string }[]> {
  const { Company } = ctx.db.models;
  const names = new Map<number, string>();
  const byId = requests.filter((r) => r.id).map((r) => r.id as number);

  if (byId.length > 0) {
    const found = await Company.findAll({
      where: { id: byId },
      attributes: ['id', 'name'],
      transaction,
    });
    for (const company of found) names.set(company.id, company.name);
    const missing = byId.find((id) => !names.has(id));
    if (missing) {
      throw new AppError('VALIDATION_FAILED', {
        fields: [
          {
            path: 'affiliations.companyId',
            message: `société ${missing} inconnue / unknown company ${missing}`,
          },
        ],
      });
    }
  }

  const wanted = new Map<string, string>();
  for (const request of requests) {
    if (request.id || !request.name) continue;
    const key = companyKey(request.name);
    if (!cache.has(key) && !wanted.has(key))
      wanted.set(key, request.name.trim());
  }

  const keys = [...wanted.keys()];
  for (let start = 0; start < keys.length; start += 500) {
    const existing = await Company.findAll({
      where: { nameKey: keys.slice(start, start + 500) },
      attributes: ['id', 'nameKey'],
      transaction,
    });
    for (const company of existing) cache.set(company.nameKey, company.id);
  }

  const toCreate = keys.filter((key) => !cache.has(key));
  if (toCreate.length > 0) {
    const at = new Date().toISOString();
    const created = await Company.bulkCreate(
      toCreate.map((key) => ({
        name: (wanted.get(key) as string).slice(0, 300),
        nameKey: key,
        origin: provenance.source.slice(0, 120),
        importBatchId: provenance.importBatchId ?? null,
        fieldSources: JSON.stringify({
          name: { source: provenance.source, at },
        }),
        createdById: ctx.actor.id,
        updatedById: ctx.actor.id,
      })),
      { transaction, returning: true },
    );
    for (const company of created) cache.set(company.nameKey, company.id);
    await writeTokens(
      ctx,
      created.map((company) => ({
        type: 'company' as const,
        id: company.id,
        tokens: companyTokens(company),
      })),
      transaction,
      { fresh: true },
    );
  }

  return requests.map((request) => {
    if (request.id)
      return { id: request.id, name: names.get(request.id) ?? '' };
    const name = (request.name ?? '').trim();

    return { id: cache.get(companyKey(name)) as number, name };
  });
}

function phoneOf(e164: string | null, raw: string | null, region: string) {
  return raw ? { e164, raw, display: displayPhone(e164, raw, region) } : null;
}

/** The whole card of a company with its linked contacts. */
export function presentCompany(company: CompanyRow, region = 'FR'): CompanyDto {
  const today = new Date().toISOString().slice(0, 10);

  return {
    id: company.id,
    name: company.name,
    legalName: company.legalName,
    companyType: company.companyType,
    sector: company.sector
      ? { id: company.sector.id, label: company.sector.label }
      : null,
    street: company.street,
    street2: company.street2,
    postalCode: company.postalCode,
    city: company.city,
    region: company.region,
    country: company.country,
    phone: phoneOf(company.phoneE164, company.phoneRaw, region),
    fax: phoneOf(company.faxE164, company.faxRaw, region),
    email: company.email,
    website: company.website,
    notes: company.notes,
    origin: company.origin,
    socialAccounts: [...(company.socialAccounts ?? [])]
      .sort((a, b) => a.position - b.position)
      .map((account) => ({
        id: account.id,
        network:
          account.network as CompanyDto['socialAccounts'][number]['network'],
        handle: account.handle,
        url: account.url,
      })),
    terms: (company.terms ?? []).map((term) => ({
      id: term.id,
      kind: term.kind,
      label: term.label,
      parentId: term.parentId,
    })),
    contacts: (company.affiliations ?? [])
      .filter((affiliation) => affiliation.contact)
      .map((affiliation) => ({
        id: affiliation.contactId,
        displayName: contactDisplayName(affiliation.contact!),
        contactType: affiliation.contact!
          .contactType as CompanyDto['contacts'][number]['contactType'],
        function: affiliation.function,
        current: !affiliation.endDate || affiliation.endDate >= today,
      })),
    fieldSources: JSON.parse(
      company.fieldSources,
    ) as CompanyDto['fieldSources'],
    version: company.version,
    createdAt: company.createdAt.toISOString(),
    updatedAt: company.updatedAt.toISOString(),
    deletedAt: company.deletedAt ? company.deletedAt.toISOString() : null,
  };
}

async function loadCompany(
  ctx: Ctx,
  id: number,
  options: { withDeleted?: boolean; transaction?: Transaction } = {},
): Promise<CompanyRow> {
  const m = ctx.db.models;
  const company = await m.Company.findByPk(id, {
    paranoid: !options.withDeleted,
    transaction: options.transaction,
    include: [
      { model: m.Term, as: 'sector' },
      { model: m.CompanySocial, as: 'socialAccounts' },
      { model: m.Term, as: 'terms', through: { attributes: [] } },
      {
        model: m.Affiliation,
        as: 'affiliations',
        include: [
          {
            model: m.Contact,
            as: 'contact',
            include: [{ model: m.ContactEmail, as: 'emails' }],
          },
        ],
      },
    ],
  });
  if (!company) throw notFound('Société', id);

  return company;
}

export async function getCompany(
  ctx: Ctx,
  id: number,
  withDeleted = false,
): Promise<CompanyDto> {
  return presentCompany(
    await loadCompany(ctx, id, { withDeleted }),
    ctx.region,
  );
}

const fields = [
  'name',
  'legalName',
  'companyType',
  'sectorId',
  'street',
  'street2',
  'postalCode',
  'city',
  'region',
  'country',
  'phone',
  'fax',
  'email',
  'website',
  'notes',
  'origin',
  'socialAccounts',
  'termIds',
] as const;

function columns(ctx: Ctx, input: CompanyInputParsed) {
  const phone = input.phone ? normalisePhone(input.phone, ctx.region) : null;
  const fax = input.fax ? normalisePhone(input.fax, ctx.region) : null;

  return {
    name: input.name,
    nameKey: companyKey(input.name),
    legalName: input.legalName ?? null,
    companyType: input.companyType ?? null,
    sectorId: input.sectorId ?? null,
    street: input.street ?? null,
    street2: input.street2 ?? null,
    postalCode: input.postalCode ?? null,
    city: input.city ?? null,
    cityKey: sortKey(input.city),
    region: input.region ?? null,
    country: input.country ?? null,
    phoneE164: phone?.e164 ?? null,
    phoneRaw: phone?.raw ?? null,
    faxE164: fax?.e164 ?? null,
    faxRaw: fax?.raw ?? null,
    email: input.email ?? null,
    website: input.website ?? null,
    notes: input.notes ?? null,
    origin: input.origin ?? null,
    updatedById: ctx.actor.id,
  };
}

async function checkTerms(
  ctx: Ctx,
  input: CompanyInputParsed,
  transaction: Transaction,
) {
  const { Term } = ctx.db.models;
  const problems = [];
  if (input.sectorId) {
    const sector = await Term.findByPk(input.sectorId, { transaction });
    if (!sector || sector.kind !== 'sector') {
      problems.push({
        path: 'sectorId',
        message: 'secteur inconnu / unknown sector',
      });
    }
  }
  const ids = [...new Set(input.termIds)];
  if (
    ids.length &&
    (await Term.count({ where: { id: ids }, transaction })) !== ids.length
  ) {
    problems.push({ path: 'termIds', message: 'terme inconnu / unknown term' });
  }
  if (problems.length)
    throw new AppError('VALIDATION_FAILED', { fields: problems });
}

async function writeCompanyChildren(
  ctx: Ctx,
  id: number,
  input: CompanyInputParsed,
  transaction: Transaction,
) {
  const { CompanySocial, CompanyTerm } = ctx.db.models;
  await CompanySocial.destroy({ where: { companyId: id }, transaction });
  await CompanyTerm.destroy({ where: { companyId: id }, transaction });
  await CompanySocial.bulkCreate(
    input.socialAccounts.map((account, position) => ({
      companyId: id,
      position,
      network: account.network,
      handle: account.handle ?? null,
      url: account.url ?? null,
    })),
    { transaction },
  );
  await CompanyTerm.bulkCreate(
    [...new Set(input.termIds)].map((termId) => ({ companyId: id, termId })),
    { transaction },
  );
  const company = await loadCompany(ctx, id, { transaction });
  await writeTokens(
    ctx,
    [{ type: 'company', id, tokens: companyTokens(company) }],
    transaction,
  );
}

function auditView(dto: CompanyDto) {
  const {
    fieldSources: _s,
    createdAt: _c,
    updatedAt: _u,
    deletedAt: _d,
    contacts: _k,
    ...rest
  } = dto;

  return rest;
}

export async function createCompany(
  ctx: Ctx,
  input: CompanyInputParsed,
): Promise<CompanyDto> {
  return ctx.db.sequelize.transaction(async (transaction) => {
    await checkTerms(ctx, input, transaction);
    const at = new Date().toISOString();
    const source = `saisie (${ctx.actor.label})`;
    const filled = fields.filter((field) => {
      const value = input[field];
      return Array.isArray(value) ? value.length > 0 : value != null;
    });
    const company = await ctx.db.models.Company.create(
      {
        ...columns(ctx, input),
        fieldSources: JSON.stringify(
          Object.fromEntries(filled.map((f) => [f, { source, at }])),
        ),
        createdById: ctx.actor.id,
        importBatchId: null,
      },
      { transaction },
    );
    await writeCompanyChildren(ctx, company.id, input, transaction);
    const dto = presentCompany(
      await loadCompany(ctx, company.id, { transaction }),
      ctx.region,
    );
    await recordAudit(
      ctx,
      {
        action: 'create',
        entityType: 'company',
        entityId: company.id,
        after: auditView(dto),
      },
      transaction,
    );

    return dto;
  });
}

export async function updateCompany(
  ctx: Ctx,
  id: number,
  input: CompanyInputParsed & { version: number },
): Promise<CompanyDto> {
  return ctx.db.sequelize.transaction(async (transaction) => {
    const row = await loadCompany(ctx, id, { transaction });
    const before = presentCompany(row, ctx.region);
    if (before.version !== input.version) throw versionConflict(before.version);
    await checkTerms(ctx, input, transaction);

    const next = columns(ctx, input);
    const current = row.get({ plain: true }) as unknown as Record<
      string,
      unknown
    >;
    const changed = Object.entries(next)
      .filter(
        ([key, value]) =>
          key !== 'updatedById' &&
          key !== 'nameKey' &&
          key !== 'cityKey' &&
          (current[key] ?? null) !== value,
      )
      .map(([key]) => key);
    const at = new Date().toISOString();
    const sources = JSON.parse(row.fieldSources) as Record<string, unknown>;
    for (const key of changed)
      sources[key] = { source: `saisie (${ctx.actor.label})`, at };

    const [count] = await ctx.db.models.Company.update(
      {
        ...next,
        version: input.version + 1,
        fieldSources: JSON.stringify(sources),
      },
      { where: { id, version: input.version }, transaction },
    );
    if (count === 0) throw versionConflict(before.version + 1);
    await writeCompanyChildren(ctx, id, input, transaction);

    const after = presentCompany(
      await loadCompany(ctx, id, { transaction }),
      ctx.region,
    );
    await recordAudit(
      ctx,
      {
        action: 'update',
        entityType: 'company',
        entityId: id,
        summary: changed.join(', '),
        before: auditView(before),
        after: auditView(after),
      },
      transaction,
    );

    return after;
  });
}

export async function deleteCompany(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.sequelize.transaction(async (transaction) => {
    const before = presentCompany(
      await loadCompany(ctx, id, { transaction }),
      ctx.region,
    );
    await ctx.db.models.Company.destroy({ where: { id }, transaction });
    await ctx.db.models.SearchToken.destroy({
      where: { entityType: 'company', entityId: id },
      transaction,
    });
    await recordAudit(
      ctx,
      {
        action: 'delete',
        entityType: 'company',
        entityId: id,
        before: auditView(before),
      },
      transaction,
    );
  });
}

export async function restoreCompany(
  ctx: Ctx,
  id: number,
): Promise<CompanyDto> {
  if (!isAdmin(ctx.actor)) throw forbidden();

  return ctx.db.sequelize.transaction(async (transaction) => {
    const company = await loadCompany(ctx, id, {
      withDeleted: true,
      transaction,
    });
    if (!company.deletedAt) {
      throw new AppError('CONFLICT', {
        fr: 'Cette société n’est pas supprimée.',
        en: 'This company is not deleted.',
      });
    }
    await company.restore({ transaction });
    const restored = await loadCompany(ctx, id, { transaction });
    await writeTokens(
      ctx,
      [{ type: 'company', id, tokens: companyTokens(restored) }],
      transaction,
    );
    const dto = presentCompany(restored, ctx.region);
    await recordAudit(
      ctx,
      {
        action: 'restore',
        entityType: 'company',
        entityId: id,
        after: auditView(dto),
      },
      transaction,
    );

    return dto;
  });
}

export async function listCompanies(
  ctx: Ctx,
  query: z.output<typeof companyListQuery>,
): Promise<CompanyPage> {
  const { Company, Affiliation } = ctx.db.models;
  const onlyDeleted = query.deleted === 'only';
  if (onlyDeleted && !isAdmin(ctx.actor)) throw forbidden();

  const where = {
    ...(onlyDeleted ? { deletedAt: { [Op.ne]: null } } : {}),
    ...nameFilter(['nameKey'], query.name),
  };
  const direction = query.order === 'desc' ? 'DESC' : 'ASC';
  // Names sort on their folded key (French order), then as typed.
  const sort =
    query.sort === 'name' ? ['nameKey', 'name'] : [query.sort as string];
  const { rows, count } = await Company.findAndCountAll({
    where,
    paranoid: !onlyDeleted,
    order: [
      ...sort.map((column) => [column, direction] as [string, string]),
      ['id', 'ASC'],
    ],
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const ids = rows.map((row) => row.id);
  const counts = ids.length
    ? ((await Affiliation.count({
        where: { companyId: ids },
        group: ['companyId'],
      })) as unknown as {
        companyId: number;
        count: number;
      }[])
    : [];
  const countById = new Map(
    counts.map((c) => [Number(c.companyId), Number(c.count)]),
  );

  return {
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      companyType: row.companyType,
      city: row.city,
      contactCount: countById.get(row.id) ?? 0,
      updatedAt: row.updatedAt.toISOString(),
    })),
    total: count,
    page: query.page,
    pageSize: query.pageSize,
  };
}
