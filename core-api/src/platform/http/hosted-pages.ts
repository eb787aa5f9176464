import { existsSync } from 'node:fs';
import type { Express, NextFunction, Request, Response } from 'express';
import express from 'express';
import helmet from 'helmet';

/**
 * The Microsoft 365 hosts allowed to frame the add-in and the tab: Outlook
 * (web, new Outlook, consumer Outlook), Teams, the Microsoft 365 app, and
 * the `cloud.microsoft` domain those clients are moving to.
 */
export const microsoftHostOrigins = [
  'https://*.cloud.microsoft',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.live.com',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.office.com',
  'https://*.microsoft365.com',
] as const;

/** Where Microsoft requires the add-in to load Office.js from. */
export const officeJsOrigin = 'https://appsforoffice.microsoft.com';
/** Where teams-js reads the list of Microsoft's valid domains. */
export const teamsJsCdnOrigin = 'https://res.cdn.office.net';

/** The two front-ends Microsoft 365 hosts frame, and where they are served. */
export const hostedPrefixes = { addin: '/addin', teams: '/teams' } as const;

export type HostedPagesOptions = {
  /** Built Outlook add-in (`outlook-addin/dist`), served at `/addin`. */
  addinDir?: string;
  /** Built Teams tab (`teams-app/dist`), served at `/teams`. */
  teamsDir?: string;
  /**
   * Entra ID sign-in host (ENTRA_AUTHORITY): the add-in's sign-in library
   * reaches it when the host offers no nested authentication.
   */
  entraAuthority?: string;
  /** Served over https: turns on HSTS and upgrades insecure requests. */
  https?: boolean;
};

function hostedPrefixOf(path: string): keyof typeof hostedPrefixes | null {
  for (const [name, prefix] of Object.entries(hostedPrefixes))
    if (path === prefix || path.startsWith(`${prefix}/`))
      return name as keyof typeof hostedPrefixes;

  return null;
}

/**
 * Security headers for every response. The API and the portal may only be
 * framed by Relais itself; the add-in and the tab must be framed by Outlook
 * and Teams, so they get `frame-ancestors` naming those hosts and no
 * `X-Frame-Options` (which cannot name them). The add-in may also load
 * Office.js from Microsoft's CDN.
 */
export function securityHeaders(options: HostedPagesOptions) {
  const upgrade = options.https ? [] : null;
  const common = {
    // Fluent UI injects its styles at run time (Griffel), hence inline styles.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    // Over plain http (an intranet address) upgrading would break every
    // asset; behind https the proxy and HSTS do the job.
    'upgrade-insecure-requests': upgrade,
  };
  const portal = helmet({
    contentSecurityPolicy: { directives: common },
    strictTransportSecurity: options.https ?? false,
  });
  const signIn = options.entraAuthority
    ? [new URL(options.entraAuthority).origin]
    : [];
  const framed = (
    scripts: string[],
    connect: string[],
    opener: 'same-origin-allow-popups' | 'unsafe-none',
    frames: string[] = connect,
  ) =>
    helmet({
      contentSecurityPolicy: {
        directives: {
          ...common,
          'script-src': ["'self'", ...scripts],
          'connect-src': ["'self'", ...connect],
          'frame-src': ["'self'", ...frames],
          'frame-ancestors': ["'self'", ...microsoftHostOrigins],
        },
      },
      xFrameOptions: false,
      // Outlook shows the add-in's icons from its own origin.
      crossOriginResourcePolicy: { policy: 'cross-origin' },
      crossOriginOpenerPolicy: { policy: opener },
      strictTransportSecurity: options.https ?? false,
    });
  // A sign-in popup must be able to answer the add-in that opened it.
  const addin = framed([officeJsOrigin], signIn, 'same-origin-allow-popups');
  // Teams opens the tab's consent page in a window of its own and hears
  // from it through `window.opener`, which any other policy would cut.
  // teams-js reads the list of Microsoft's valid domains from its CDN.
  const teams = framed([], [teamsJsCdnOrigin], 'unsafe-none', []);

  return (request: Request, response: Response, next: NextFunction) => {
    const hosted = hostedPrefixOf(request.path);
    const headers =
      hosted === 'addin' ? addin : hosted === 'teams' ? teams : portal;
    headers(request, response, next);
  };
}

/**
 * Serves the built add-in and tab (compiled files only) under their
 * prefixes. A missing file answers 404 rather than falling through to the
 * portal, whose page would load inside Outlook or Teams.
 */
export function mountHostedPages(app: Express, options: HostedPagesOptions) {
  const dirs = { addin: options.addinDir, teams: options.teamsDir };
  for (const [name, prefix] of Object.entries(hostedPrefixes)) {
    const dir = dirs[name as keyof typeof dirs];
    if (dir && existsSync(dir))
      app.use(
        prefix,
        express.static(dir, {
          index: false,
          redirect: false,
          maxAge: '1h',
          setHeaders: (response, path) => {
            // Pages name the hashed bundles: a new release must be seen at once.
            if (path.endsWith('.html'))
              response.setHeader('Cache-Control', 'no-cache');
          },
        }),
      );
    app.use(prefix, (_request: Request, response: Response) => {
      response
        .status(404)
        .type('text/plain; charset=utf-8')
        .send('Page introuvable / page not found');
    });
  }
}
