import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'chai';
import { chromium, type Browser, type Page } from 'playwright-core';
import { totpAt } from '../../core-api/src/platform/auth/totp.ts';
import { shotAndAxe } from './axe.ts';
import { frenchChromium } from './browser.ts';
import { RelaisServer } from './server.ts';

const artifacts = resolve(process.cwd(), 'test-artifacts');
const clientFile = resolve(
  process.cwd(),
  '..',
  'shared',
  'data',
  'contacts',
  'xlsx',
  'fichier_presse_exemple.xlsx',
);
const editor = {
  email: 'redaction@relais.test',
  password: 'une phrase de passe assez longue',
};

describe('portal in Chromium', function () {
  this.timeout(240_000);
  const server = new RelaisServer();
  let browser: Browser;

  before(async () => {
    RelaisServer.build();
    server.relais(
      'user',
      'add',
      editor.email,
      '--password',
      editor.password,
      '--name',
      'Rédaction',
    );
    server.relais('import', clientFile);
    await server.start();
    browser = await chromium.launch({
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
    mkdirSync(artifacts, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server.stop();
  });

  /** Screenshots the page, and runs axe-core on all of it (search list too). */
  async function shoot(page: Page, name: string): Promise<void> {
    const violations = await shotAndAxe(page, join(artifacts, name));
    expect(violations.join('\n'), `axe on ${name}`).to.equal('');
  }

  async function signIn(page: Page, email: string, password: string) {
    await page.goto(server.url);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(password);
    await page.getByRole('button', { name: /Se connecter/ }).click();
  }

  for (const width of [1280, 375]) {
    it(`signs in, finds a misspelt journalist, opens the card at ${width} px`, async () => {
      const page = await browser.newPage({
        viewport: { width, height: 900 },
        locale: 'fr-FR',
      });
      await signIn(page, editor.email, editor.password);
      await page.getByRole('navigation', { name: 'Sections' }).waitFor();
      await shoot(page, `search-empty-${width}.png`);

      const box = page.getByRole('searchbox', {
        name: 'Rechercher un contact ou une société',
      });
      await box.fill('merovee leroux');
      const option = page.getByRole('option', { name: /Mérovée/ }).first();
      await option.waitFor();
      await shoot(page, `search-results-${width}.png`);
      await box.press('ArrowDown');
      await box.press('Enter');

      await page.getByRole('heading', { level: 1, name: /Mérovée/ }).waitFor();
      const text = await page.locator('main').innerText();
      expect(text).to.include('merovee.leroux@lemonde.fr');
      expect(text).to.include('Le Monde');
      expect(text).to.include('01/08/1973');
      expect(text).to.include('02 46 83 02 92');
      await shoot(page, `contact-card-${width}.png`);

      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, 'horizontal scrolling').to.be.at.most(0);
      await page.close();
    });
  }

  it('takes the first administrator through a new password and a second factor', async () => {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: 'fr-FR',
    });
    await signIn(page, 'admin@relais.test', server.adminPassword);

    const newPassword = 'une autre phrase de passe solide';
    await page.getByLabel('Nouveau mot de passe').fill(newPassword);
    await page.getByLabel('Confirmer le mot de passe').fill(newPassword);
    await shoot(page, 'first-admin-password.png');
    await page
      .getByRole('button', { name: 'Enregistrer le mot de passe' })
      .click();

    const secretField = page.getByLabel('Clé secrète');
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    expect(secret).to.match(/^[A-Z2-7]{16,}$/);
    await shoot(page, 'first-admin-second-factor.png');
    await page
      .getByLabel('Code de vérification')
      .fill(totpAt(secret, Math.floor(Date.now() / 30_000)));
    await page.getByRole('button', { name: 'Valider le code' }).click();
    await page
      .getByRole('searchbox', { name: 'Rechercher un contact ou une société' })
      .waitFor();

    // The next sign-in asks for the new password and a code.
    const again = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: 'fr-FR',
    });
    await signIn(again, 'admin@relais.test', newPassword);
    const code = again.getByLabel('Code de vérification');
    await code.waitFor();
    // The enrolment used this time step's code; each code opens one session.
    await code.fill(totpAt(secret, Math.floor(Date.now() / 30_000) + 1));
    await again.getByRole('button', { name: /Se connecter/ }).click();
    await again
      .getByRole('searchbox', { name: 'Rechercher un contact ou une société' })
      .waitFor();
    await page.close();
    await again.close();
  });
});
