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
