import { route } from '../../http/routes.ts';
import { entraClientDto, type EntraClientDto } from './entra-client.schemas.ts';

/** The configuration values the route publishes (see `entraClientOf`). */
export type EntraClientConfig = {
  ENTRA_CLIENT_ID?: string;
  ENTRA_TENANT_IDS?: string;
  ENTRA_APP_ID_URI?: string;
  ENTRA_REQUIRED_SCOPE: string;
  ENTRA_AUTHORITY: string;
};

/** What `GET /api/auth/entra` answers for a configuration. */
export function entraClientOf(config?: EntraClientConfig): EntraClientDto {
  const enabled = Boolean(config?.ENTRA_CLIENT_ID && config.ENTRA_TENANT_IDS);
  if (!config || !enabled)
    return {
      enabled: false,
      clientId: null,
      authority: null,
      scope: null,
      tenantId: null,
    };
  const resource = config.ENTRA_APP_ID_URI ?? `api://${config.ENTRA_CLIENT_ID}`;
  const tenants = (config.ENTRA_TENANT_IDS ?? '')
    .split(',')
    .map((tenant) => tenant.trim())
    .filter(Boolean);

  return {
    enabled,
    clientId: config.ENTRA_CLIENT_ID ?? null,
    authority: config.ENTRA_AUTHORITY.replace(/\/+$/, ''),
    scope: `${resource}/${config.ENTRA_REQUIRED_SCOPE}`,
    tenantId: tenants.length === 1 ? tenants[0]! : null,
  };
}

/** Public: the Teams consent page reads it before anyone is signed in. */
export function entraClientRoutes(config?: EntraClientConfig) {
  const answer = entraClientOf(config);

  return [
    route({
      method: 'get',
      path: '/api/auth/entra',
      summary:
        'Paramètres publics de la connexion Entra ID (page de consentement)',
      tag: 'auth',
      access: 'public',
      response: entraClientDto,
      handler: async () => answer,
    }),
  ];
}
