import { Op } from 'sequelize';
import type { Ctx } from '../../platform/context.ts';
import type {
  AddressRow,
  EmailRow,
  PhoneRow,
} from '../../platform/db/models.ts';
import { displayPhone } from '../../platform/text/phone.ts';
import type { ContactType } from './export-labels.ts';

/**
 * One contact, or one company, flattened for export: the main value of each
 * kind, the way a spreadsheet, an address book or a letter wants it. Phones
 * are shown as people write them (national form for the base's country). A
 * company fills the organisation, its business address, phone, fax and
 * email, and leaves a person's fields empty.
 */
export type ExportRow = {
  kind: 'contact' | 'company';
  id: number;
  civility: 'M' | 'MME' | null;
  title: string | null;
  lastName: string | null;
  firstName: string | null;
  /** Null for a company. */
  contactType: ContactType | null;
  function: string | null;
  organisation: string | null;
  department: string | null;
  /** The primary email, else the first one. */
  email: string | null;
  /** The other emails, in their order. */
  otherEmails: string[];
  /** The primary phone that is not a fax, else the first such phone. */
  phone: string | null;
  mobile: string[];
  office: string[];
  home: string[];
  otherPhones: string[];
  /** The contact's fax, else their organisation's. */
  fax: string | null;
  /** The contact's primary address, else their organisation's. */
  street: string | null;
  street2: string | null;
  postalCode: string | null;
  city: string | null;
  region: string | null;
  /** ISO 3166 two-letter code. */
  country: string | null;
  preferredChannel: string | null;
  /** `YYYY-MM-DD`, or `--MM-DD` without a year. */
  birthDate: string | null;
  /** A company's own fields; null for a contact. */
  legalName: string | null;
  companyType: string | null;
  sector: string | null;
  website: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** The company fields a contact leaves empty. */
const noCompanyFields = {
  legalName: null,
  companyType: null,
  sector: null,
  website: null,
} as const;

const byPrimaryThenPosition = <
  T extends { position: number; isPrimary: boolean },
>(
  items: T[],
): T[] =>
  [...items].sort(
    (a, b) =>
      Number(b.isPrimary) - Number(a.isPrimary) || a.position - b.position,
  );

function groupBy<T extends { contactId: number }>(rows: T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(row.contactId);
    if (group) group.push(row);
    else groups.set(row.contactId, [row]);
  }

  return groups;
}

type Organisation = {
  name: string | null;
  function: string | null;
  department: string | null;
  fax: string | null;
  address: Pick<
    AddressRow,
    'street' | 'street2' | 'postalCode' | 'city' | 'region' | 'country'
  > | null;
};

/**
 * Reads one batch of contacts for export, in the order of `ids`, with five
 * queries whatever the batch size (no join of every child table at once,
 * which would multiply rows). Deleted or unknown ids are skipped.
 *
 * @param ids the contacts of this batch, in export order
 */
export async function loadExportRows(
  ctx: Ctx,
  ids: readonly number[],
): Promise<ExportRow[]> {
  if (ids.length === 0) return [];
  const { models } = ctx.db;
  const where = { contactId: { [Op.in]: [...ids] } };
  const options = { transaction: ctx.transaction, raw: true } as const;
  // Only the columns an export shows: a contact's field sources alone
  // weigh more than the rest of its row.
  const [contacts, emails, phones, addresses, affiliations] = await Promise.all(
    [
      models.Contact.findAll({
        where: { id: { [Op.in]: [...ids] } },
        attributes: [
          'id',
          'civility',
          'title',
          'firstName',
          'lastName',
          'contactType',
          'preferredChannel',
          'birthDate',
          'createdAt',
          'updatedAt',
        ],
        ...options,
      }),
      models.ContactEmail.findAll({
        where,
        attributes: ['contactId', 'position', 'address', 'isPrimary'],
        ...options,
      }),
      models.ContactPhone.findAll({
        where,
        attributes: [
          'contactId',
          'position',
          'kind',
          'e164',
          'raw',
          'isPrimary',
        ],
        ...options,
      }),
      models.ContactAddress.findAll({
        where,
        attributes: [
          'contactId',
          'position',
          'street',
          'street2',
          'postalCode',
          'city',
          'region',
          'country',
          'isPrimary',
        ],
        ...options,
      }),
      models.Affiliation.findAll({
        where,
        attributes: [
          'contactId',
          'companyId',
          'position',
          'function',
          'department',
          'endDate',
          'isPrimary',
        ],
        ...options,
      }),
    ],
  );
  const organisations = await organisationsOf(ctx, affiliations);
  const emailsOf = groupBy(emails as EmailRow[]);
  const phonesOf = groupBy(phones as PhoneRow[]);
  const addressesOf = groupBy(addresses as AddressRow[]);
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  const rows: ExportRow[] = [];
  for (const id of ids) {
    const contact = byId.get(id);
    if (!contact) continue;
    const mails = byPrimaryThenPosition(emailsOf.get(id) ?? []).map(
      (email) => email.address,
    );
    const organisation = organisations.get(id);
    const address =
      byPrimaryThenPosition(addressesOf.get(id) ?? [])[0] ??
      organisation?.address ??
      null;
    rows.push({
      kind: 'contact',
      id,
      civility: contact.civility,
      title: contact.title,
      lastName: contact.lastName,
      firstName: contact.firstName,
      contactType: contact.contactType as ContactType,
      function: organisation?.function ?? null,
      organisation: organisation?.name ?? null,
      department: organisation?.department ?? null,
      email: mails[0] ?? null,
      otherEmails: mails.slice(1),
      ...phoneColumns(phonesOf.get(id) ?? [], organisation, ctx.region),
      street: address?.street ?? null,
      street2: address?.street2 ?? null,
      postalCode: address?.postalCode ?? null,
      city: address?.city ?? null,
      region: address?.region ?? null,
      country: address?.country ?? null,
      preferredChannel: contact.preferredChannel,
      birthDate: contact.birthDate,
      ...noCompanyFields,
      createdAt: new Date(contact.createdAt),
      updatedAt: new Date(contact.updatedAt),
    });
  }

  return rows;
}

const metropolitan = /^\+33([1-79])(\d{2})(\d{2})(\d{2})(\d{2})$/;

/**
 * A phone as people read it: `displayPhone`, with a shortcut for the
 * common case of a French geographic or mobile number in a French base
 * (`+33561000001` → `05 61 00 00 01`, as libphonenumber writes it; not the
 * 08 service numbers, written `0 800 …`), which would otherwise cost more
 * than the rest of a row.
 */
export function shownPhone(
  e164: string | null,
  raw: string,
  region: string,
): string {
  const french = region === 'FR' && e164 ? metropolitan.exec(e164) : null;
  if (french) return `0${french.slice(1).join(' ')}`;

  return displayPhone(e164, raw, region);
}

function phoneColumns(
  phones: PhoneRow[],
  organisation: Organisation | undefined,
  region: string,
): Pick<
  ExportRow,
  'phone' | 'mobile' | 'office' | 'home' | 'otherPhones' | 'fax'
> {
  const ordered = byPrimaryThenPosition(phones);
  const shown = (phone: PhoneRow) => shownPhone(phone.e164, phone.raw, region);
  const ofKind = (kind: string) =>
    ordered.filter((phone) => phone.kind === kind).map(shown);
  const voice = ordered.find((phone) => phone.kind !== 'fax');

  return {
    phone: voice ? shown(voice) : null,
    mobile: ofKind('mobile'),
    office: ofKind('office'),
    home: ofKind('home'),
    otherPhones: ofKind('other'),
    fax: ofKind('fax')[0] ?? organisation?.fax ?? null,
  };
}

/**
 * Each contact's main organisation: the primary current link, else the
 * first current one, else the first, with the company's fax and address
 * (used when the contact has none of their own: a journalist's letters go
 * to the newsroom).
 */
async function organisationsOf(
  ctx: Ctx,
  affiliations: {
    contactId: number;
    companyId: number;
    position: number;
    isPrimary: boolean;
    endDate: string | null;
    function: string | null;
    department: string | null;
  }[],
): Promise<Map<number, Organisation>> {
  const today = new Date().toISOString().slice(0, 10);
  const chosen = new Map<number, (typeof affiliations)[number]>();
  const rank = (link: (typeof affiliations)[number]) =>
    (link.endDate && link.endDate < today ? 0 : 2) + (link.isPrimary ? 1 : 0);
  for (const link of affiliations) {
    const current = chosen.get(link.contactId);
    if (
      !current ||
      rank(link) > rank(current) ||
      (rank(link) === rank(current) && link.position < current.position)
    )
      chosen.set(link.contactId, link);
  }
  const companyIds = [...new Set([...chosen.values()].map((l) => l.companyId))];
  const companies =
    companyIds.length === 0
      ? []
      : await ctx.db.models.Company.findAll({
          where: { id: { [Op.in]: companyIds } },
          attributes: [
            'id',
            'name',
            'faxE164',
            'faxRaw',
            'street',
            'street2',
            'postalCode',
            'city',
            'region',
            'country',
          ],
          transaction: ctx.transaction,
          raw: true,
        });
  const byId = new Map(companies.map((company) => [company.id, company]));
  const result = new Map<number, Organisation>();
  for (const [contactId, link] of chosen) {
    const company = byId.get(link.companyId);
    const hasAddress = company && (company.street || company.city);
    result.set(contactId, {
      name: company?.name ?? null,
      function: link.function,
      department: link.department,
      fax:
        company?.faxRaw || company?.faxE164
          ? shownPhone(company.faxE164, company.faxRaw ?? '', ctx.region)
          : null,
      address: hasAddress
        ? {
            street: company.street,
            street2: company.street2,
            postalCode: company.postalCode,
            city: company.city,
            region: company.region,
            country: company.country,
          }
        : null,
    });
  }

  return result;
}

/**
 * Reads one batch of companies for export, in the order of `ids`, with one
 * query and the sectors' labels (in the export's language). Deleted or
 * unknown ids are skipped.
 *
 * @param ids the companies of this batch, in export order
 */
export async function loadCompanyRows(
  ctx: Ctx,
  ids: readonly number[],
  lang: 'fr' | 'en',
): Promise<ExportRow[]> {
  if (ids.length === 0) return [];
  const { models } = ctx.db;
  const companies = await models.Company.findAll({
    where: { id: { [Op.in]: [...ids] } },
    attributes: { exclude: ['notes', 'nameKey'] },
    transaction: ctx.transaction,
    raw: true,
  });
  const sectorIds = [
    ...new Set(companies.map((c) => c.sectorId).filter((id) => id !== null)),
  ];
  const sectors =
    sectorIds.length === 0
      ? []
      : await models.Term.findAll({
          where: { id: { [Op.in]: sectorIds } },
          attributes: ['id', 'label', 'labelEn'],
          transaction: ctx.transaction,
          raw: true,
        });
  const sectorOf = new Map(
    sectors.map((t) => [t.id, (lang === 'en' && t.labelEn) || t.label]),
  );
  const byId = new Map(companies.map((company) => [company.id, company]));
  const rows: ExportRow[] = [];
  for (const id of ids) {
    const company = byId.get(id);
    if (!company) continue;
    const phone =
      company.phoneRaw || company.phoneE164
        ? shownPhone(company.phoneE164, company.phoneRaw ?? '', ctx.region)
        : null;
    const fax =
      company.faxRaw || company.faxE164
        ? shownPhone(company.faxE164, company.faxRaw ?? '', ctx.region)
        : null;
    rows.push({
      kind: 'company',
      id,
      civility: null,
      title: null,
      lastName: null,
      firstName: null,
      contactType: null,
      function: null,
      organisation: company.name,
      department: null,
      email: company.email,
      otherEmails: [],
      phone,
      mobile: [],
      office: phone ? [phone] : [],
      home: [],
      otherPhones: [],
      fax,
      street: company.street,
      street2: company.street2,
      postalCode: company.postalCode,
      city: company.city,
      region: company.region,
      country: company.country,
      preferredChannel: null,
      birthDate: null,
      legalName: company.legalName,
      companyType: company.companyType,
      sector:
        company.sectorId === null
          ? null
          : (sectorOf.get(company.sectorId) ?? null),
      website: company.website,
      createdAt: new Date(company.createdAt),
      updatedAt: new Date(company.updatedAt),
    });
  }

  return rows;
}
