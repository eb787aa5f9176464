/**
 * What a local part may hold: RFC 5322's dot-atom, whose atoms RFC 6531
 * opens to UTF-8 (`élise@…`): letters, marks and digits of any script and
 * the signs `!#$%&'*+/=?^_\`{|}~-`, dots between them. A quoted local part
 * (`"jean dupont"@…`) and a comment are refused: in a contact file they
 * are pasting slips far more often than addresses.
 */
const atom = "[\\p{L}\\p{M}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
const localPart = new RegExp(`^${atom}(?:\\.${atom})*$`, 'u');

/** One label of a domain in its ASCII form (letters, digits, inner hyphens). */
const asciiLabel = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A top-level domain: letters, or the `xn--` form of a non-Latin one (`.рф`). */
const topLevel = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

const utf8 = new TextEncoder();
/** Length in UTF-8 bytes, as RFC 5321 counts; ASCII text spared the encoding. */
const octets = (text: string) =>
  /^[\x00-\x7f]*$/.test(text) ? text.length : utf8.encode(text).length;

/** Characters that would make a URL of the domain mean something else. */
const notInDomain = /[\s\p{C}:/?#%\\@[\]]/u;

/**
 * A domain in its ASCII form (`société.fr` → `xn--socit-esab.fr`), or null
 * when it cannot be a name. The WHATWG URL parser does the UTS #46
 * processing (case and width folded, `xn--` labels checked) the same way
 * in Node and in browsers, where these schemas also run.
 */
function asciiDomain(domain: string): string | null {
  // Already ASCII (most addresses): the labels' checks are all it needs.
  if (/^[a-z0-9.-]+$/.test(domain) && !domain.includes('xn--')) return domain;
  if (domain === '' || notInDomain.test(domain)) return null;
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return null;
  }
}

// RFC 3492 (Punycode) constants, for reading `xn--` labels back.
const base = 36;
const tMin = 1;
const tMax = 26;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / 700) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((base - tMin) * tMax) >> 1) {
    d = Math.floor(d / (base - tMin));
    k += base;
  }

  return k + Math.floor(((base - tMin + 1) * d) / (d + 38));
}

/** A Punycode label's characters (RFC 3492, section 6.2), or null when malformed. */
function decodeLabel(label: string): string | null {
  const delimiter = label.lastIndexOf('-');
  const output = [...label.slice(0, Math.max(delimiter, 0))].map(
    (char) => char.codePointAt(0) as number,
  );
  let n = 128;
  let bias = 72;
  let i = 0;
  let index = delimiter > 0 ? delimiter + 1 : 0;
  while (index < label.length) {
    const before = i;
    let weight = 1;
    for (let k = base; ; k += base) {
      if (index >= label.length) return null;
      const code = label.charCodeAt(index++);
      const digit =
        code >= 0x61 && code <= 0x7a
          ? code - 0x61
          : code >= 0x30 && code <= 0x39
            ? code - 0x30 + 26
            : base;
      if (digit >= base) return null;
      i += digit * weight;
      const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
      if (digit < t) break;
      weight *= base - t;
      if (!Number.isSafeInteger(i) || !Number.isSafeInteger(weight))
        return null;
    }
    bias = adapt(i - before, output.length + 1, before === 0);
    n += Math.floor(i / (output.length + 1));
    i %= output.length + 1;
    if (n > 0x10ffff) return null;
    output.splice(i++, 0, n);
  }

  return String.fromCodePoint(...output);
}

/** An ASCII domain written for people: its `xn--` labels in their own script. */
function unicodeDomain(ascii: string): string {
  return ascii
    .split('.')
    .map((label) =>
      label.startsWith('xn--')
        ? (decodeLabel(label.slice(4)) ?? label).normalize('NFC')
        : label,
    )
    .join('.');
}

type Parts = { local: string; unicode: string; ascii: string };

function partsOf(text: string): Parts | null {
  const value = text.trim().normalize('NFC').toLowerCase().normalize('NFC');
  const at = value.lastIndexOf('@');
  if (at <= 0) return null;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (octets(local) > 64 || !localPart.test(local)) return null;
  const ascii = asciiDomain(domain);
  if (ascii === null || ascii.length > 253) return null;
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((label) => asciiLabel.test(label)))
    return null;
  if (!topLevel.test(labels[labels.length - 1] as string)) return null;
  if (octets(local) + 1 + ascii.length > 254) return null;

  return { local, unicode: unicodeDomain(ascii), ascii };
}

/**
 * An email address as the base stores and compares it, or null when the
 * text is not one. Internationalised addresses are accepted (RFC 6531: a
 * UTF-8 local part, an IDN domain): NFC, lower case, the domain written in
 * Unicode for people to read, whichever way it came (`contact@société.fr`
 * and `contact@xn--socit-esab.fr` give the same address).
 */
export function normaliseEmail(text: string): string | null {
  const parts = partsOf(text);

  return parts ? `${parts.local}@${parts.unicode}` : null;
}

/**
 * Every way an address may have been stored: the normalised form, and the
 * one with its domain in ASCII (`xn--`) that records saved before domains
 * were kept in Unicode may hold. For looking addresses up in the base.
 */
export function emailForms(text: string): string[] {
  const parts = partsOf(text);
  if (!parts) return [text.trim().toLowerCase()];
  const stored = `${parts.local}@${parts.unicode}`;
  const ascii = `${parts.local}@${parts.ascii}`;

  return stored === ascii ? [stored] : [stored, ascii];
}

/**
 * The addresses asked for, by each form the base may hold them in
 * (`emailForms`): look the keys up, answer under the values.
 */
export function askedByStoredForm(
  addresses: readonly string[],
): Map<string, string[]> {
  const asked = new Map<string, string[]>();
  for (const address of addresses) {
    for (const form of emailForms(address)) {
      const named = asked.get(form) ?? [];
      if (!named.includes(address)) named.push(address);
      asked.set(form, named);
    }
  }

  return asked;
}
