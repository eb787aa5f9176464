import { catalogues, type Locale, type MessageKey } from './messages.ts';

/** Values for the `{name}` placeholders of a message. */
export type MessageParams = Record<string, string | number>;

/** Looks a message up and fills its placeholders. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * A placeholder: `{name}` writes the value; `{name|one|other}` writes the
 * word agreeing with the number (`{rows|ligne|lignes}`); `{de:name}` writes
 * French "de" before the value, elided before a vowel or mute h.
 */
const PLACEHOLDER = /\{(de:)?(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;

/**
 * Before a vowel or an h: an h is taken as mute (d’Hélène); an aspirated one
 * (de Hollande) cannot be told from the spelling.
 */
const ELIDES = /^[aeiouyàâäéèêëîïôöùûüœæh]/i;

/** "de Paul", "d’Anne", "d’Élodie", "d’Hélène": French elision before a vowel. */
export function de(name: string): string {
  return ELIDES.test(name.trim()) ? `d’${name}` : `de ${name}`;
}

/**
 * Returns the message for `key` in `locale`, with each placeholder filled
 * from `params` (see PLACEHOLDER); one without a value is left as written.
 * Plurals follow the language's rules: French says "0 ligne", "1 ligne".
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
    (
      whole,
      elide: string | undefined,
      name: string,
      one?: string,
      other?: string,
    ) => {
      if (!(name in params)) return whole;
      const value = params[name];
      if (elide) return de(String(value));
      if (one === undefined || other === undefined) return String(value);
      const form = rules.select(Number(value)) === 'one' ? one : other;

      return `${value} ${form}`;
    },
  );
}

/** Whether a string from the API (a field name, a kind) has a catalogue entry. */
export function isMessageKey(key: string): key is MessageKey {
  return key in catalogues.fr;
}
