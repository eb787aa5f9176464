import { Op, QueryTypes, type Includeable, type Transaction } from 'sequelize';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import {
  escaperOf,
  handOver,
  insertStatements,
  insertReturning,
  MAX_ROWS_PER_INSERT,
  rowTuples,
  runInOrder,
} from '../../platform/db/bulk-insert.ts';
import { dialectOf } from '../../platform/db/database.ts';
import { nameFilter } from '../../platform/db/name-filter.ts';
import type { ContactRow, Models } from '../../platform/db/models.ts';
import {
  AppError,
  forbidden,
  notFound,
  versionConflict,
} from '../../platform/http/errors.ts';
import { sortKey } from '../../platform/text/fold.ts';
import { normalisePhone } from '../../platform/text/phone.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findOrCreateCompanies } from '../companies/companies.service.ts';
import {
  contactTokens,
  freshTokenStatements,
  writeTokens,
} from '../search/search-index.ts';
import type { Token } from '../search/search-text.ts';
import {
  inputOf,
  presentContact,
  presentContactSummary,
} from './contacts.presenter.ts';
import type {
  ContactDto,
  ContactInputParsed,
  ContactPage,
  contactListQuery,
} from './contacts.schemas.ts';
import { contactSortKeys } from '../../platform/text/name-keys.ts';
import type { z } from 'zod';

/** Everything a contact card shows. */
export function contactIncludes(models: Models): Includeable[] {
  return [
    { model: models.ContactEmail, as: 'emails' },
    { model: models.ContactPhone, as: 'phones' },
    { model: models.ContactAddress, as: 'addresses' },
    { model: models.ContactSocial, as: 'socialAccounts' },
    {
      model: models.Affiliation,
      as: 'affiliations',
      include: [{ model: models.Company, as: 'company', paranoid: false }],
    },
    { model: models.Term, as: 'terms', through: { attributes: [] } },
    { model: models.Contact, as: 'intermediary' },
  ];
}

/** Where a change comes from, kept per field. */
export type Provenance = {
  /** Label stored in `fieldSources`: `saisie`, `import #12 (fichier.xlsx)`... */
  source: string;
  importBatchId?: number | null;
};

const scalarFields = [
  'civility',
  'title',
  'firstName',
  'lastName',
  'birthDate',
  'contactType',
  'preferredChannel',
  'origin',
  'intermediaryId',
  'intermediaryRole',
  'notes',
  'doNotContact',
  'optOut',
] as const;

const listFields = [
  'emails',
  'phones',
  'addresses',
  'socialAccounts',
  'affiliations',
  'termIds',
] as const;

type Comparable = Record<
  (typeof scalarFields)[number] | (typeof listFields)[number],
  unknown
>;

/** A contact's input in a form to compare an update with, field by field. */
function inputAsComparable(
  ctx: Ctx,
  input: ContactInputParsed,
  companyIds: number[],
): Comparable {
  return {
    civility: input.civility ?? null,
    title: input.title ?? null,
    firstName: input.firstName ?? null,
    lastName: input.lastName ?? null,
    birthDate: input.birthDate ?? null,
    contactType: input.contactType,
    preferredChannel: input.preferredChannel ?? null,
    origin: input.origin ?? null,
    intermediaryId: input.intermediaryId ?? null,
    intermediaryRole: input.intermediaryId
      ? (input.intermediaryRole ?? null)
      : null,
    notes: input.notes ?? null,
    doNotContact: input.doNotContact,
    optOut: input.optOut,
    emails: withOnePrimary(input.emails).map((e) => [
      e.address,
      e.label ?? null,
      e.isPrimary,
    ]),
    phones: withOnePrimary(input.phones).map((p) => [
      normalisePhone(p.number, ctx.region).raw,
      p.kind,
      p.isPrimary,
    ]),
    addresses: withOnePrimary(input.addresses).map((a) => ({
      label: a.label ?? null,
      street: a.street ?? null,
      street2: a.street2 ?? null,
      postalCode: a.postalCode ?? null,
      city: a.city ?? null,
      region: a.region ?? null,
      country: a.country ?? null,
      isPrimary: a.isPrimary,
    })),
    socialAccounts: input.socialAccounts.map((s) => ({
      network: s.network,
      handle: s.handle ?? null,
      url: s.url ?? null,
    })),
    affiliations: withOnePrimary(input.affiliations).map((a, index) => [
      companyIds[index],
      a.function ?? null,
      a.department ?? null,
      a.startDate ?? null,
      a.endDate ?? null,
      a.isPrimary,
    ]),
    termIds: [...new Set(input.termIds)].sort((a, b) => a - b),
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Marks the first flagged item primary, or the first item when none is. */
function withOnePrimary<T extends { isPrimary?: boolean }>(
  items: T[],
): (T & { isPrimary: boolean })[] {
  const chosen = Math.max(
    0,
    items.findIndex((item) => item.isPrimary),
  );

  return items.map((item, index) => ({ ...item, isPrimary: index === chosen }));
}

/** A contact ready to write: the input with its companies resolved. */
type Prepared = {
  input: ContactInputParsed;
  companyIds: number[];
  companyNames: string[];
};

async function checkReferences(
  ctx: Ctx,
  inputs: ContactInputParsed[],
  transaction: Transaction | undefined,
  selfId?: number,
): Promise<void> {
  const { Term, Contact } = ctx.db.models;
  const termIds = [...new Set(inputs.flatMap((input) => input.termIds))];
  if (termIds.length > 0) {
    const found = await Term.count({ where: { id: termIds }, transaction });
    if (found !== termIds.length) {
      throw new AppError('VALIDATION_FAILED', {
        fields: [{ path: 'termIds', message: 'terme inconnu / unknown term' }],
      });
    }
  }

  for (const input of inputs) {
    if (!input.intermediaryId) continue;
    const problem =
      input.intermediaryId === selfId
        ? 'un contact ne peut être son propre intermédiaire / a contact cannot relay for itself'
        : (await Contact.count({
              where: { id: input.intermediaryId },
              transaction,
            })) === 0
          ? 'contact inconnu / unknown contact'
          : null;
    if (problem) {
      throw new AppError('VALIDATION_FAILED', {
        fields: [{ path: 'intermediaryId', message: problem }],
      });
    }
  }
}

function contactColumns(ctx: Ctx, input: ContactInputParsed) {
  return {
    civility: input.civility ?? null,
    title: input.title ?? null,
    firstName: input.firstName ?? null,
    lastName: input.lastName ?? null,
    ...contactSortKeys(input),
    birthDate: input.birthDate ?? null,
    contactType: input.contactType,
    preferredChannel: input.preferredChannel ?? null,
    origin: input.origin ?? null,
    intermediaryId: input.intermediaryId ?? null,
    intermediaryRole: input.intermediaryRole ?? null,
    notes: input.notes ?? null,
    doNotContact: input.doNotContact,
    optOutEmail: input.optOut.email,
    optOutSms: input.optOut.sms,
    optOutPost: input.optOut.post,
    optOutPhone: input.optOut.phone,
    updatedById: ctx.actor.id,
  };
}

/** Rows of the child tables of one contact, in snake_case for bulk insert. */
function childRows(ctx: Ctx, contactId: number, prepared: Prepared) {
  const { input, companyIds } = prepared;
  const phones = withOnePrimary(input.phones).map((phone, position) => {
    const normalised = normalisePhone(phone.number, ctx.region);

    return {
      contact_id: contactId,
      position,
      kind: phone.kind,
      e164: normalised.e164,
      raw: normalised.raw.slice(0, 60),
      is_primary: phone.isPrimary,
    };
  });

  return {
    contact_emails: withOnePrimary(input.emails).map((email, position) => ({
      contact_id: contactId,
      position,
      address: email.address,
      label: email.label ?? null,
      is_primary: email.isPrimary,
    })),
    contact_phones: phones,
    contact_addresses: withOnePrimary(input.addresses).map(
      (address, position) => ({
        contact_id: contactId,
        position,
        label: address.label ?? null,
        street: address.street ?? null,
        street2: address.street2 ?? null,
        postal_code: address.postalCode ?? null,
        city: address.city ?? null,
        city_key: sortKey(address.city),
        region: address.region ?? null,
        country: address.country ?? null,
        is_primary: address.isPrimary,
      }),
    ),
    contact_social_accounts: input.socialAccounts.map((account, position) => ({
      contact_id: contactId,
      position,
      network: account.network,
      handle: account.handle ?? null,
      url: account.url ?? null,
    })),
    contact_companies: withOnePrimary(input.affiliations).map(
      (affiliation, position) => ({
        contact_id: contactId,
        position,
        company_id: companyIds[position] as number,
        function: affiliation.function ?? null,
        department: affiliation.department ?? null,
        start_date: affiliation.startDate ?? null,
        end_date: affiliation.endDate ?? null,
        is_primary: affiliation.isPrimary,
      }),
    ),
    contact_terms: [...new Set(input.termIds)].map((termId) => ({
      contact_id: contactId,
      term_id: termId,
    })),
  };
}

type ChildTables = ReturnType<typeof childRows>;

/** The INSERT statements of contacts' child rows, table by table. */
function* childStatements(ctx: Ctx, rows: ChildTables[]): Generator<string> {
  const { sequelize } = ctx.db;
  const escape = escaperOf(sequelize);
  const tables = Object.keys(rows[0] ?? {}) as (keyof ChildTables)[];
  for (const table of tables) {
    const all: Record<string, unknown>[] = [];
    for (const row of rows) for (const item of row[table]) all.push(item);
    if (all.length === 0) continue;
    // Every row of a table comes from one object literal: same columns.
    const columns = Object.keys(all[0] as object);
    yield* insertStatements(
      sequelize,
      table,
      columns,
      rowTuples(escape, columns, all),
    );
  }
}

async function insertChildren(
  ctx: Ctx,
  rows: ChildTables[],
  transaction: Transaction | undefined,
): Promise<void> {
  await runInOrder(ctx.db.sequelize, childStatements(ctx, rows), transaction);
}

function sourcesFor(
  fields: readonly string[],
  provenance: Provenance,
  at: string,
) {
  return Object.fromEntries(
    fields.map((field) => [field, { source: provenance.source, at }]),
  );
}

function filledFields(input: ContactInputParsed): string[] {
  const filled: string[] = scalarFields.filter((field) => {
    const value = input[field];
    if (field === 'optOut') return Object.values(input.optOut).some(Boolean);

    return value !== null && value !== undefined && value !== false;
  });

  return [...filled, ...listFields.filter((field) => input[field].length > 0)];
}

/**
 * `JSON.stringify(sourcesFor(fields, …))` for many contacts at once: every
 * field carries the same source and time, written out once.
 */
function sourcesText(provenance: Provenance, at: string) {
  const stamp = JSON.stringify({ source: provenance.source, at });

  return (fields: readonly string[]) =>
    `{${fields.map((field) => `${JSON.stringify(field)}:${stamp}`).join(',')}}`;
}

/** How the columns of `contacts` are named in SQL, by attribute. */
const contactFields = new WeakMap<Models['Contact'], Map<string, string>>();

function fieldsOf(ctx: Ctx): Map<string, string> {
  const { Contact } = ctx.db.models;
  let fields = contactFields.get(Contact);
  if (!fields) {
    fields = new Map();
    for (const [name, attribute] of Object.entries(Contact.getAttributes()))
      fields.set(name, attribute.field ?? name);
    contactFields.set(Contact, fields);
  }

  return fields;
}

/**
 * Writes the contacts' own rows, at most `MAX_ROWS_PER_INSERT` a statement,
 * and gives back their ids in input order, the way Sequelize's `bulkCreate`
 * gets them: RETURNING on PostgreSQL, OUTPUT on SQL Server, and on SQLite
 * from the last id (one statement's rows get consecutive ids: SQLite has a
 * single writer). No model instance per contact: an import writes 50,000.
 * The first statement is on its way to the driver when this first yields.
 */
async function insertContactRows(
  ctx: Ctx,
  inputs: ContactInputParsed[],
  provenance: Provenance,
  transaction: Transaction,
): Promise<number[]> {
  const { sequelize } = ctx.db;
  const dialect = dialectOf(sequelize);
  const escape = escaperOf(sequelize);
  const fields = fieldsOf(ctx);
  const now = new Date();
  // Escaped once: the same text Sequelize writes for the date in every row.
  const stamp = escape(now);
  const sources = sourcesText(provenance, now.toISOString());
  let names: string[] = [];
  const tuples = inputs.map((input) => {
    const values: Record<string, unknown> = {
      ...contactColumns(ctx, input),
      importBatchId: provenance.importBatchId ?? null,
      fieldSources: sources(filledFields(input)),
      version: 1,
      createdById: ctx.actor.id,
    };
    if (names.length === 0) names = Object.keys(values);
    let tuple = '(';
    for (const name of names) tuple += `${escape(values[name])},`;

    return `${tuple}${stamp},${stamp})`;
  });
  const generator = sequelize.getQueryInterface().queryGenerator as {
    quoteTable: (table: string) => string;
    quoteIdentifier: (column: string) => string;
  };
  const quote = (name: string) =>
    generator.quoteIdentifier(fields.get(name) ?? name);
  const columns = [...names, 'createdAt', 'updatedAt'].map(quote).join(',');
  const id = quote('id');
  const head =
    `INSERT INTO ${generator.quoteTable('contacts')} (${columns})` +
    (dialect === 'mssql' ? ` OUTPUT INSERTED.${id}` : '') +
    ' VALUES ';
  const tail = dialect === 'postgres' ? ` RETURNING ${id};` : ';';
  const ids: unknown[] = [];
  for (let start = 0; start < tuples.length; start += MAX_ROWS_PER_INSERT) {
    const batch = tuples.slice(start, start + MAX_ROWS_PER_INSERT);
    const [result, changes] = await insertReturning(
      sequelize,
      `${head}${batch.join(',')}${tail}`,
      transaction,
    );
    if (dialect === 'sqlite') {
      const first = Number(result) - Number(changes) + 1;
      for (let index = 0; index < Number(changes); index++)
        ids.push(first + index);
    } else {
      for (const row of result as { id?: unknown }[]) ids.push(row.id);
    }
  }
  if (
    ids.length !== inputs.length ||
    ids.some((value) => typeof value !== 'number' || Number.isNaN(value))
  ) {
    throw new Error('The database did not return the ids of the new contacts');
  }

  return ids as number[];
}

/** What search finds a contact being written by. */
function newContactTokens(
  ctx: Ctx,
  input: ContactInputParsed,
  companyNames: string[],
) {
  return contactTokens({
    title: input.title ?? null,
    origin: input.origin ?? null,
    firstName: input.firstName ?? null,
    lastName: input.lastName ?? null,
    notes: input.notes,
    emails: input.emails,
    phones: input.phones.map((p) => normalisePhone(p.number, ctx.region)),
    addresses: input.addresses,
    affiliations: input.affiliations.map((a, i) => ({
      function: a.function,
      department: a.department,
      company: { name: companyNames[i] ?? '' },
    })),
    socialAccounts: input.socialAccounts,
    terms: [],
  });
}

/** Contacts prepared between two turns of the event loop, see `insertContacts`. */
const BREATH = 10;

/**
 * Writes new contacts with their emails, phones, addresses, companies, terms
 * and search tokens. Used for one contact typed by a user and for thousands
 * from an import alike, so both follow the same rules.
 *
 * @returns the new contacts' ids, in input order
 */
export async function insertContacts(
  ctx: Ctx,
  inputs: ContactInputParsed[],
  provenance: Provenance,
  transaction: Transaction,
  companyCache?: Map<string, number>,
): Promise<number[]> {
  await checkReferences(ctx, inputs, transaction);

  const names = inputs.flatMap((input) =>
    input.affiliations.map((a) => ({
      id: a.companyId,
      name: a.companyName ?? null,
    })),
  );
  const companies = await findOrCreateCompanies(
    ctx,
    names,
    provenance,
    transaction,
    companyCache,
  );
  const prepared: Prepared[] = [];
  let cursor = 0;
  for (const input of inputs) {
    const slice = companies.slice(cursor, cursor + input.affiliations.length);
    cursor += input.affiliations.length;
    prepared.push({
      input,
      companyIds: slice.map((c) => c.id),
      companyNames: slice.map((c) => c.name),
    });
  }

  // The contacts' rows are written while their search words are worked
  // out. SQLite's driver starts a statement when the previous one's result
  // reaches this thread, so the work leaves it a turn now and then.
  const written = insertContactRows(
    ctx,
    prepared.map((item) => item.input),
    provenance,
    transaction,
  );
  // Watched at once: it may fail while the search words are worked out.
  written.catch(() => undefined);
  const tokens: Token[][] = [];
  try {
    for (const [index, item] of prepared.entries()) {
      if (index % BREATH === 0) await handOver();
      tokens.push(newContactTokens(ctx, item.input, item.companyNames));
    }
  } catch (error) {
    await written.catch(() => undefined);
    throw error;
  }
  const ids = await written;
  await insertChildren(
    ctx,
    prepared.map((item, index) => childRows(ctx, ids[index] as number, item)),
    transaction,
  );
  await runInOrder(
    ctx.db.sequelize,
    freshTokenStatements(
      ctx.db.sequelize,
      ids.map((id, index) => ({
        type: 'contact' as const,
        id,
        tokens: tokens[index] as Token[],
      })),
    ),
    transaction,
  );

  return ids;
}

/**
 * Runs a change in the caller's transaction when there is one (a merge
 * writes several contacts at once), or in a transaction of its own.
 */
function inTransaction<T>(
  ctx: Ctx,
  outer: Transaction | undefined,
  work: (transaction: Transaction) => Promise<T>,
): Promise<T> {
  return outer ? work(outer) : ctx.db.sequelize.transaction(work);
}

/** Loads one contact with everything its card shows. */
export async function loadContact(
  ctx: Ctx,
  id: number,
  options: { withDeleted?: boolean; transaction?: Transaction } = {},
): Promise<ContactRow> {
  const contact = await ctx.db.models.Contact.findByPk(id, {
    include: contactIncludes(ctx.db.models),
    paranoid: !options.withDeleted,
    transaction: options.transaction,
  });
  if (!contact) throw notFound('Contact', id);

  return contact;
}

/** Rewrites a contact's search tokens from its stored state. */
export async function reindexContact(
  ctx: Ctx,
  id: number,
  transaction?: Transaction,
) {
  const contact = await loadContact(ctx, id, { transaction });
  await writeTokens(
    ctx,
    [{ type: 'contact', id, tokens: contactTokens(contact) }],
    transaction,
  );
}

/** Creates one contact typed by a user. */
export async function createContact(
  ctx: Ctx,
  input: ContactInputParsed,
): Promise<ContactDto> {
  return ctx.db.sequelize.transaction(async (transaction) => {
    const [id] = (await insertContacts(
      ctx,
      [input],
      { source: `saisie (${ctx.actor.label})` },
      transaction,
    )) as [number];
    const dto = presentContact(
      await loadContact(ctx, id, { transaction }),
      ctx.region,
    );
    await recordAudit(
      ctx,
      {
        action: 'create',
        entityType: 'contact',
        entityId: id,
        after: auditView(dto),
      },
      transaction,
    );

    return dto;
  });
}

/** The part of a card the audit trail keeps: no timestamps or bookkeeping. */
function auditView(dto: ContactDto) {
  const {
    fieldSources: _s,
    createdAt: _c,
    updatedAt: _u,
    deletedAt: _d,
    ...rest
  } = dto;

  return rest;
}

/**
 * Replaces a contact with the version the writer edited. The write succeeds
 * only if nobody saved the contact since the writer read it.
 */
export async function updateContact(
  ctx: Ctx,
  id: number,
  input: ContactInputParsed & { version: number },
  outer?: Transaction,
  source?: Provenance,
): Promise<ContactDto> {
  const {
    Contact,
    ContactEmail,
    ContactPhone,
    ContactAddress,
    ContactSocial,
    Affiliation,
    ContactTerm,
  } = ctx.db.models;

  return inTransaction(ctx, outer, async (transaction) => {
    const before = presentContact(
      await loadContact(ctx, id, { transaction }),
      ctx.region,
    );
    if (before.version !== input.version) throw versionConflict(before.version);
    await checkReferences(ctx, [input], transaction, id);

    const provenance: Provenance = source ?? {
      source: `saisie (${ctx.actor.label})`,
    };
    const companies = await findOrCreateCompanies(
      ctx,
      input.affiliations.map((a) => ({
        id: a.companyId,
        name: a.companyName ?? null,
      })),
      provenance,
      transaction,
    );
    const companyIds = companies.map((company) => company.id);
    const old = inputAsComparable(
      ctx,
      inputOf(before),
      before.affiliations.map((a) => a.company.id),
    );
    const next = inputAsComparable(ctx, input, companyIds);
    const changed = [...scalarFields, ...listFields].filter(
      (f) => !sameValue(old[f], next[f]),
    );

    const sources = {
      ...JSON.parse(await currentSources(ctx, id, transaction)),
      ...sourcesFor(changed, provenance, new Date().toISOString()),
    };
    const [count] = await Contact.update(
      {
        ...contactColumns(ctx, input),
        version: input.version + 1,
        fieldSources: JSON.stringify(sources),
      },
      { where: { id, version: input.version }, transaction },
    );
    if (count === 0) throw versionConflict(before.version + 1);

    for (const model of [
      ContactEmail,
      ContactPhone,
      ContactAddress,
      ContactSocial,
      Affiliation,
      ContactTerm,
    ]) {
      await (model as typeof ContactEmail).destroy({
        where: { contactId: id },
        transaction,
      });
    }
    await insertChildren(
      ctx,
      [childRows(ctx, id, { input, companyIds, companyNames: [] })],
      transaction,
    );
    await reindexContact(ctx, id, transaction);

    const after = presentContact(
      await loadContact(ctx, id, { transaction }),
      ctx.region,
    );
    await recordAudit(
      ctx,
      {
        action: 'update',
        entityType: 'contact',
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

async function currentSources(
  ctx: Ctx,
  id: number,
  transaction: Transaction,
): Promise<string> {
  const row = await ctx.db.models.Contact.findByPk(id, {
    attributes: ['fieldSources'],
    transaction,
  });

  return row?.fieldSources ?? '{}';
}

/** Soft-deletes a contact: it leaves searches and lists until an administrator restores it. */
export async function deleteContact(
  ctx: Ctx,
  id: number,
  outer?: Transaction,
): Promise<void> {
  await inTransaction(ctx, outer, async (transaction) => {
    const before = presentContact(
      await loadContact(ctx, id, { transaction }),
      ctx.region,
    );
    await ctx.db.models.Contact.destroy({ where: { id }, transaction });
    await ctx.db.models.SearchToken.destroy({
      where: { entityType: 'contact', entityId: id },
      transaction,
    });
    await recordAudit(
      ctx,
      {
        action: 'delete',
        entityType: 'contact',
        entityId: id,
        before: auditView(before),
      },
      transaction,
    );
  });
}

/** Brings back a soft-deleted contact (administrators only). */
export async function restoreContact(
  ctx: Ctx,
  id: number,
  outer?: Transaction,
): Promise<ContactDto> {
  if (!isAdmin(ctx.actor)) throw forbidden();

  return inTransaction(ctx, outer, async (transaction) => {
    const contact = await loadContact(ctx, id, {
      withDeleted: true,
      transaction,
    });
    if (!contact.deletedAt)
      throw new AppError('CONFLICT', {
        fr: 'Ce contact n’est pas supprimé.',
        en: 'This contact is not deleted.',
      });
    // Its fields went into the contact it was merged into: back on its own
    // it would be that contact's duplicate. Undoing the merge restores it.
    if (contact.mergedIntoId)
      throw new AppError('CONFLICT', {
        fr:
          `Ce contact a été fusionné dans le contact n° ${contact.mergedIntoId} : ` +
          'annulez la fusion pour le retrouver.',
        en:
          `This contact was merged into contact no. ${contact.mergedIntoId}: ` +
          'undo the merge to bring it back.',
      });
    await contact.restore({ transaction });
    await reindexContact(ctx, id, transaction);
    const dto = presentContact(
      await loadContact(ctx, id, { transaction }),
      ctx.region,
    );
    await recordAudit(
      ctx,
      {
        action: 'restore',
        entityType: 'contact',
        entityId: id,
        after: auditView(dto),
      },
      transaction,
    );

    return dto;
  });
}

// The folded keys first (French order, see `contactSortKeys`), then the
// names as typed, so `DUPONT` and `Dupont` keep one order.
const sortColumns = {
  lastName: ['lastNameKey', 'firstNameKey', 'lastName', 'firstName'],
  firstName: ['firstNameKey', 'lastNameKey', 'firstName', 'lastName'],
  createdAt: ['createdAt'],
  updatedAt: ['updatedAt'],
  deletedAt: ['deletedAt'],
} as const;

/** A page of contacts, sorted; deleted ones only when asked (administrators). */
export async function listContacts(
  ctx: Ctx,
  query: z.output<typeof contactListQuery>,
): Promise<ContactPage> {
  const {
    Contact,
    ContactEmail,
    ContactPhone,
    ContactAddress,
    Affiliation,
    Company,
  } = ctx.db.models;
  const onlyDeleted = query.deleted === 'only';
  if (onlyDeleted && !isAdmin(ctx.actor)) throw forbidden();

  const where = {
    ...(query.contactType ? { contactType: query.contactType } : {}),
    ...(onlyDeleted ? { deletedAt: { [Op.ne]: null } } : {}),
    ...nameFilter(['lastNameKey', 'firstNameKey'], query.name),
  };
  const direction = query.order === 'desc' ? 'DESC' : 'ASC';
  const order = sortColumns[query.sort].map(
    (column) => [column, direction] as [string, string],
  );
  const total = await Contact.count({ where, paranoid: !onlyDeleted });
  const page = await Contact.findAll({
    where,
    paranoid: !onlyDeleted,
    attributes: ['id'],
    order: [...order, ['id', 'ASC']],
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const ids = page.map((row) => row.id);
  const rows = ids.length
    ? await Contact.findAll({
        where: { id: ids },
        paranoid: !onlyDeleted,
        include: [
          { model: ContactEmail, as: 'emails' },
          { model: ContactPhone, as: 'phones' },
          { model: ContactAddress, as: 'addresses' },
          {
            model: Affiliation,
            as: 'affiliations',
            include: [{ model: Company, as: 'company', paranoid: false }],
          },
        ],
      })
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));

  return {
    items: ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [presentContactSummary(row, ctx.region)] : [];
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
