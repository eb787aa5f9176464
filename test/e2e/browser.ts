import { chromium, type Browser, type Page } from 'playwright-core';
import { totpAt } from '../../core-api/src/platform/auth/totp.ts';
import type { RelaisServer } from './server.ts';

/**
 * Chromium in French, in Paris time, as the team uses it: native date and
 * time fields read jj/mm/aaaa in the screenshots. On Linux the interface
 * language comes from LANGUAGE (`--lang` is for the other systems), and
 * needs Debian's chromium-l10n; each page also gets French and Paris time
 * (`newPage`'s `locale`, `timezoneId`).
 */
export const frenchChromium = {
  args: ['--lang=fr-FR'],
  env: { ...process.env, LANGUAGE: 'fr', TZ: 'Europe/Paris' },
};

/** Debian's Chromium, headless, reaching nothing but the loopback server. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    env: frenchChromium.env,
    args: [
      ...frenchChromium.args,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Signs an administrator in once, enrolling the second factor, and returns
 * the bearer token the portal keeps for the tab.
 */
export async function signInAdmin(
  browser: Browser,
  server: RelaisServer,
  admin: { email: string; password: string },
): Promise<string> {
  const page = await browser.newPage({
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  await page.goto(server.url);
  await page.getByLabel('Adresse e-mail').fill(admin.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: /Se connecter/ }).click();
  const secretField = page.getByLabel('Clé secrète');
  await secretField.waitFor();
  const secret = await secretField.inputValue();
  await page
    .getByLabel('Code de vérification')
    .fill(totpAt(secret, Math.floor(Date.now() / 30_000)));
  await page.getByRole('button', { name: 'Valider le code' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
  const token = await page.evaluate(() =>
    window.sessionStorage.getItem('relais.token'),
  );
  await page.close();
  if (!token) throw new Error('no token after sign-in');

  return token;
}

/**
 * A signed-in page at `width` px on `hash`; phones get the dark theme, so
 * the screenshots show both themes.
 */
export async function openAt(
  browser: Browser,
  server: RelaisServer,
  token: string,
  width: number,
  hash: string,
): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width, height: 900 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  await page.addInitScript(
    ([value, theme]) => {
      window.sessionStorage.setItem('relais.token', value);
      window.localStorage.setItem('relais.theme', theme);
    },
    [token, width < 600 ? 'dark' : 'light'] as const,
  );
  await page.goto(`${server.url}/${hash}`);

  return page;
}

/** How far the page scrolls sideways: 0 when it fits the window. */
export function sideScroll(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
}

/**
 * Signs an account without a second factor (an editor) in through the API
 * and returns its bearer token, for pages opened with `openAt`.
 */
export async function signInByApi(
  server: RelaisServer,
  account: { email: string; password: string },
): Promise<string> {
  const response = await fetch(`${server.url}/api/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  const body = (await response.json()) as { token?: string; stage?: string };
  if (!body.token || body.stage !== 'ready')
    throw new Error(`sign-in of ${account.email}: ${JSON.stringify(body)}`);

  return body.token;
}

/**
 * The fields of the native date or time input labelled `label`, in the order
 * Chromium lays them out (« Jour », « Mois », « Année »… in French), read
 * from the accessibility tree: the input's own fields are out of reach of
 * the page.
 */
export async function dateFieldOrder(
  page: Page,
  label: string,
): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: {
      nodeId: string;
      parentId?: string;
      role?: { value?: string };
      name?: { value?: string };
    }[];
  };
  await cdp.detach();
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const within = (node: (typeof nodes)[number]): boolean => {
    for (let up = node.parentId; up; up = byId.get(up)?.parentId) {
      if (byId.get(up)?.name?.value === label) return true;
    }
    return false;
  };

  return (
    nodes
      .filter((node) => node.role?.value === 'spinbutton' && within(node))
      // Chromium names each field twice (« Jour Jour »): its label, then its
      // placeholder.
      .map((node) => (node.name?.value ?? '').split(' ')[0]!)
  );
}
