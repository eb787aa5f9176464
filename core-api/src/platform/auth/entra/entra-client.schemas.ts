import { z } from 'zod';

/**
 * What a front-end needs to send a person to Entra ID itself (the Teams
 * consent page): public values, the same that the manifests carry.
 */
export const entraClientDto = z.object({
  /** False when Relais accepts local accounts only. */
  enabled: z.boolean(),
  /** Application (client) id of the API registration. */
  clientId: z.string().nullable(),
  /** Entra ID sign-in host (`https://login.microsoftonline.com`). */
  authority: z.string().nullable(),
  /** The delegated scope a token for the API carries, fully named. */
  scope: z.string().nullable(),
  /**
   * The directory to sign in to when Relais trusts exactly one; null when
   * it trusts several (the sign-in page then lets the person choose).
   */
  tenantId: z.string().nullable(),
});

export type EntraClientDto = z.infer<typeof entraClientDto>;
