/**
 * A number with the words agreeing with it, by the language's rules:
 * French counts 0 and 1 as one (`0 contact supprimé`), English only 1
 * (`0 contacts deleted`). For the API's messages and audit summaries, as the
 * screens' `{count|one|other}` placeholders.
 */
export function counted(
  locale: 'fr' | 'en',
  count: number,
  one: string,
  other: string,
): string {
  const form =
    new Intl.PluralRules(locale).select(count) === 'one' ? one : other;

  return `${count} ${form}`;
}
