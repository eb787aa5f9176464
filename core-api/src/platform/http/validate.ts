import type { z } from 'zod';
import { AppError, type FieldProblem } from './errors.ts';

/**
 * Parses input against a schema, or throws one 400 naming every bad field
 * (not just the first one).
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;

  const fields: FieldProblem[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));

  throw new AppError('VALIDATION_FAILED', { fields });
}
