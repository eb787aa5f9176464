import { useContext } from 'react';
import { LocaleContext, type LocaleContextValue } from './LocaleContext.ts';
import type { Translate } from './translate.ts';

/** The translation function of the current language. */
export function useT(): Translate {
  return useContext(LocaleContext).t;
}

/** The current language and its setter (language switch, date formats). */
export function useLocale(): Pick<LocaleContextValue, 'locale' | 'setLocale'> {
  const { locale, setLocale } = useContext(LocaleContext);

  return { locale, setLocale };
}
