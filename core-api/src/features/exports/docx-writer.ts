import type { Writable } from 'node:stream';
import {
  compileDocument,
  loadTemplate,
  renderParts,
  renderWith,
  type CompiledTemplate,
  type MarginPart,
} from './docx-template.ts';
import { mergeFields, type Lang } from './export-labels.ts';
import type { ExportRow } from './export-rows.ts';
import {
  finish,
  type Entity,
  type FormatWriter,
  type WriteOptions,
} from './output.ts';
import { ZipWriter } from './zip-writer.ts';

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

/** Package parts written after the document, once it is known: whole, or streamed. */
type LaterParts = () => Iterable<
  [name: string, content: Uint8Array | string | Iterable<string>]
>;

/**
 * Writes the package: the template's parts (but those `later` rewrites),
 * the document as it is built, then the parts that depend on it. Entries go
 * out as they are deflated (`ZipWriter`): nothing waits for the whole.
 */
async function writeDocx(
  template: CompiledTemplate,
  xml: AsyncIterable<string>,
  out: Writable,
  later: { names: ReadonlySet<string>; parts: LaterParts } = {
    names: new Set(),
    parts: () => [],
  },
): Promise<void> {
  const zip = new ZipWriter(out);
  for (const [name, bytes] of template.files) {
    if (name !== documentName && !later.names.has(name))
      await zip.addFile(name, bytes);
  }
  await zip.addStream(documentName, xml);
  for (const [name, content] of later.parts()) {
    if (typeof content === 'string' || content instanceof Uint8Array)
      await zip.addFile(name, content);
    else await zip.addStream(name, content);
  }
  await zip.finish();
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

  /** Forgets how copies were found: the document is written, none is added. */
  settle(): void {
    this.byKey.clear();
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

const relsName = 'word/_rels/document.xml.rels';
const typesName = '[Content_Types].xml';
const documentName = 'word/document.xml';

/** Where each copy sits, from the document's folder when it lies there. */
const targetOf = (name: string) =>
  name.startsWith('word/') ? name.slice('word/'.length) : `/${name}`;

/**
 * A package part read from the template with lines added before its
 * closing tag, one per copy, streamed: tens of thousands of copies make
 * lists of megabytes that need not be held whole.
 */
function* withAdded(
  xml: string,
  closing: string,
  all: MarginCopies[],
  line: (copies: MarginCopies, copy: MarginCopy) => string,
): Generator<string> {
  const at = xml.lastIndexOf(closing);
  // A part without its closing tag is written as it is.
  if (at < 0) return yield xml;
  yield xml.slice(0, at);
  for (const copies of all) {
    let lines = '';
    for (const copy of copies.copies) {
      lines += line(copies, copy);
      if (lines.length > 64 * 1024) {
        yield lines;
        lines = '';
      }
    }
    yield lines;
  }
  yield xml.slice(at);
}

/**
 * The parts the copies add or change, each made when the zip reaches it:
 * every copy (with its own relationships when its margin has an image),
 * then the document's relationships and the content types, which list them.
 */
function* copyParts(
  template: CompiledTemplate,
  all: MarginCopies[],
  ids: { next: number },
): Generator<[string, Uint8Array | string | Iterable<string>]> {
  for (const copies of all) {
    const { margin } = copies;
    for (const copy of copies.copies) {
      yield [copy.name, withUniqueDrawings(copies.xml(copy), ids)];
      if (margin.relationships) {
        const slash = copy.name.lastIndexOf('/') + 1;
        const rels = `${copy.name.slice(0, slash)}_rels/${copy.name.slice(slash)}.rels`;
        yield [rels, margin.relationships];
      }
    }
  }
  yield [
    relsName,
    withAdded(
      readText(template.files.get(relsName)),
      '</Relationships>',
      all,
      ({ margin }, copy) =>
        `<Relationship Id="${copy.relId}" Type="http://schemas.openxmlformats.org/` +
        `officeDocument/2006/relationships/${margin.kind}" ` +
        `Target="${targetOf(copy.name)}"/>`,
    ),
  ];
  yield [
    typesName,
    withAdded(
      readText(template.files.get(typesName)),
      '</Types>',
      all,
      ({ margin }, copy) =>
        `<Override PartName="/${copy.name}" ContentType="${margin.contentType}"/>`,
    ),
  ];
}

/**
 * Letters from a template whose headers or footers hold merge fields: each
 * letter is its own section (a section break rather than a page break
 * between two), whose headers and footers are that letter's copies. The
 * document streams into the zip like any other; the copies follow it, then
 * the relationships and content types that list them (a package's parts may
 * come in any order). Only each copy's merge values wait in memory, once per
 * distinct filling: tens of bytes a letter.
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
  const ids = { next: 100_000 };
  let rows = 0;
  const document = async function* () {
    yield template.head;
    let previous: MarginCopy[] | null = null;
    for await (const batch of batches) {
      let xml = '';
      for (const row of batch) {
        const copies = all.map((copies) => copies.for(row, lang));
        if (previous) xml += `<w:p><w:pPr>${sectionOf(previous)}</w:pPr></w:p>`;
        xml += withUniqueDrawings(renderParts(template.body, row, lang), ids);
        previous = copies;
      }
      rows += batch.length;
      yield xml;
    }
    yield previous && start >= 0
      ? template.tail.replace(section, sectionOf(previous))
      : template.tail;
    for (const copies of all) copies.settle();
  };
  await writeDocx(template, document(), out, {
    names: new Set([relsName, typesName]),
    parts: () => copyParts(template, all, ids),
  });

  return rows;
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
