/**
 * Invisible format characters (Unicode category Cf): bidirectional embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069), marks (U+200E,
 * U+200F, U+061C), zero-width spaces, word joiners, soft hyphens, byte order
 * marks, tags. In a name they change how it reads (« Martin » shown as
 * « nitraM ») or make two equal-looking names differ, so single-line fields
 * drop them. The zero-width joiner and non-joiner stay: Persian and Indic
 * names and emoji sequences need them to be spelled right.
 */
const invisibleFormat = /(?![\u200c\u200d])\p{Cf}/gu;

/** The text without its invisible format characters. */
export function stripInvisible(value: string): string {
  return value.replace(invisibleFormat, '');
}
