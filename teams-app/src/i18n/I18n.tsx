import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { catalogues, type Locale, type MessageKey } from './messages.ts';

/** Values for the `{name}` placeholders of a message. */
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/**
 * A placeholder: `{name}` writes the value; `{name|one|other}` writes it with
 * the word agreeing with it (`{count|demande|demandes}`), as in the portal.
 */
const PLACEHOLDER = /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;

/**
 * The message for `key` with each placeholder filled from `params`. Plurals
 * follow the language's rules: French says "0 demande", "1 demande".
 */
export function translate(
  locale: Locale,
  key: MessageKey,
  params: Params = {},
): string {
  const rules = new Intl.PluralRules(locale);

  return catalogues[locale][key].replace(
    PLACEHOLDER,
    (whole, name: string, one?: string, other?: string) => {
      if (!(name in params)) return whole;
      const value = params[name];
      if (one === undefined || other === undefined) return String(value);

      return `${value} ${rules.select(Number(value)) === 'one' ? one : other}`;
    },
  );
}

type I18nValue = { locale: Locale; t: Translate };

const I18nContext = createContext<I18nValue>({
  locale: 'fr',
  t: (key, params) => translate('fr', key, params),
});

/** Puts one language under the tab (Teams' language, French by default). */
export function I18nProvider(props: { locale: Locale; children: ReactNode }) {
  const { locale } = props;
  const value = useMemo<I18nValue>(
    () => ({ locale, t: (key, params) => translate(locale, key, params) }),
    [locale],
  );

  return (
    <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>
  );
}

/** The translation function and the language of the tab. */
export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
