import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { transformWithEsbuild } from 'vite';

/**
 * The Teams host harness: a page that plays Teams' part for the tab in real
 * Chromium. It is served at the Relais server's own origin (intercepted by
 * the browser, so Relais never serves it) and frames the built tab, whose
 * teams-js then talks to it as to Teams. The single sign-on token it hands
 * over comes from the test process: a real token of the local OpenID
 * Connect issuer, validated by Relais end to end.
 */

const pageSource = fileURLToPath(
  new URL('teams-host-page.ts', import.meta.url),
);
let compiled: Promise<string> | undefined;

function hostScript(): Promise<string> {
  compiled ??= transformWithEsbuild(
    readFileSync(pageSource, 'utf8'),
    pageSource,
    { format: 'iife', target: 'es2022', loader: 'ts' },
  ).then((result) => result.code);

  return compiled;
}

/** What `authentication.getAuthToken` answers, asked at each call. */
export type TokenAnswer = () => Promise<{ token?: string; error?: string }>;

export type TeamsHostOptions = {
  /** The Relais server's address (`http://127.0.0.1:PORT`). */
  baseUrl: string;
  /** `tab.html?listId=4`, `configure.html`… under `/teams/`. */
  page: string;
  frameContext?: 'content' | 'settings';
  /** Teams' legacy context fields (`locale`, `theme`, `tid`, `loginHint`…). */
  context: Record<string, unknown>;
  token: TokenAnswer;
  width?: number;
  locale?: string;
};

/** The host page opened, with its frame and what teams-js told it. */
export type TeamsHost = {
  context: BrowserContext;
  page: Page;
  /** The framed tab. */
  tab: ReturnType<Page['frameLocator']>;
  /** What the tab told its host (validity, saved configuration…). */
  state: () => Promise<{
    valid: boolean | null;
    config: Record<string, unknown> | null;
    saved: string | null;
    authenticateCalls: string[];
    unhandled: string[];
  }>;
  setTheme: (theme: 'default' | 'dark' | 'contrast') => Promise<void>;
  /** Clicks Teams' Save button of a channel tab configuration. */
  save: () => Promise<void>;
  close: () => Promise<void>;
};

/** Opens the harness in a new browser context, framing one tab page. */
export async function openTeamsHost(
  browser: Browser,
  options: TeamsHostOptions,
): Promise<TeamsHost> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    locale: options.locale ?? 'fr-FR',
    // The local issuer's certificate comes from a CA made for the test.
    ignoreHTTPSErrors: true,
  });
  // Nothing leaves the machine: teams-js asks a CDN for its list of hosts.
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort(),
  );
  await context.exposeFunction('relaisHostToken', options.token);
  const hostUrl = `${options.baseUrl}/teams-host.html`;
  const settings = {
    frameUrl: `${options.baseUrl}/teams/${options.page}`,
    frameContext: options.frameContext ?? 'content',
    context: options.context,
  };
  const script = await hostScript();
  await context.route(hostUrl, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body:
        '<!doctype html><html lang="fr"><head><meta charset="utf-8">' +
        '<title>Teams (harnais de test)</title></head>' +
        '<body style="margin:0">' +
        `<script>window.teamsHostSettings = ${JSON.stringify(settings)};</script>` +
        `<script>${script}</script></body></html>`,
    }),
  );
  const page = await context.newPage();
  await page.goto(hostUrl);

  return {
    context,
    page,
    tab: page.frameLocator('iframe[title="Relais"]'),
    state: () => page.evaluate(() => window.teamsHost.state),
    setTheme: (theme) =>
      page.evaluate((name) => window.teamsHost.setTheme(name), theme),
    save: () => page.evaluate(() => window.teamsHost.save()),
    close: () => context.close(),
  };
}
