import { z } from 'zod';
import { roles } from '../auth/auth.schemas.ts';
import { emailAddress, singleLine } from '../common.schemas.ts';

/** A local account to create; without a password, a one-time one is made. */
export const newUserInput = z.object({
  email: emailAddress,
  displayName: singleLine().min(1).max(200),
  role: z.enum(roles),
  password: z
    .string()
    .min(12, { message: '12 caractères au moins / at least 12 characters' })
    .max(500)
    .optional(),
  /** The department (service) the user works in. */
  departmentId: z.number().int().positive().max(2_147_483_647).nullish(),
});

export type NewUserInput = z.input<typeof newUserInput>;
