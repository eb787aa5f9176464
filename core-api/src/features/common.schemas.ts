import { z } from 'zod';
import { normaliseEmail } from '../platform/text/email.ts';
import { stripInvisible } from '../platform/text/invisible.ts';

/**
 * One line of text people read (a name, a function, a city): invisible
 * format characters (bidirectional overrides and the like) are dropped, then
 * the spaces around it; chain the length checks after it.
 */
export const singleLine = () => z.string().overwrite(stripInvisible).trim();

/** A calendar date as `YYYY-MM-DD`, refusing impossible days (31/02, month 13). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, {
    message: 'format AAAA-MM-JJ attendu / expected YYYY-MM-DD',
  })
  .refine(isRealDate, { message: 'date impossible / impossible date' });

/** The earliest year a birth date may have. */
export const earliestBirthYear = 1900;

/**
 * Why a birth date (`YYYY-MM-DD`, or `--MM-DD` without a year) cannot be a
 * living contact's, in French and English, or null when it can: a day that
 * does not exist, a day still to come, or a year before 1900.
 *
 * @param today the latest current date anywhere (`YYYY-MM-DD`), by default
 *   now: a baby born in New Caledonia is not refused for UTC's sake
 */
export function birthDateProblem(
  value: string,
  today = latestToday(),
): { fr: string; en: string } | null {
  if (value.startsWith('--')) {
    return isRealDate(`2000${value.slice(1)}`)
      ? null
      : { fr: 'date impossible', en: 'impossible date' };
  }
  if (!isRealDate(value))
    return { fr: 'date impossible', en: 'impossible date' };
  if (value > today)
    return {
      fr: 'date de naissance dans le futur',
      en: 'birth date in the future',
    };
  if (Number(value.slice(0, 4)) < earliestBirthYear)
    return {
      fr: `date de naissance antérieure à ${earliestBirthYear}`,
      en: `birth date before ${earliestBirthYear}`,
    };

  return null;
}

/** Today's date where it is latest (UTC+14). */
function latestToday(): string {
  return new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * A birth date: a full date from 1900 to today, or day and month only
 * (`--MM-DD`, as vCard writes it).
 */
export const birthDate = z
  .string()
  .regex(/^(?:\d{4}|-)-\d{2}-\d{2}$/, {
    message:
      'format AAAA-MM-JJ ou --MM-JJ attendu / expected YYYY-MM-DD or --MM-DD',
  })
  .superRefine((value, ctx) => {
    if (!/^(?:\d{4}|-)-\d{2}-\d{2}$/.test(value)) return;
    const problem = birthDateProblem(value);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        message: `${problem.fr} / ${problem.en}`,
      });
  });

function isRealDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day));

  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

const invalidEmail = 'adresse e-mail invalide / invalid email address';

/**
 * An email address, internationalised ones included (`élise@société.fr`),
 * given back as the base stores it (`normaliseEmail`): every field holding
 * an address goes through this one check.
 */
export const emailAddress = z
  .string()
  .max(320, { message: '320 caractères au plus / 320 characters at most' })
  // Refused by a refinement, not in the transform: the object's own checks
  // still run and report their problems beside this one.
  .refine((value) => normaliseEmail(value) !== null, { message: invalidEmail })
  .transform((value) => normaliseEmail(value) as string);

/** An address checked as `emailAddress` is, given back as typed, to echo it. */
export const typedEmailAddress = z
  .string()
  .trim()
  .max(320, { message: '320 caractères au plus / 320 characters at most' })
  .refine((value) => normaliseEmail(value) !== null, {
    message: invalidEmail,
  });

/** A record's id in a path: decimal digits only (`0x10` and `1e3` are not ids). */
export const idParam = z
  .string()
  .regex(/^\d{1,10}$/, { message: 'identifiant invalide / invalid id' })
  .transform(Number)
  .pipe(z.number().int().positive().max(2_147_483_647));

/**
 * A name searched for in a table (`?name=dupont`), folded as the stored sort
 * keys are; absent or blank, no filter.
 */
export const nameWords = z
  .string()
  .max(100, { message: '100 caractères au plus / 100 characters at most' })
  .optional();

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** Where and when a field got its current value. */
export const fieldSource = z.object({ source: z.string(), at: z.string() });

/** The one error body every route answers with. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageEn: z.string().optional(),
    /** A finer cause under the code (`audience`, `expired`, `no_role`...). */
    reason: z.string().optional(),
    fields: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional(),
    requestId: z.string().optional(),
  }),
});

export type ErrorBody = z.infer<typeof errorBody>;

/** A page of results. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
