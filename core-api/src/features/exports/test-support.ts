import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import JSZip from 'jszip';
import type { ExportRow } from './export-rows.ts';
import type { FormatWriter, WriteOptions } from './output.ts';

/** A contact row as the loader would give it, with every field filled. */
export function sampleRow(overrides: Partial<ExportRow> = {}): ExportRow {
  return {
    kind: 'contact',
    id: 7,
    civility: 'MME',
    title: 'Docteure',
    lastName: 'Lefèvre',
    firstName: 'Éloïse',
    contactType: 'press',
    function: 'Rédactrice en chef',
    organisation: 'La Dépêche du Midi',
    department: 'Culture',
    email: 'eloise.lefevre@ladepeche.fr',
    otherEmails: ['eloise@perso.fr'],
    phone: '05 61 00 00 01',
    mobile: ['06 12 34 56 78'],
    office: ['05 61 00 00 01'],
    home: [],
    otherPhones: [],
    fax: '05 61 00 00 02',
    street: '12 rue de l’Église',
    street2: 'Bâtiment B',
    postalCode: '31000',
    city: 'Toulouse',
    region: null,
    country: 'FR',
    preferredChannel: 'email',
    birthDate: '1980-02-29',
    legalName: null,
    companyType: null,
    sector: null,
    website: null,
    createdAt: new Date('2026-01-15T23:30:00Z'),
    updatedAt: new Date('2026-11-02T10:00:00Z'),
    ...overrides,
  };
}

async function* inBatches(rows: ExportRow[], size = 2) {
  for (let start = 0; start < rows.length; start += size)
    yield rows.slice(start, start + size);
}

/** A company row as the loader would give it, with every field filled. */
export function sampleCompany(overrides: Partial<ExportRow> = {}): ExportRow {
  return {
    ...sampleRow(),
    kind: 'company',
    id: 12,
    civility: null,
    title: null,
    lastName: null,
    firstName: null,
    contactType: null,
    function: null,
    organisation: 'La Dépêche du Midi',
    department: null,
    email: 'redaction@ladepeche.fr',
    otherEmails: [],
    phone: '05 62 11 22 33',
    mobile: [],
    office: ['05 62 11 22 33'],
    home: [],
    fax: '05 62 11 22 34',
    street: '42 avenue Jean Baylet',
    street2: null,
    postalCode: '31100',
    city: 'Toulouse',
    preferredChannel: null,
    birthDate: null,
    legalName: 'Groupe Dépêche SA',
    companyType: 'Presse quotidienne régionale',
    sector: 'Médias',
    website: 'https://www.ladepeche.fr',
    ...overrides,
  };
}

/** Runs a writer over rows and returns the bytes it wrote, and its count. */
export async function written(
  writer: FormatWriter,
  rows: ExportRow[],
  options: Partial<WriteOptions> = {},
): Promise<{ bytes: Buffer; count: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => out.on('end', resolve));
  const count = await writer(inBatches(rows), out, {
    lang: 'fr',
    entity: 'contact',
    title: 'Contacts exportés',
    ...options,
  });
  await ended;

  return { bytes: Buffer.concat(chunks), count };
}

/** The text of a DOCX's body: paragraphs on lines, table cells joined by tabs. */
export async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');

  return xml
    .replace(/<w:br w:type="page"\/>/g, '\f')
    .replace(/<w:br\/>/g, '\n')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<\/w:tc>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/**
 * A minimal DOCX as Word saves one, with the body given: the parts a user's
 * template has ([Content_Types], relationships, document), optionally more.
 */
export async function docxWith(
  body: string,
  extra: Record<string, string> = {},
): Promise<Buffer> {
  const zip = new JSZip();
  const ooxml = 'http://schemas.openxmlformats.org';
  const vnd = 'application/vnd.openxmlformats';
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      `<Types xmlns="${ooxml}/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="${vnd}-package.relationships+xml"/>` +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="' +
      `${vnd}-officedocument.wordprocessingml.document.main+xml"/>` +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      `<Relationships xmlns="${ooxml}/package/2006/relationships">` +
      '<Relationship Id="rId1" ' +
      `Type="${ooxml}/officeDocument/2006/relationships/officeDocument" ` +
      'Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      `<w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`,
  );
  for (const [name, text] of Object.entries(extra)) zip.file(name, text);

  return zip.generateAsync({ type: 'nodebuffer' });
}

/**
 * Checks a zip file with the readers installed besides JSZip: Info-ZIP's
 * `unzip -t` and Python's `zipfile -t` (each when present). Returns the
 * names of those that read it; throws with a reader's own words when one
 * refuses it.
 */
export function checkedByReaders(path: string): string[] {
  const readers: [string, string[], RegExp][] = [
    ['unzip', ['-tqq', path], /^$/],
    ['python3', ['-m', 'zipfile', '-t', path], /Done testing/],
  ];
  const passed: string[] = [];
  for (const [command, args, expected] of readers) {
    const run = spawnSync(command, args, { encoding: 'utf8' });
    if ((run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT')
      continue;
    if (run.status !== 0 || !expected.test(run.stdout.trim()))
      throw new Error(`${command}: ${run.stdout}${run.stderr}`.slice(0, 2000));
    passed.push(command);
  }

  return passed;
}
