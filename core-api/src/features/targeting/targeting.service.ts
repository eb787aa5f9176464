import { QueryTypes } from 'sequelize';
import type { Ctx } from '../../platform/context.ts';
import { displayPhone } from '../../platform/text/phone.ts';
import {
  companyFields,
  contactFields,
  criterionOperators,
  departmentCodes,
  operatorLabels,
  operatorShapes,
  regions,
  type Channel,
  type TargetQuery,
  type TargetSort,
} from './query.schemas.ts';
import type { TableRowDto } from './target-rows.schemas.ts';
import { countTarget, targetPage } from './target.ts';
import type { FieldCatalogue, TargetPageDto } from './targeting.schemas.ts';

const elapsed = (started: number) =>
  Math.round((performance.now() - started) * 10) / 10;

/** The live count of an ad-hoc query. */
export async function countQuery(
  ctx: Ctx,
  input: {
    query: TargetQuery;
    channel?: Channel;
    includeOptedOut?: boolean;
  },
) {
  const started = performance.now();
  const count = await countTarget(
    ctx,
    { kind: 'query', query: input.query },
    { channel: input.channel, includeOptedOut: input.includeOptedOut },
  );
  ctx.log.info(
    { entity: input.query.entity, ...count, tookMs: elapsed(started) },
    'targeting.counted',
  );

  return { ...count, tookMs: elapsed(started) };
}

/** One page of a query's results with the live count. */
export async function searchQuery(
  ctx: Ctx,
  input: {
    query: TargetQuery;
    channel?: Channel;
    includeOptedOut?: boolean;
    sort?: TargetSort;
    page: number;
    pageSize: number;
  },
): Promise<TargetPageDto> {
  const started = performance.now();
  const { count, ids } = await targetPage(ctx, input.query, input);
  const items =
    input.query.entity === 'company'
      ? await describeCompanies(ctx, ids)
      : await describeContacts(ctx, ids);
  ctx.log.info(
    {
      entity: input.query.entity,
      matched: count.matched,
      page: input.page,
      tookMs: elapsed(started),
    },
    'targeting.searched',
  );

  return {
    count,
    items,
    page: input.page,
    pageSize: input.pageSize,
    tookMs: elapsed(started),
  };
}

type ContactLine = {
  id: number;
  first_name: string | null;
  last_name: string | null;
  contact_type: string;
  updated_at: Date | string;
};
type Detail = {
  contact_id: number;
  value: string | null;
  extra?: string | null;
};

/** A date as the API writes it, whichever way the driver read it. */
const isoDate = (value: Date | string): string =>
  new Date(
    typeof value === 'string' && !value.includes('T')
      ? // SQLite's text form: `2026-12-05 10:00:00.000 +00:00`.
        value.replace(' ', 'T').replace(' ', '')
      : value,
  ).toISOString();

/**
 * The rows of a page: the main email, phone, organisation and address of
 * each contact are the primary ones, else the first by position (as the
 * contact card shows them). Five statements over the page's ids, whatever
 * the base size.
 */
export async function describeContacts(
  ctx: Ctx,
  ids: number[],
): Promise<TableRowDto[]> {
  if (ids.length === 0) return [];
  const { sequelize } = ctx.db;
  const list = ids.map(Number).join(', ');
  const read = <T extends object>(sql: string) =>
    sequelize.query<T>(sql, {
      type: QueryTypes.SELECT,
      transaction: ctx.transaction,
    });
  const fn = sequelize.getQueryInterface().quoteIdentifier('function');
  const [contacts, emails, affiliations, addresses, phones] = await Promise.all(
    [
      read<ContactLine>(
        'SELECT id, first_name, last_name, contact_type, updated_at FROM contacts ' +
          `WHERE id IN (${list})`,
      ),
      read<Detail>(
        'SELECT contact_id, address AS value FROM contact_emails ' +
          `WHERE contact_id IN (${list}) ORDER BY is_primary DESC, position, id`,
      ),
      read<Detail>(
        `SELECT cc.contact_id, co.name AS value, cc.${fn} AS extra ` +
          'FROM contact_companies cc JOIN companies co ON co.id = cc.company_id ' +
          `WHERE cc.contact_id IN (${list}) AND cc.end_date IS NULL ` +
          'ORDER BY cc.is_primary DESC, cc.position, cc.id',
      ),
      read<Detail>(
        'SELECT contact_id, city AS value, postal_code AS extra FROM contact_addresses ' +
          `WHERE contact_id IN (${list}) AND city IS NOT NULL ` +
          'ORDER BY is_primary DESC, position, id',
      ),
      read<Detail>(
        'SELECT contact_id, raw AS value, e164 AS extra FROM contact_phones ' +
          `WHERE contact_id IN (${list}) AND kind <> 'fax' ` +
          'ORDER BY is_primary DESC, position, id',
      ),
    ],
  );
  const first = (rows: Detail[]) => {
    const byContact = new Map<number, Detail>();
    for (const row of rows) {
      const id = Number(row.contact_id);
      if (!byContact.has(id)) byContact.set(id, row);
    }
    return byContact;
  };
  const email = first(emails);
  const affiliation = first(affiliations);
  const city = first(addresses);
  const phone = first(phones);
  const byId = new Map(contacts.map((row) => [Number(row.id), row]));

  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const job = affiliation.get(id);
    const dialled = phone.get(id);
    const displayName =
      [row.first_name, row.last_name].filter(Boolean).join(' ') ||
      email.get(id)?.value ||
      job?.value ||
      `#${id}`;

    return [
      {
        id,
        entity: 'contact' as const,
        displayName,
        firstName: row.first_name,
        lastName: row.last_name,
        type: row.contact_type,
        function: job?.extra ?? null,
        organisation: job?.value ?? null,
        email: email.get(id)?.value ?? null,
        city: city.get(id)?.value ?? null,
        phone: dialled?.value
          ? displayPhone(dialled.extra ?? null, dialled.value, ctx.region)
          : null,
        postalCode: city.get(id)?.extra ?? null,
        updatedAt: isoDate(row.updated_at),
        contactCount: null,
      },
    ];
  });
}

/**
 * The rows of a page of companies, with how many live contacts each has
 * (current or past links, as the company card lists them).
 */
export async function describeCompanies(
  ctx: Ctx,
  ids: number[],
): Promise<TableRowDto[]> {
  if (ids.length === 0) return [];
  const list = ids.map(Number).join(', ');
  const options = {
    type: QueryTypes.SELECT as const,
    transaction: ctx.transaction,
  };
  const [rows, links] = await Promise.all([
    ctx.db.sequelize.query<{
      id: number;
      name: string;
      company_type: string | null;
      email: string | null;
      city: string | null;
      postal_code: string | null;
      phone_raw: string | null;
      phone_e164: string | null;
      updated_at: Date | string;
    }>(
      'SELECT id, name, company_type, email, city, postal_code, phone_raw, ' +
        `phone_e164, updated_at FROM companies WHERE id IN (${list})`,
      options,
    ),
    ctx.db.sequelize.query<{ company_id: number; linked: number | string }>(
      'SELECT cc.company_id, COUNT(DISTINCT cc.contact_id) AS linked ' +
        'FROM contact_companies cc JOIN contacts c ON c.id = cc.contact_id ' +
        `AND c.deleted_at IS NULL WHERE cc.company_id IN (${list}) ` +
        'GROUP BY cc.company_id',
      options,
    ),
  ]);
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  const linked = new Map(
    links.map((link) => [Number(link.company_id), Number(link.linked)]),
  );

  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];

    return [
      {
        id,
        entity: 'company' as const,
        displayName: row.name,
        firstName: null,
        lastName: null,
        type: row.company_type,
        function: null,
        organisation: row.name,
        email: row.email,
        city: row.city,
        phone: row.phone_raw
          ? displayPhone(row.phone_e164, row.phone_raw, ctx.region)
          : null,
        postalCode: row.postal_code,
        updatedAt: isoDate(row.updated_at),
        contactCount: linked.get(id) ?? 0,
      },
    ];
  });
}

const sortLabels: FieldCatalogue['sorts'] = [
  { by: 'name', label: { fr: 'Nom', en: 'Name' } },
  { by: 'company', label: { fr: 'Société', en: 'Company' } },
  { by: 'city', label: { fr: 'Ville', en: 'City' } },
  { by: 'updated', label: { fr: 'Mise à jour', en: 'Updated' } },
];

/** What the query builder offers: every criterion, operator, region and sort. */
export function fieldCatalogue(): FieldCatalogue {
  return {
    fields: [...contactFields, ...companyFields].map((spec) => ({
      ...spec,
      operators: [...spec.operators],
      codes: spec.codes ? [...spec.codes] : undefined,
    })),
    operators: criterionOperators.map((operator) => ({
      operator,
      label: {
        fr: operatorLabels[operator][0],
        en: operatorLabels[operator][1],
      },
      value: operatorShapes[operator],
    })),
    regions: regions.map((region) => ({
      code: region.code,
      label: { fr: region.fr, en: region.en },
      departments: [...region.departments],
    })),
    departments: [...departmentCodes],
    sorts: sortLabels,
  };
}
