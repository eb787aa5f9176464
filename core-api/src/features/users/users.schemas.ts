import { z } from 'zod';
import { userDto } from '../auth/auth.schemas.ts';

/** A user as the administration lists them: the session's view and the department. */
export const managedUserDto = userDto.extend({
  /** The department (service) set by an administrator, or null. */
  departmentId: z.number().int().nullable(),
});
export type ManagedUserDto = z.infer<typeof managedUserDto>;

export const managedUserList = z.object({ items: z.array(managedUserDto) });

export const userDepartmentInput = z.object({
  /** The department to belong to; null for none. */
  departmentId: z.number().int().positive().max(2_147_483_647).nullable(),
});
export type UserDepartmentInput = z.input<typeof userDepartmentInput>;
