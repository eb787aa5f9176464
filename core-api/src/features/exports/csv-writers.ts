import {
  civilityLabel,
  contactTypeLabel,
  countryLabel,
  mergeFields,
  type Lang,
} from './export-labels.ts';
import type { ExportRow } from './export-rows.ts';
import { neutralise } from './formula-guard.ts';
import { finish, put, type FormatWriter } from './output.ts';

const bom = '\uFEFF';

/** A field quoted as Outlook writes every field: `"…"`, inner quotes doubled. */
const quoted = (value: string | null) =>
  `"${(value ?? '').replace(/"/g, '""')}"`;

type OutlookColumn = {
  /** The column names of French and English desktop Outlook, verbatim. */
  header: Record<Lang, string>;
  phone?: boolean;
  value: (row: ExportRow, lang: Lang) => string | null;
};

const fullName = (row: ExportRow) =>
  [row.firstName, row.lastName].filter(Boolean).join(' ');

/**
 * The Outlook contact columns Relais fills, in the order and with the names
 * of Outlook's own CSV export (Import/Export wizard), French and English:
 * Outlook matches columns by these names in its own language. Civility
 * goes in Outlook's first "Titre"/"Title", the function in its second
 * "Titre"/"Job Title". The contact type has no Outlook field: it comes last,
 * under the name the project's importer reads ("Type de contact"); Outlook
 * leaves a column it does not know out of its import.
 * `outlook-csv.test.ts` checks each name against the importer's header map,
 * the one list of Outlook names the project keeps. A company is written as
 * Outlook's own company entries are: no name, the company, its business
 * address, phone, fax and email.
 */
export const outlookColumns: OutlookColumn[] = [
  {
    header: { fr: 'Titre', en: 'Title' },
    value: (row, lang) => civilityLabel(row.civility, lang),
  },
  { header: { fr: 'Prénom', en: 'First Name' }, value: (row) => row.firstName },
  {
    header: { fr: 'Deuxième prénom', en: 'Middle Name' },
    value: () => null,
  },
  { header: { fr: 'Nom', en: 'Last Name' }, value: (row) => row.lastName },
  { header: { fr: 'Suffixe', en: 'Suffix' }, value: () => null },
  {
    header: { fr: 'Société', en: 'Company' },
    value: (row) => row.organisation,
  },
  {
    header: { fr: 'Service', en: 'Department' },
    value: (row) => row.department,
  },
  { header: { fr: 'Titre', en: 'Job Title' }, value: (row) => row.function },
  {
    header: { fr: 'Rue (bureau)', en: 'Business Street' },
    value: (row) => row.street,
  },
  {
    header: { fr: 'Rue (bureau) 2', en: 'Business Street 2' },
    value: (row) => row.street2,
  },
  {
    header: { fr: 'Ville (bureau)', en: 'Business City' },
    value: (row) => row.city,
  },
  {
    header: { fr: 'Dép/Région (bureau)', en: 'Business State' },
    value: (row) => row.region,
  },
  {
    header: { fr: 'Code postal (bureau)', en: 'Business Postal Code' },
    value: (row) => row.postalCode,
  },
  {
    header: { fr: 'Pays/Région (bureau)', en: 'Business Country/Region' },
    value: (row, lang) => countryLabel(row.country, lang),
  },
  {
    header: { fr: 'Télécopie (bureau)', en: 'Business Fax' },
    phone: true,
    value: (row) => row.fax,
  },
  {
    header: { fr: 'Téléphone (bureau)', en: 'Business Phone' },
    phone: true,
    value: (row) => row.office[0] ?? null,
  },
  {
    header: { fr: 'Téléphone 2 (bureau)', en: 'Business Phone 2' },
    phone: true,
    value: (row) => row.office[1] ?? null,
  },
  {
    header: { fr: 'Téléphone (domicile)', en: 'Home Phone' },
    phone: true,
    value: (row) => row.home[0] ?? null,
  },
  {
    header: { fr: 'Téléphone 2 (domicile)', en: 'Home Phone 2' },
    phone: true,
    value: (row) => row.home[1] ?? null,
  },
  {
    header: { fr: 'Tél. mobile', en: 'Mobile Phone' },
    phone: true,
    value: (row) => row.mobile[0] ?? null,
  },
  {
    header: { fr: 'Téléphone (autre)', en: 'Other Phone' },
    phone: true,
    // A second mobile has no Outlook field of its own.
    value: (row) => row.otherPhones[0] ?? row.mobile[1] ?? null,
  },
  {
    header: { fr: 'Adresse de messagerie', en: 'E-mail Address' },
    value: (row) => row.email,
  },
  {
    header: { fr: 'Type de messagerie', en: 'E-mail Type' },
    value: (row) => (row.email ? 'SMTP' : null),
  },
  {
    header: {
      fr: "Nom complet de l'adresse de messagerie",
      en: 'E-mail Display Name',
    },
    value: (row) =>
      row.email
        ? `${fullName(row) || row.organisation || row.email} (${row.email})`
        : null,
  },
  {
    header: { fr: 'Adresse de messagerie 2', en: 'E-mail 2 Address' },
    value: (row) => row.otherEmails[0] ?? null,
  },
  {
    header: { fr: 'Adresse de messagerie 3', en: 'E-mail 3 Address' },
    value: (row) => row.otherEmails[1] ?? null,
  },
  {
    header: { fr: 'Type de contact', en: 'Contact Type' },
    value: (row, lang) => contactTypeLabel(row.contactType, lang),
  },
];

async function writeCsv(
  batches: AsyncIterable<ExportRow[]>,
  out: Parameters<FormatWriter>[1],
  header: string[],
  cells: (row: ExportRow) => string[],
  separator: string,
): Promise<number> {
  await put(out, `${bom}${header.map(quoted).join(separator)}\r\n`);
  let count = 0;
  for await (const batch of batches) {
    const lines = batch.map(
      (row) => `${cells(row).map(quoted).join(separator)}\r\n`,
    );
    await put(out, lines.join(''));
    count += batch.length;
  }
  await finish(out);

  return count;
}

/**
 * CSV for Outlook's import wizard: Outlook's own column names (French or
 * English Outlook), UTF-8 with a byte order mark (Outlook otherwise reads
 * the file as ANSI and breaks accents), CRLF line ends, every field quoted
 * as Outlook quotes its exports.
 */
export const writeOutlookCsv: FormatWriter = (batches, out, { lang }) =>
  writeCsv(
    batches,
    out,
    outlookColumns.map((column) => column.header[lang]),
    (row) =>
      outlookColumns.map((column) => {
        const value = column.value(row, lang);

        return value === null ? '' : neutralise(value, column.phone);
      }),
    ',',
  );

const phoneFields = new Set(['Téléphone', 'Phone', 'Mobile', 'Fax']);

/**
 * CSV data source for a Word mail merge: the merge field names as headers
 * (`Nom`, `Prénom`, `Code_postal`…: Word turns spaces into underscores, so
 * the names carry none), semicolons between fields as French Word and
 * Excel expect (the comma is the French decimal mark), UTF-8 with a byte
 * order mark so Word picks the encoding without asking, CRLF line ends.
 */
export const writeWordCsv: FormatWriter = (batches, out, { lang }) =>
  writeCsv(
    batches,
    out,
    mergeFields.map((field) => field.name[lang]),
    (row) =>
      mergeFields.map((field) => {
        const value = field.value(row, lang);

        return value === null
          ? ''
          : neutralise(value, phoneFields.has(field.name[lang]));
      }),
    ';',
  );
