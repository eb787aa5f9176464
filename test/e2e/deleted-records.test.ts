import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { callApi } from './api.ts';
import { launchChromium, openAt, signInAdmin, signInByApi } from './browser.ts';
import { expectFit } from './fit.ts';
import { RelaisServer } from './server.ts';

const artifacts = resolve(process.cwd(), 'test-artifacts');
const admin = {
  email: 'odile.admin@relais.test',
  password: 'une phrase de passe pour la corbeille',
};
const editor = {
  email: 'remi.redac@relais.test',
  password: 'une phrase de passe de rédacteur pour la corbeille',
};
/** « Supprimé le 05/12/2026 14:03 par Rémi Rédac »: Paris time, to the minute. */
const deletedByRemi =
  /Supprimé le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} par Rémi Rédac/;

/**
 * A contact deleted from the table, found among the deleted contacts by an
 * administrator, restored, and found again by the search; an editor is
 * told who can restore it; deleted companies restored as a selection on a
 * phone.
 */
describe('deleted contacts and companies in Chromium', function () {
  this.timeout(300_000);
  const server = new RelaisServer();
  let browser: Browser;
  let adminToken = '';
  let editorToken = '';
  let contactId = 0;

  async function shoot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(artifacts, name), fullPage: true });
  }

  before(async () => {
    RelaisServer.build();
    server.addUser(admin, 'Odile Admin', 'admin');
    server.addUser(editor, 'Rémi Rédac');
    await server.start();
    browser = await launchChromium();
    mkdirSync(artifacts, { recursive: true });
    adminToken = await signInAdmin(browser, server, admin);
    editorToken = await signInByApi(server, editor);
    const api = <T>(method: string, path: string, body?: unknown) =>
      callApi<T>(server, editorToken, method, path, body);
    for (const [firstName, lastName] of [
      ['Marie-Hélène', 'Zéphyrin'],
      ['Paul', 'Aubert'],
      ['Anne', 'Berthier'],
    ] as const) {
      const created = await api<{ id: number }>('POST', '/api/contacts', {
        firstName,
        lastName,
        contactType: 'press',
        emails: [{ address: `${lastName.toLowerCase()}@presse.test` }],
      });
      if (lastName === 'Zéphyrin') contactId = created.id;
    }
    for (const name of ['Gazette du Quercy', 'L’Écho des collines']) {
      const company = await api<{ id: number }>('POST', '/api/companies', {
        name,
        city: 'Cahors',
      });
      // 204, no body to read.
      const gone = await fetch(`${server.url}/api/companies/${company.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${editorToken}` },
      });
      expect(gone.status).to.equal(204);
    }
  });

  after(async () => {
    await browser?.close();
    await server.stop();
  });

  it('deletes a contact from the table; an editor is told an administrator can restore it', async () => {
    const page = await openAt(browser, server, editorToken, 1280, '#/contacts');
    await page
      .getByRole('searchbox', { name: /Filtrer les contacts/ })
      .fill('zephyrin');
    const grid = page.getByRole('grid', { name: 'Tableau des contacts' });
    await page.getByText(/^1 contact$/).waitFor();
    await grid.getByRole('row').nth(1).click();
    await page.getByRole('button', { name: 'Supprimer' }).click();
    await page
      .getByRole('alertdialog', { name: 'Supprimer 1 contact ?' })
      .getByRole('button', { name: 'Supprimer', exact: true })
      .click();
    await page.getByText('1 contact supprimé.').waitFor();
    // No « Supprimés » for an editor: only administrators restore.
    expect(
      await page.getByRole('link', { name: 'Supprimés' }).count(),
    ).to.equal(0);

    await page.goto(`${server.url}/#/contacts/${contactId}`);
    await page
      .getByText(
        'Ce contact a été supprimé : un administrateur peut le restaurer.',
      )
      .waitFor();
    await page.goto(`${server.url}/#/contacts/deleted`);
    await page
      .getByText(
        'Les fiches supprimées ne sont visibles que des administrateurs, seuls à pouvoir les restaurer.',
      )
      .waitFor();
    expect(await page.getByRole('searchbox').count()).to.equal(0);
    await page.close();
  });

  it('finds the deleted contact, restores it, and the search finds it again', async () => {
    const page = await openAt(browser, server, adminToken, 1280, '#/contacts');
    await page.getByRole('link', { name: 'Supprimés' }).click();
    await page.getByRole('heading', { name: 'Contacts supprimés' }).waitFor();
    const list = page.getByRole('list', { name: 'Contacts supprimés' });
    const card = list.getByRole('listitem').filter({ hasText: 'Zéphyrin' });
    await card.waitFor();
    expect(await card.innerText()).to.match(deletedByRemi);
    await page
      .getByRole('searchbox', { name: 'Rechercher par nom' })
      .fill('aubert');
    await page
      .getByText('Aucune fiche supprimée ne correspond à « aubert »')
      .waitFor();
    await page.getByRole('button', { name: 'Vider la recherche' }).click();
    await page
      .getByRole('searchbox', { name: 'Rechercher par nom' })
      .fill('ZEPH');
    await card.waitFor();
    await shoot(page, 'deleted-contacts-1280.png');
    await expectFit(page, 'the deleted contacts');

    await page
      .getByRole('button', { name: 'Restaurer Marie-Hélène Zéphyrin' })
      .click();
    await page.getByText('1 fiche restaurée.').waitFor();
    await page
      .getByText('Aucune fiche supprimée ne correspond à « ZEPH »')
      .waitFor();
    await shoot(page, 'deleted-contacts-restored-1280.png');
    await page
      .getByRole('link', { name: 'Ouvrir Marie-Hélène Zéphyrin' })
      .click();
    await page
      .getByRole('heading', { name: /Marie-Hélène Zéphyrin/ })
      .first()
      .waitFor();
    expect(await page.getByText(/Fiche supprimée le/).count()).to.equal(0);
    await page.close();

    // Back for everyone: the editor's search finds it.
    const search = await openAt(browser, server, editorToken, 1280, '#/');
    await search
      .getByRole('searchbox', { name: 'Rechercher un contact ou une société' })
      .fill('zephyrin');
    await search
      .getByRole('option', { name: /Marie-Hélène Zéphyrin/ })
      .first()
      .waitFor();
    await search.close();
  });

  it('restores a selection of companies on a phone, in cards', async () => {
    const page = await openAt(browser, server, adminToken, 375, '#/companies');
    await page.getByRole('link', { name: 'Supprimés' }).click();
    const list = page.getByRole('list', { name: 'Sociétés supprimées' });
    await list.getByRole('listitem').nth(1).waitFor();
    expect(await list.getByRole('listitem').first().innerText()).to.match(
      /Supprimée le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} par Rémi Rédac/,
    );
    await shoot(page, 'deleted-companies-375.png');
    await expectFit(page, 'the deleted companies on a phone');

    await page.getByRole('checkbox', { name: 'Gazette du Quercy' }).check();
    await page.getByRole('checkbox', { name: 'L’Écho des collines' }).check();
    await page
      .getByRole('button', { name: 'Restaurer la sélection (2)' })
      .click();
    await page.getByText('2 fiches restaurées.').waitFor();
    await page.getByText('Aucune société supprimée').waitFor();
    await shoot(page, 'deleted-companies-restored-375.png');
    await expectFit(page, 'the companies restored on a phone');
    const companies = await callApi<{ total: number }>(
      server,
      adminToken,
      'GET',
      '/api/companies/deleted',
    );
    expect(companies.total).to.equal(0);
    await page.close();
  });
});
