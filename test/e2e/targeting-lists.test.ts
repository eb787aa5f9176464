import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { shotAndAxe } from './axe.ts';
import {
  launchChromium,
  openAt as openPage,
  sideScroll,
  signInAdmin,
} from './browser.ts';
import { RelaisServer } from './server.ts';
import { de } from '../../admin-portal/src/i18n/translate.ts';

const artifacts = resolve(process.cwd(), 'test-artifacts');
/** A press file: journalists of several outlets, the base to target. */
const pressFile = resolve(
  process.cwd(),
  '..',
  'shared',
  'data',
  'contacts',
  'xlsx',
  'fichier_presse_exemple.xlsx',
);
const admin = {
  email: 'claire.admin@relais.test',
  password: 'une phrase de passe pour les listes',
};
const editor = {
  email: 'paul.redac@relais.test',
  password: 'une phrase de passe de rédacteur',
};

describe('targeting, lists and exports in Chromium', function () {
  this.timeout(300_000);
  const server = new RelaisServer();
  let browser: Browser;
  let adminToken = '';
  let editorToken = '';
  /** Set by the first tests, used by the next. */
  let listHash = '';
  let proposed = '';

  /** Screenshots the page, and runs axe-core on all of it, dialogs included. */
  async function shoot(page: Page, name: string): Promise<void> {
    const violations = await shotAndAxe(page, join(artifacts, name));
    expect(violations.join('\n'), `axe on ${name}`).to.equal('');
  }

  /**
   * Waits for the count and results of the last change of the query: until
   * then the previous ones stay, dimmed and marked busy.
   */
  async function resultsShown(page: Page): Promise<void> {
    await page.locator('main [aria-busy="true"]').first().waitFor({
      state: 'detached',
    });
  }

  async function expectNoSideScroll(page: Page, where: string) {
    expect(
      await sideScroll(page),
      `horizontal scrolling on ${where}`,
    ).to.be.at.most(0);
  }

  /** The editor signs in through the API (no second factor for editors). */
  async function signInEditor(): Promise<string> {
    const response = await fetch(`${server.url}/api/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(editor),
    });
    const body = (await response.json()) as { token: string; stage: string };
    expect(body.stage, 'editor sign-in stage').to.equal('ready');

    return body.token;
  }

  before(async () => {
    RelaisServer.build();
    server.relais(
      'user',
      'add',
      admin.email,
      '--admin',
      '--password',
      admin.password,
      '--name',
      'Claire Admin',
    );
    server.relais(
      'user',
      'add',
      editor.email,
      '--password',
      editor.password,
      '--name',
      'Paul Rédac',
    );
    server.relais('import', pressFile);
    await server.start();
    browser = await launchChromium();
    mkdirSync(artifacts, { recursive: true });
    adminToken = await signInAdmin(browser, server, admin);
    editorToken = await signInEditor();
  });

  after(async () => {
    await browser?.close();
    await server.stop();
  });

  it('builds a query, sees its count, saves it and makes a list of it', async () => {
    const page = await openPage(
      browser,
      server,
      adminToken,
      1280,
      '#/targeting',
    );
    await page.getByRole('heading', { level: 1, name: 'Ciblage' }).waitFor();
    const count = page.getByText(/^\d[\d\s\u202f]* contacts? correspond/);
    await count.waitFor();
    const everyone = Number((await count.innerText()).replace(/\D/g, ''));
    expect(everyone, 'contacts in the base').to.be.greaterThan(1);

    await page.getByRole('button', { name: 'Ajouter un critère' }).click();
    const row = page.getByRole('group', { name: 'Critère 1' });
    await row.getByLabel('Champ').selectOption('contactType');
    await row.getByRole('checkbox', { name: 'Presse' }).check();
    await page.getByRole('table').getByRole('row').nth(1).waitFor();
    const press = Number((await count.innerText()).replace(/\D/g, ''));
    expect(press, 'press contacts').to.be.within(1, everyone);
    await page.getByLabel(/Canal de l’envoi/).selectOption('email');
    await page.getByText(/écartés pour le canal E-mail/).waitFor();
    await resultsShown(page);
    await shoot(page, 'targeting-query-1280.png');
    await expectNoSideScroll(page, 'the query builder');

    await page.getByLabel('Nom de la requête').fill('Presse (e2e)');
    await page.getByRole('button', { name: 'Enregistrer la requête' }).click();
    await page.waitForURL(/#\/targeting\/\d+$/);
    await page
      .getByRole('heading', { level: 1, name: 'Requête : Presse (e2e)' })
      .waitFor();
    expect(
      await page.getByRole('checkbox', { name: 'Presse' }).isChecked(),
    ).to.equal(true);

    await page.getByLabel('Nom de la liste statique').fill('Presse régionale');
    await page
      .getByRole('button', { name: 'Créer une liste statique' })
      .click();
    await page.waitForURL(/#\/lists\/\d+$/);
    await page
      .getByRole('heading', { level: 1, name: 'Presse régionale' })
      .waitFor();
    listHash = new URL(page.url()).hash;
    const members = page.getByRole('list', { name: 'Membres' });
    await members.waitFor();

    // The owner removes one member at once: the colleague will ask it back.
    const first = members.getByRole('listitem').first();
    proposed = await first.getByRole('link').innerText();
    await first.getByRole('checkbox').check();
    await page
      .getByRole('button', { name: 'Retirer la sélection (1)' })
      .click();
    await page.getByText('1 retiré de la liste.').waitFor();
    await shoot(page, 'list-owner-1280.png');
    await page.close();
  });

  it('has an editor propose an addition, which waits for the owner, at 375 px', async () => {
    const page = await openPage(browser, server, editorToken, 375, listHash);
    await page.getByText(/Cette liste appartient à Claire Admin/).waitFor();
    const picker = page.getByRole('combobox', { name: 'Contacts à ajouter' });
    await picker.fill(proposed);
    await page
      .getByRole('option', { name: new RegExp(`^${proposed}`) })
      .first()
      .click();
    await page
      .getByLabel('Note pour le propriétaire')
      .fill('Elle couvre la culture');
    await page.getByRole('button', { name: 'Proposer l’ajout (1)' }).click();
    await page
      .getByText('1 ajout proposé à Claire Admin : en attente de sa décision.')
      .waitFor();
    await page
      .getByRole('list', { name: 'Demandes en attente' })
      .getByText(`Ajout ${de(proposed)}`)
      .waitFor();
    await page
      .getByText('En attente de la décision de Claire Admin')
      .first()
      .waitFor();
    await shoot(page, 'list-editor-proposal-375.png');
    await expectNoSideScroll(page, 'the list of a colleague');
    await page.close();
  });

  it('shows the owner the pending request and has it approved', async () => {
    const page = await openPage(browser, server, adminToken, 1280, '#/lists');
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await nav.getByLabel('1 demande de modification à décider').waitFor();
    await page.getByRole('list', { name: 'Demandes à décider' }).waitFor();
    await shoot(page, 'lists-index-1280.png');

    await page
      .getByRole('link', { name: 'Décider dans la liste « Presse régionale »' })
      .click();
    await page
      .getByRole('button', { name: `Approuver : Ajout ${de(proposed)}` })
      .click();
    await page.getByText('1 demande approuvée.').waitFor();
    const history = page.getByRole('list', { name: 'Historique' });
    await history
      .getByText('Claire Admin a approuvé un ajout. Proposition de Paul Rédac.')
      .waitFor();
    await page
      .getByRole('list', { name: 'Membres' })
      .getByRole('link', { name: proposed, exact: true })
      .waitFor();
    // The member shows who proposed it and who approved, not the owner alone.
    await page
      .getByRole('list', { name: 'Membres' })
      .getByRole('listitem')
      .filter({ hasText: proposed })
      .getByText(/^proposé par Paul Rédac, approuvé par Claire Admin le /)
      .waitFor();
    await shoot(page, 'list-approved-1280.png');
    await page.close();
  });

  it('downloads the list as an xlsx that exceljs reads back', async () => {
    const page = await openPage(browser, server, adminToken, 1280, listHash);
    await page
      .getByRole('heading', { level: 1, name: 'Presse régionale' })
      .waitFor();
    const size = await page.getByText(/^[\d\s\u202f]+ contacts?$/).innerText();
    await page.getByRole('button', { name: 'Exporter' }).click();
    const dialog = page.getByRole('dialog', {
      name: 'Exporter la liste « Presse régionale »',
    });
    await dialog.waitFor();
    await shoot(page, 'export-dialog-1280.png');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Télécharger' }).click(),
    ]);
    const file = join(server.dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).to.match(/\.xlsx$/);
    await dialog.getByText(/téléchargé/).waitFor();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    expect(sheet, 'a worksheet').to.exist;
    const headers = (sheet!.getRow(1).values as unknown[]).map(String);
    expect(headers).to.include.members(['Nom', 'Prénom']);
    expect(sheet!.actualRowCount - 1).to.equal(Number(size.replace(/\D/g, '')));
    await page.close();
  });

  it('fits a phone: the builder and the export dialog at 375 px', async () => {
    const page = await openPage(
      browser,
      server,
      adminToken,
      375,
      '#/targeting',
    );
    await page.getByText(/contacts? correspond/).waitFor();
    await page.getByRole('button', { name: 'Ajouter un groupe' }).click();
    await page
      .getByRole('group', { name: 'Groupe 1.1' })
      .getByLabel('Champ')
      .selectOption('department');
    await resultsShown(page);
    await shoot(page, 'targeting-query-375.png');
    await expectNoSideScroll(page, 'the query builder');
    // The results are cards on a phone: nothing in them scrolls sideways.
    const results = page.getByRole('list', { name: 'Liste des résultats' });
    await results.waitFor();
    expect(await page.getByRole('table').count()).to.equal(0);
    expect(
      await results.evaluate((node) => node.scrollWidth - node.clientWidth),
      'horizontal scrolling in the results',
    ).to.be.at.most(0);
    expect(
      (await results.boundingBox())!.width,
      'results wider than the phone',
    ).to.be.at.most(375);

    await page.goto(`${server.url}/${listHash}`);
    await page.getByRole('button', { name: 'Exporter' }).click();
    await page.getByRole('dialog').waitFor();
    await shoot(page, 'export-dialog-375.png');
    await expectNoSideScroll(page, 'the export dialog');
    await page.close();
  });

  it('restricts exports to administrators, and tells an editor so', async () => {
    const settings = await openPage(
      browser,
      server,
      adminToken,
      1280,
      '#/admin/exports',
    );
    await settings
      .getByRole('heading', { level: 1, name: 'Exports' })
      .waitFor();
    await settings
      .getByRole('switch', { name: 'Réserver les exports aux administrateurs' })
      .check();
    await settings.getByRole('button', { name: 'Enregistrer' }).click();
    await settings.getByText('Réglage enregistré.').waitFor();
    await shoot(settings, 'export-settings-1280.png');
    await settings.close();

    const page = await openPage(browser, server, editorToken, 375, listHash);
    await page.getByRole('button', { name: 'Exporter' }).click();
    const dialog = page.getByRole('dialog');
    // Said on opening, with no download to try.
    await dialog
      .getByText(/Les exports sont réservés aux administrateurs : demandez/)
      .waitFor();
    expect(
      await dialog.getByRole('button', { name: 'Télécharger' }).count(),
    ).to.equal(0);
    await shoot(page, 'export-restricted-375.png');
    await expectNoSideScroll(page, 'the restricted export dialog');
    await page.close();
  });

  it('renames, describes and deletes the list on a phone', async () => {
    const page = await openPage(browser, server, adminToken, 375, listHash);
    const settings = page.getByRole('region', {
      name: 'Nom, description et suppression',
    });
    await settings.getByRole('textbox', { name: /^Nom/ }).fill('Presse Sud');
    await settings
      .getByRole('textbox', { name: 'Description' })
      .fill('Quotidiens du Sud-Ouest');
    await settings
      .getByRole('button', { name: 'Enregistrer le nom et la description' })
      .click();
    await page.getByText('Nom et description enregistrés.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Presse Sud' }).waitFor();
    await expectNoSideScroll(page, 'the list settings');
    await shoot(page, 'list-settings-375.png');

    await settings.getByRole('button', { name: 'Supprimer la liste' }).click();
    const confirm = page.getByRole('alertdialog', {
      name: 'Supprimer la liste « Presse Sud » ?',
    });
    await expectNoSideScroll(page, 'the delete confirmation');
    await confirm
      .getByRole('button', { name: 'Supprimer', exact: true })
      .click();
    await page.getByText('La liste « Presse Sud » a été supprimée.').waitFor();

    await page.reload();
    await page
      .getByText(
        /^La liste « Presse Sud » a été supprimée le \d{2}\/\d{2}\/\d{4}\.$/,
      )
      .waitFor();
    await shoot(page, 'list-deleted-375.png');
    await page.close();
  });
});
