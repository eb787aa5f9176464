import {
  mergeFieldIndex,
  mergeFields,
  type Lang,
} from '../exports/export-labels.ts';
import type { ExportRow } from '../exports/export-rows.ts';

/**
 * `{{prenom}}`, `{{ Prénom }}`, `{{prenom|cher ami}}`: a field's name, and
 * what to write when the recipients share no value for it.
 */
const placeholder = /\{\{\s*([^{}|]*?)\s*(?:\|([^{}]*))?\}\}/g;

/** The unknown field names a text uses, each once, in order. */
export function unknownFields(text: string): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(placeholder)) {
    const name = match[1] ?? '';
    if (mergeFieldIndex(name) === undefined) unknown.add(name.slice(0, 60));
  }

  return [...unknown];
}

/** The fields a text uses, by their e-mail names (`prenom`), each once. */
export function usedFields(text: string): string[] {
  const used = new Set<string>();
  for (const match of text.matchAll(placeholder)) {
    const index = mergeFieldIndex(match[1] ?? '');
    if (index !== undefined) used.add(mergeFields[index]!.tag);
  }

  return [...used];
}

/** Whom a template is filled for: the known contacts' rows, null for an unknown address. */
export type MergeSource =
  { kind: 'recipients'; rows: (ExportRow | null)[] } | { kind: 'examples' };

/**
 * The value every recipient shares for a field, or null: an unknown
 * recipient, an empty value or two different values share nothing.
 */
function sharedValue(
  index: number,
  rows: (ExportRow | null)[],
  lang: Lang,
): string | null {
  let shared: string | null = null;
  for (const row of rows) {
    const value = row
      ? (mergeFields[index]!.value(row, lang) ?? '').trim()
      : '';
    if (!value || (shared !== null && shared !== value)) return null;
    shared = value;
  }

  return shared;
}

/** A template's parts filled, and the fields that fell back. */
export type Filled = { text: string; fallbacks: Set<string> };

/**
 * Fills the placeholders of a text. `escape` writes a value for where it
 * goes (HTML escapes it); a fallback is written as the template has it,
 * since it is already in the part's own syntax. Unknown fields were
 * refused when the template was saved; one here is left as written.
 */
export function fillPlaceholders(
  text: string,
  source: MergeSource,
  lang: Lang,
  escape: (value: string) => string,
  fallbacks: Set<string>,
): string {
  return text.replace(placeholder, (whole, name: string, fallback?: string) => {
    const index = mergeFieldIndex(name);
    if (index === undefined) return whole;
    const field = mergeFields[index]!;
    const value =
      source.kind === 'examples'
        ? field.example[lang]
        : sharedValue(index, source.rows, lang);
    if (value !== null) return escape(value);
    fallbacks.add(field.tag);
    if (fallback !== undefined) return fallback.trim();

    return escape(field.fallback?.[lang] ?? '');
  });
}

/** Escapes a value for HTML text or a double-quoted attribute. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/[\r\n]+/g, ' ');
}

/** A value for a subject line: one line, whatever the contact's data holds. */
export const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ');
