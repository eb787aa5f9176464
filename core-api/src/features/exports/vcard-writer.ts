import {
  civilityLabel,
  contactTypeLabel,
  countryLabel,
  type Lang,
} from './export-labels.ts';
import type { ExportRow } from './export-rows.ts';
import { finish, put, type FormatWriter } from './output.ts';

/** Escapes a text value: backslash, comma, semicolon and line breaks. */
export const escapeText = (value: string | null): string =>
  (value ?? '')
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');

/**
 * Folds a content line at 75 octets (RFC 2425, RFC 6350 §3.2): CRLF and a
 * space before each continuation, never inside a UTF-8 character.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const character of line) {
    const size = Buffer.byteLength(character);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      // The leading space of a continuation counts in its 75.
      limit = 74;
    }
    current += character;
    octets += size;
  }
  parts.push(current);

  return parts.join('\r\n ');
}

type Version = '3.0' | '4.0';

/** The TYPE parameter of a phone of this kind in this version. */
function telTypes(
  kind: 'office' | 'mobile' | 'home' | 'other' | 'fax',
  v: Version,
) {
  const types: Record<typeof kind, string[]> = {
    office: ['work', 'voice'],
    mobile: ['cell', 'voice'],
    home: ['home', 'voice'],
    other: ['voice'],
    fax: ['work', 'fax'],
  };
  const list = types[kind];

  return v === '3.0'
    ? list.map((type) => type.toUpperCase()).join(',')
    : `"${list.join(',')}"`;
}

/**
 * One contact, or one company, as a vCard, lines unfolded. A company is a
 * card of KIND:org in 4.0; 3.0 has no KIND, so its card names the company in
 * ORG only, with an empty N (required in 3.0) and the company as FN.
 */
function cardLines(row: ExportRow, version: Version, lang: Lang): string[] {
  const company = row.kind === 'company';
  const fullName =
    [row.firstName, row.lastName].filter(Boolean).join(' ') ||
    row.organisation ||
    row.email ||
    `${company ? 'Société' : 'Contact'} ${row.id}`;
  const prefix = [civilityLabel(row.civility, lang), row.title]
    .filter(Boolean)
    .join(' ');
  const kind = company ? 'org' : 'individual';
  const lines = [
    'BEGIN:VCARD',
    `VERSION:${version}`,
    ...(version === '4.0' ? [`KIND:${kind}`] : []),
    ...(company && version === '4.0'
      ? []
      : [
          `N:${[row.lastName, row.firstName, '', prefix, ''].map(escapeText).join(';')}`,
        ]),
    `FN:${escapeText(fullName)}`,
  ];
  if (row.organisation) {
    const org = [row.organisation, row.department].filter(Boolean) as string[];
    lines.push(`ORG:${org.map(escapeText).join(';')}`);
  }
  if (row.function) lines.push(`TITLE:${escapeText(row.function)}`);
  [row.email, ...row.otherEmails].forEach((address, index) => {
    if (!address) return;
    const params =
      version === '3.0'
        ? `;TYPE=INTERNET${index === 0 ? ',PREF' : ''}`
        : `;TYPE=work${index === 0 ? ';PREF=1' : ''}`;
    lines.push(`EMAIL${params}:${escapeText(address)}`);
  });
  const phones: [Parameters<typeof telTypes>[0], string][] = [
    ...row.office.map((n) => ['office', n] as ['office', string]),
    ...row.mobile.map((n) => ['mobile', n] as ['mobile', string]),
    ...row.home.map((n) => ['home', n] as ['home', string]),
    ...row.otherPhones.map((n) => ['other', n] as ['other', string]),
    ...(row.fax ? [['fax', row.fax] as ['fax', string]] : []),
  ];
  for (const [kind, number] of phones) {
    const pref =
      number === row.phone ? (version === '3.0' ? ',PREF' : ';PREF=1') : '';
    // vCard 4 phones are URIs unless told otherwise; these are as typed.
    const value = version === '4.0' ? ';VALUE=text' : '';
    lines.push(
      `TEL${value};TYPE=${telTypes(kind, version)}${pref}:${escapeText(number)}`,
    );
  }
  if (row.street || row.city || row.postalCode) {
    const adr = [
      '',
      '',
      [row.street, row.street2].filter(Boolean).join('\n'),
      row.city,
      row.region,
      row.postalCode,
      countryLabel(row.country, lang),
    ];
    const type = version === '3.0' ? 'WORK' : 'work';
    lines.push(`ADR;TYPE=${type}:${adr.map(escapeText).join(';')}`);
  }
  // A birthday without a year is `--MMDD` in vCard 4 (RFC 6350). vCard 3
  // (RFC 2426) knows full dates only: it gets the form Apple's address books
  // write and read, year 1604 marked as no year by an extension parameter
  // that other readers ignore (the project's importer reads 1604 as none).
  const yearless = row.birthDate?.startsWith('--');
  if (row.birthDate && yearless && version === '3.0') {
    lines.push(`BDAY;X-APPLE-OMIT-YEAR=1604:1604-${row.birthDate.slice(2)}`);
  } else if (row.birthDate) {
    const digits = row.birthDate.replace(/-/g, '');
    lines.push(`BDAY:${yearless ? `--${digits}` : digits}`);
  }
  if (row.website) lines.push(`URL:${escapeText(row.website)}`);
  // The contact type, or the company's sector: vCard has a field for neither.
  const category = company
    ? row.sector
    : contactTypeLabel(row.contactType, lang);
  if (category) lines.push(`CATEGORIES:${escapeText(category)}`);
  lines.push(
    version === '4.0'
      ? `UID:urn:relais:${row.kind}:${row.id}`
      : `UID:relais-${row.kind}-${row.id}`,
  );
  lines.push(`REV:${row.updatedAt.toISOString().replace(/[-:]|\.\d{3}/g, '')}`);
  lines.push('END:VCARD');

  return lines;
}

const writer =
  (version: Version): FormatWriter =>
  async (batches, out, { lang }) => {
    let count = 0;
    for await (const batch of batches) {
      const text = batch
        .map((row) =>
          cardLines(row, version, lang)
            .map((line) => `${foldLine(line)}\r\n`)
            .join(''),
        )
        .join('');
      await put(out, text);
      count += batch.length;
    }
    await finish(out);

    return count;
  };

/**
 * vCard 3.0 (RFC 2426), the version Outlook and most address books import:
 * UTF-8 without CHARSET parameters, lines folded at 75 octets, the contact
 * type as a category (vCard has no field for it).
 */
export const writeVcard3 = writer('3.0');

/** vCard 4.0 (RFC 6350): the same card with 4.0's parameter forms. */
export const writeVcard4 = writer('4.0');
