import { z } from 'zod';
import { emailAddress } from '../common.schemas.ts';

export const roles = ['admin', 'editor'] as const;
export type Role = (typeof roles)[number];

export const locales = ['fr', 'en'] as const;

export const userDto = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  locale: z.enum(locales),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  active: z.boolean(),
  lastSignInAt: z.string().nullable(),
});

export type UserDto = z.infer<typeof userDto>;

export const signInInput = z.object({
  email: emailAddress,
  password: z.string().min(1).max(500),
  totp: z
    .string()
    .regex(/^\d{6}$/, { message: 'code à six chiffres / six-digit code' })
    .optional(),
});

/**
 * The answer to a sign-in. `stage` says what the session may do:
 * `ready` is a full session; `mfa_enrolment` (an administrator without a
 * second factor yet) and `password_change` (a one-time password) only open
 * the routes that finish those steps.
 */
export const signInResult = z.object({
  token: z.string(),
  expiresAt: z.string(),
  stage: z.enum(['ready', 'mfa_enrolment', 'password_change']),
  user: userDto,
  enrolment: z
    .object({ secret: z.string(), otpauthUrl: z.string() })
    .optional(),
});

export type SignInResult = z.infer<typeof signInResult>;

export const mfaConfirmInput = z.object({
  code: z
    .string()
    .regex(/^\d{6}$/, { message: 'code à six chiffres / six-digit code' }),
});

export const passwordChangeInput = z.object({
  currentPassword: z.string().min(1).max(500),
  newPassword: z
    .string()
    .min(12, { message: '12 caractères au moins / at least 12 characters' })
    .max(500),
});

export const sessionDto = z.object({
  user: userDto,
  stage: z.enum(['ready', 'mfa_enrolment', 'password_change']),
  expiresAt: z.string(),
});

export type SessionDto = z.infer<typeof sessionDto>;
