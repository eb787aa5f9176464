import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import JSZip from 'jszip';
import {
  compileDocument,
  loadTemplate,
  renderParts,
  renderWith,
  templateRefused,
  type CompiledTemplate,
  type MarginPart,
} from './docx-template.ts';
import { mergeFields, type Lang } from './export-labels.ts';
import type { ExportRow } from './export-rows.ts';
import {
  finish,
  put,
  type Entity,
  type FormatWriter,
  type WriteOptions,
} from './output.ts';

const ooxml = 'http://schemas.openxmlformats.org';
const officeRel = `${ooxml}/officeDocument/2006/relationships`;
const wordType =
  'application/vnd.openxmlformats-officedocument.wordprocessingml';
const wordNs =
  `xmlns:w="${ooxml}/wordprocessingml/2006/main" ` + `xmlns:r="${officeRel}"`;

/** The parts of a minimal Word package around `word/document.xml`. */
const packageFiles = (): Map<string, Uint8Array> => {
  const text = (value: string) => new Uint8Array(Buffer.from(value, 'utf8'));
  const declaration =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const relationships = (type: string, target: string) =>
    `${declaration}<Relationships xmlns="${ooxml}/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${officeRel}/${type}" Target="${target}"/>` +
    '</Relationships>';
  const relsType = 'application/vnd.openxmlformats-package.relationships+xml';

  return new Map([
    [
      '[Content_Types].xml',
      text(
        `${declaration}<Types xmlns="${ooxml}/package/2006/content-types">` +
          `<Default Extension="rels" ContentType="${relsType}"/>` +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/word/document.xml" ' +
          `ContentType="${wordType}.document.main+xml"/>` +
          '<Override PartName="/word/styles.xml" ' +
          `ContentType="${wordType}.styles+xml"/>` +
          '</Types>',
      ),
    ],
    ['_rels/.rels', text(relationships('officeDocument', 'word/document.xml'))],
    [
      'word/_rels/document.xml.rels',
      text(relationships('styles', 'styles.xml')),
    ],
    [
      'word/styles.xml',
      text(
        `${declaration}<w:styles ${wordNs}><w:docDefaults><w:rPrDefault><w:rPr>` +
          '<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/>' +
          '<w:sz w:val="22"/><w:lang w:val="fr-FR"/></w:rPr></w:rPrDefault>' +
          '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="259" ' +
          'w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults></w:styles>',
      ),
    ],
  ]);
};

const paragraph = (text: string, properties = '') =>
  `<w:p>${properties ? `<w:pPr>${properties}</w:pPr>` : ''}` +
  `<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

const longDate = (lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone: 'Europe/Paris',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date());

/**
 * The lines of an address block, each a paragraph dropped when empty. A
 * company's block names the company once (it is the addressee).
 */
const addressBlock = (lang: Lang, entity: Entity, indent = '') => {
  const person =
    lang === 'fr'
      ? ['Destinataire', 'Fonction', 'Société', 'Adresse_1', 'Adresse_2']
      : ['Addressee', 'Function', 'Organisation', 'Address_1', 'Address_2'];
  const f =
    entity === 'company'
      ? person.filter((_name, index) => index === 0 || index > 2)
      : person;
  const [postal, city, country] =
    lang === 'fr'
      ? ['Code_postal', 'Ville', 'Pays']
      : ['Postal_code', 'City', 'Country'];

  return [
    ...f.map((name) => paragraph(`{{${name}}}`, indent)),
    paragraph(`{{${postal}}} {{${city}}}`, indent),
    paragraph(`{{${country}}}`, indent),
  ].join('');
};

const a4 =
  '<w:pgSz w:w="11906" w:h="16838"/>' +
  '<w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" ' +
  'w:header="709" w:footer="709" w:gutter="0"/>';

/**
 * The built-in letter: the address block on the right, as French letters
 * place it for a window envelope, the date, a subject line, a salutation
 * by civility, a body to rewrite and a signature line.
 */
export function defaultLetter(
  lang: Lang,
  entity: Entity = 'contact',
): CompiledTemplate {
  const right = '<w:ind w:left="5103"/>';
  const words =
    lang === 'fr'
      ? {
          date: `Le ${longDate('fr')}`,
          subject: 'Objet : ',
          body: 'Le texte de votre courrier.',
          closing:
            'Nous vous prions d’agréer, {{Formule_d_appel}}, ' +
            'l’expression de nos salutations distinguées.',
          salutation: '{{Formule_d_appel}},',
          signature: 'Le service communication',
        }
      : {
          date: longDate('en'),
          subject: 'Subject: ',
          body: 'The text of your letter.',
          closing: 'Yours faithfully,',
          salutation: '{{Salutation}},',
          signature: 'The communications department',
        };
  const document =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${wordNs}><w:body>` +
    addressBlock(lang, entity, right) +
    paragraph('', right) +
    paragraph(words.date, `${right}<w:spacing w:before="480" w:after="480"/>`) +
    paragraph(words.subject, '<w:spacing w:after="360"/>') +
    paragraph(words.salutation, '<w:spacing w:after="240"/>') +
    paragraph(words.body, '<w:spacing w:after="240"/>') +
    paragraph(words.closing, '<w:spacing w:after="720"/>') +
    paragraph(words.signature, right) +
    `<w:sectPr>${a4}</w:sectPr></w:body></w:document>`;

  return compileDocument(packageFiles(), document, 'modèle intégré');
}

/** Label grid: 3 × 8 labels of 70 × 37 mm on A4 (the common "24 per page" sheets). */
const labelGrid = {
  columns: 3,
  widthTwips: 3969,
  heightTwips: 2098,
  section:
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>' +
    '<w:pgMar w:top="28" w:right="0" w:bottom="0" w:left="0" ' +
    'w:header="0" w:footer="0" w:gutter="0"/></w:sectPr>',
};

/** The built-in label: the address block only. */
export function defaultLabel(
  lang: Lang,
  entity: Entity = 'contact',
): CompiledTemplate {
  const document =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${wordNs}><w:body>` +
    addressBlock(lang, entity) +
    `${labelGrid.section}</w:body></w:document>`;

  return compileDocument(packageFiles(), document, 'modèle intégré');
}

const pageBreak = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';

/** Image ids must be unique in a document: each copy gets its own. */
function withUniqueDrawings(xml: string, counter: { next: number }): string {
  if (!xml.includes('<wp:docPr')) return xml;

  return xml.replace(
    /<wp:docPr id="\d+"/g,
    () => `<wp:docPr id="${counter.next++}"`,
  );
}

async function* letterXml(
  template: CompiledTemplate,
  batches: AsyncIterable<ExportRow[]>,
  lang: Lang,
  seen: { rows: number },
): AsyncGenerator<string> {
  yield template.head;
  const ids = { next: 100_000 };
  for await (const batch of batches) {
    const copies = batch.map((row) =>
      withUniqueDrawings(renderParts(template.body, row, lang), ids),
    );
    const separator = seen.rows > 0 && copies.length > 0 ? pageBreak : '';
    yield separator + copies.join(pageBreak);
    seen.rows += batch.length;
  }
  yield template.tail;
}

function labelCell(content: string): string {
  // A cell must end with a paragraph.
  const body = /<\/w:p>\s*$/.test(content) ? content : `${content}<w:p/>`;

  return (
    `<w:tc><w:tcPr><w:tcW w:w="${labelGrid.widthTwips}" w:type="dxa"/>` +
    `<w:vAlign w:val="center"/></w:tcPr>${body}</w:tc>`
  );
}

const labelRow = (cells: string[]) =>
  `<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="${labelGrid.heightTwips}" ` +
  `w:hRule="exact"/></w:trPr>${cells.join('')}</w:tr>`;

async function* labelXml(
  template: CompiledTemplate,
  batches: AsyncIterable<ExportRow[]>,
  lang: Lang,
  seen: { rows: number },
): AsyncGenerator<string> {
  const { columns, widthTwips } = labelGrid;
  yield template.head;
  yield (
    '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblLayout w:type="fixed"/>' +
    '<w:tblCellMar><w:left w:w="170" w:type="dxa"/><w:right w:w="170" w:type="dxa"/>' +
    `</w:tblCellMar></w:tblPr><w:tblGrid>${`<w:gridCol w:w="${widthTwips}"/>`.repeat(columns)}` +
    '</w:tblGrid>'
  );
  const ids = { next: 100_000 };
  let pending: string[] = [];
  for await (const batch of batches) {
    let rows = '';
    for (const row of batch) {
      pending.push(
        labelCell(
          withUniqueDrawings(renderParts(template.body, row, lang), ids),
        ),
      );
      if (pending.length === columns) {
        rows += labelRow(pending);
        pending = [];
      }
    }
    seen.rows += batch.length;
    yield rows;
  }
  if (pending.length > 0) {
    while (pending.length < columns) pending.push(labelCell('<w:p/>'));
    yield labelRow(pending);
  }
  if (seen.rows === 0) yield labelRow(Array(columns).fill(labelCell('<w:p/>')));
  // The grid's page layout, whatever the user's template says.
  yield `</w:tbl><w:p/>${labelGrid.section}</w:body></w:document>`;
}

async function writeDocx(
  template: CompiledTemplate,
  xml: AsyncIterable<string> | Readable,
  out: Parameters<FormatWriter>[1],
  extra: Map<string, Uint8Array | Readable> = new Map(),
): Promise<void> {
  const zip = new JSZip();
  for (const [name, bytes] of template.files)
    if (!extra.has(name)) zip.file(name, bytes);
  const document =
    xml instanceof Readable
      ? xml
      : Readable.from(
          (async function* () {
            // JSZip miscounts the size of a stream that hands it an empty chunk.
            for await (const text of xml)
              if (text) yield Buffer.from(text, 'utf8');
          })(),
        );
  zip.file('word/document.xml', document);
  for (const [name, content] of extra) zip.file(name, content);
  const stream = zip.generateNodeStream({
    type: 'nodebuffer',
    streamFiles: true,
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
  await new Promise<void>((resolve, reject) => {
    document.on('error', reject);
    stream.on('error', reject);
    out.on('error', reject);
    out.on('finish', resolve);
    stream.pipe(out);
  });
  await finish(out);
}

async function templateFor(
  options: WriteOptions,
  builtIn: (lang: Lang, entity: Entity) => CompiledTemplate,
): Promise<CompiledTemplate> {
  return options.template
    ? loadTemplate(options.template, options.templateName ?? 'modele.docx')
    : builtIn(options.lang, options.entity);
}

/**
 * Files the copies of merged headers and footers may add. JSZip lists every
 * file before writing, and keeps a worker per file: 30,000 copies measured
 * 16 s and 390 MB at peak, so 20,000 keeps a merge within the memory of an
 * export (and far below the 65,535 files of a zip without ZIP64).
 * TODO(#4): a zip writer that adds files as it goes (with ZIP64) would let
 * letters with merged headers stream like the others, without this limit.
 */
const marginFileBudget = 20_000;

/**
 * How many letters a template allows: no limit, unless its headers or
 * footers hold merge fields (each letter then has its own copies of them).
 */
export function letterLimit(template: CompiledTemplate): number | null {
  const perLetter = template.margins.reduce(
    (sum, margin) => sum + (margin.relationships ? 2 : 1),
    0,
  );

  return perLetter === 0 ? null : Math.floor(marginFileBudget / perLetter);
}

/** Refuses letters beyond what a template's merged headers and footers allow. */
export function assertLetterLimit(
  template: CompiledTemplate,
  letters: number,
  fileName: string,
): void {
  const limit = letterLimit(template);
  if (limit === null || letters <= limit) return;
  const fr = new Intl.NumberFormat('fr-FR');
  const en = new Intl.NumberFormat('en-GB');
  throw templateRefused(
    fileName,
    `ses en-têtes ou pieds de page portent des champs de fusion, ce qui vaut ` +
      `pour ${fr.format(limit)} courriers au plus (la cible en compte ` +
      `${fr.format(letters)}) ; retirez ces champs ou réduisez la cible`,
    `its headers or footers hold merge fields, which allows ` +
      `${en.format(limit)} letters at most (the target has ` +
      `${en.format(letters)}); remove those fields or narrow the target`,
  );
}

/** Where a header or footer of one letter lives: its copy, and the relationship to it. */
type MarginCopy = { relId: string; name: string; values: (string | null)[] };

/** The copies of one margin, one per distinct filling (letters that read alike share one). */
class MarginCopies {
  readonly copies: MarginCopy[] = [];
  private readonly byKey = new Map<string, MarginCopy>();

  constructor(
    readonly margin: MarginPart,
    private readonly slot: number,
  ) {}

  /** The copy for one letter, made when its values are new. */
  for(row: ExportRow, lang: Lang): MarginCopy {
    const values = this.margin.fields.map((index) =>
      mergeFields[index]!.value(row, lang),
    );
    const key = JSON.stringify(values);
    let copy = this.byKey.get(key);
    if (!copy) {
      const n = this.copies.length + 1;
      const { name } = this.margin;
      copy = {
        relId: `rIdRelais${this.slot}x${n}`,
        name: `${name.slice(0, -'.xml'.length)}-relais-${n}.xml`,
        values,
      };
      this.copies.push(copy);
      this.byKey.set(key, copy);
    }

    return copy;
  }

  /** A copy's XML, rendered when the zip reaches it. */
  xml(copy: MarginCopy): string {
    const { fields } = this.margin;

    return renderWith(
      this.margin.parts,
      (index) => copy.values[fields.indexOf(index)] ?? null,
    );
  }
}

/** Section properties whose header and footer references point at these copies. */
function sectionFor(section: string, copies: Map<string, string>): string {
  return section.replace(/<w:(?:header|footer)Reference\b[^>]*>/g, (tag) =>
    tag.replace(/(\sr:id=")([^"]*)(")/, (whole, open, id, close) => {
      const relId = copies.get(id);

      return relId ? `${open}${relId}${close}` : whole;
    }),
  );
}

const readText = (bytes: Uint8Array | undefined) =>
  bytes ? Buffer.from(bytes).toString('utf8') : '';

/**
 * The package files the copies change: the document's relationships and
 * the content types list each copy; each copy of a margin with its own
 * relationships (an image) gets them too.
 */
function copyFiles(
  template: CompiledTemplate,
  all: MarginCopies[],
  ids: { next: number },
): Map<string, Uint8Array | Readable> {
  const relsName = 'word/_rels/document.xml.rels';
  const typesName = '[Content_Types].xml';
  const relations: string[] = [];
  const overrides: string[] = [];
  const files = new Map<string, Uint8Array | Readable>();
  for (const copies of all) {
    const { margin } = copies;
    for (const copy of copies.copies) {
      // Relative to the document's folder when it lies there, else absolute.
      const target = copy.name.startsWith('word/')
        ? copy.name.slice('word/'.length)
        : `/${copy.name}`;
      relations.push(
        `<Relationship Id="${copy.relId}" Type="http://schemas.openxmlformats.org/` +
          `officeDocument/2006/relationships/${margin.kind}" Target="${target}"/>`,
      );
      overrides.push(
        `<Override PartName="/${copy.name}" ContentType="${margin.contentType}"/>`,
      );
      // Rendered when the zip reaches it, so copies do not wait in memory.
      files.set(
        copy.name,
        Readable.from(
          (function* () {
            const xml = withUniqueDrawings(copies.xml(copy), ids);
            yield Buffer.from(xml, 'utf8');
          })(),
        ),
      );
      if (margin.relationships) {
        const slash = copy.name.lastIndexOf('/') + 1;
        const rels = `${copy.name.slice(0, slash)}_rels/${copy.name.slice(slash)}.rels`;
        files.set(rels, margin.relationships);
      }
    }
  }
  const insert = (xml: string, closing: string, added: string[]) =>
    xml.replace(closing, `${added.join('')}${closing}`);
  files.set(
    relsName,
    Buffer.from(
      insert(
        readText(template.files.get(relsName)),
        '</Relationships>',
        relations,
      ),
    ),
  );
  files.set(
    typesName,
    Buffer.from(
      insert(readText(template.files.get(typesName)), '</Types>', overrides),
    ),
  );

  return files;
}

/**
 * Letters from a template whose headers or footers hold merge fields: each
 * letter is its own section (a section break rather than a page break
 * between two), whose headers and footers are that letter's copies. The
 * zip lists every file before it is written, so the document goes to a
 * temporary file first, and the zip follows once the copies are known.
 */
async function writeSectionedLetters(
  template: CompiledTemplate,
  batches: AsyncIterable<ExportRow[]>,
  out: Writable,
  lang: Lang,
): Promise<number> {
  const all = template.margins.map(
    (margin, slot) => new MarginCopies(margin, slot + 1),
  );
  const start = template.tail.indexOf('<w:sectPr');
  const end = template.tail.lastIndexOf('</w:sectPr>');
  const section =
    start >= 0 && end > start
      ? template.tail.slice(start, end + '</w:sectPr>'.length)
      : '<w:sectPr/>';
  const sectionOf = (copies: MarginCopy[]) =>
    sectionFor(
      section,
      new Map(copies.map((copy, k) => [all[k]!.margin.relId, copy.relId])),
    );
  const directory = await mkdtemp(join(tmpdir(), 'relais-letters-'));
  try {
    const path = join(directory, 'document.xml');
    const file = createWriteStream(path);
    const ids = { next: 100_000 };
    const limit = letterLimit(template) ?? Infinity;
    let rows = 0;
    let previous: MarginCopy[] | null = null;
    try {
      await put(file, template.head);
      for await (const batch of batches) {
        // The reader may hang up while the document is still being written.
        if (out.destroyed) throw new Error('export destination closed');
        let xml = '';
        for (const row of batch) {
          const copies = all.map((copies) => copies.for(row, lang));
          if (previous)
            xml += `<w:p><w:pPr>${sectionOf(previous)}</w:pPr></w:p>`;
          xml += withUniqueDrawings(renderParts(template.body, row, lang), ids);
          previous = copies;
        }
        rows += batch.length;
        // The target grew past the limit checked before the export began.
        if (rows > limit) assertLetterLimit(template, rows, 'modèle');
        await put(file, xml);
      }
      await put(
        file,
        previous && start >= 0
          ? template.tail.replace(section, sectionOf(previous))
          : template.tail,
      );
      await finish(file);
    } catch (error) {
      file.destroy();
      throw error;
    }
    await writeDocx(
      template,
      createReadStream(path),
      out,
      copyFiles(template, all, ids),
    );

    return rows;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/**
 * Letters: the template's body once per contact, a page break between
 * two, in one document streamed into its zip as it is built. A template
 * with merge fields in its headers or footers gives each letter its own
 * section instead (see `writeSectionedLetters`).
 */
export const writeDocxLetters: FormatWriter = async (batches, out, options) => {
  const template = await templateFor(options, defaultLetter);
  if (template.margins.length > 0)
    return writeSectionedLetters(template, batches, out, options.lang);
  const seen = { rows: 0 };
  await writeDocx(
    template,
    letterXml(template, batches, options.lang, seen),
    out,
  );

  return seen.rows;
};

/**
 * Address labels: the template's body is one label, laid out 3 × 8 per A4
 * page. A user's template gives the label's content; the grid is Relais's.
 */
export const writeDocxLabels: FormatWriter = async (batches, out, options) => {
  const template = await templateFor(options, defaultLabel);
  const seen = { rows: 0 };
  await writeDocx(
    template,
    labelXml(template, batches, options.lang, seen),
    out,
  );

  return seen.rows;
};

/** Checks a user's template before an export starts (answers 422 early). */
export async function checkTemplate(
  data: Buffer,
  fileName: string,
): Promise<CompiledTemplate> {
  return loadTemplate(data, fileName);
}
