import { z } from 'zod';
import { roles, userDto } from '../../../features/auth/auth.schemas.ts';

export const roleInput = z.object({
  /**
   * The role to hold whatever the Entra ID groups say; null hands the role
   * back to the groups (accounts with an Entra ID identity only).
   */
  role: z.enum(roles).nullable(),
});

export const roleAnswer = z.object({
  user: userDto,
  identitySource: z.enum(['local', 'entra']),
  rolePinned: z.boolean(),
});

export type RoleAnswer = z.infer<typeof roleAnswer>;
