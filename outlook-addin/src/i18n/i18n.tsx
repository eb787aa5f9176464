import { createContext, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { catalogues, type Locale, type MessageKey } from './messages.ts';

/** Values for the `{name}` placeholders of a message. */
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The message for `key` in `locale`, placeholders filled. */
export function translate(
  locale: Locale,
  key: MessageKey,
  params?: MessageParams,
): string {
  const message = catalogues[locale][key];
  if (!params) return message;

  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
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
