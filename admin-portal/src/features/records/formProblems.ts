import { inLanguage, isApiError } from '../../api.ts';
import type { Locale } from '../../i18n/messages.ts';

/** A problem with one field of a form: its path as the API names it. */
export type Problem = { path: string; message: string };

/**
 * What the form itself refuses before sending (a date not written
 * dd/mm/yyyy), shaped like the API's field errors so both show alike.
 */
export class FormProblems extends Error {
  constructor(readonly fields: Problem[]) {
    super(fields.map((field) => field.path).join(', '));
  }
}

/**
 * The field problems of a refused save, in the reader's language: the API's
 * (`emails.0.address`, `birthDate`…) or the form's own. The version the
 * API names on a conflict is not a field the person can fix.
 */
export function problemsOf(error: unknown, locale: Locale): Problem[] {
  if (error instanceof FormProblems) return error.fields;
  if (!isApiError(error)) return [];

  return (error.body?.error.fields ?? [])
    .filter((field) => field.path !== 'version')
    .map((field) => ({
      path: field.path,
      message: inLanguage(field.message, locale),
    }));
}

/** The message for exactly this path, if any. */
export function problemAt(
  problems: Problem[],
  path: string,
): string | undefined {
  return problems.find((problem) => problem.path === path)?.message;
}
