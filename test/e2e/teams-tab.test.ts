import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
} from '@fluentui/react-components';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import {
  startOidcIssuer,
  type OidcIssuer,
} from '../../core-api/src/test/oidc-issuer.ts';
import { launchChromium, sideScroll } from './browser.ts';
import { startHttpsProxy } from './https-proxy.ts';
import { RelaisServer } from './server.ts';
import {
  openTeamsHost,
  type TeamsHost,
  type TokenAnswer,
} from './teams-host.ts';

const artifacts = resolve(process.cwd(), 'test-artifacts');
const pressFile = resolve(
  process.cwd(),
  '..',
  'shared',
  'data',
  'contacts',
  'xlsx',
  'fichier_presse_exemple.xlsx',
);

type Person = { oid: string; name: string; email: string };

/** `#292929` → `rgb(41, 41, 41)`, as computed styles read. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));

  return `rgb(${r}, ${g}, ${b})`;
}

describe('Teams tab in a Teams host harness (Chromium)', function () {
  this.timeout(300_000);
  let issuer: OidcIssuer;
  let server: RelaisServer;
  let browser: Browser;
  let proxy: Awaited<ReturnType<typeof startHttpsProxy>>;
  /** Relais as Teams reaches it: over https, through the proxy. */
  let base = '';
  const clientId = randomUUID();
  const editorGroup = randomUUID();
  const owner: Person = {
    oid: randomUUID(),
    name: 'Claire Dupont',
    email: 'claire.dupont@contoso.example',
  };
  const member: Person = {
    oid: randomUUID(),
    name: 'Paul Martin',
    email: 'paul.martin@contoso.example',
  };
  const hosts: TeamsHost[] = [];
  let listId = 0;
  /** The contact the member proposes, then the owner approves. */
  let proposed = { id: 0, displayName: '', lastName: '' };

  const tokenOf = (person: Person) =>
    issuer.mint({
      aud: clientId,
      oid: person.oid,
      scp: 'access_as_user',
      name: person.name,
      preferred_username: person.email,
      groups: [editorGroup],
    });
  const ssoAs =
    (person: Person): TokenAnswer =>
    async () => ({ token: tokenOf(person) });
  const contextOf = (person: Person, extra: Record<string, unknown> = {}) => ({
    locale: 'fr-fr',
    theme: 'default',
    tid: issuer.tenantIds[0],
    userObjectId: person.oid,
    loginHint: person.email,
    ...extra,
  });

  async function api<T>(person: Person, path: string, body?: unknown) {
    const response = await fetch(`${server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${tokenOf(person)}`,
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.status, `${path}: ${response.status}`).to.be.below(300);

    return (await response.json()) as T;
  }

  async function open(
    options: Omit<Parameters<typeof openTeamsHost>[1], 'baseUrl'>,
  ) {
    const host = await openTeamsHost(browser, {
      baseUrl: base,
      ...options,
    });
    hosts.push(host);

    return host;
  }

  async function shoot(page: Page, name: string) {
    await page.screenshot({ path: join(artifacts, name), fullPage: true });
  }

  before(async () => {
    RelaisServer.build();
    issuer = await startOidcIssuer();
    server = new RelaisServer({
      ENTRA_CLIENT_ID: clientId,
      ENTRA_TENANT_IDS: issuer.tenantIds[0],
      ENTRA_AUTHORITY: issuer.url,
      ENTRA_APP_ID_URI: `api://127.0.0.1/${clientId}`,
      ENTRA_EDITOR_GROUP_IDS: editorGroup,
      NODE_EXTRA_CA_CERTS: issuer.ca.caFile,
    });
    server.relais('import', pressFile);
    await server.start();
    proxy = await startHttpsProxy(server.url, issuer.ca);
    base = proxy.url;
    issuer.register({
      clientId,
      clientSecret: randomUUID(),
      audiences: [clientId],
      redirectUris: [`${base}/teams/consent.html`],
    });
    browser = await launchChromium();
    mkdirSync(artifacts, { recursive: true });

    // The owner's first token creates the account; the list is theirs.
    const contacts = await api<{
      items: { id: number; displayName: string; lastName: string | null }[];
    }>(owner, '/api/contacts?pageSize=10');
    const [first, second, third] = contacts.items.filter((c) => c.lastName);
    expect(third, 'three contacts with a surname').to.not.equal(undefined);
    proposed = {
      id: third!.id,
      displayName: third!.displayName,
      lastName: third!.lastName!,
    };
    const list = await api<{ id: number }>(owner, '/api/lists', {
      name: 'Presse régionale',
      source: { kind: 'ids', ids: [first!.id, second!.id] },
    });
    listId = list.id;
    await api(member, '/api/auth/session');
  });

  after(async () => {
    for (const host of hosts) await host.close().catch(() => undefined);
    await browser?.close();
    await proxy?.close();
    await server?.stop();
    await issuer?.close();
  });

  it('turns a member’s addition into a request and leaves the list unchanged', async () => {
    const host = await open({
      page: 'tab.html',
      context: contextOf(member),
      token: ssoAs(member),
    });
    const { tab } = host;
    await tab.getByRole('tab', { name: 'Listes des autres' }).click();
    await tab
      .getByRole('button', { name: 'Ouvrir la liste Presse régionale' })
      .click();
    await tab.getByText(/appartient à Claire Dupont/).waitFor();

    await tab.getByRole('combobox').pressSequentially(proposed.displayName);
    await tab
      .getByRole('option', { name: new RegExp(proposed.displayName) })
      .first()
      .click();
    await tab
      .getByLabel('Note pour le propriétaire (facultatif)')
      .fill('Nouvelle cheffe d’agence');
    await tab.getByRole('button', { name: 'Proposer', exact: true }).click();
    await tab
      .getByText(`Votre proposition d’ajouter ${proposed.displayName} attend`)
      .waitFor();
    const request = tab.getByRole('listitem').filter({
      hasText: `Ajouter ${proposed.displayName}`,
    });
    await request
      .getByText(/Proposé par Paul Martin le \d\d\/\d\d\/\d{4}/)
      .waitFor();
    await request.getByRole('button', { name: 'Retirer ma demande' }).waitFor();
    await shoot(host.page, 'teams-member-request.png');

    const list = await api<{ memberCount: number; pendingCount: number }>(
      owner,
      `/api/lists/${listId}`,
    );
    expect(list).to.include({ memberCount: 2, pendingCount: 1 });
    expect((await host.state()).unhandled).to.deep.equal([]);
  });

  it('shows the owner the proposal and applies it when approved inline', async () => {
    const host = await open({
      page: 'tab.html',
      context: contextOf(owner),
      token: ssoAs(owner),
    });
    const { tab } = host;
    const card = tab
      .getByRole('listitem')
      .filter({ hasText: 'Presse régionale' });
    await card.getByText('1 en attente').waitFor();
    await card.getByRole('button', { name: /Ouvrir la liste/ }).click();
    await tab.getByText(/Vous êtes propriétaire/).waitFor();
    const label = `Ajouter ${proposed.displayName}`;
    await tab
      .getByRole('listitem')
      .filter({ hasText: label })
      .getByText(/Proposé par Paul Martin .* Note : Nouvelle cheffe d’agence/)
      .waitFor();
    await shoot(host.page, 'teams-owner-pending.png');

    await tab.getByRole('button', { name: `Approuver : ${label}` }).click();
    await tab.getByText('1 demande décidée.').waitFor();
    await tab.getByText('Aucune demande en attente.').waitFor();
    await tab.getByRole('heading', { name: 'Membres (3)' }).waitFor();
    await tab.getByText(/Approuvée par Claire Dupont le/).waitFor();
    await shoot(host.page, 'teams-owner-approved.png');

    const members = await api<{ items: { id: number }[] }>(
      owner,
      `/api/lists/${listId}/members`,
    );
    expect(members.items.map((m) => m.id)).to.include(proposed.id);
  });

  it('saves the list chosen in a channel tab’s configuration, then shows it alone', async () => {
    const config = await open({
      page: 'configure.html',
      frameContext: 'settings',
      context: contextOf(owner, { channelId: '19:canal', teamId: '19:equipe' }),
      token: ssoAs(owner),
    });
    await config.tab
      .getByRole('heading', { name: /Choisir la liste/ })
      .waitFor();
    expect((await config.state()).valid).to.equal(false);
    await config.tab.getByRole('combobox', { name: /Liste/ }).click();
    await config.tab.getByRole('option', { name: /Presse régionale/ }).click();
    await config.tab.getByText(/Liste choisie : Presse régionale/).waitFor();
    expect((await config.state()).valid).to.equal(true);
    await shoot(config.page, 'teams-channel-configuration.png');

    await config.save();
    await config.page.waitForFunction(() => window.teamsHost.state.saved);
    const state = await config.state();
    expect(state.saved).to.equal('success');
    expect(state.config).to.deep.include({
      contentUrl: `${base}/teams/tab.html?listId=${listId}`,
      entityId: `liste-${listId}`,
      suggestedDisplayName: 'Presse régionale',
    });

    const channel = await open({
      page: `tab.html?listId=${listId}`,
      context: contextOf(member, { channelId: '19:canal' }),
      token: ssoAs(member),
      width: 375,
    });
    await channel.tab
      .getByRole('heading', { level: 1, name: 'Presse régionale' })
      .waitFor();
    expect(
      await channel.tab
        .getByRole('button', { name: 'Retour aux listes' })
        .count(),
    ).to.equal(0);
    await channel.tab
      .getByRole('heading', { name: 'Demandes décidées' })
      .waitFor();
    const inner = channel.page
      .frames()
      .find((f) => f.url().includes('/teams/'));
    expect(await sideScroll(inner as unknown as Page)).to.be.at.most(0);
    await shoot(channel.page, 'teams-channel-tab-375.png');
  });

  it('follows the Teams theme: light, then dark, then high contrast', async () => {
    const host = await open({
      page: 'tab.html',
      context: contextOf(owner),
      token: ssoAs(owner),
    });
    const main = host.tab.locator('main');
    await host.tab.getByRole('tab', { name: 'Mes listes' }).waitFor();
    const colours = () =>
      main.evaluate((element) => {
        const style = getComputedStyle(element);
        return { background: style.backgroundColor, text: style.color };
      });
    expect((await colours()).background).to.equal(
      rgb(teamsLightTheme.colorNeutralBackground1),
    );

    await host.setTheme('dark');
    await host.page.waitForFunction(
      () =>
        document
          .querySelector('iframe')
          ?.contentDocument?.querySelector('[data-theme="dark"]') !== null,
    );
    expect(await colours()).to.deep.equal({
      background: rgb(teamsDarkTheme.colorNeutralBackground1),
      text: rgb(teamsDarkTheme.colorNeutralForeground1),
    });
    await shoot(host.page, 'teams-theme-dark.png');

    await host.setTheme('contrast');
    await host.page.waitForFunction(
      () =>
        document
          .querySelector('iframe')
          ?.contentDocument?.querySelector('[data-theme="contrast"]') !== null,
    );
    expect(await colours()).to.deep.equal({
      background: rgb(teamsHighContrastTheme.colorNeutralBackground1),
      text: rgb(teamsHighContrastTheme.colorNeutralForeground1),
    });
    await shoot(host.page, 'teams-theme-contrast.png');
  });

  it('asks for consent when Teams needs it, runs it, then signs in', async () => {
    const newcomer: Person = {
      oid: randomUUID(),
      name: 'Inès Moreau',
      email: 'ines.moreau@contoso.example',
    };
    // Teams refuses a token until the person agreed at the issuer.
    const token: TokenAnswer = async () =>
      issuer.consented(clientId, newcomer.email)
        ? { token: tokenOf(newcomer) }
        : { error: 'resourceRequiresConsent' };
    const host = await open({
      page: 'tab.html',
      context: contextOf(newcomer, { locale: 'en-us' }),
      token,
    });
    const { tab } = host;
    await tab.getByRole('heading', { name: 'Permission needed' }).waitFor();
    await shoot(host.page, 'teams-consent-prompt.png');

    const popup = host.context.waitForEvent('page');
    await tab.getByRole('button', { name: 'Allow Relais' }).click();
    const consentWindow = await popup;
    await consentWindow.waitForEvent('close', { timeout: 30_000 });
    await tab.getByRole('tab', { name: 'My lists' }).waitFor();

    expect(issuer.consented(clientId, newcomer.email)).to.equal(true);
    const state = await host.state();
    expect(state.authenticateCalls).to.deep.equal([
      `${base}/teams/consent.html`,
    ]);
    const authorize = issuer.requests.filter((r) =>
      r.path.endsWith('/oauth2/v2.0/authorize'),
    );
    expect(authorize).to.have.length(1);
  });
});
