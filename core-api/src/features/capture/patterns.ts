/**
 * Builds the long alternations of the signature readers from word lists,
 * so each list reads one word a line instead of one 300-character regex.
 */

/** `(?:a|b|c)`: the alternatives, as regular expression source. */
export const oneOf = (alternatives: readonly string[]) =>
  `(?:${alternatives.join('|')})`;

/** A case-insensitive pattern built from source pieces. */
export const pattern = (source: string, flags = 'i') =>
  new RegExp(source, flags);
