import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openAt, sideScroll, signInAdmin } from './browser.ts';
import { RelaisServer } from './server.ts';

const artifacts = resolve(process.cwd(), 'test-artifacts');
/** Seven rows of people: what a folder feed picks up. */
const feedFile = resolve(
  process.cwd(),
  '..',
  'shared',
  'data',
  'contacts',
  'csv',
  'civicrm_individual_dates_type1.csv',
);
const admin = {
  email: 'gerard.admin@relais.test',
  password: 'une phrase de passe pour les réglages',
};

describe('administration screens in Chromium', function () {
  this.timeout(300_000);
  const server = new RelaisServer();
  let browser: Browser;
  let token = '';

  async function shoot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(artifacts, name), fullPage: true });
  }

  async function expectNoSideScroll(page: Page, where: string) {
    expect(
      await sideScroll(page),
      `horizontal scrolling on ${where}`,
    ).to.be.at.most(0);
  }

  /** Calls the API as the administrator (setting the scene, not testing it). */
  async function api(method: string, path: string, body?: unknown) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);

    return response.json() as Promise<Record<string, unknown>>;
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
      'Gérard Admin',
    );
    const folder = join(server.dir, 'feeds', 'presse');
    mkdirSync(folder, { recursive: true });
    copyFileSync(feedFile, join(folder, 'presse.csv'));
    await server.start();
    browser = await launchChromium();
    mkdirSync(artifacts, { recursive: true });
    token = await signInAdmin(browser, server, admin);
    // A feed whose folder is missing: its run fails, so the list shows an alert.
    const broken = await api('POST', '/api/feeds', {
      name: 'Dossier disparu',
      kind: 'folder',
      folderPath: 'disparu',
      schedule: { kind: 'daily', at: '05:00' },
    });
    await api('POST', `/api/feeds/${broken.id}/run`);
  });

  after(async () => {
    await browser?.close();
    await server.stop();
  });

  for (const width of [1280, 375]) {
    it(`sets the duplicate rules past a refusal and a colleague's save, ${width} px`, async () => {
      const page = await openAt(browser, server, token, width, '#/admin');
      await page.getByRole('link', { name: 'Règles de doublons' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Règles de doublons' })
        .waitFor();
      const criteria = page.getByRole('list', {
        name: 'Critères, dans l’ordre',
      });
      await criteria.waitFor();

      const down = page.getByRole('button', {
        name: 'Descendre : La fiche la plus complète',
      });
      await down.focus();
      await page.keyboard.press('Enter');
      expect(
        await criteria.getByRole('listitem').allInnerTexts(),
      ).to.have.length(3);
      const second = await criteria.getByRole('listitem').nth(1).innerText();
      expect(second).to.contain('La fiche la plus complète');
      expect(
        await page.evaluate(() =>
          document.activeElement?.getAttribute('aria-label'),
        ),
      ).to.equal('Descendre : La fiche la plus complète');

      // The engagement criterion is a sentence: offered, chosen, then added
      // from the keyboard, it still fits a phone.
      const engagement =
        'La fiche qui nous a répondu, sinon celle qu’ont reçue nos envois ou invitations';
      await expectNoSideScroll(page, 'the criteria to add');
      await page
        .getByRole('combobox', { name: 'Critère à ajouter' })
        .selectOption({ label: engagement });
      await expectNoSideScroll(page, 'the criterion chosen');
      await page.getByRole('button', { name: 'Ajouter le critère' }).focus();
      await page.keyboard.press('Enter');
      await criteria.getByText(engagement).waitFor();
      expect(
        await criteria.getByRole('listitem').allInnerTexts(),
      ).to.have.length(4);
      await expectNoSideScroll(page, 'the criterion added');
      await shoot(page, `merge-rules-engagement-${width}.png`);

      await page.getByLabel('Origine à ajouter').fill(`Outlook ${width}`);
      await page.getByRole('button', { name: 'Ajouter l’origine' }).click();
      await page
        .getByRole('combobox', { name: 'Prénom' })
        .selectOption('longest');
      const maybe = page.getByRole('textbox', { name: 'Seuil « à revoir »' });
      await maybe.fill('45');
      await page
        .getByRole('button', { name: 'Enregistrer les règles' })
        .click();
      await page.getByText('Certains champs sont invalides.').waitFor();
      expect(await maybe.getAttribute('aria-invalid')).to.equal('true');
      await shoot(page, `merge-rules-refused-${width}.png`);
      await expectNoSideScroll(page, 'the refused rules');

      // A colleague saves the rules read by this page in the meantime.
      const current = await api('GET', '/api/merge-rules');
      await api('PUT', '/api/merge-rules', {
        rules: current.rules,
        version: current.version,
      });
      await maybe.fill('10,5');
      await page
        .getByRole('button', { name: 'Enregistrer les règles' })
        .click();
      await page.getByText(/Quelqu’un a modifié les règles/).waitFor();
      await page.getByRole('button', { name: 'Recharger les règles' }).click();
      await criteria.waitFor();

      await page.getByLabel('Origine à ajouter').fill(`Outlook ${width}`);
      await page.getByRole('button', { name: 'Ajouter l’origine' }).click();
      await maybe.fill('10,5');
      await page
        .getByRole('button', { name: 'Enregistrer les règles' })
        .click();
      await page.getByText('Règles enregistrées.').waitFor();
      const saved = await api('GET', '/api/merge-rules');
      const rules = saved.rules as {
        maybeThreshold: number;
        originPriority: string[];
      };
      expect(rules.maybeThreshold).to.equal(10.5);
      expect(rules.originPriority).to.include(`Outlook ${width}`);
      await shoot(page, `merge-rules-${width}.png`);
      await expectNoSideScroll(page, 'the rules');
      await page.close();
    });
  }

  for (const width of [1280, 375]) {
    it(`lists feeds and hosts, creates a folder feed and runs it, ${width} px`, async () => {
      const page = await openAt(browser, server, token, width, '#/admin/feeds');
      await page
        .getByRole('heading', { level: 1, name: 'Flux d’import' })
        .waitFor();
      const list = page.getByRole('list', { name: 'Flux' });
      await list.getByText('En échec').first().waitFor();
      expect(await list.innerText()).to.contain('Dossier disparu');

      await page
        .getByRole('textbox', { name: /^Hôte/ })
        .fill(`intranet-${width}.example.org`);
      await page
        .getByRole('textbox', { name: /^Note/ })
        .fill('Annuaire interne');
      await page.getByRole('button', { name: 'Autoriser l’hôte' }).click();
      await page
        .getByRole('list', { name: 'Hôtes autorisés' })
        .getByText(`intranet-${width}.example.org`)
        .waitFor();
      await shoot(page, `feeds-${width}.png`);
      await expectNoSideScroll(page, 'the feeds');

      await page.getByRole('button', { name: 'Nouveau flux' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Nouveau flux' })
        .waitFor();
      await page
        .getByRole('textbox', { name: /^Nom du flux/ })
        .fill(`Presse ${width}`);
      await page.getByRole('textbox', { name: 'Dossier' }).fill('presse');
      await page
        .getByRole('textbox', { name: 'Motif des noms de fichier' })
        .fill('*.csv');
      await page.getByRole('radio', { name: 'Toutes les N minutes' }).check();
      await page
        .getByRole('textbox', { name: 'Minutes entre deux exécutions' })
        .fill('120');
      await shoot(page, `feed-new-${width}.png`);
      await expectNoSideScroll(page, 'the new feed');
      await page.getByRole('button', { name: 'Créer le flux' }).click();
      await page
        .getByRole('heading', { level: 1, name: `Presse ${width}` })
        .waitFor();

      await page.getByRole('button', { name: 'Lancer maintenant' }).click();
      const runs = page.getByRole('list', { name: 'Exécutions' });
      await runs
        .getByText(/Réussie|Fichier inchangé/)
        .waitFor({ timeout: 60_000 });
      expect(await runs.innerText()).to.match(/\d+ lignes : \d+ créés/);
      await shoot(page, `feed-${width}.png`);
      await expectNoSideScroll(page, 'the feed');
      await page.close();
    });
  }
});
