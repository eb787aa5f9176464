import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import {
  startOidcIssuer,
  type OidcIssuer,
} from '../../core-api/src/test/oidc-issuer.ts';
import { launchChromium, sideScroll } from './browser.ts';
import {
  composed,
  openTaskPane,
  type HostItem,
  type HostUser,
} from './outlook-host.ts';
import { RelaisServer } from './server.ts';

const artifacts = resolve(process.cwd(), 'test-artifacts');
const clientId = randomUUID();
const editorGroup = randomUUID();
const adminGroup = randomUUID();
const owner = {
  email: 'paul.proprietaire@relais.test',
  password: 'une phrase de passe du propriétaire',
};

const marieSignature = `Bonjour,

Merci pour l'invitation, je viendrai avec un photographe.

Bien cordialement,

Marie Dupont
Rédactrice en chef adjointe – Service Culture
La Dépêche du Midi
Port. : 06 12 34 56 78
`;

const jeanneSignature = `Bonjour,

Pourriez-vous m'envoyer le dossier de presse du salon ?

Cordialement,

Jeanne Petit
Journaliste – Service Politique
Ouest Journal
12 rue de la Liberté, 35000 Rennes
Tél. : 02 99 00 11 22
Portable : 06 98 76 54 32
`;

describe('Outlook add-in in Chromium, hosted by the Outlook harness', function () {
  this.timeout(300_000);
  let issuer: OidcIssuer;
  let server: RelaisServer;
  let browser: Browser;
  let ownerToken = '';
  let user: HostUser;
  const pages: Page[] = [];

  /** A token of another Microsoft account, administrator by its group. */
  const adminToken = () =>
    issuer.mint({
      aud: clientId,
      oid: 'a0000000-0000-4000-8000-000000000001',
      scp: 'access_as_user',
      name: 'Alice Administratrice',
      preferred_username: 'alice.admin@contoso.test',
      groups: [adminGroup],
    });

  async function api(
    method: string,
    path: string,
    token: string,
    body?: unknown,
  ) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    const parsed = text ? JSON.parse(text) : null;
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${text}`);

    return parsed;
  }

  async function shoot(page: Page, name: string) {
    await page.screenshot({ path: join(artifacts, name), fullPage: true });
    expect(await sideScroll(page), `side scroll on ${name}`).to.be.at.most(0);
  }

  async function pane(item: HostItem, requirements?: Record<string, string>) {
    const page = await openTaskPane(browser, server, issuer, {
      item,
      user,
      clientId,
      requirements,
    });
    pages.push(page);

    return page;
  }

  const readItem = (
    from: { address: string; name: string },
    body: string,
    extra: Partial<Extract<HostItem, { mode: 'read' }>> = {},
  ): HostItem => ({
    mode: 'read',
    internetMessageId: `<${randomUUID()}@mail.test>`,
    subject: 'Salon du livre : accréditation',
    sentAt: '2026-12-03T09:12:00Z',
    from,
    to: [{ address: user.address, name: user.name }],
    cc: [],
    body,
    ...extra,
  });

  const person = (page: Page, address: string) =>
    page.getByRole('listitem').filter({ hasText: address });

  before(async () => {
    mkdirSync(artifacts, { recursive: true });
    issuer = await startOidcIssuer();
    user = {
      oid: randomUUID(),
      tenantId: issuer.tenantIds[0] as string,
      address: 'camille.redac@contoso.test',
      name: 'Camille Rédac',
      groups: [editorGroup],
    };
    server = new RelaisServer({
      ENTRA_CLIENT_ID: clientId,
      ENTRA_TENANT_IDS: user.tenantId,
      ENTRA_AUTHORITY: issuer.url,
      ENTRA_EDITOR_GROUP_IDS: editorGroup,
      ENTRA_ADMIN_GROUP_IDS: adminGroup,
      NODE_EXTRA_CA_CERTS: issuer.ca.caFile,
    });
    RelaisServer.build();
    server.relais(
      'user',
      'add',
      owner.email,
      '--password',
      owner.password,
      '--name',
      'Paul Propriétaire',
    );
    await server.start();
    const signIn = await fetch(`${server.url}/api/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(owner),
    });
    ownerToken = ((await signIn.json()) as { token: string }).token;

    const lea = await api('POST', '/api/contacts', ownerToken, {
      firstName: 'Léa',
      lastName: 'Martin',
      contactType: 'press',
      emails: [{ address: 'lea.martin@quotidien.test' }],
      affiliations: [
        { companyName: 'Le Quotidien', function: 'Cheffe de rubrique' },
      ],
    });
    await api('POST', '/api/lists', ownerToken, {
      name: 'Presse culture',
      source: { kind: 'ids', ids: [lea.id] },
    });
    await api('POST', '/api/lists', ownerToken, { name: 'Invités du salon' });
    await api('POST', `/api/contacts/${lea.id}/interactions`, ownerToken, {
      kind: 'call',
      subject: 'Programme du salon',
      occurredAt: '2026-11-28T10:00:00+01:00',
    });
    await api('POST', '/api/contacts', ownerToken, {
      firstName: 'Marie',
      lastName: 'Dupond',
      phones: [{ number: '06 12 34 56 78', kind: 'mobile' }],
      affiliations: [{ companyName: 'La Dépêche du Midi' }],
    });
    browser = await launchChromium();
  });

  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await issuer?.close();
  });

  it('signs in through nested app authentication and shows a known sender’s card', async () => {
    const page = await pane(
      readItem(
        { address: 'lea.martin@quotidien.test', name: 'Léa Martin' },
        'Bonjour,\n\nÀ bientôt au salon.\n\nLéa',
        { cc: [{ address: 'inconnu@ailleurs.test', name: 'Inconnu' }] },
      ),
    );

    await page.getByText('Connecté : Camille Rédac').waitFor();
    const lea = person(page, 'lea.martin@quotidien.test');
    await lea.getByText('Dans la base').waitFor();
    await lea.getByText('Cheffe de rubrique').waitFor();
    await lea.getByText('Le Quotidien').waitFor();
    await lea.getByText('Presse', { exact: true }).waitFor();
    await lea.getByText('Presse culture', { exact: true }).waitFor();
    await lea.getByText(/28\/11\/2026 · Appel : Programme du salon/).waitFor();
    expect(
      await lea
        .getByRole('link', { name: 'Ouvrir la fiche dans Relais' })
        .getAttribute('href'),
    ).to.match(/\/#\/contacts\/\d+$/);
    await person(page, 'inconnu@ailleurs.test')
      .getByText('Pas dans la base')
      .waitFor();
    const bridge = (await composed(page)).bridge;
    expect(bridge).to.include.members(['GetInitContext', 'GetToken']);
    await shoot(page, 'outlook-read-known.png');
  });

  it('captures an unknown sender with the phone, function and organisation of a French signature', async () => {
    const page = await pane(
      readItem(
        { address: 'jeanne.petit@ouest-journal.test', name: 'Jeanne Petit' },
        jeanneSignature,
      ),
    );
    const jeanne = person(page, 'jeanne.petit@ouest-journal.test');
    await jeanne.getByRole('button', { name: /Créer la fiche/ }).click();
    const form = page.getByRole('form', { name: /Nouveau contact/ });
    await expectValue(form.getByLabel('Prénom'), 'Jeanne');
    await expectValue(form.getByLabel('Nom', { exact: true }), 'Petit');
    await expectValue(form.getByLabel('Fonction'), 'Journaliste');
    await expectValue(form.getByLabel('Société / Organisme'), 'Ouest Journal');
    await expectValue(form.getByLabel('Téléphone 1'), '+33299001122');
    await expectValue(form.getByLabel('Téléphone 2'), '+33698765432');
    await shoot(page, 'outlook-capture-form.png');
    await form.getByRole('button', { name: 'Créer le contact' }).click();
    await page.getByText('Contact créé : Jeanne Petit.').waitFor();
    await jeanne.getByText('Dans la base').waitFor();

    const found = await api('POST', '/api/capture/people', ownerToken, {
      addresses: ['jeanne.petit@ouest-journal.test'],
    });
    const card = found.people[0].contacts[0].contact;
    expect(card).to.include({
      displayName: 'Jeanne Petit',
      function: 'Journaliste',
      company: 'Ouest Journal',
      primaryPhone: '02 99 00 11 22',
    });
    const full = await api('GET', `/api/contacts/${card.id}`, ownerToken);
    expect(full.origin).to.equal('Outlook');
    expect(full.phones.map((p: { e164: string }) => p.e164)).to.deep.equal([
      '+33299001122',
      '+33698765432',
    ]);
  });

  it('catches a duplicate and completes the existing contact instead', async () => {
    const before = await api('GET', '/api/contacts?pageSize=200', ownerToken);
    const page = await pane(
      readItem(
        { address: 'm.dupont@ladepeche.test', name: 'DUPONT Marie' },
        marieSignature,
      ),
    );
    await person(page, 'm.dupont@ladepeche.test')
      .getByRole('button', { name: /Créer la fiche/ })
      .click();
    const duplicates = page.getByRole('region', { name: 'Doublons possibles' });
    await duplicates.getByText('Marie Dupond').waitFor();
    await duplicates.getByText(/Points communs : .*téléphone/).waitFor();
    await shoot(page, 'outlook-duplicate.png');
    await duplicates
      .getByRole('button', { name: /Compléter cette fiche : Marie Dupond/ })
      .click();
    await page.getByText('Fiche de Marie Dupond complétée.').waitFor();
    await person(page, 'm.dupont@ladepeche.test')
      .getByText('Dans la base')
      .waitFor();

    const after = await api('GET', '/api/contacts?pageSize=200', ownerToken);
    expect(after.total, 'no contact created').to.equal(before.total);
  });

  it('turns a list addition on a colleague’s list into a change request', async () => {
    const page = await pane(
      readItem(
        { address: 'lea.martin@quotidien.test', name: 'Léa Martin' },
        'Bonjour',
      ),
    );
    const lea = person(page, 'lea.martin@quotidien.test');
    const picker = lea.getByRole('combobox', { name: 'Ajouter à une liste' });
    await picker.getByRole('option', { name: /Invités du salon/ }).waitFor({
      state: 'attached',
    });
    await picker.selectOption({
      label: 'Invités du salon (propriétaire : Paul Propriétaire)',
    });
    await lea.getByRole('button', { name: 'Ajouter' }).click();
    await lea
      .getByText(
        /Demande de modification envoyée au propriétaire de « Invités du salon »/,
      )
      .waitFor();
    await shoot(page, 'outlook-list-request.png');

    const lists = await api('GET', '/api/lists?q=Invit', ownerToken);
    const list = lists.items[0];
    expect(list.memberCount).to.equal(0);
    expect(list.pendingCount).to.equal(1);
  });

  it('logs the e-mail in the history once, however many clicks', async () => {
    const item = readItem(
      { address: 'lea.martin@quotidien.test', name: 'Léa Martin' },
      'Bonjour,\n\nVoici mes questions pour l’interview.',
      { subject: 'Interview du commissaire' },
    );
    const page = await pane(item);
    const log = page.getByRole('button', {
      name: 'Consigner l’e-mail dans l’historique',
    });
    await log.click();
    await page
      .getByText('E-mail consigné dans l’historique de 1 contact.')
      .waitFor();
    await person(page, 'lea.martin@quotidien.test')
      .getByText(/E-mail reçu : Interview du commissaire/)
      .waitFor();
    await log.click();
    await page
      .getByText('Cet e-mail était déjà consigné : rien n’a été ajouté.')
      .waitFor();

    const found = await api('POST', '/api/capture/people', ownerToken, {
      addresses: ['lea.martin@quotidien.test'],
    });
    const leaId = found.people[0].contacts[0].contact.id;
    const history = await api(
      'GET',
      `/api/contacts/${leaId}/interactions?kind=email_in`,
      ownerToken,
    );
    expect(
      history.items.filter(
        (line: { subject: string }) =>
          line.subject === 'Interview du commissaire',
      ),
    ).to.have.length(1);
    await shoot(page, 'outlook-logged.png');
  });

  it('inserts a template filled for the recipients and checks the sender', async () => {
    const admin = adminToken();
    const template = await api('POST', '/api/email-templates', admin, {
      name: 'Invitation au salon',
      description: 'Invitation personnelle au salon du livre',
      subject: 'Invitation au salon du livre',
      html: '<p>Bonjour {{prenom}},</p><p>Nous serions ravis de vous accueillir.</p>',
      shared: true,
    });
    const me = await api('GET', '/api/auth/session', ownerToken);
    void me;
    // The add-in's user exists once it has signed in: the first test did.
    const users = await api('GET', '/api/users', admin);
    const camille = users.items.find(
      (u: { email: string }) => u.email === user.address,
    );
    await api('POST', '/api/sender-addresses', admin, {
      address: 'presse@relais.test',
      displayName: 'Service presse',
      replyTo: 'redaction@relais.test',
      userIds: [camille.id],
    });

    const page = await pane({
      mode: 'compose',
      subject: '',
      from: { address: user.address, name: user.name },
      to: [{ address: 'lea.martin@quotidien.test', name: 'Léa Martin' }],
      cc: [],
      bcc: [],
    });
    const templates = page.getByRole('combobox', { name: 'Modèle' });
    await templates
      .getByRole('option', { name: 'Invitation au salon' })
      .waitFor({ state: 'attached' });
    await templates.selectOption({ label: 'Invitation au salon' });
    await page.getByRole('button', { name: 'Insérer le modèle' }).click();
    await page.getByText('Modèle inséré pour 1 destinataire.').waitFor();
    const after = await composed(page);
    expect(after.inserted.join('')).to.include('Bonjour Léa');
    expect(after.subject).to.equal('Invitation au salon du livre');
    expect(template.id).to.be.a('number');

    const senders = page.getByRole('region', { name: 'Adresse d’expéditeur' });
    await senders
      .getByText(
        'L’expéditeur actuel n’est pas une adresse qui vous est attribuée.',
      )
      .waitFor();
    await senders
      .getByText(/choisissez presse@relais.test dans le champ « De »/)
      .waitFor();
    await senders.getByText('Réponses à : redaction@relais.test').waitFor();
    await shoot(page, 'outlook-compose.png');
  });

  it('offers a local Relais account where Microsoft sign-in is not available', async () => {
    const page = await pane(
      readItem(
        { address: 'lea.martin@quotidien.test', name: 'Léa Martin' },
        'Bonjour',
      ),
      { Mailbox: '1.13' },
    );
    await page
      .getByRole('button', { name: 'Se connecter avec Microsoft' })
      .waitFor();
    await page.getByLabel('Adresse e-mail').fill(owner.email);
    await page.getByLabel('Mot de passe').fill(owner.password);
    await page
      .getByRole('button', { name: 'Se connecter', exact: true })
      .click();
    await page.getByText('Connecté : Paul Propriétaire').waitFor();
    await person(page, 'lea.martin@quotidien.test')
      .getByText('Dans la base')
      .waitFor();
    const stored = await page.evaluate(() => Object.keys(window.localStorage));
    expect(stored, 'nothing kept beyond the pane').to.deep.equal([]);
  });
});

/** Waits until an input holds `value` (the API answers after the click). */
async function expectValue(
  input: ReturnType<Page['getByLabel']>,
  value: string,
): Promise<void> {
  await input.waitFor();
  const deadline = Date.now() + 10_000;
  let seen = '';
  while (Date.now() < deadline) {
    seen = await input.inputValue();
    if (seen === value) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  expect(seen).to.equal(value);
}
