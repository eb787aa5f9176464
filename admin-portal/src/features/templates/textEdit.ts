/** A text after an edit, and where the caret goes. */
export type Edited = { value: string; caret: number };

/**
 * Puts `inserted` in place of the selection `start`–`end` (the caret when
 * they are equal), the caret after it.
 */
export function insertText(
  value: string,
  start: number,
  end: number,
  inserted: string,
): Edited {
  const from = Math.max(0, Math.min(start, value.length));
  const to = Math.max(from, Math.min(end, value.length));

  return {
    value: value.slice(0, from) + inserted + value.slice(to),
    caret: from + inserted.length,
  };
}

/**
 * Wraps the selection in an opening and a closing tag (`<strong>`…
 * `</strong>`); with nothing selected, the caret lands between them.
 */
export function wrapSelection(
  value: string,
  start: number,
  end: number,
  open: string,
  close: string,
): Edited {
  const from = Math.max(0, Math.min(start, value.length));
  const to = Math.max(from, Math.min(end, value.length));
  const selected = value.slice(from, to);

  return {
    value: value.slice(0, from) + open + selected + close + value.slice(to),
    caret: from + open.length + selected.length + (selected ? close.length : 0),
  };
}

/** An attribute value written safely between double quotes. */
export function attributeValue(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;');
}
