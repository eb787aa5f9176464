import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { fileURLToPath } from 'node:url';
import type { ImportedContact } from './imported-contact.ts';
import { readContacts } from './index.ts';
import type { ReadIssue, ReadOptions } from './read-types.ts';

/**
 * The shared contact fixtures (`../shared/data/contacts` beside the
 * repository), found from the
 * working directory (mocha runs from the repository root) or, failing that,
 * from this file's location.
 */
export function contactsDir(): string {
  const candidates = [
    resolve(process.cwd(), '../shared/data/contacts'),
    resolve(process.cwd(), '../../shared/data/contacts'),
    fileURLToPath(
      new URL('../../../../../../shared/data/contacts/', import.meta.url),
    ),
  ];
  const found = candidates.find((dir) => existsSync(join(dir, 'README.md')));
  if (!found)
    throw new Error(
      `contact fixtures not found (tried ${candidates.join(', ')})`,
    );

  return found;
}

/** The path of one fixture, e.g. `csv/roundcube_all.csv`. */
export function fixture(relative: string): string {
  return join(contactsDir(), relative);
}

/** Every input fixture (ground-truth `*.expected.*` files excluded), relative to the folder. */
export function inputFixtures(): string[] {
  const files: string[] = [];
  for (const folder of ['csv', 'vcard', 'xlsx']) {
    for (const name of readdirSync(join(contactsDir(), folder)).sort()) {
      if (!name.includes('.expected.')) files.push(`${folder}/${name}`);
    }
  }

  return files;
}

/** A contact with where it was read. */
export type Found = { line: number; sheet?: string; contact: ImportedContact };

/** Everything a reader yielded for one file, split into contacts and issues. */
export type ReadResult = { contacts: Found[]; issues: ReadIssue[] };

/**
 * Reads a file to the end and collects its rows.
 *
 * @param name the file name given to the reader
 * @param data bytes, or a path
 * @param options reader options
 */
export async function readAllRows(
  name: string,
  data: Buffer | string,
  options?: ReadOptions,
): Promise<ReadResult> {
  const result: ReadResult = { contacts: [], issues: [] };
  for await (const row of readContacts(name, data, options)) {
    if ('contact' in row) {
      const found: Found = { line: row.line, contact: row.contact };
      if (row.sheet) found.sheet = row.sheet;
      result.contacts.push(found);
    } else {
      result.issues.push(row.issue);
    }
  }

  return result;
}

/** Reads one fixture by its relative path. */
export function readFixture(
  relative: string,
  options?: ReadOptions,
): Promise<ReadResult> {
  return readAllRows(
    relative.split('/').pop() ?? relative,
    fixture(relative),
    options,
  );
}

/** The single contact of a one-contact fixture. */
export async function onlyContact(
  relative: string,
  options?: ReadOptions,
): Promise<ImportedContact> {
  const { contacts } = await readFixture(relative, options);
  if (contacts.length !== 1 || !contacts[0]) {
    throw new Error(
      `${relative}: expected one contact, got ${contacts.length}`,
    );
  }

  return contacts[0].contact;
}

/** The phone numbers of a contact, as `number/kind`. */
export const phonesOf = (contact: ImportedContact): string[] =>
  (contact.phones ?? []).map((phone) => `${phone.number}/${phone.kind ?? ''}`);

/** The email addresses of a contact. */
export const emailsOf = (contact: ImportedContact): string[] =>
  (contact.emails ?? []).map((email) => email.address);

/** One worksheet of a test workbook: its tab name and its rows of cell values. */
export type SheetSpec = { name: string; rows: unknown[][] };

/**
 * Writes a small workbook with exceljs's streaming writer and returns its path.
 *
 * @param dir the folder to write in
 * @param sheets the tabs, in order
 */
export async function writeWorkbook(
  dir: string,
  sheets: SheetSpec[],
): Promise<string> {
  const filename = join(dir, `w${Math.random().toString(36).slice(2)}.xlsx`);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename,
    useSharedStrings: true,
  });
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    for (const row of sheet.rows) worksheet.addRow(row).commit();
    worksheet.commit();
  }
  await workbook.commit();

  return filename;
}
