import { SaxesParser } from 'saxes';

/** An XML element as the manifests need it: no mixed content, no comments. */
export type XmlElement = {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
};

/** Builds an element; a string child becomes its text. */
export function el(
  name: string,
  attributes: Record<string, string> = {},
  ...children: (XmlElement | string)[]
): XmlElement {
  const elements = children.filter(
    (c): c is XmlElement => typeof c !== 'string',
  );
  const text = children.filter((c) => typeof c === 'string').join('');
  if (elements.length > 0 && text !== '')
    throw new Error(`<${name}> mixes text and elements`);
  return { name, attributes, children: elements, text };
}

function escape(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function write(element: XmlElement, depth: number): string {
  const indent = '  '.repeat(depth);
  const attributes = Object.entries(element.attributes)
    .map(([key, value]) => ` ${key}="${escape(value)}"`)
    .join('');
  const open = `${indent}<${element.name}${attributes}`;
  if (element.children.length > 0) {
    const inner = element.children.map((c) => write(c, depth + 1)).join('');
    return `${open}>\n${inner}${indent}</${element.name}>\n`;
  }
  if (element.text !== '')
    return `${open}>${escape(element.text)}</${element.name}>\n`;
  return `${open} />\n`;
}

/** Writes a document: declaration, then the root indented by two spaces. */
export function serializeXml(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${write(root, 0)}`;
}

/**
 * Reads a document into elements, keeping qualified names (`bt:Image`) and
 * attributes as written. Malformed XML throws with saxes' position.
 */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.name,
      attributes: Object.fromEntries(
        Object.entries(tag.attributes).map(([key, value]) => [
          key,
          String(value),
        ]),
      ),
      children: [],
      text: '',
    };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('text', (value) => {
    const current = stack.at(-1);
    if (current) current.text += value;
  });
  parser.on('closetag', () => {
    const element = stack.pop();
    if (element) element.text = element.text.trim();
  });
  parser.write(text).close();
  if (!root)
    throw new Error('document sans élément / document without element');
  return root;
}
