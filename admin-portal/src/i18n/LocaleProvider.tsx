import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { readLocale, writeLocale } from '../preferences.ts';
import { LocaleContext, type LocaleContextValue } from './LocaleContext.ts';
import type { Locale } from './messages.ts';
import { translate } from './translate.ts';

export type LocaleProviderProps = {
  /** Overrides the stored choice (tests, embedding). */
  initialLocale?: Locale;
  children: ReactNode;
};

/**
 * Holds the language, keeps it in localStorage and mirrors it on
 * `<html lang>` so screen readers pronounce the page correctly.
 */
export function LocaleProvider({
  initialLocale,
  children,
}: LocaleProviderProps) {
  const [locale, setLocaleState] = useState<Locale>(
    () => initialLocale ?? readLocale(),
  );

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translate(locale, 'app.name');
  }, [locale]);

  const value = useMemo<LocaleContextValue>(
    () => ({
      locale,
      setLocale: (next) => {
        writeLocale(next);
        setLocaleState(next);
      },
      t: (key, params) => translate(locale, key, params),
    }),
    [locale],
  );

  return (
    <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>
  );
}
