import { z } from 'zod';
import { entraIdentityDto } from '../../platform/auth/entra/entra-identity.schemas.ts';
import { userDto } from '../auth/auth.schemas.ts';

/**
 * A user as the administration lists them: the session's view, the
 * department and how the person signs in.
 */
export const managedUserDto = userDto.extend({
  /** The department (service) set by an administrator, or null. */
  departmentId: z.number().int().nullable(),
  /**
   * `local`: created in Relais, with a password; `entra`: created by a
   * first Entra ID sign-in, without one.
   */
  identitySource: z.enum(['local', 'entra']),
  /** The Entra ID identity whose tokens open this account, or null. */
  entraIdentity: entraIdentityDto.nullable(),
  /** The role holds whatever the Entra ID groups say. */
  rolePinned: z.boolean(),
});
export type ManagedUserDto = z.infer<typeof managedUserDto>;

export const managedUserList = z.object({ items: z.array(managedUserDto) });

export const userDepartmentInput = z.object({
  /** The department to belong to; null for none. */
  departmentId: z.number().int().positive().max(2_147_483_647).nullable(),
});
export type UserDepartmentInput = z.input<typeof userDepartmentInput>;
