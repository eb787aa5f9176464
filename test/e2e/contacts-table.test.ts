import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, openAt, signInAdmin, signInByApi } from './browser.ts';
import { expectFit } from './fit.ts';
import { RelaisServer, sharedContactFile } from './server.ts';

const artifacts = resolve(process.cwd(), 'test-artifacts');
/** Two thousand journalists: twenty pages of the table. */
const pressFile = sharedContactFile('xlsx', 'fichier_presse_exemple.xlsx');
const admin = {
  email: 'agathe.admin@relais.test',
  password: 'une phrase de passe pour les tableaux',
};
const editor = {
  email: 'bruno.redac@relais.test',
  password: 'une phrase de passe de rédacteur pour les tableaux',
};

/** The number in « 1 234 contacts » (thin spaces between thousands). */
const countIn = (text: string) => Number(text.replace(/\D/g, ''));

describe('contacts and companies tables in Chromium', function () {
  this.timeout(300_000);
  const server = new RelaisServer();
  let browser: Browser;
  let adminToken = '';
  let editorToken = '';
  let everyone = 0;

  async function shoot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(artifacts, name), fullPage: true });
  }

  /** The contacts table of a page, once its first rows are drawn. */
  async function contactsTable(page: Page): Promise<Locator> {
    const grid = page.getByRole('grid', { name: 'Tableau des contacts' });
    await grid.getByRole('row').nth(1).getByRole('link').first().waitFor();

    return grid;
  }

  /** Waits until the table says it holds `total` contacts. */
  async function waitForCount(page: Page, total: number): Promise<void> {
    await page.waitForFunction(
      (wanted) =>
        Array.from(document.querySelectorAll('span')).some(
          (span) =>
            /^\d[\d\s\u202f]* contacts?$/.test(span.textContent ?? '') &&
            Number((span.textContent ?? '').replace(/\D/g, '')) === wanted,
        ),
      total,
    );
  }

  const countText = (page: Page) =>
    page.getByText(/^\d[\d\s\u202f]* contacts?$/).innerText();

  before(async () => {
    RelaisServer.build();
    server.addUser(admin, 'Agathe Admin', 'admin');
    server.addUser(editor, 'Bruno Rédac');
    server.relais('import', pressFile);
    await server.start();
    browser = await launchChromium();
    mkdirSync(artifacts, { recursive: true });
    adminToken = await signInAdmin(browser, server, admin);
    editorToken = await signInByApi(server, editor);
  });

  after(async () => {
    await browser?.close();
    await server.stop();
  });

  it('lands on the contacts table, sorts it, filters it and scrolls the whole base', async () => {
    const page = await openAt(browser, server, editorToken, 1280, '#/');
    const grid = await contactsTable(page);
    everyone = countIn(await countText(page));
    expect(everyone, 'contacts imported').to.be.above(300);
    expect(await grid.getAttribute('aria-rowcount')).to.equal(
      String(everyone + 1),
    );
    const nav = page.getByRole('navigation', { name: 'Sections' });
    expect(
      await nav
        .getByRole('link', { name: 'Contacts' })
        .getAttribute('aria-current'),
    ).to.equal('page');
    await shoot(page, 'contacts-table-1280.png');
    await expectFit(page, 'the contacts table');

    // The last rows come from pages read as the table scrolls.
    await grid.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    const last = grid.locator(`[aria-rowindex="${everyone + 1}"]`);
    await last.getByRole('link').first().waitFor();

    await page.getByRole('button', { name: 'Trier par Société' }).click();
    const company = page.getByRole('columnheader', { name: /Société/ });
    await page.waitForFunction(
      () =>
        document
          .querySelector('[role="columnheader"][aria-sort="ascending"]')
          ?.textContent?.startsWith('Société') ?? false,
    );
    expect(await company.getAttribute('aria-sort')).to.equal('ascending');

    const firstName = await grid
      .getByRole('row')
      .nth(1)
      .getByRole('link')
      .first()
      .innerText();
    const surname = firstName.split(' ').pop() ?? firstName;
    await page
      .getByRole('searchbox', { name: /Filtrer les contacts/ })
      .fill(surname);
    await page.waitForFunction((total) => {
      const text = Array.from(document.querySelectorAll('span'))
        .map((span) => span.textContent ?? '')
        .find((value) => /^\d[\d\s\u202f]* contacts?$/.test(value));
      return text !== undefined && Number(text.replace(/\D/g, '')) < total;
    }, everyone);
    await grid.getByRole('link', { name: firstName }).first().waitFor();
    await shoot(page, 'contacts-table-filtered-1280.png');
    await page.close();
  });

  it('keeps the columns a person chose, after a reload', async () => {
    const page = await openAt(browser, server, editorToken, 1280, '#/contacts');
    await contactsTable(page);
    await page.getByRole('button', { name: 'Colonnes' }).click();
    const panel = page.getByRole('group', { name: 'Colonnes affichées' });
    await panel.getByRole('checkbox', { name: 'Téléphone' }).check();
    await panel.getByRole('checkbox', { name: 'Fonction' }).uncheck();
    await page.reload();
    await contactsTable(page);
    const headers = await page.getByRole('columnheader').allInnerTexts();
    expect(headers.map((text) => text.trim())).to.include('Téléphone');
    expect(headers.map((text) => text.trim())).to.not.include('Fonction');
    await page.close();
  });

  it('ticks rows with the keyboard and Shift-click, and exports them', async () => {
    const page = await openAt(browser, server, adminToken, 1280, '#/contacts');
    const grid = await contactsTable(page);
    const rows = grid.getByRole('row');
    await rows.nth(1).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await rows.nth(5).click({ modifiers: ['Shift'] });
    const bar = page.getByRole('region', { name: 'Sélection' });
    await bar.getByText('4 sélectionnés').waitFor();
    expect(
      await grid.locator('[role="row"][aria-selected="true"]').count(),
    ).to.equal(4);

    await bar.getByRole('button', { name: 'Exporter' }).click();
    const dialog = page.getByRole('dialog', {
      name: 'Exporter la sélection (4 contacts)',
    });
    await dialog.waitFor();
    await shoot(page, 'contacts-selection-export-1280.png');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Télécharger' }).click(),
    ]);
    const file = join(server.dir, download.suggestedFilename());
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets[0]!.actualRowCount - 1).to.equal(4);
    await page.close();
  });

  it('has an editor propose the selection to a colleague’s list, and says so', async () => {
    const created = await fetch(`${server.url}/api/lists`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${adminToken}`,
      },
      body: JSON.stringify({ name: 'Presse nationale', entity: 'contact' }),
    });
    expect(created.status).to.equal(201);

    const page = await openAt(browser, server, editorToken, 1280, '#/contacts');
    const grid = await contactsTable(page);
    await grid.getByRole('row').nth(1).click();
    await grid.getByRole('row').nth(3).click();
    await page.getByRole('button', { name: 'Ajouter à une liste' }).click();
    const dialog = page.getByRole('dialog', {
      name: 'Ajouter 2 contacts à une liste',
    });
    await dialog
      .getByLabel(/Liste/)
      .selectOption({ label: 'Presse nationale (Agathe Admin)' });
    await dialog.getByText(/Cette liste appartient à Agathe Admin/).waitFor();
    await dialog.getByRole('button', { name: 'Proposer 2 ajouts' }).click();
    await dialog
      .getByText(
        '2 ajouts proposés à Agathe Admin : en attente de sa décision.',
      )
      .waitFor();
    await shoot(page, 'contacts-add-to-list-1280.png');
    await page.close();
  });

  it('deletes the selection and brings it back with « Annuler »', async () => {
    const page = await openAt(browser, server, editorToken, 1280, '#/contacts');
    const grid = await contactsTable(page);
    const before = countIn(await countText(page));
    await grid.getByRole('row').nth(2).click();
    await grid.getByRole('row').nth(3).click();
    await page.getByRole('button', { name: 'Supprimer' }).click();
    const confirm = page.getByRole('alertdialog', {
      name: 'Supprimer 2 contacts ?',
    });
    await confirm
      .getByRole('button', { name: 'Supprimer', exact: true })
      .click();
    await page.getByText('2 contacts supprimés.').waitFor();
    await waitForCount(page, before - 2);
    await shoot(page, 'contacts-deleted-undo-1280.png');

    await page.getByRole('button', { name: 'Annuler' }).click();
    await page.getByText('2 contacts restaurés.').waitFor();
    await waitForCount(page, before);
    await page.close();
  });

  it('turns the table into cards on a phone, without sideways scrolling', async () => {
    const page = await openAt(browser, server, editorToken, 375, '#/contacts');
    const grid = await contactsTable(page);
    expect(await page.getByRole('columnheader').count()).to.equal(0);
    await page
      .getByLabel('Trier par')
      .selectOption({ label: 'Ville, ordre croissant' });
    await grid.getByRole('row').first().getByRole('link').first().waitFor();
    await shoot(page, 'contacts-table-375.png');
    await expectFit(page, 'the contacts cards');

    await grid.getByRole('row').first().click();
    await page.getByRole('region', { name: 'Sélection' }).waitFor();
    await shoot(page, 'contacts-selection-375.png');
    await expectFit(page, 'the selection on a phone');
    await page.close();
  });

  for (const width of [1280, 375]) {
    it(`lists companies with their contacts and opens one at ${width} px`, async () => {
      const page = await openAt(
        browser,
        server,
        editorToken,
        width,
        '#/companies',
      );
      const grid = page.getByRole('grid', { name: 'Tableau des sociétés' });
      const first = grid
        .getByRole('row')
        .filter({ has: page.getByRole('link') })
        .first();
      const name = await first.getByRole('link').first().innerText();
      await shoot(page, `companies-table-${width}.png`);
      await expectFit(page, `the companies table at ${width} px`);

      await first.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await page.goBack();
      await grid.waitFor();
      await page.close();
    });
  }
});
