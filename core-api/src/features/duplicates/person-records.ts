import { QueryTypes, type Transaction } from 'sequelize';
import type { Ctx } from '../../platform/context.ts';
import { emailForms } from '../../platform/text/email.ts';
import type { PersonRecord } from '../dedup/index.ts';

type ContactLine = {
  id: number;
  civility: string | null;
  first_name: string | null;
  last_name: string | null;
  birth_date: string | null;
};
type Valued = { contact_id: number; value: string | null };
type AddressLine = {
  contact_id: number;
  city: string | null;
  postal_code: string | null;
  street: string | null;
};

/** Which live contacts to read: all, all but one import's, or some. */
export type RecordFilter = {
  notBatchId?: number;
  /** Only these contacts. */
  ids?: number[];
  transaction?: Transaction;
};

/**
 * Live contacts in the dedup engine's shape, read with five plain queries so
 * a 50,000-contact base needs no model instance per row.
 */
export async function personRecords(
  ctx: Ctx,
  filter: RecordFilter = {},
): Promise<PersonRecord[]> {
  const { sequelize } = ctx.db;
  const conditions = ['deleted_at IS NULL'];
  if (filter.notBatchId !== undefined) {
    conditions.push(
      `(import_batch_id IS NULL OR import_batch_id <> ${sequelize.escape(filter.notBatchId)})`,
    );
  }
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    // Integers checked here, written inline: no parameter limit to meet.
    const ids = filter.ids.filter((id) => Number.isInteger(id));
    conditions.push(`id IN (${ids.join(',')})`);
  }
  const chosen = `SELECT id FROM contacts WHERE ${conditions.join(' AND ')}`;
  const select = <T extends object>(sql: string) =>
    sequelize.query<T>(sql, {
      type: QueryTypes.SELECT,
      transaction: filter.transaction,
    });

  // One after another: SQLite's single connection takes one query at a time.
  const contacts = await select<ContactLine>(
    'SELECT id, civility, first_name, last_name, birth_date FROM contacts ' +
      `WHERE id IN (${chosen})`,
  );
  const emails = await select<Valued>(
    `SELECT contact_id, address AS value FROM contact_emails WHERE contact_id IN (${chosen})`,
  );
  const phones = await select<Valued>(
    'SELECT contact_id, COALESCE(e164, raw) AS value FROM contact_phones ' +
      `WHERE contact_id IN (${chosen})`,
  );
  const addresses = await select<AddressLine>(
    'SELECT contact_id, city, postal_code, street FROM contact_addresses ' +
      `WHERE contact_id IN (${chosen}) ORDER BY contact_id, is_primary DESC, position`,
  );
  const outlets = await select<Valued>(
    'SELECT cc.contact_id, c.name AS value FROM contact_companies cc ' +
      'JOIN companies c ON c.id = cc.company_id ' +
      `WHERE cc.end_date IS NULL AND cc.contact_id IN (${chosen})`,
  );

  return assemble(contacts, emails, phones, addresses, outlets);
}

function assemble(
  contacts: ContactLine[],
  emails: Valued[],
  phones: Valued[],
  addresses: AddressLine[],
  outlets: Valued[],
): PersonRecord[] {
  const records = new Map<number, PersonRecord>();
  for (const line of contacts) {
    records.set(Number(line.id), {
      id: String(line.id),
      civility: line.civility,
      firstName: line.first_name,
      lastName: line.last_name,
      // A birthday without its year (--MM-DD) cannot tell people apart.
      birthDate: line.birth_date?.startsWith('--') ? null : line.birth_date,
      emails: [],
      phones: [],
      companies: [],
    });
  }
  const of = (id: number) => records.get(Number(id));
  for (const { contact_id: id, value } of emails) of(id)?.emails?.push(value);
  for (const { contact_id: id, value } of phones) of(id)?.phones?.push(value);
  for (const { contact_id: id, value } of outlets) {
    of(id)?.companies?.push({ name: value });
  }
  for (const address of addresses) {
    const record = of(address.contact_id);
    if (!record || record.city !== undefined) continue;
    record.city = address.city;
    record.postalCode = address.postal_code;
    record.street = address.street;
  }

  return [...records.values()];
}

/** What an incoming record is looked up by in the base. */
export type CandidateKeys = {
  emails: string[];
  /** E.164 numbers. */
  phones: string[];
  /** The two French sound keys of each word of the last names. */
  namePhonetics: string[];
  nameSounds: string[];
  /** Words of the last names with digits ("123"): no sound key reads them. */
  nameWords?: string[];
};

/**
 * The live contacts that could be duplicates of some incoming records: those
 * sharing an email, a phone number, or the sound of a word of the last name
 * (or the word itself, for one no sound key reads: "123").
 * A small import into a large base reads these few instead of every contact;
 * the engine's own blocking then works among them.
 */
export async function candidateRecords(
  ctx: Ctx,
  keys: CandidateKeys,
  transaction?: Transaction,
): Promise<PersonRecord[]> {
  const { sequelize } = ctx.db;
  const ids = new Set<number>();
  const collect = async (sql: string, values: string[]) => {
    const unique = [...new Set(values)].filter((value) => value !== '');
    // Within every dialect's parameter limit (2,100 on SQL Server).
    for (let start = 0; start < unique.length; start += 1000) {
      const rows = await sequelize.query<{ id: number }>(sql, {
        type: QueryTypes.SELECT,
        replacements: { values: unique.slice(start, start + 1000) },
        transaction,
      });
      for (const row of rows) ids.add(Number(row.id));
    }
  };
  await collect(
    'SELECT contact_id AS id FROM contact_emails WHERE address IN (:values)',
    // Also as an older record may hold it, its domain written `xn--`.
    keys.emails.flatMap(emailForms),
  );
  await collect(
    'SELECT contact_id AS id FROM contact_phones WHERE e164 IN (:values)',
    keys.phones,
  );
  await collect(
    "SELECT entity_id AS id FROM search_tokens WHERE entity_type = 'contact' " +
      "AND field = 'name' AND phonetic IN (:values)",
    keys.namePhonetics,
  );
  await collect(
    "SELECT entity_id AS id FROM search_tokens WHERE entity_type = 'contact' " +
      "AND field = 'name' AND sound IN (:values)",
    keys.nameSounds,
  );
  await collect(
    'SELECT entity_id AS id FROM search_tokens WHERE token IN (:values) ' +
      "AND entity_type = 'contact' AND field = 'name'",
    keys.nameWords ?? [],
  );

  return personRecords(ctx, { ids: [...ids], transaction });
}
