import { z } from 'zod';
import { AppError, type FieldProblem } from './errors.ts';
import { wordIssue } from './issue-messages.ts';

/** One refused value: where it is, and why in French and in English. */
export type InputProblem = { path: string; fr: string; en: string };

const frenchLocale = z.locales.fr().localeError;
const englishLocale = z.locales.en().localeError;

// A schema's own message comes first; then the common problems as worded
// here, then zod's locale for the rare rest.
const french: z.core.$ZodErrorMap = (issue) =>
  wordIssue(issue)?.fr ?? frenchLocale(issue);
const english: z.core.$ZodErrorMap = (issue) =>
  wordIssue(issue)?.en ?? englishLocale(issue);

// Control characters have no place in a name or an address; NUL would also
// cut short the SQL text SQLite receives.
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** How deep a request may nest objects and arrays; real ones stay far below. */
export const maxNesting = 64;

/**
 * Walks a value without recursion (a deeply nested body cannot overflow the
 * stack): the paths of the strings holding control characters, or `tooDeep`
 * once nesting passes `maxNesting`.
 */
function controlCharacterPaths(value: unknown): string[] | 'tooDeep' {
  const found: string[] = [];
  const pending: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (pending.length > 0) {
    const { value: next, path } = pending.pop()!;
    if (typeof next === 'string') {
      if (controlCharacters.test(next)) found.push(path.join('.') || '(body)');
      continue;
    }
    if (next === null || typeof next !== 'object') continue;
    if (path.length >= maxNesting) return 'tooDeep';
    for (const [key, child] of Object.entries(next).reverse()) {
      pending.push({ value: child, path: [...path, key] });
    }
  }

  return found;
}

/**
 * Checks input against a schema and names every problem (not just the first
 * one) in both languages: the schema's own messages are already bilingual,
 * the common problems are worded by `wordIssue`, the rest by zod's French
 * and English locales.
 */
export function inputProblems<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { data: z.output<S> } | { problems: InputProblem[] } {
  const hidden = controlCharacterPaths(input);
  if (hidden === 'tooDeep') {
    return {
      problems: [
        {
          path: '(body)',
          fr: `imbrication trop profonde (plus de ${maxNesting} niveaux)`,
          en: `nested too deeply (more than ${maxNesting} levels)`,
        },
      ],
    };
  }
  if (hidden.length > 0) {
    return {
      problems: hidden.map((path) => ({
        path,
        fr: 'caractère de contrôle interdit',
        en: 'control character not allowed',
      })),
    };
  }
  const result = schema.safeParse(input, { error: english });
  if (result.success) return { data: result.data };

  const inFrench = schema.safeParse(input, { error: french });
  const frenchIssues = inFrench.success ? [] : inFrench.error.issues;

  return {
    problems: result.error.issues.map((issue, index) => ({
      path: issue.path.map(String).join('.') || '(body)',
      fr: frenchIssues[index]?.message ?? issue.message,
      en: issue.message,
    })),
  };
}

/**
 * Parses input against a schema, or throws one 400 naming every bad field,
 * each with its reason in French and English.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): z.output<S> {
  const checked = inputProblems(schema, input);
  if ('data' in checked) return checked.data;

  const fields: FieldProblem[] = checked.problems.map(({ path, fr, en }) => ({
    path,
    message: fr === en ? fr : `${fr} / ${en}`,
  }));

  throw new AppError('VALIDATION_FAILED', { fields });
}
