import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { callApi } from './api.ts';
import { seriousViolations, shotAndAxe } from './axe.ts';
import {
  dateFieldOrder,
  launchChromium,
  openAt,
  sideScroll,
  signInAdmin,
} from './browser.ts';
import { RelaisServer } from './server.ts';

const artifacts = resolve(process.cwd(), 'test-artifacts');
const admin = {
  email: 'hortense.admin@relais.test',
  password: 'une phrase de passe pour les fiches',
};
const editor = {
  email: 'redaction.fiches@relais.test',
  password: 'une autre phrase de passe pour les fiches',
};

type Contact = {
  id: number;
  version: number;
  firstName: string | null;
  origin: string | null;
  title: string | null;
  deletedAt: string | null;
  emails: { address: string; label: string | null; isPrimary: boolean }[];
};

describe('contact card in Chromium', function () {
  this.timeout(300_000);
  const server = new RelaisServer();
  let browser: Browser;
  let adminToken = '';
  let editorToken = '';

  /** Calls the API as a user: another session than the page's. */
  const api = (token: string, method: string, path: string, body?: unknown) =>
    callApi<Contact>(server, token, method, path, body);

  /** Screenshots the page, and runs axe-core on all of it, dialogs included. */
  async function shoot(page: Page, name: string): Promise<void> {
    const violations = await shotAndAxe(page, join(artifacts, name));
    expect(violations.join('\n'), `axe on ${name}`).to.equal('');
  }

  async function expectAccessible(page: Page, where: string) {
    expect(await seriousViolations(page), `axe on ${where}`).to.deep.equal([]);
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
      'Hortense Admin',
    );
    server.relais(
      'user',
      'add',
      editor.email,
      '--password',
      editor.password,
      '--name',
      'Rédaction Fiches',
    );
    await server.start();
    browser = await launchChromium();
    mkdirSync(artifacts, { recursive: true });
    adminToken = await signInAdmin(browser, server, admin);
    const signedIn = await fetch(`${server.url}/api/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(editor),
    });
    editorToken = ((await signedIn.json()) as { token: string }).token;
  });

  after(async () => {
    await browser?.close();
    await server.stop();
  });

  for (const width of [1280, 375]) {
    it(`creates, edits, meets a colleague's save, deletes, restores at ${width} px`, async () => {
      const page = await openAt(browser, server, adminToken, width, '#/');
      await page.getByRole('link', { name: 'Nouveau contact' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Nouveau contact' })
        .waitFor();
      const address = `anais.roussel.${width}@exemple.test`;
      await page
        .getByRole('textbox', { name: 'Prénom', exact: true })
        .fill('Anaïs');
      await page
        .getByRole('textbox', { name: 'Nom', exact: true })
        .fill('Roussel');
      await page
        .getByRole('textbox', { name: 'E-mail', exact: true })
        .fill(address);
      const phone = page.getByRole('textbox', {
        name: 'Téléphone',
        exact: true,
      });
      await phone.fill('0612345678');
      await phone.blur();
      expect(await phone.inputValue()).to.equal('06 12 34 56 78');
      await shoot(page, `card-new-contact-${width}.png`);
      expect(await sideScroll(page), 'side scroll on the form').to.be.at.most(
        0,
      );
      await page.getByRole('button', { name: 'Vérifier et créer' }).click();

      if (width === 375) {
        // The Anaïs Roussel created at 1280 px shares the phone number.
        const found = page.getByRole('region', { name: /Déjà dans la base/ });
        await found.waitFor();
        expect(await found.innerText()).to.match(/Ouvrir Anaïs.* Roussel/);
        await shoot(page, `card-new-contact-duplicates-${width}.png`);
        await page.getByRole('button', { name: 'Créer quand même' }).click();
      }
      const heading = page.getByRole('heading', {
        level: 1,
        name: 'Anaïs Roussel',
      });
      await heading.waitFor();
      const id = Number(/#\/contacts\/(\d+)/.exec(page.url())?.[1]);
      expect(id).to.be.above(0);
      expect(
        await page
          .getByRole('link', { name: 'Appeler le 06 12 34 56 78' })
          .getAttribute('href'),
      ).to.equal('tel:+33612345678');
      expect(
        await page
          .getByRole('link', { name: `Écrire à ${address}` })
          .getAttribute('href'),
      ).to.equal(`mailto:${address}`);

      // Edit one field, saved with the keyboard.
      await page.getByRole('button', { name: 'Modifier : Identité' }).click();
      const title = page.getByRole('textbox', { name: 'Titre', exact: true });
      await title.fill('Docteure');
      await title.press('Control+s');
      await page.getByText('Modifications enregistrées.').waitFor({
        state: 'attached',
      });
      const identity = page.getByRole('region', { name: 'Identité' });
      await identity.getByText('Docteure', { exact: true }).waitFor();
      // The history's date field reads as in France: day, month, year, 24 h.
      expect(await dateFieldOrder(page, 'Date et heure')).to.deep.equal([
        'Jour',
        'Mois',
        'Année',
        'Heures',
        'Minutes',
      ]);
      await shoot(page, `card-contact-saved-${width}.png`);

      // A colleague saves the contact from another session meanwhile.
      const current = await api(editorToken, 'GET', `/api/contacts/${id}`);
      await api(editorToken, 'PUT', `/api/contacts/${id}`, {
        firstName: current.firstName,
        lastName: 'Roussel',
        title: current.title,
        origin: 'Salon du livre',
        emails: current.emails,
        phones: [{ number: '06 12 34 56 78', kind: 'mobile' }],
        version: current.version,
      });
      await page.getByRole('button', { name: 'Modifier : Identité' }).click();
      await page
        .getByRole('textbox', { name: 'Prénom', exact: true })
        .fill('Anaïs-Marie');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      const conflict = page
        .getByRole('alert')
        .filter({ hasText: 'Fiche modifiée entre-temps' });
      await conflict.waitFor();
      const told = await conflict.innerText();
      expect(told).to.contain('Rédaction Fiches a enregistré cette fiche');
      expect(told).to.contain(
        'Origine : sa version « Salon du livre », votre saisie « — »',
      );
      expect(told).to.contain(
        'Prénom : sa version « Anaïs », votre saisie « Anaïs-Marie »',
      );
      await shoot(page, `card-contact-conflict-${width}.png`);
      const kept = await api(adminToken, 'GET', `/api/contacts/${id}`);
      expect(kept).to.deep.include({
        firstName: 'Anaïs',
        origin: 'Salon du livre',
      });

      await page
        .getByRole('button', { name: 'Reporter ma saisie sur sa version' })
        .click();
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await identity.getByText('Anaïs-Marie', { exact: true }).waitFor();
      const both = await api(adminToken, 'GET', `/api/contacts/${id}`);
      expect(both).to.deep.include({
        firstName: 'Anaïs-Marie',
        origin: 'Salon du livre',
        title: 'Docteure',
      });
      const trail = page.getByRole('region', {
        name: 'Journal des modifications',
      });
      await trail.getByText('Origine : — → Salon du livre').waitFor();
      expect(await trail.innerText()).to.contain('Rédaction Fiches');
      expect(await sideScroll(page), 'side scroll on the card').to.be.at.most(
        0,
      );
      await expectAccessible(page, `the card at ${width} px`);
      await shoot(page, `card-contact-after-conflict-${width}.png`);

      // Delete, then restore from the banner.
      await page
        .getByRole('button', {
          name: 'Supprimer la fiche de Docteure Anaïs-Marie Roussel',
        })
        .or(
          page.getByRole('button', {
            name: 'Supprimer la fiche d’Anaïs-Marie Roussel',
          }),
        )
        .click();
      const dialog = page.getByRole('alertdialog');
      await dialog.getByRole('button', { name: 'Supprimer' }).click();
      const restore = page.getByRole('button', { name: 'Restaurer' });
      await restore.waitFor();
      expect(
        (await api(adminToken, 'GET', `/api/contacts/${id}`)).deletedAt,
      ).to.be.a('string');
      await expectAccessible(page, `the deleted card at ${width} px`);
      // The deleted state only: no form to write its history with.
      expect(
        await page
          .getByRole('form', { name: 'Ajouter une interaction' })
          .count(),
      ).to.equal(0);
      await shoot(page, `card-contact-deleted-${width}.png`);
      await restore.click();
      await page.getByRole('button', { name: 'Modifier : Identité' }).waitFor();
      expect(
        (await api(adminToken, 'GET', `/api/contacts/${id}`)).deletedAt,
      ).to.equal(null);
      await page.close();
    });
  }
});
