import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['childNode'];
type Element = DefaultTreeAdapterMap['element'];
type Text = DefaultTreeAdapterMap['textNode'];

const isText = (node: Node): node is Text => node.nodeName === '#text';

const htmlNamespace = 'http://www.w3.org/1999/xhtml';

/**
 * The elements an e-mail template keeps, each with the attributes it may
 * carry besides the common ones. What mail clients render; nothing that
 * runs, submits, embeds another document or loads a style sheet.
 */
const elements: Record<string, readonly string[]> = {
  a: ['href', 'target'],
  abbr: [],
  b: [],
  blockquote: [],
  br: [],
  caption: [],
  center: [],
  cite: [],
  code: [],
  col: ['span'],
  colgroup: ['span'],
  dd: [],
  del: [],
  div: [],
  dl: [],
  dt: [],
  em: [],
  font: ['color', 'face', 'size'],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  hr: [],
  i: [],
  img: ['src', 'alt', 'border'],
  ins: [],
  li: ['value'],
  ol: ['start', 'type'],
  p: [],
  pre: [],
  s: [],
  small: [],
  span: [],
  strike: [],
  strong: [],
  sub: [],
  sup: [],
  table: ['border', 'cellpadding', 'cellspacing', 'role', 'summary'],
  tbody: [],
  td: ['colspan', 'rowspan', 'scope', 'nowrap'],
  tfoot: [],
  th: ['colspan', 'rowspan', 'scope', 'nowrap'],
  thead: [],
  tr: [],
  u: [],
  ul: ['type'],
};

/** Attributes any kept element may carry. */
const common = [
  'style',
  'title',
  'dir',
  'lang',
  'align',
  'valign',
  'width',
  'height',
  'bgcolor',
];

/** Dropped with everything inside: code, hidden text, forms, other documents. */
const droppedWhole = new Set([
  'applet',
  'audio',
  'base',
  'button',
  'canvas',
  'datalist',
  'embed',
  'frame',
  'frameset',
  'head',
  'iframe',
  'input',
  'link',
  'math',
  'meta',
  'noembed',
  'noframes',
  'noscript',
  'object',
  'optgroup',
  'option',
  'param',
  'picture',
  'plaintext',
  'portal',
  'script',
  'select',
  'source',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'track',
  'video',
  'xmp',
]);

const voidElements = new Set(['br', 'col', 'hr', 'img']);

/** Inline style properties mail clients honour and that cannot load anything. */
const styleProperties = new Set([
  'background-color',
  'border',
  'border-bottom',
  'border-collapse',
  'border-color',
  'border-left',
  'border-radius',
  'border-right',
  'border-spacing',
  'border-style',
  'border-top',
  'border-width',
  'color',
  'display',
  'font',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'height',
  'letter-spacing',
  'line-height',
  'list-style-type',
  'margin',
  'margin-bottom',
  'margin-left',
  'margin-right',
  'margin-top',
  'max-width',
  'min-width',
  'padding',
  'padding-bottom',
  'padding-left',
  'padding-right',
  'padding-top',
  'text-align',
  'text-decoration',
  'text-indent',
  'text-transform',
  'vertical-align',
  'white-space',
  'width',
  'word-break',
]);

// No colon, backslash, comment, angle bracket or at-sign can pass, so no
// `url(`, `expression(`, escape or `javascript:` hides in a value.
const cssValue = /^[\w\s#%.,'"!+\-/()]{0,200}$/;
const cssFunctions = new Set(['rgb', 'rgba', 'hsl', 'hsla']);

function safeCss(value: string): boolean {
  if (!cssValue.test(value)) return false;
  for (const call of value.matchAll(/([\w-]*)\s*\(/g)) {
    if (!cssFunctions.has((call[1] ?? '').toLowerCase())) return false;
  }

  return true;
}

/** The declarations of a `style` attribute that pass, or null when none does. */
function cleanStyle(style: string, removed: Set<string>): string | null {
  const kept: string[] = [];
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (styleProperties.has(property) && value && safeCss(value)) {
      kept.push(`${property}: ${value}`);
    } else {
      removed.add(`style: ${property.slice(0, 40)}`);
    }
  }

  return kept.length > 0 ? kept.join('; ') : null;
}

const imageData = /^data:image\/(?:png|gif|jpeg|webp);base64,[a-z0-9+/]+=*$/i;

/**
 * Whether a link or an image address is safe to keep. Relative addresses
 * mean nothing in an e-mail; `javascript:`, `data:` (except images) and the
 * like run code. Only https, mailto and tel links, https, cid and inline
 * images are kept, whatever the letter case. A placeholder (`{{site}}`) is
 * kept and checked again once filled.
 */
function safeUrl(
  value: string,
  kind: 'link' | 'image',
  placeholders: boolean,
): boolean {
  // Browsers ignore control characters and spaces inside a scheme.
  const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (placeholders && compact.startsWith('{{')) return true;
  if (kind === 'image' && imageData.test(compact)) return true;
  if (kind === 'link' && compact.startsWith('#')) return true;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (!scheme) return false;

  // Plain http is refused too: a mail client warns about (or blocks) an
  // image or link any network on the way can read or swap.
  return kind === 'image'
    ? ['https', 'cid'].includes(scheme)
    : ['https', 'mailto', 'tel'].includes(scheme);
}

const keyword = (...words: string[]) => {
  const set = new Set(words);
  return (value: string) => set.has(value.toLowerCase());
};

/** What each checked attribute's value may be. */
const attributeChecks: Record<string, (value: string) => boolean> = {
  align: keyword('left', 'right', 'center', 'justify'),
  valign: keyword('top', 'middle', 'bottom', 'baseline'),
  dir: keyword('ltr', 'rtl', 'auto'),
  lang: (value) => /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(value),
  scope: keyword('row', 'col', 'rowgroup', 'colgroup'),
  role: keyword('presentation'),
  target: keyword('_blank'),
  nowrap: (value) => value === '' || value.toLowerCase() === 'nowrap',
  bgcolor: (value) => /^(?:#[0-9a-f]{3,8}|[a-z]{3,20})$/i.test(value),
  color: (value) => /^(?:#[0-9a-f]{3,8}|[a-z]{3,20})$/i.test(value),
  face: (value) => /^[\w\s,'-]{1,100}$/.test(value),
  type: (value) => /^(?:[1aAiI]|disc|circle|square)$/.test(value),
};
for (const name of [
  'width',
  'height',
  'border',
  'cellpadding',
  'cellspacing',
  'colspan',
  'rowspan',
  'span',
  'start',
  'value',
  'size',
]) {
  attributeChecks[name] = (value) => /^\d{1,4}%?$/.test(value.trim());
}

const escapeText = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\u00a0/g, '&nbsp;');

// Angle brackets too, though the standard does not ask for it: a reader
// less careful than a browser sees no tag inside a value.
const escapeAttribute = (text: string) =>
  escapeText(text).replace(/"/g, '&quot;');

/** The attributes of a kept element that pass, as ` name="value"` text. */
function keptAttributes(
  element: Element,
  placeholders: boolean,
  removed: Set<string>,
): string {
  const own = elements[element.tagName] ?? [];
  let text = '';
  let blank = false;
  for (const { name, value } of element.attrs) {
    let kept: string | null = null;
    if (!own.includes(name) && !common.includes(name)) kept = null;
    else if (name === 'style') kept = cleanStyle(value, removed);
    else if (name === 'href') {
      kept = safeUrl(value, 'link', placeholders) ? value.trim() : null;
    } else if (name === 'src') {
      kept = safeUrl(value, 'image', placeholders) ? value.trim() : null;
    } else if (value.length <= 500 && (attributeChecks[name]?.(value) ?? true))
      kept = value;
    if (kept === null) {
      if (name !== 'style') removed.add(name.slice(0, 40));
      continue;
    }
    if (name === 'target') blank = true;
    text += ` ${name}="${escapeAttribute(kept)}"`;
  }
  // A link opening a new window must not hand that window its opener.
  if (blank) text += ' rel="noopener noreferrer"';

  return text;
}

export type SanitizeOptions = {
  /**
   * Keep `{{…}}` addresses for a later fill (a template being saved); off
   * for a filled template, whose addresses must all be real.
   */
  placeholders?: boolean;
};

/** Cleaned HTML, and what was taken out (tags, attributes, style properties). */
export type Sanitized = { html: string; removed: string[] };

type Task = Node | { close: string };

/**
 * Cleans HTML against an allow-list: the text is parsed as a browser would
 * (parse5, the HTML standard's algorithm), then written again with only the
 * elements, attributes and inline styles listed above; text and attribute
 * values are escaped on the way out, so what a mail client reads back is
 * exactly the tree that was checked. Comments go; an unknown element goes
 * but keeps its content. Walks the tree with its own stack, so no nesting
 * depth can exhaust the call stack.
 */
export function sanitizeHtml(
  html: string,
  options: SanitizeOptions = {},
): Sanitized {
  const placeholders = options.placeholders ?? true;
  const removed = new Set<string>();
  const out: string[] = [];
  const tasks: Task[] = [...parseFragment(html).childNodes].reverse();
  for (let task = tasks.pop(); task; task = tasks.pop()) {
    if ('close' in task) {
      out.push(`</${task.close}>`);
      continue;
    }
    if (isText(task)) {
      out.push(escapeText(task.value));
      continue;
    }
    if (!('tagName' in task)) continue; // comments, doctype
    const name = task.tagName;
    if (task.namespaceURI !== htmlNamespace || droppedWhole.has(name)) {
      removed.add(`<${name.slice(0, 40)}>`);
      continue;
    }
    const children = [...task.childNodes].reverse();
    if (!(name in elements)) {
      removed.add(`<${name.slice(0, 40)}>`);
      tasks.push(...children);
      continue;
    }
    out.push(`<${name}${keptAttributes(task, placeholders, removed)}>`);
    if (voidElements.has(name)) continue;
    // The parser drops a newline right after <pre>: one is written back.
    const first = task.childNodes[0];
    if (name === 'pre' && first && isText(first) && first.value[0] === '\n')
      out.push('\n');
    tasks.push({ close: name }, ...children);
  }

  return { html: out.join(''), removed: [...removed] };
}

// Paragraph blocks leave a blank line around them; line blocks start a line.
const line = '\u0001';
const paragraph = '\u0002';
const paragraphs = new Set([
  'blockquote',
  'dl',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ol',
  'p',
  'pre',
  'table',
  'ul',
]);
const lines = new Set(['caption', 'center', 'dd', 'div', 'dt', 'li', 'tr']);

/**
 * The plain-text part of an e-mail from its HTML (sanitised already): one
 * line per block, a blank line around paragraphs, list items marked, a
 * link followed by its address when its text does not already show it, an
 * image by its alternative text.
 */
export function htmlToPlainText(html: string): string {
  const out: string[] = [];
  const tasks: Task[] = [...parseFragment(html).childNodes].reverse();
  for (let task = tasks.pop(); task; task = tasks.pop()) {
    if ('close' in task) {
      out.push(task.close);
      continue;
    }
    if (isText(task)) {
      out.push(task.value.replace(/[ \t\r\n]+/g, ' '));
      continue;
    }
    if (!('tagName' in task)) continue;
    const name = task.tagName;
    const attribute = (wanted: string) =>
      task.attrs.find((one) => one.name === wanted)?.value ?? '';
    const block = paragraphs.has(name)
      ? paragraph
      : lines.has(name)
        ? line
        : '';
    if (name === 'br') out.push('\n');
    else if (name === 'hr') out.push(`${line}----------${line}`);
    else if (name === 'img' && attribute('alt')) out.push(attribute('alt'));
    out.push(block);
    if (name === 'li') out.push('- ');
    const after: string[] = [];
    if (name === 'td' || name === 'th') after.push(' ');
    const href = name === 'a' ? attribute('href').trim() : '';
    if (href && !href.startsWith('#')) {
      const shown = href.replace(/^mailto:/i, '');
      if (!textContent(task).includes(shown)) after.push(` (${shown})`);
    }
    after.push(block);
    tasks.push({ close: after.join('') }, ...[...task.childNodes].reverse());
  }

  return out
    .join('')
    .replace(/[ \t\u00a0]*[\u0001\u0002][\u0001\u0002 \t\u00a0]*/g, (run) =>
      run.includes(paragraph) ? '\n\n' : '\n',
    )
    .split('\n')
    .map((text) => text.replace(/[ \u00a0]+/g, ' ').trim())
    .join('\n')
    .trim();
}

/** The text an element holds, without markup. */
function textContent(element: Element): string {
  let text = '';
  const tasks: Node[] = [...element.childNodes];
  for (let node = tasks.pop(); node; node = tasks.pop()) {
    if (isText(node)) text = `${node.value}${text}`;
    else if ('childNodes' in node) tasks.push(...node.childNodes);
  }

  return text;
}
