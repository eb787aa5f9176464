import { Readable } from 'node:stream';
import JSZip from 'jszip';
import {
  compileDocument,
  loadTemplate,
  renderParts,
  type CompiledTemplate,
} from './docx-template.ts';
import type { Lang } from './export-labels.ts';
import type { ExportRow } from './export-rows.ts';
import { finish, type FormatWriter, type WriteOptions } from './output.ts';

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

/** The lines of an address block, each a paragraph dropped when empty. */
const addressBlock = (lang: Lang, indent = '') => {
  const f =
    lang === 'fr'
      ? ['Destinataire', 'Fonction', 'Société', 'Adresse_1', 'Adresse_2']
      : ['Addressee', 'Function', 'Organisation', 'Address_1', 'Address_2'];
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
export function defaultLetter(lang: Lang): CompiledTemplate {
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
    addressBlock(lang, right) +
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
export function defaultLabel(lang: Lang): CompiledTemplate {
  const document =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${wordNs}><w:body>` +
    addressBlock(lang) +
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
  xml: AsyncIterable<string>,
  out: Parameters<FormatWriter>[1],
): Promise<void> {
  const zip = new JSZip();
  for (const [name, bytes] of template.files) zip.file(name, bytes);
  const document = Readable.from(
    (async function* () {
      // JSZip miscounts the size of a stream that hands it an empty chunk.
      for await (const text of xml) if (text) yield Buffer.from(text, 'utf8');
    })(),
  );
  zip.file('word/document.xml', document);
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
  builtIn: (lang: Lang) => CompiledTemplate,
): Promise<CompiledTemplate> {
  return options.template
    ? loadTemplate(options.template, options.templateName ?? 'modele.docx')
    : builtIn(options.lang);
}

/**
 * Letters: the template's body once per contact, a page break between
 * two, in one document streamed into its zip as it is built.
 */
export const writeDocxLetters: FormatWriter = async (batches, out, options) => {
  const template = await templateFor(options, defaultLetter);
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
export async function checkTemplate(data: Buffer, fileName: string) {
  await loadTemplate(data, fileName);
}
