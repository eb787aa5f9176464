import { z } from 'zod';

/**
 * How Entra ID writes its identifiers (tenant, object): 8-4-4-4-12
 * hexadecimal digits. The portal checks the same pattern as the API.
 */
export const guidPattern =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const guid = z
  .string()
  .trim()
  .toLowerCase()
  .regex(guidPattern, {
    message:
      'identifiant attendu sous la forme 8-4-4-4-12 chiffres hexadécimaux / ' +
      'identifier expected as 8-4-4-4-12 hexadecimal digits',
  });

/** The Entra ID identity an administrator links to a Relais account. */
export const entraIdentityInput = z.object({
  /** The organisation's directory (tenant) id: `tid` in its tokens. */
  tenantId: guid,
  /** The person's object id in that directory: `oid` in their tokens. */
  objectId: guid,
});
export type EntraIdentityInput = z.input<typeof entraIdentityInput>;

export const entraIdentityDto = z.object({
  tenantId: z.string(),
  objectId: z.string(),
});
export type EntraIdentityDto = z.infer<typeof entraIdentityDto>;
