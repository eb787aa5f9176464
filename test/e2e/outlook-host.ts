import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { OidcIssuer } from '../../core-api/src/test/oidc-issuer.ts';
import type { RelaisServer } from './server.ts';

/** Where Microsoft serves Office.js; the harness answers in its place. */
export const officeJsUrl =
  'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const harness = readFileSync(
  join(process.cwd(), 'test', 'e2e', 'outlook-host.browser.js'),
  'utf8',
);

export type HostMailbox = { address: string; name?: string };

/** The e-mail Outlook shows, read or being written. */
export type HostItem =
  | {
      mode: 'read';
      internetMessageId: string;
      subject: string;
      sentAt: string;
      from: HostMailbox;
      to: HostMailbox[];
      cc: HostMailbox[];
      body: string;
    }
  | {
      mode: 'compose';
      subject: string;
      from: HostMailbox;
      to: HostMailbox[];
      cc: HostMailbox[];
      bcc: HostMailbox[];
    };

/** The Microsoft account signed in to Outlook, in the issuer's tenant. */
export type HostUser = {
  oid: string;
  tenantId: string;
  address: string;
  name: string;
  groups: string[];
};

export type HostOptions = {
  item: HostItem;
  user: HostUser;
  /** The API's client id: the audience of the tokens minted. */
  clientId: string;
  /** Requirement sets and their highest version (`{ Mailbox: '1.13' }`). */
  requirements?: Record<string, string>;
  width?: number;
};

/**
 * Opens the built task pane in a page where the harness plays Outlook:
 * Office.js requests go to the harness (nothing leaves the machine) and
 * each token asked through nested app authentication is a real one, signed
 * by the test issuer the server trusts. Only the API's own scope is served.
 */
export async function openTaskPane(
  browser: Browser,
  server: RelaisServer,
  issuer: OidcIssuer,
  options: HostOptions,
): Promise<Page> {
  const { user, clientId } = options;
  const page = await browser.newPage({
    viewport: { width: options.width ?? 350, height: 900 },
    locale: 'fr-FR',
  });
  await page.exposeFunction('__relaisHostToken', (raw: string) => {
    const params = JSON.parse(raw) as { scope?: string; clientId?: string };
    const scopes = (params.scope ?? '').split(' ');
    if (params.clientId !== clientId)
      throw new Error(`unexpected client ${params.clientId}`);
    if (!scopes.some((scope) => scope.endsWith('/access_as_user')))
      throw new Error(`unexpected scope ${params.scope}`);
    const person = {
      oid: user.oid,
      name: user.name,
      preferred_username: user.address,
    };

    return JSON.stringify({
      accessToken: issuer.mint(
        {
          ...person,
          aud: clientId,
          scp: 'access_as_user',
          groups: user.groups,
        },
        { tenantId: user.tenantId },
      ),
      idToken: issuer.mint(
        { ...person, aud: clientId },
        { tenantId: user.tenantId },
      ),
    });
  });
  const config = {
    item: options.item,
    user: { ...user, groups: undefined },
    requirements: options.requirements ?? {
      Mailbox: '1.13',
      NestedAppAuth: '1.1',
    },
  };
  await page.addInitScript((value) => {
    (window as unknown as { __relaisHost: unknown }).__relaisHost = value;
  }, config);
  await page.route('https://appsforoffice.microsoft.com/**', (route) =>
    route.request().url() === officeJsUrl
      ? route.fulfill({ body: harness, contentType: 'text/javascript' })
      : route.abort(),
  );
  await page.goto(`${server.url}/addin/taskpane.html`);

  return page;
}

/** What the pane did to the message being written (inserted HTML, subject). */
export function composed(page: Page) {
  return page.evaluate(
    () =>
      (
        window as unknown as {
          __outlook: { inserted: string[]; subject: string; bridge: string[] };
        }
      ).__outlook,
  );
}
