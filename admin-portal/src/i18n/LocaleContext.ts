import { createContext } from 'react';
import type { Locale } from './messages.ts';
import { translate, type Translate } from './translate.ts';

/** The current language, a way to change it, and the matching `t`. */
export type LocaleContextValue = {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
};

export const LocaleContext = createContext<LocaleContextValue>({
  locale: 'fr',
  setLocale: () => undefined,
  t: (key, params) => translate('fr', key, params),
});
