import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { shotAndAxe } from './axe.ts';
import {
  launchChromium,
  openAt as openPage,
  sideScroll,
  signInAdmin,
} from './browser.ts';
import { RelaisServer } from './server.ts';

const artifacts = resolve(process.cwd(), 'test-artifacts');
const contactData = resolve(process.cwd(), '..', 'shared', 'data', 'contacts');
/** A press file whose rows repeat a few people: the base starts with pairs. */
const pressFile = join(contactData, 'xlsx', 'fichier_presse_exemple.xlsx');
/** Seven rows, one person four times, impossible dates: every kind of row. */
const smallFile = join(
  contactData,
  'csv',
  'civicrm_individual_dates_type1.csv',
);
const admin = {
  email: 'claire.admin@relais.test',
  password: 'une phrase de passe pour les imports',
};

describe('duplicate review and imports in Chromium', function () {
  this.timeout(300_000);
  const server = new RelaisServer();
  let browser: Browser;
  /** The administrator's bearer token, shared by every page of the suite. */
  let token = '';

  /** A signed-in page at `width` px on `hash` (dark theme on phones). */
  const openAt = (width: number, hash: string): Promise<Page> =>
    openPage(browser, server, token, width, hash);

  /** Screenshots the page, and runs axe-core on all of it, dialogs included. */
  async function shoot(page: Page, name: string): Promise<void> {
    const violations = await shotAndAxe(page, join(artifacts, name));
    expect(violations.join('\n'), `axe on ${name}`).to.equal('');
  }

  async function expectNoSideScroll(page: Page, where: string) {
    const overflow = await sideScroll(page);
    expect(overflow, `horizontal scrolling on ${where}`).to.be.at.most(0);
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
    server.relais('import', pressFile);
    await server.start();
    browser = await launchChromium();
    mkdirSync(artifacts, { recursive: true });
    token = await signInAdmin(browser, server, admin);
  });

  after(async () => {
    await browser?.close();
    await server.stop();
  });

  it('scans the base for duplicates and shows the queue', async () => {
    const page = await openAt(1280, '#/duplicates');
    await page
      .getByRole('heading', { level: 1, name: 'Doublons à examiner' })
      .waitFor();

    await page.getByRole('button', { name: 'Rechercher les doublons' }).click();
    await page.getByText(/contacts comparés/).waitFor();
    await page.getByRole('list', { name: 'Paires à examiner' }).waitFor();
    const pairs = await page.getByRole('link', { name: /^Examiner :/ }).count();
    expect(pairs, 'pairs in the queue').to.be.greaterThan(0);
    await shoot(page, 'duplicates-queue-1280.png');
    await page.close();
  });

  for (const width of [1280, 375]) {
    it(`merges a pair with a value from the other record, undoes it, ${width} px`, async () => {
      const page = await openAt(width, '#/duplicates');
      const first = page.getByRole('link', { name: /^Examiner :/ }).first();
      await first.waitFor();
      if (width === 375) await shoot(page, 'duplicates-queue-375.png');
      await expectNoSideScroll(page, 'the queue');

      await first.click();
      await page
        .getByRole('heading', { level: 1, name: /^Comparer/ })
        .waitFor();
      await page
        .getByRole('table', { name: 'Champs des deux fiches' })
        .waitFor();
      const otherSide = page.getByRole('radio', {
        name: /garder .*\(Fiche B\)/,
      });
      const choices = await otherSide.count();
      if (choices > 0) await otherSide.first().check();
      await shoot(page, `duplicates-review-${width}.png`);
      await expectNoSideScroll(page, 'the review');

      await page.getByRole('button', { name: 'Fusionner' }).click();
      await page.getByText(/Fusion faite/).waitFor();
      await shoot(page, `duplicates-merged-${width}.png`);

      await page.getByRole('button', { name: 'Annuler la fusion' }).click();
      await page.getByText(/Fusion annulée/).waitFor();
      await page.getByRole('button', { name: 'Fusionner' }).waitFor();
      await page.close();
    });
  }

  for (const width of [1280, 375]) {
    it(`imports a small file: preview, commit, then undo at ${width} px`, async () => {
      const page = await openAt(width, '#/imports');
      await page.getByRole('heading', { level: 1, name: 'Imports' }).waitFor();
      await page.locator('input[type=file]').setInputFiles(smallFile);
      await page.getByText(/Fichier choisi : civicrm_individual/).waitFor();
      await shoot(page, `imports-upload-${width}.png`);
      await expectNoSideScroll(page, 'the upload');

      await page.getByRole('button', { name: 'Analyser le fichier' }).click();
      await page.waitForURL(/#\/imports\/\d+$/);
      const filters = page.getByRole('group', { name: 'Lignes par issue' });
      await filters.waitFor();
      const counts = await filters.getByRole('button').allInnerTexts();
      expect(counts.map((text) => text.split(' : ')[0])).to.deep.equal([
        'Créés',
        'Mis à jour',
        'Fusionnés',
        'À revoir',
        'Rejetés',
      ]);
      await page
        .getByRole('combobox', { name: /Champ Relais pour la colonne/ })
        .first()
        .waitFor();
      await shoot(page, `imports-preview-${width}.png`);
      await expectNoSideScroll(page, 'the preview');

      await page.getByRole('button', { name: 'Valider l’import' }).click();
      await page.getByText('Import validé.').waitFor();
      const result = await page
        .getByRole('region', { name: 'Résultat' })
        .innerText();
      expect(result).to.match(/Contacts créés\s+[1-9]/);
      await shoot(page, `imports-committed-${width}.png`);

      await page.getByRole('button', { name: 'Annuler l’import' }).click();
      await page.getByRole('button', { name: 'Oui, annuler l’import' }).click();
      await page.getByText(/Import annulé : \d+ contacts retirés/).waitFor();
      await shoot(page, `imports-undone-${width}.png`);
      await expectNoSideScroll(page, 'the undone import');
      await page.close();
    });
  }
});
