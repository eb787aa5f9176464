import type { z } from 'zod';

/** A refusal worded for people, in French and in English. */
export type Worded = { fr: string; en: string };

type Issue = z.core.$ZodRawIssue;

/** What a value of one kind should have been, in both languages. */
const kinds: Record<string, Worded> = {
  string: { fr: 'texte attendu', en: 'text expected' },
  number: { fr: 'nombre attendu', en: 'number expected' },
  int: { fr: 'nombre entier attendu', en: 'whole number expected' },
  boolean: { fr: 'oui ou non attendu', en: 'yes or no expected' },
  array: { fr: 'liste attendue', en: 'list expected' },
  object: { fr: 'objet attendu', en: 'object expected' },
  date: { fr: 'date attendue', en: 'date expected' },
};

/** The formats people meet, named as they would name them. */
const formats: Record<string, Worded> = {
  email: {
    fr: 'adresse e-mail invalide',
    en: 'invalid email address',
  },
  url: { fr: 'adresse web invalide', en: 'invalid web address' },
  date: {
    fr: 'date invalide (AAAA-MM-JJ attendu)',
    en: 'invalid date (YYYY-MM-DD expected)',
  },
  datetime: {
    fr: 'date et heure invalides',
    en: 'invalid date and time',
  },
  uuid: { fr: 'identifiant invalide', en: 'invalid identifier' },
  guid: { fr: 'identifiant invalide', en: 'invalid identifier' },
};

const quoted = (values: readonly unknown[], open: string, close: string) =>
  values.map((value) => `${open}${String(value)}${close}`).join(', ');

/**
 * zod's own wording of the common problems is a developer's ("Trop petit :
 * chaîne de caractères doit avoir >=1 caractères", "Entrée invalide"): this
 * says the same as a person would, in both languages. Undefined for a
 * problem not worded here (zod's locale then speaks); a schema's own message
 * always comes first.
 */
export function wordIssue(issue: Issue): Worded | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined || issue.input === null) {
        return { fr: 'champ obligatoire', en: 'required' };
      }
      return kinds[issue.expected];
    }
    case 'too_small': {
      const least = Number(issue.minimum);
      const min = issue.inclusive === false ? least + 1 : least;
      if (issue.origin === 'string') {
        return min <= 1
          ? { fr: 'champ obligatoire', en: 'required' }
          : {
              fr: `${min} caractères au moins`,
              en: `at least ${min} characters`,
            };
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return min <= 1
          ? {
              fr: 'au moins un élément attendu',
              en: 'at least one item expected',
            }
          : { fr: `${min} éléments au moins`, en: `at least ${min} items` };
      }
      if (issue.origin === 'number' || issue.origin === 'int') {
        return issue.inclusive === false
          ? { fr: `doit dépasser ${least}`, en: `must be over ${least}` }
          : { fr: `${least} au moins`, en: `at least ${least}` };
      }

      return undefined;
    }
    case 'too_big': {
      const most = Number(issue.maximum);
      const max = issue.inclusive === false ? most - 1 : most;
      if (issue.origin === 'string') {
        return {
          fr: `${max} caractères au plus`,
          en: `${max} characters at most`,
        };
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { fr: `${max} éléments au plus`, en: `${max} items at most` };
      }
      if (issue.origin === 'number' || issue.origin === 'int') {
        return issue.inclusive === false
          ? { fr: `doit rester sous ${most}`, en: `must be under ${most}` }
          : { fr: `${most} au plus`, en: `${most} at most` };
      }

      return undefined;
    }
    case 'invalid_format':
      return (
        formats[issue.format] ?? { fr: 'format invalide', en: 'invalid format' }
      );
    case 'invalid_value':
      if (issue.input === undefined || issue.input === null) {
        return { fr: 'champ obligatoire', en: 'required' };
      }

      return issue.values.length === 1
        ? {
            fr: `« ${String(issue.values[0])} » attendu`,
            en: `"${String(issue.values[0])}" expected`,
          }
        : {
            fr: `valeur non prévue : une de ${quoted(issue.values, '« ', ' »')} attendue`,
            en: `unexpected value: one of ${quoted(issue.values, '"', '"')} expected`,
          };
    case 'invalid_union':
      return { fr: 'valeur invalide', en: 'invalid value' };
    case 'unrecognized_keys':
      return {
        fr: `champ inconnu : ${issue.keys.join(', ')}`,
        en: `unknown field: ${issue.keys.join(', ')}`,
      };
    default:
      return undefined;
  }
}
