import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'chai';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, openAt, sideScroll, signInAdmin } from './browser.ts';
import { RelaisServer } from './server.ts';

const artifacts = resolve(process.cwd(), 'test-artifacts');
const admin = {
  email: 'gisele.admin@relais.test',
  password: 'une phrase de passe pour les listes',
};
/** The longest name a department may carry: its select must not widen the page. */
const longName =
  `Service ${'des relations avec la presse régionale '.repeat(6)}`
    .slice(0, 200)
    .trim();

/**
 * Whether what the person sees at the middle of `field` is the field itself:
 * false when a layer drawn above the page hides it.
 */
function visibleAtCentre(field: Locator): Promise<boolean> {
  return field.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const top = document.elementFromPoint(
      box.left + box.width / 2,
      box.top + box.height / 2,
    );

    return top !== null && element.contains(top);
  });
}

describe('pickers and selects of the administration in Chromium', function () {
  this.timeout(300_000);
  const server = new RelaisServer();
  let browser: Browser;
  let token = '';

  async function department(name: string, code: string): Promise<void> {
    const response = await fetch(`${server.url}/api/departments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ name, code }),
    });
    if (!response.ok) throw new Error(`department: ${response.status}`);
  }

  async function shoot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(artifacts, name), fullPage: true });
  }

  before(async () => {
    RelaisServer.build();
    server.addUser(admin, 'Gisèle Admin', 'admin');
    await server.start();
    browser = await launchChromium();
    mkdirSync(artifacts, { recursive: true });
    token = await signInAdmin(browser, server, admin);
    await department('Communication', 'COM');
    await department('Édition', 'EDI');
    await department(longName, 'PRESSE-REG');
  });

  after(async () => {
    await browser?.close();
    await server.stop();
  });

  for (const width of [1280, 375]) {
    it(`opens a tag picker as a dropdown that leaves the page visible, ${width} px`, async () => {
      const page = await openAt(
        browser,
        server,
        token,
        width,
        '#/admin/senders',
      );
      await page.getByRole('button', { name: 'Nouvelle adresse' }).click();
      const picker = page.getByRole('combobox', { name: 'Services autorisés' });
      await picker.click();
      const option = page.getByRole('option', { name: 'Communication' });
      await option.waitFor();
      await shoot(page, `picker-open-${width}.png`);

      // The field and the heading above it stay in sight while the list is open.
      expect(await visibleAtCentre(picker), 'picker field hidden').to.equal(
        true,
      );
      const heading = page.getByRole('heading', { level: 1 });
      expect(await visibleAtCentre(heading), 'page hidden').to.equal(true);
      await option.click();
      await page
        .getByLabel('Services autorisés : choix faits')
        .getByText('Communication')
        .waitFor();
      await page.close();
    });

    it(`keeps the users screen within the window with a long department, ${width} px`, async () => {
      const page = await openAt(browser, server, token, width, '#/admin/users');
      await page
        .getByRole('combobox', { name: /^Service de / })
        .first()
        .waitFor();
      await shoot(page, `users-long-department-${width}.png`);
      expect(await sideScroll(page), 'horizontal scrolling').to.be.at.most(0);
      await page.close();
    });
  }
});
