import type { Locale } from './i18n/messages.ts';

/** How the portal is drawn. */
export type ThemeMode = 'light' | 'dark';

const LOCALE_KEY = 'relais.locale';
const THEME_KEY = 'relais.theme';

// Storage can throw (private windows, blocked cookies); a preference that
// cannot be kept is simply not kept.
function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Nothing to do: the choice lasts for this page only.
  }
}

/** The language chosen last on this browser, French when none was. */
export function readLocale(): Locale {
  return read(LOCALE_KEY) === 'en' ? 'en' : 'fr';
}

/** Keeps the language for the next visits. */
export function writeLocale(locale: Locale): void {
  write(LOCALE_KEY, locale);
}

/** The theme chosen last, else the system's preference, else light. */
export function readThemeMode(): ThemeMode {
  const stored = read(THEME_KEY);
  if (stored === 'light' || stored === 'dark') return stored;
  const prefersDark =
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-color-scheme: dark)').matches;

  return prefersDark ? 'dark' : 'light';
}

/** Keeps the theme for the next visits. */
export function writeThemeMode(mode: ThemeMode): void {
  write(THEME_KEY, mode);
}

/**
 * The columns a person chose for a table (`table` names it with the
 * person, e.g. `contact.12`), or null when none was chosen here.
 */
export function readTableColumns(table: string): string[] | null {
  const stored = read(`relais.columns.${table}`);
  if (!stored) return null;
  try {
    const parsed: unknown = JSON.parse(stored);

    return Array.isArray(parsed) &&
      parsed.every((item) => typeof item === 'string')
      ? parsed
      : null;
  } catch {
    return null;
  }
}

/** Keeps a table's columns for the next visits on this browser. */
export function writeTableColumns(table: string, columns: string[]): void {
  write(`relais.columns.${table}`, JSON.stringify(columns));
}

/**
 * What a table showed when a card was opened (its filters, order, place),
 * kept for this tab only so Back returns to it; null when nothing was.
 */
export function recallTableView<T>(table: string): T | null {
  try {
    const stored = window.sessionStorage.getItem(`relais.view.${table}`);

    return stored ? (JSON.parse(stored) as T) : null;
  } catch {
    return null;
  }
}

/** Keeps where a table is, for Back from a card (this tab only). */
export function rememberTableView(table: string, view: unknown): void {
  try {
    window.sessionStorage.setItem(`relais.view.${table}`, JSON.stringify(view));
  } catch {
    // Storage unavailable: Back shows the table from its start.
  }
}
