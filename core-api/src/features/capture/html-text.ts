/**
 * Turns an e-mail's HTML body into the plain text a person would read:
 * one line per block, quoted parts left out. Enough for finding a
 * signature; not a general HTML renderer.
 */

const named: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  euml: 'ë',
  agrave: 'à',
  acirc: 'â',
  ccedil: 'ç',
  icirc: 'î',
  iuml: 'ï',
  ocirc: 'ô',
  ouml: 'ö',
  ugrave: 'ù',
  ucirc: 'û',
  uuml: 'ü',
  Eacute: 'É',
  Egrave: 'È',
  Agrave: 'À',
  Ccedil: 'Ç',
  laquo: '«',
  raquo: '»',
  rsquo: '’',
  lsquo: '‘',
  ldquo: '“',
  rdquo: '”',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  middot: '·',
  bull: '•',
  euro: '€',
  copy: '©',
  reg: '®',
  oelig: 'œ',
};

/** Decodes the character references of HTML text. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code =
        ref[1] === 'x' || ref[1] === 'X'
          ? parseInt(ref.slice(2), 16)
          : parseInt(ref.slice(1), 10);

      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }

    return named[ref] ?? named[ref.toLowerCase()] ?? whole;
  });
}

/**
 * The text without each `<open …>…</close>` span; an unclosed one runs to
 * the end. A scan, not a lazy pattern, so a body full of unclosed tags
 * still takes linear time.
 */
function withoutSpans(text: string, open: RegExp, close: string): string {
  const lower = text.toLowerCase();
  let kept = '';
  let from = 0;
  open.lastIndex = 0;
  for (let match = open.exec(lower); match; match = open.exec(lower)) {
    if (match.index < from) continue;
    kept += `${text.slice(from, match.index)}\n`;
    const end = lower.indexOf(close, match.index + match[0].length);
    from = end < 0 ? text.length : end + close.length;
    open.lastIndex = from;
  }

  return kept + text.slice(from);
}

// Where a quoted reply starts, as Gmail and Outlook on the web mark it:
// everything from there on is the earlier message. Attributes are bounded
// so the search stays linear.
const quoteStarts =
  /<div\b[^<>]{0,400}?(?:gmail_quote|id="divRplyFwdMsg"|id="appendonsend")/i;

/** The text of an HTML body, lines kept where blocks and breaks are. */
export function htmlToText(html: string): string {
  let text = withoutSpans(html, /<!--/g, '-->');
  for (const tag of ['head', 'style', 'script', 'title', 'blockquote']) {
    text = withoutSpans(text, new RegExp(`<${tag}\\b`, 'g'), `</${tag}>`);
  }
  const quote = quoteStarts.exec(text);
  if (quote) text = text.slice(0, quote.index);
  // Line breaks in the source are spaces: only tags break lines.
  text = text
    .replace(/\s+/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(?:p|div|tr|li|h[1-6]|table|address)>/gi, '\n')
    .replace(/<(?:p|div|tr|li|h[1-6]|table|address)\b[^<>]*>/gi, '\n')
    .replace(/<hr\b[^<>]*>/gi, '\n________________________________\n')
    .replace(/<\/t[dh]>/gi, ' ')
    .replace(/<[^<>]*>/g, '');

  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
