import { z } from 'zod';
import { emailAddress } from '../common.schemas.ts';

const idList = (max: number) =>
  z.array(z.number().int().positive().max(2_147_483_647)).max(max);
const ids = (max: number) => idList(max).default([]);

/**
 * A name that ends up in a mail header (`From: Service presse <…>`): a line
 * break would let it add headers of its own, so no control character at all
 * (the request check lets tabs and line breaks through for free text).
 */
const headerName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((name) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(name), {
    message:
      'une seule ligne, sans caractère de contrôle / a single line, without control characters',
  });

export const departmentInput = z.object({
  name: headerName,
  /** A short code (`PRESSE`, `COM-INT`), kept in capitals. */
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9_-]{1,20}$/, {
      message:
        'lettres, chiffres, - ou _ (20 au plus) / letters, digits, - or _ (20 at most)',
    }),
});

export const departmentUpdate = departmentInput.extend({
  version: z.number().int().positive(),
});

export type DepartmentInput = z.input<typeof departmentInput>;
export type DepartmentUpdate = z.input<typeof departmentUpdate>;

export const departmentDto = z.object({
  id: z.number().int(),
  name: z.string(),
  code: z.string(),
  /** Users who belong to it. */
  userCount: z.number().int(),
  /** Sender addresses granted to it. */
  senderCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DepartmentDto = z.infer<typeof departmentDto>;

export const departmentList = z.object({ items: z.array(departmentDto) });
export type DepartmentList = z.infer<typeof departmentList>;

const senderAddressFields = z.object({
  address: emailAddress,
  displayName: headerName,
  replyTo: emailAddress.nullish(),
  /** A deactivated address is kept but nobody may send from it. */
  active: z.boolean().default(true),
  /** Departments whose members may send from it. */
  departmentIds: ids(200),
  /** Users who may send from it, whatever their department. */
  userIds: ids(1000),
  /** Departments whose default address it is (among `departmentIds`). */
  defaultForDepartmentIds: ids(200),
});

/** A default is only for a department the address is granted to. */
function defaultsAmongGrants(
  input: z.output<typeof senderAddressFields>,
  context: z.RefinementCtx,
): void {
  input.defaultForDepartmentIds.forEach((id, index) => {
    if (input.departmentIds.includes(id)) return;
    context.addIssue({
      code: 'custom',
      path: ['defaultForDepartmentIds', index],
      message:
        'service sans droit sur cette adresse / department not granted this address',
    });
  });
}

export const senderAddressInput =
  senderAddressFields.superRefine(defaultsAmongGrants);

/**
 * A change replaces the whole address, as every PUT does: rights left out
 * are refused by name rather than silently taken away.
 */
export const senderAddressUpdate = senderAddressFields
  .extend({
    active: z.boolean(),
    departmentIds: idList(200),
    userIds: idList(1000),
    defaultForDepartmentIds: idList(200),
    version: z.number().int().positive(),
  })
  .superRefine(defaultsAmongGrants);

export type SenderAddressInput = z.input<typeof senderAddressInput>;
export type SenderAddressUpdate = z.input<typeof senderAddressUpdate>;

export const senderAddressDto = z.object({
  id: z.number().int(),
  address: z.string(),
  displayName: z.string(),
  replyTo: z.string().nullable(),
  active: z.boolean(),
  departments: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      code: z.string(),
      /** The department's default address. */
      isDefault: z.boolean(),
    }),
  ),
  users: z.array(
    z.object({
      id: z.number().int(),
      displayName: z.string(),
      email: z.string(),
    }),
  ),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SenderAddressDto = z.infer<typeof senderAddressDto>;

export const senderAddressList = z.object({ items: z.array(senderAddressDto) });
export type SenderAddressList = z.infer<typeof senderAddressList>;

/** An address the caller may send from. */
export const mySenderAddress = z.object({
  id: z.number().int(),
  address: z.string(),
  displayName: z.string(),
  replyTo: z.string().nullable(),
  /** The default address of the caller's department. */
  isDefault: z.boolean(),
});
export type MySenderAddress = z.infer<typeof mySenderAddress>;

export const mySenderAddressList = z.object({
  items: z.array(mySenderAddress),
});
export type MySenderAddressList = z.infer<typeof mySenderAddressList>;
