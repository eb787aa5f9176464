import type { Environment } from './environment.ts';

/**
 * Where the web front serves each page the manifests point to: core-api
 * serves the `outlook-addin` build at `/addin` and the `teams-app` build at
 * `/teams`. The add-in build draws its icons with `icons.ts` (the same code
 * the generator uses) at the icon path.
 */
export const webPaths = {
  taskPane: '/addin/taskpane.html',
  addinIcon: (size: number) => `/addin/assets/icon-${size}.png`,
  personalTab: '/teams/tab.html',
  tabConfiguration: '/teams/configure.html',
} as const;

/** The absolute addresses of one environment. */
export function urlsOf(environment: Environment) {
  const base = environment.baseUrl;
  const { host, origin } = new URL(base);
  return {
    /** Host name with its port when not the default: Microsoft's "domain". */
    host,
    origin,
    taskPane: `${base}${webPaths.taskPane}`,
    addinIcon: (size: number) => `${base}${webPaths.addinIcon(size)}`,
    personalTab: `${base}${webPaths.personalTab}`,
    tabConfiguration: `${base}${webPaths.tabConfiguration}`,
    /**
     * Application ID URI of the API registration: single sign-on needs its
     * host to be the one the pages are served from.
     */
    apiResource: `api://${host}/${environment.apiClientId}`,
  };
}
