import { readAll } from './byte-source.ts';
import type { ByteSource } from './byte-source.ts';
import { decodeAll, rowsOfCards } from './jcard-reader.ts';
import { ImportFileError } from './read-types.ts';
import type { ReadRow } from './read-types.ts';

/** xCard files are parsed whole: larger than this, they are refused. */
const MAX_XCARD_BYTES = 50_000_000;

/** An XML element, reduced to what xCard needs: local name, attributes, children, line. */
export type XmlElement = {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
  line: number;
};

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function decodeEntities(text: string): string {
  return text.replace(
    /&(#x[0-9a-f]+|#\d+|[a-z]+);/gi,
    (whole, name: string) => {
      if (name[0] === '#') {
        const hex = name[1] === 'x' || name[1] === 'X';
        const code = hex ? parseInt(name.slice(2), 16) : Number(name.slice(1));

        return Number.isFinite(code) && code <= 0x10ffff
          ? String.fromCodePoint(code)
          : whole;
      }

      return entities[name.toLowerCase()] ?? whole;
    },
  );
}

const localName = (qualified: string): string =>
  qualified.slice(qualified.indexOf(':') + 1).toLowerCase();

/**
 * A small, strict XML reader for xCard's simple structure: elements,
 * attributes, text, CDATA, comments and processing instructions. DTDs
 * with an internal subset are refused (no entity expansion at all).
 *
 * @param text the document
 * @returns the root element
 * @throws Error when the document is not well-formed
 */
export function parseXml(text: string): XmlElement {
  const token = new RegExp(
    [
      /<!--[\s\S]*?-->/.source,
      /<!\[CDATA\[([\s\S]*?)\]\]>/.source,
      /<\?[\s\S]*?\?>/.source,
      /<!DOCTYPE([^>[]*)(\[)?[^>]*>/.source,
      /<\/([^\s>]+)\s*>/.source,
      /<([^\s>/!?]+)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/
        .source,
      /([^<]+)/.source,
      /(<)/.source,
    ].join('|'),
    'g',
  );
  const root: XmlElement = {
    name: '#document',
    attributes: {},
    children: [],
    line: 1,
  };
  const stack: XmlElement[] = [root];
  let line = 1;
  let last = 0;
  for (let match = token.exec(text); match; match = token.exec(text)) {
    for (let i = last; i < match.index; i++)
      if (text.charCodeAt(i) === 10) line++;
    last = match.index;
    const parent = stack[stack.length - 1] ?? root;
    const [
      ,
      cdata,
      ,
      internalSubset,
      closing,
      opening,
      attributes = '',
      selfClosing,
    ] = match;
    const [chars, stray] = [match[8], match[9]];
    if (stray) throw new Error(`malformed markup at line ${line}`);
    if (internalSubset)
      throw new Error('DTD internal subsets are not accepted');
    if (cdata !== undefined) parent.children.push(cdata);
    else if (chars !== undefined) parent.children.push(decodeEntities(chars));
    else if (closing !== undefined) {
      const open = stack.pop();
      if (!open || stack.length === 0 || open.name !== localName(closing)) {
        throw new Error(`unexpected </${closing}> at line ${line}`);
      }
    } else if (opening !== undefined) {
      const element: XmlElement = {
        name: localName(opening),
        attributes: {},
        children: [],
        line,
      };
      for (const attribute of attributes.matchAll(
        /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g,
      )) {
        const attributeValue = decodeEntities(
          attribute[2] ?? attribute[3] ?? '',
        );
        element.attributes[localName(attribute[1] ?? '')] = attributeValue;
      }
      parent.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length !== 1)
    throw new Error('unclosed element at end of document');
  const top = root.children.find(
    (child): child is XmlElement => typeof child !== 'string',
  );
  if (!top) throw new Error('no root element');

  return top;
}

const elements = (element: XmlElement): XmlElement[] =>
  element.children.filter(
    (child): child is XmlElement => typeof child !== 'string',
  );

const textContent = (element: XmlElement): string =>
  element.children
    .map((child) => (typeof child === 'string' ? child : textContent(child)))
    .join('');

/** The child element names of structured properties, in jCard component order. */
const structures: Record<string, string[]> = {
  n: ['surname', 'given', 'additional', 'prefix', 'suffix'],
  adr: ['pobox', 'ext', 'street', 'locality', 'region', 'code', 'country'],
  gender: ['sex', 'identity'],
};

function parameters(element: XmlElement): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const parameter of elements(element)) {
    const found = elements(parameter).map(textContent);
    params[parameter.name] = found.length === 1 ? found[0] : found;
  }

  return params;
}

/** One xCard property element as a jCard property array. */
function toJcard(property: XmlElement, group?: string): unknown[] {
  const children = elements(property);
  const parametersElement = children.find((c) => c.name === 'parameters');
  const params = parametersElement ? parameters(parametersElement) : {};
  if (group) params.group = group;
  const valueElements = children.filter((c) => c.name !== 'parameters');
  const structure = structures[property.name];
  if (structure) {
    const parts = structure.map((part) => {
      const found = valueElements
        .filter((c) => c.name === part)
        .map(textContent);

      return found.length > 1 ? found : (found[0] ?? '');
    });

    return [property.name, params, 'text', parts];
  }
  if (property.name === 'org') {
    return [property.name, params, 'text', valueElements.map(textContent)];
  }
  const type = valueElements[0]?.name ?? 'unknown';

  return [property.name, params, type, ...valueElements.map(textContent)];
}

function cardToJcard(card: XmlElement): unknown[] {
  const properties: unknown[] = [['version', {}, 'text', '4.0']];
  for (const child of elements(card)) {
    if (child.name === 'group') {
      for (const grouped of elements(child)) {
        properties.push(toJcard(grouped, child.attributes.name));
      }
    } else {
      properties.push(toJcard(child));
    }
  }

  return ['vcard', properties, []];
}

/**
 * Reads an xCard file (RFC 6351): each `<vcard>` becomes a jCard card and
 * goes through ical.js and the vCard mapping.
 *
 * @param source the file
 */
export async function* readXcard(source: ByteSource): AsyncGenerator<ReadRow> {
  const text = decodeAll(await readAll(source, MAX_XCARD_BYTES));
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch {
    throw new ImportFileError(
      source.fileName,
      'XML mal formé : ce n’est pas un fichier xCard lisible',
      'malformed XML: this is not a readable xCard file',
    );
  }
  const cards =
    root.name === 'vcard'
      ? [root]
      : elements(root).filter((e) => e.name === 'vcard');
  if (cards.length === 0) {
    throw new ImportFileError(
      source.fileName,
      'aucune fiche <vcard> dans ce fichier',
      'no <vcard> element in this file',
    );
  }
  yield* rowsOfCards(
    'xCard',
    cards.map((card) => ({ line: card.line, jcard: () => cardToJcard(card) })),
  );
}
