import { inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { AppError } from '../../platform/http/errors.ts';
import { mergeFieldIndex, mergeFields, type Lang } from './export-labels.ts';
import type { ExportRow } from './export-rows.ts';

/** A template file's size limit, and its unpacked size limit (zip bombs). */
export const templateLimits = {
  bytes: 5 * 1024 * 1024,
  unpackedBytes: 40 * 1024 * 1024,
};

/** A piece of the per-record XML: fixed text, a field, or a paragraph shown only when filled. */
type Part =
  | { kind: 'text'; xml: string }
  | { kind: 'field'; index: number }
  | { kind: 'optional'; parts: Part[] };

/** A header or footer holding merge fields: filled again for each letter. */
export type MarginPart = {
  kind: 'header' | 'footer';
  /** The relationship id the section properties name it by (`rId8`). */
  relId: string;
  /** Its part name in the package (`word/header1.xml`). */
  name: string;
  /** Its content type, for the copies. */
  contentType: string;
  /** Its XML, compiled like the body. */
  parts: Part[];
  /** The merge fields it uses, by index in `mergeFields`. */
  fields: number[];
  /** Its own relationships (an image in a header), copied for each copy. */
  relationships: Uint8Array | null;
};

/** A DOCX template ready to merge: its other files, and its body compiled. */
export type CompiledTemplate = {
  /** Every file of the package except `word/document.xml`. */
  files: Map<string, Uint8Array>;
  /** The headers and footers the document uses that hold merge fields. */
  margins: MarginPart[];
  /** `word/document.xml` up to the body's content. */
  head: string;
  /** What one record repeats: the body's content without its section properties. */
  body: Part[];
  /** The section properties and the closing tags. */
  tail: string;
};

/** A template refused: the file's name and the reason, in French and English. */
export function templateRefused(fileName: string, fr: string, en: string) {
  return new AppError('EXPORT_TEMPLATE_INVALID', {
    fr: `Modèle « ${fileName} » refusé : ${fr}.`,
    en: `Template "${fileName}" refused: ${en}.`,
  });
}

/** The merge field names a template may use, in one language. */
export const fieldNames = (lang: Lang) =>
  mergeFields.map((field) => field.name[lang]);

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, code: string) =>
      String.fromCodePoint(Number(code)),
    )
    .replace(/&#x([0-9a-f]+);/gi, (_m, code: string) =>
      String.fromCodePoint(parseInt(code, 16)),
    )
    .replace(/&amp;/g, '&');

/** Escapes a merged value for a `<w:t>`; line breaks become `<w:br/>`. */
export function xmlText(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/\r\n|\r|\n/g, '</w:t><w:br/><w:t xml:space="preserve">');
}

/** A simple merge field, `<w:fldSimple w:instr=" MERGEFIELD Nom ">`. */
const simpleField = new RegExp(
  '<w:fldSimple\\b[^>]*w:instr="\\s*MERGEFIELD\\s+(?:&quot;)?([^"&\\\\]+?)' +
    '(?:&quot;)?(?:\\s+\\\\[^"]*)?\\s*"[^>]*?(?:\\/>|>[\\s\\S]*?<\\/w:fldSimple>)',
  'g',
);
// From the run holding `begin` to the run holding `end`.
const complexField = new RegExp(
  '<w:r\\b[^>]*>(?:(?!<\\/w:r>)[\\s\\S])*?<w:fldChar [^>]*w:fldCharType="begin"[^>]*\\/>' +
    '[\\s\\S]*?<w:fldChar [^>]*w:fldCharType="end"[^>]*\\/>(?:(?!<w:r\\b)[\\s\\S])*?<\\/w:r>',
  'g',
);

/**
 * Word's own merge fields (`MERGEFIELD Nom`, simple or complex) become the
 * text `«Nom»`, which the placeholder pass then reads like a typed one.
 */
function flattenMergeFields(xml: string): string {
  const simple = xml.replace(
    simpleField,
    (_m, name: string) => `<w:r><w:t>«${name.trim()}»</w:t></w:r>`,
  );
  // A complex field: begin, instruction runs, separate, result runs, end.
  return simple.replace(complexField, (field) => {
    const instruction = [
      ...field.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g),
    ]
      .map((m) => m[1])
      .join('');
    const name = /^\s*MERGEFIELD\s+"?([^"\\]+?)"?(\s+\\.*)?\s*$/.exec(
      unescapeXml(instruction),
    )?.[1];

    return name ? `<w:r><w:t>«${name.trim()}»</w:t></w:r>` : field;
  });
}

const textNode = /<w:t(\s[^>]*)?>([^<]*)<\/w:t>/g;
const placeholder = /\{\{\s*([^{}]{1,60}?)\s*\}\}|«\s*([^«»]{1,60}?)\s*»/g;
const fieldMark = (index: number) => `\u0001${index}\u0001`;

/**
 * Rewrites the body so each placeholder is one mark inside one text node.
 * Word splits typed text into runs at will (spell check, formatting, an
 * edit in the middle), so `{{Nom}}` may arrive as `{{` + `No` + `m}}`: the
 * text of all nodes is read as one string, and each placeholder is moved
 * whole into the node where it starts. Only text inside `<w:t>` changes,
 * so the XML stays well-formed.
 */
function markPlaceholders(body: string, fileName: string): string {
  const nodes = [...body.matchAll(textNode)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    attributes: match[1] ?? '',
    text: unescapeXml(match[2] ?? ''),
  }));
  const joined = nodes.map((node) => node.text).join('');
  const offsets: number[] = [];
  let offset = 0;
  for (const node of nodes) {
    offsets.push(offset);
    offset += node.text.length;
  }
  const unknown = new Set<string>();
  const cuts: { from: number; to: number; mark: string }[] = [];
  for (const match of joined.matchAll(placeholder)) {
    const name = (match[1] ?? match[2] ?? '').trim();
    const index = mergeFieldIndex(name);
    if (index === undefined) {
      unknown.add(name);
      continue;
    }
    cuts.push({
      from: match.index,
      to: match.index + match[0].length,
      mark: fieldMark(index),
    });
  }
  if (unknown.size > 0) {
    const names = [...unknown].map((name) => `« ${name} »`).join(', ');
    throw templateRefused(
      fileName,
      `${unknown.size === 1 ? 'champ de fusion inconnu' : 'champs de fusion inconnus'} ${names} ; champs possibles : ${fieldNames('fr').join(', ')}`,
      `${unknown.size === 1 ? 'unknown merge field' : 'unknown merge fields'} ${names}; known fields: ${fieldNames('en').join(', ')}`,
    );
  }
  if (cuts.length === 0) return body;

  const texts = nodes.map((node) => node.text);
  // From the end, so earlier offsets stay valid.
  for (const cut of [...cuts].reverse()) {
    nodes.forEach((node, k) => {
      const from = Math.max(cut.from, offsets[k]!);
      const to = Math.min(cut.to, offsets[k]! + node.text.length);
      if (from >= to) return;
      const local = texts[k]!;
      const head = local.slice(0, from - offsets[k]!);
      const rest = local.slice(to - offsets[k]!);
      texts[k] =
        from === cut.from ? `${head}${cut.mark}${rest}` : `${head}${rest}`;
    });
  }
  let result = '';
  let last = 0;
  nodes.forEach((node, k) => {
    const text = texts[k]!;
    if (text === node.text) return;
    const escaped = text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;');
    result += `${body.slice(last, node.start)}<w:t xml:space="preserve">${escaped}</w:t>`;
    last = node.end;
  });

  return result + body.slice(last);
}

/** Splits marked XML into fixed text and fields. */
function partsOf(xml: string): Part[] {
  const parts: Part[] = [];
  xml.split('\u0001').forEach((piece, index) => {
    if (index % 2 === 1) parts.push({ kind: 'field', index: Number(piece) });
    else if (piece) parts.push({ kind: 'text', xml: piece });
  });

  return parts;
}

/**
 * Compiles a body: a paragraph made of fields only (an address line such as
 * `{{Adresse_2}}`) is dropped for a record whose fields there are all empty,
 * so address blocks have no holes.
 */
function compileBody(xml: string): Part[] {
  const parts: Part[] = [];
  // Paragraphs that hold no other paragraph (text boxes do).
  const paragraph = /<w:p\b(?:(?!<w:p\b)[\s\S])*?<\/w:p>/g;
  let last = 0;
  for (const match of xml.matchAll(paragraph)) {
    const text = [...match[0].matchAll(textNode)]
      .map((node) => node[2] ?? '')
      .join('');
    const onlyFields =
      text.includes('\u0001') && text.replace(/\u0001\d+\u0001|\s/g, '') === '';
    if (!onlyFields) continue;
    parts.push(...partsOf(xml.slice(last, match.index)));
    parts.push({ kind: 'optional', parts: partsOf(match[0]) });
    last = match.index + match[0].length;
  }
  parts.push(...partsOf(xml.slice(last)));

  return parts;
}

/** Renders compiled XML with each field's value, by field index. */
export function renderWith(
  parts: Part[],
  valueOf: (index: number) => string | null,
): string {
  let xml = '';
  for (const part of parts) {
    if (part.kind === 'text') xml += part.xml;
    else if (part.kind === 'field') xml += xmlText(valueOf(part.index) ?? '');
    else {
      const filled = part.parts.some(
        (inner) =>
          inner.kind === 'field' && (valueOf(inner.index) ?? '').trim() !== '',
      );
      if (filled) xml += renderWith(part.parts, valueOf);
    }
  }

  return xml;
}

/** Renders one record's copy of the body. */
export function renderParts(parts: Part[], row: ExportRow, lang: Lang): string {
  return renderWith(parts, (index) => mergeFields[index]!.value(row, lang));
}

/** The merge fields compiled XML uses, by index, each once. */
function fieldsOf(parts: Part[]): number[] {
  const found = new Set<number>();
  const walk = (list: Part[]) => {
    for (const part of list) {
      if (part.kind === 'field') found.add(part.index);
      else if (part.kind === 'optional') walk(part.parts);
    }
  };
  walk(parts);

  return [...found];
}

const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

const wordType =
  'application/vnd.openxmlformats-officedocument.wordprocessingml';

/**
 * The document's headers and footers that hold merge fields, compiled like
 * the body (an unknown field there refuses the template too). Those without
 * fields stay shared by every letter, as written.
 */
function compileMargins(
  files: Map<string, Uint8Array>,
  fileName: string,
): MarginPart[] {
  const read = (name: string) => {
    const bytes = files.get(name);

    return bytes ? Buffer.from(bytes).toString('utf8') : null;
  };
  const relationships = read('word/_rels/document.xml.rels');
  if (!relationships) return [];
  const types = read('[Content_Types].xml') ?? '';
  const margins: MarginPart[] = [];
  for (const [tag] of relationships.matchAll(/<Relationship\b[^>]*>/g)) {
    const type = attribute(tag, 'Type') ?? '';
    const kind = /\/(header|footer)$/.exec(type)?.[1] as
      'header' | 'footer' | undefined;
    const relId = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (!kind || !relId || !target) continue;
    const name = target.startsWith('/')
      ? target.slice(1)
      : `word/${target.replace(/^\.\//, '')}`;
    const xml = read(name);
    if (xml === null) continue;
    const parts = compileBody(
      markPlaceholders(flattenMergeFields(xml), fileName),
    );
    const fields = fieldsOf(parts);
    if (fields.length === 0) continue;
    const override = [...types.matchAll(/<Override\b[^>]*>/g)].find(
      ([override]) => attribute(override, 'PartName') === `/${name}`,
    );
    const base = name.slice(name.lastIndexOf('/') + 1);
    margins.push({
      kind,
      relId,
      name,
      contentType:
        (override && attribute(override[0], 'ContentType')) ||
        `${wordType}.${kind}+xml`,
      parts,
      fields,
      relationships:
        files.get(
          `${name.slice(0, name.length - base.length)}_rels/${base}.rels`,
        ) ?? null,
    });
  }

  return margins;
}

/**
 * Compiles `word/document.xml` and the package's other files. Headers and
 * footers with merge fields are compiled too (the letters give each letter
 * its own section, with its own copies); the others are kept as written.
 *
 * The body is cut before its last `<w:sectPr>` (page size and margins,
 * kept once at the end); bookmarks are dropped, since repeating them would
 * make Word "repair" the file.
 */
export function compileDocument(
  files: Map<string, Uint8Array>,
  documentXml: string,
  fileName: string,
): CompiledTemplate {
  const open = /<w:body>/.exec(documentXml);
  const close = documentXml.lastIndexOf('</w:body>');
  if (!open || close < 0)
    throw templateRefused(
      fileName,
      'le document n’a pas de corps (word/document.xml)',
      'the document has no body (word/document.xml)',
    );
  const start = open.index + open[0].length;
  const inner = documentXml.slice(start, close);
  const section = inner.lastIndexOf('<w:sectPr');
  const content = section >= 0 ? inner.slice(0, section) : inner;
  const body = markPlaceholders(
    flattenMergeFields(content).replace(
      /<w:bookmark(?:Start|End)\b[^>]*\/>/g,
      '',
    ),
    fileName,
  );

  return {
    files,
    margins: compileMargins(files, fileName),
    head: documentXml.slice(0, start),
    body: compileBody(body),
    tail: (section >= 0 ? inner.slice(section) : '') + documentXml.slice(close),
  };
}

/**
 * Opens a user's DOCX template and checks it before anything is merged:
 * a zip holding a Word document, within the size limits, with no macros,
 * no DTD (entity expansion) and no external relationship other than
 * hyperlinks (a remote template or image would call out on opening).
 *
 * @throws AppError EXPORT_TEMPLATE_INVALID naming the file and the reason
 */
export async function loadTemplate(
  data: Buffer,
  fileName: string,
): Promise<CompiledTemplate> {
  if (data.length > templateLimits.bytes)
    throw templateRefused(
      fileName,
      `fichier trop volumineux (plus de ${templateLimits.bytes / 1024 / 1024} Mo)`,
      `file too large (over ${templateLimits.bytes / 1024 / 1024} MB)`,
    );
  const notDocx = () =>
    templateRefused(
      fileName,
      'ce n’est pas un document Word .docx',
      'this is not a Word .docx document',
    );
  if (!/\.docx$/i.test(fileName))
    throw templateRefused(
      fileName,
      'seuls les documents Word .docx servent de modèle (ni .doc, ni .dotx, ni .docm)',
      'only Word .docx documents can be templates (not .doc, .dotx or .docm)',
    );
  if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) throw notDocx();
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw notDocx();
  }
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  const unpacked = new Map<string, Uint8Array>();
  let budget = templateLimits.unpackedBytes;
  for (const entry of entries) {
    const bytes = unpack(entry, budget, fileName);
    budget -= bytes.length;
    unpacked.set(entry.name, bytes);
  }
  const document = unpacked.get('word/document.xml');
  const typesBytes = unpacked.get('[Content_Types].xml');
  if (!document || !typesBytes) throw notDocx();
  const types = Buffer.from(typesBytes).toString('utf8');
  if (
    entries.some((entry) => /vbaProject\.bin$/i.test(entry.name)) ||
    /macroEnabled/i.test(types)
  )
    throw templateRefused(
      fileName,
      'le modèle contient des macros',
      'the template contains macros',
    );
  const files = new Map<string, Uint8Array>();
  for (const entry of entries) {
    const bytes = unpacked.get(entry.name)!;
    if (/\.(xml|rels)$/i.test(entry.name)) {
      const text = Buffer.from(bytes).toString('utf8');
      if (/<!DOCTYPE|<!ENTITY/i.test(text))
        throw templateRefused(
          fileName,
          'déclaration DTD interdite dans le XML',
          'DTD declarations are not allowed in the XML',
        );
      if (
        entry.name.endsWith('.rels') &&
        [...text.matchAll(/<Relationship\b[^>]*>/g)].some(
          ([tag]) =>
            /TargetMode="External"/.test(tag) && !/\/hyperlink"/.test(tag),
        )
      )
        throw templateRefused(
          fileName,
          'le modèle appelle une ressource externe (modèle ou image distante)',
          'the template calls an external resource (remote template or image)',
        );
    }
    if (entry.name !== 'word/document.xml') files.set(entry.name, bytes);
  }

  return compileDocument(
    files,
    Buffer.from(document).toString('utf8'),
    fileName,
  );
}

/** What JSZip keeps of a part it has not unpacked yet. */
type PackedPart = {
  uncompressedSize: number;
  compression: { magic: string };
  compressedContent: Uint8Array;
};

/**
 * Unpacks one part of the template, trusting nothing the zip headers say:
 * the real output is capped (a part announcing 1 kB may inflate to 1.5 GB
 * of spaces), so memory stays bounded whatever the file claims.
 *
 * @param budget the bytes still allowed for the whole template
 * @throws AppError EXPORT_TEMPLATE_INVALID past the limit, on a size that
 *   differs from the announced one, or on an unknown compression
 */
function unpack(
  entry: JSZip.JSZipObject,
  budget: number,
  fileName: string,
): Uint8Array {
  const packed = (entry as unknown as { _data?: PackedPart })._data;
  const limitMb = templateLimits.unpackedBytes / 1024 / 1024;
  const tooLarge = () =>
    templateRefused(
      fileName,
      `contenu décompressé trop volumineux (plus de ${limitMb} Mo)`,
      `unpacked content too large (over ${limitMb} MB)`,
    );
  const damaged = () =>
    templateRefused(
      fileName,
      `la partie ${entry.name} est endommagée ou sa taille annoncée est fausse`,
      `part ${entry.name} is damaged or announces a false size`,
    );
  if (!packed?.compression || !packed.compressedContent) throw damaged();
  if (packed.uncompressedSize > budget) throw tooLarge();
  let bytes: Uint8Array;
  if (packed.compression.magic === '\x00\x00') bytes = packed.compressedContent;
  else if (packed.compression.magic === '\x08\x00') {
    try {
      bytes = inflateRawSync(packed.compressedContent, {
        maxOutputLength: budget + 1,
      });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        throw tooLarge();
      throw damaged();
    }
  } else throw damaged();
  if (bytes.length > budget) throw tooLarge();
  if (bytes.length !== packed.uncompressedSize) throw damaged();

  return bytes;
}
