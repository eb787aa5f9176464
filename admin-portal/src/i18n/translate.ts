import { catalogues, type Locale, type MessageKey } from './messages.ts';

/** Values for the `{name}` placeholders of a message. */
export type MessageParams = Record<string, string | number>;

/** Looks a message up and fills its placeholders. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * Returns the message for `key` in `locale`, with each `{name}` replaced by
 * `params.name`; a placeholder without a value is left as written.
 */
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

/** Whether a string from the API (a field name, a kind) has a catalogue entry. */
export function isMessageKey(key: string): key is MessageKey {
  return key in catalogues.fr;
}
