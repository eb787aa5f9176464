import type { QueryInterface } from 'sequelize';
import {
  tokensOf,
  type TokenField,
} from '../../../features/search/search-text.ts';
import { words } from '../../text/fold.ts';

/** The apostrophes that join name words (`tokensOf` glues them). */
const apostrophes = ["'", '’', 'ʼ'];

type Glued = {
  entity_type: 'contact' | 'company';
  entity_id: number;
  field: TokenField;
  token: string;
  phonetic: string | null;
  sound: string | null;
};

/**
 * Names and organisations joined by an apostrophe are now also found glued
 * ("obrien" finds O'Brien, see `tokensOf`): the records written before get
 * those words added beside their others, the rest of their index kept. Only
 * records with an apostrophe in a name are read; a word a record already
 * has is not written twice.
 */
export async function up({ context }: { context: QueryInterface }) {
  const { sequelize } = context;
  const joined = (column: string) =>
    '(' +
    apostrophes
      .map((mark) => `${column} LIKE ${sequelize.escape(`%${mark}%`)}`)
      .join(' OR ') +
    ')';
  const found = new Map<string, Glued>();
  const read = async (
    sql: string,
    entityType: Glued['entity_type'],
    columns: [string, TokenField][],
  ) => {
    const [rows] = await sequelize.query(sql);
    for (const row of rows as Record<string, unknown>[]) {
      const id = Number(row.id);
      for (const [column, field] of columns) {
        const value = row[column];
        if (typeof value !== 'string') continue;
        const apart = words(value);
        for (const token of tokensOf(field, value)) {
          const key = `${entityType}:${id}:${token.token}`;
          if (apart.includes(token.token) || found.has(key)) continue;
          found.set(key, {
            entity_type: entityType,
            entity_id: id,
            field,
            token: token.token,
            phonetic: token.phonetic,
            sound: token.sound,
          });
        }
      }
    }
  };
  await read(
    'SELECT id, last_name, first_name FROM contacts ' +
      `WHERE ${joined('last_name')} OR ${joined('first_name')}`,
    'contact',
    [
      ['last_name', 'name'],
      ['first_name', 'name'],
    ],
  );
  await read(
    'SELECT cc.contact_id AS id, co.name AS name FROM contact_companies cc ' +
      `JOIN companies co ON co.id = cc.company_id WHERE ${joined('co.name')}`,
    'contact',
    [['name', 'org']],
  );
  await read(
    'SELECT id, name, legal_name FROM companies ' +
      `WHERE ${joined('name')} OR ${joined('legal_name')}`,
    'company',
    [
      ['name', 'org'],
      ['legal_name', 'org'],
    ],
  );

  const glued = [...found.values()];
  const tokens = [...new Set(glued.map((row) => row.token))];
  for (let start = 0; start < tokens.length; start += 500) {
    const list = tokens
      .slice(start, start + 500)
      .map((token) => sequelize.escape(token))
      .join(', ');
    const [rows] = await sequelize.query(
      'SELECT entity_type, entity_id, token FROM search_tokens ' +
        `WHERE token IN (${list})`,
    );
    for (const row of rows as Record<string, unknown>[]) {
      found.delete(`${row.entity_type}:${Number(row.entity_id)}:${row.token}`);
    }
  }
  const missing = [...found.values()];
  for (let start = 0; start < missing.length; start += 500) {
    await context.bulkInsert(
      'search_tokens',
      missing.slice(start, start + 500),
    );
  }
}

/** The glued words stay: they only help find a record. */
export async function down() {}
