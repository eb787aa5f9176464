import { createContext, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { catalogues, type Locale, type MessageKey } from './messages.ts';

/** Values for the `{name}` placeholders of a message. */
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * A placeholder: `{name}` writes the value; `{name|one|other}` writes it with
 * the word agreeing with it (`{count|contact|contacts}`), as in the portal.
 */
const PLACEHOLDER = /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;

/**
 * The message for `key` in `locale`, placeholders filled. Plurals follow the
 * language's rules: French says "0 contact", "1 contact".
 */
export function translate(
  locale: Locale,
  key: MessageKey,
  params?: MessageParams,
): string {
  const message = catalogues[locale][key];
  if (!params) return message;
  const rules = new Intl.PluralRules(locale);

  return message.replace(
    PLACEHOLDER,
    (whole, name: string, one?: string, other?: string) => {
      if (!(name in params)) return whole;
      const value = params[name];
      if (one === undefined || other === undefined) return String(value);

      return `${value} ${rules.select(Number(value)) === 'one' ? one : other}`;
    },
  );
}

/**
 * The pane's language from Outlook's display language (`fr-FR`, `en-GB`):
 * English for English, French for everything else, since the team works in
 * French.
 */
export function localeOf(displayLanguage: string | undefined): Locale {
  return /^en\b/i.test(displayLanguage ?? '') ? 'en' : 'fr';
}

type I18n = { locale: Locale; setLocale: (l: Locale) => void; t: Translate };

const I18nContext = createContext<I18n>({
  locale: 'fr',
  setLocale: () => undefined,
  t: (key, params) => translate('fr', key, params),
});

export function I18nProvider(props: {
  initialLocale: Locale;
  children: ReactNode;
}) {
  const [locale, setLocale] = useState(props.initialLocale);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, params) => translate(locale, key, params),
    }),
    [locale],
  );

  return (
    <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>
  );
}

/** The translation function, and the language with its setter. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
