import {
  companyColumns,
  frenchDate,
  parisDay,
  tableColumns,
  type Column,
  type Lang,
} from './export-labels.ts';
import type { ExportRow } from './export-rows.ts';
import { finish, put, type Entity, type FormatWriter } from './output.ts';

/** Escapes text for HTML content and attribute values. */
export const escapeHtml = (value: string): string =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const pick = (columns: Column[], keys: string[]) =>
  keys.map((key) => columns.find((column) => column.key === key)!);

/** The columns a printed page has room for, in the table's order. */
const printed: Record<Entity, Column[]> = {
  contact: pick(tableColumns, [
    'lastName',
    'firstName',
    'contactType',
    'function',
    'organisation',
    'email',
    'phone',
    'fax',
  ]),
  company: pick(companyColumns, [
    'organisation',
    'companyType',
    'sector',
    'email',
    'phone',
    'fax',
    'website',
  ]),
};

const words = {
  fr: {
    address: 'Adresse',
    generated: 'Exporté le',
    count: {
      contact: (n: number) => `${n} contact${n > 1 ? 's' : ''}`,
      company: (n: number) => `${n} société${n > 1 ? 's' : ''}`,
    },
    caption: {
      contact: 'Liste des contacts exportés',
      company: 'Liste des sociétés exportées',
    },
  },
  en: {
    address: 'Address',
    generated: 'Exported on',
    count: {
      contact: (n: number) => `${n} contact${n === 1 ? '' : 's'}`,
      company: (n: number) => `${n} compan${n === 1 ? 'y' : 'ies'}`,
    },
    caption: {
      contact: 'Exported contacts',
      company: 'Exported companies',
    },
  },
};

const style = `
body { font-family: "Segoe UI", Arial, sans-serif; font-size: 10pt; color: #111; margin: 1.5rem; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
p.meta { color: #444; margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid #999; padding: .25rem .4rem; text-align: left; vertical-align: top; }
th { background: #1f4e79; color: #fff; }
tbody tr:nth-child(even) { background: #f2f5f9; }
td.nowrap { white-space: nowrap; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { margin: 0; font-size: 8.5pt; }
  th { background: #ddd !important; color: #000; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
}`;

function cell(value: string | number | Date | null, nowrap: boolean): string {
  const text = value === null ? '' : escapeHtml(String(value));

  return nowrap ? `<td class="nowrap">${text}</td>` : `<td>${text}</td>`;
}

function rowHtml(row: ExportRow, lang: Lang, columns: Column[]): string {
  const address = [
    [row.street, row.street2].filter(Boolean).join(', '),
    [row.postalCode, row.city].filter(Boolean).join(' '),
  ]
    .filter(Boolean)
    .join(', ');
  const cells = columns.map((column) =>
    cell(column.value(row, lang), column.kind === 'phone'),
  );

  return `<tr>${cells.join('')}${cell(address || null, false)}</tr>\n`;
}

/**
 * A printable page: one table with a caption and column headers (`scope`
 * set for screen readers), print rules (landscape A4, headers repeated on
 * each page, no row split across pages), every value escaped.
 */
export const writeHtml: FormatWriter = async (batches, out, options) => {
  const { lang, entity } = options;
  const text = words[lang];
  const columns = printed[entity];
  const title = escapeHtml(options.title);
  const day = frenchDate(parisDay(new Date()));
  const headers = [
    ...columns.map((column) => column.header[lang]),
    text.address,
  ].map((header) => `<th scope="col">${escapeHtml(header)}</th>`);
  await put(
    out,
    `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n` +
      `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
      `<title>${title}</title>\n<style>${style}\n</style>\n</head>\n<body>\n<main>\n` +
      `<h1>${title}</h1>\n<p class="meta">${text.generated} ${day}</p>\n` +
      `<table>\n<caption>${text.caption[entity]}</caption>\n` +
      `<thead><tr>${headers.join('')}</tr></thead>\n<tbody>\n`,
  );
  let count = 0;
  for await (const batch of batches) {
    await put(out, batch.map((row) => rowHtml(row, lang, columns)).join(''));
    count += batch.length;
  }
  await put(
    out,
    `</tbody>\n</table>\n<p class="meta">${text.count[entity](count)}</p>\n` +
      '</main>\n</body>\n</html>\n',
  );
  await finish(out);

  return count;
};
