import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { totpAt } from '../../core-api/src/platform/auth/totp.ts';
import { callApi } from './api.ts';
import {
  adminRoutes,
  adminScreens,
  feedsHref,
  importsHref,
  parseRoute,
  sectionOf,
  type Route,
} from '../../admin-portal/src/routing/route.ts';
import { axeFindings, whenStill } from './axe.ts';
import { launchChromium, openAt, signInAdmin, signInByApi } from './browser.ts';
import { RelaisServer, sharedContactFile } from './server.ts';

const artifacts = resolve(process.cwd(), 'test-artifacts');
/** Six people from a Google export: a small base. */
const gmailFile = sharedContactFile('csv', 'roundcube_gmail.csv');
/** Seven rows, one person four times: the duplicate queue is not empty. */
const datesFile = sharedContactFile(
  'csv',
  'civicrm_individual_dates_type1.csv',
);
/** Sets the scene (data), not a screen of the sweep. */
const seeder = {
  email: 'louise.admin@relais.test',
  password: 'une phrase de passe pour préparer la base',
};
/** Enrols the second factor at each width. */
const admins = {
  1280: {
    email: 'armand.admin@relais.test',
    password: 'une phrase de passe pour les écrans larges',
  },
  375: {
    email: 'zoe.admin@relais.test',
    password: 'une phrase de passe pour les écrans étroits',
  },
};
const editor = {
  email: 'ines.redac@relais.test',
  password: 'une phrase de passe de rédactrice pour les écrans',
};

type Theme = 'light' | 'dark';
type Width = 375 | 1280;

/** A screen of the portal: where it is and when it has finished loading. */
type Screen = {
  name: string;
  hash: string;
  /** Waits for what the screen shows once its data has arrived. */
  ready?: (page: Page) => Promise<unknown>;
};

/** What the seeding made: one record of each kind, for its screen. */
type Seeded = {
  contact: number;
  company: number;
  list: number;
  savedQuery: number;
  template: number;
  batch: number;
  pair: number;
  feed: number;
};

const LEVELS = new Set(['serious', 'critical']);

/** What a sweep found wrong: each fault once, with the screens showing it. */
class Problems {
  private readonly found = new Map<string, string[]>();

  add(fault: string, where: string): void {
    this.found.set(fault, [...(this.found.get(fault) ?? []), where]);
  }

  /** One line per fault: the screens, then the fault ('' when none). */
  report(): string {
    return [...this.found]
      .map(([fault, where]) => `${where.join(', ')}: ${fault}`)
      .join('\n');
  }
}

/**
 * Every screen of the portal at 1280 px (light theme) and 375 px (dark
 * theme), then the 1280 px screens again in the dark theme: a screenshot
 * each, axe-core on the whole page (header and navigation included), no
 * sideways scrolling on phones, and #root left readable (a dialog unmounted
 * while open used to leave it hidden).
 */
describe('every portal screen in Chromium', function () {
  this.timeout(600_000);
  const server = new RelaisServer();
  let browser: Browser;
  let token = '';
  let editorToken = '';
  let seeded: Seeded;
  /** An account created without a password: it signs in with a one-time one. */
  const newcomer = 'nouvel.arrivant@relais.test';
  let oneTimePassword = '';
  /** Moderate and minor findings: reported, not failed. */
  const notes = new Problems();

  const api = <T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ) => callApi<T>(server, token, method, path, body);

  /** Creates the records the screens show, through the API. */
  async function seed(): Promise<Seeded> {
    const company = await api<{ id: number }>('POST', '/api/companies', {
      name: 'Agence de presse régionale Auvergne-Rhône-Alpes et Bourgogne',
      city: 'Clermont-Ferrand',
      postalCode: '63000',
      country: 'FR',
      phone: '04 73 00 00 00',
    });
    const contact = await api<{ id: number }>('POST', '/api/contacts', {
      civility: 'MME',
      firstName: 'Marie-Héloïse',
      lastName: 'Delacroix-Fontainebleau',
      contactType: 'press',
      emails: [
        {
          address: 'marie-heloise.delacroix-fontainebleau@agence-regionale.fr',
          isPrimary: true,
        },
      ],
      phones: [{ number: '06 12 34 56 78', kind: 'mobile' }],
      addresses: [
        {
          street: '12 boulevard François-Mitterrand',
          postalCode: '63000',
          city: 'Clermont-Ferrand',
          country: 'FR',
        },
      ],
      affiliations: [
        {
          companyId: company.id,
          function: 'Rédactrice en chef adjointe du service économie',
          isPrimary: true,
        },
      ],
      notes: 'Préfère être jointe le matin, avant la conférence de rédaction.',
    });
    const pressOnly = {
      entity: 'contact',
      where: {
        op: 'and',
        items: [{ field: 'contactType', operator: 'in', value: ['press'] }],
      },
    };
    const savedQuery = await api<{ id: number }>('POST', '/api/saved-queries', {
      name: 'Journalistes',
      query: pressOnly,
    });
    const list = await api<{ id: number }>('POST', '/api/lists', {
      name: 'Conférence de presse de rentrée',
      description: 'Invités de la conférence de septembre.',
      source: { kind: 'query', query: pressOnly },
    });
    const template = await api<{ id: number }>('POST', '/api/email-templates', {
      name: 'Invitation à la conférence',
      subject: 'Invitation : conférence de presse de rentrée',
      html: '<p>Bonjour {{prenom}},</p><p>Nous vous invitons.</p>',
      shared: true,
    });
    // A feed whose folder is missing: its run fails, so it shows an alert.
    const feed = await api<{ id: number }>('POST', '/api/feeds', {
      name: 'Dossier disparu',
      kind: 'folder',
      folderPath: 'disparu',
      schedule: { kind: 'daily', at: '05:00' },
    });
    await api('POST', `/api/feeds/${feed.id}/run`);
    // A contact deleted: the deleted contacts show a card, not the empty state.
    const gone = await api<{ id: number }>('POST', '/api/contacts', {
      firstName: 'Jean-Baptiste',
      lastName: 'Ancien-Correspondant de la rédaction régionale',
      contactType: 'press',
    });
    await api('POST', '/api/contacts/deletions', {
      query: {
        entity: 'contact',
        where: {
          op: 'and',
          items: [{ field: 'id', operator: 'in', value: [gone.id] }],
        },
      },
      expected: 1,
    });
    await api('POST', '/api/duplicates/scan');
    const pairs = await api<{ items: { id: number }[] }>(
      'GET',
      '/api/duplicates',
    );
    const batches = await api<{ items: { id: number }[] }>(
      'GET',
      '/api/imports',
    );
    const [pair] = pairs.items;
    const [batch] = batches.items;
    if (!pair || !batch) throw new Error('no duplicate pair or import batch');

    return {
      contact: contact.id,
      company: company.id,
      list: list.id,
      savedQuery: savedQuery.id,
      template: template.id,
      batch: batch.id,
      pair: pair.id,
      feed: feed.id,
    };
  }

  /** The screens of a signed-in administrator, with the seeded records. */
  function screens(ids: Seeded): Screen[] {
    const rows = (page: Page) =>
      page.getByRole('grid').getByRole('row').nth(1).waitFor();
    return [
      { name: 'contacts', hash: '#/contacts', ready: rows },
      { name: 'companies', hash: '#/companies', ready: rows },
      { name: 'contact-card', hash: `#/contacts/${ids.contact}` },
      { name: 'company-card', hash: `#/companies/${ids.company}` },
      { name: 'contact-new', hash: '#/contacts/new' },
      { name: 'company-new', hash: '#/companies/new' },
      {
        name: 'contacts-deleted',
        hash: '#/contacts/deleted',
        ready: (page) => page.getByRole('listitem').first().waitFor(),
      },
      { name: 'companies-deleted', hash: '#/companies/deleted' },
      { name: 'targeting', hash: '#/targeting' },
      { name: 'saved-query', hash: `#/targeting/${ids.savedQuery}` },
      { name: 'lists', hash: '#/lists' },
      { name: 'list', hash: `#/lists/${ids.list}` },
      { name: 'templates', hash: '#/templates' },
      { name: 'template-new', hash: '#/templates/new' },
      { name: 'template', hash: `#/templates/${ids.template}` },
      { name: 'imports', hash: '#/imports' },
      { name: 'import', hash: `#/imports/${ids.batch}` },
      { name: 'duplicates', hash: '#/duplicates' },
      { name: 'duplicate', hash: `#/duplicates/${ids.pair}` },
      { name: 'admin', hash: '#/admin' },
      { name: 'merge-rules', hash: '#/admin/merge-rules' },
      { name: 'feeds', hash: '#/admin/feeds' },
      { name: 'feed-new', hash: '#/admin/feeds/new' },
      { name: 'feed', hash: `#/admin/feeds/${ids.feed}` },
      { name: 'export-settings', hash: '#/admin/exports' },
      { name: 'senders', hash: '#/admin/senders' },
      { name: 'departments', hash: '#/admin/departments' },
      { name: 'users', hash: '#/admin/users' },
      { name: 'taxonomy', hash: '#/admin/taxonomy' },
      { name: 'audit-log', hash: '#/admin/audit' },
    ];
  }

  /**
   * A link to every screen an editor is refused, from the portal's route
   * table: its fixed paths in the administration or the imports, and the
   * screens that show a record. Fails if a route the portal counts as
   * administration has no link here, so a new one cannot be left out.
   */
  function refusedHashes(ids: Seeded): string[] {
    const refused = (route: Route) =>
      adminScreens.has(route.name) || sectionOf(route) === 'imports';
    const hashes = [
      ...Object.keys(adminRoutes).filter((hash) => refused(parseRoute(hash))),
      importsHref(),
      importsHref(ids.batch),
      feedsHref(ids.feed),
    ];
    const reached = new Set(hashes.map((hash) => parseRoute(hash).name));
    expect(
      [...adminScreens, 'imports', 'import'].filter(
        (name) => !reached.has(name as Route['name']),
      ),
      'administration routes without a link to try',
    ).to.deep.equal([]);

    return hashes;
  }

  /**
   * Every link of the administration home, so a screen added there is
   * swept (and refused to editors) without being named here.
   */
  async function adminLinks(page: Page): Promise<string[]> {
    await page.goto(`${server.url}/#/admin`);
    const list = page.getByRole('list', { name: 'Réglages' });
    await list.getByRole('link').first().waitFor();

    return list
      .getByRole('link')
      .evaluateAll((links) =>
        links.map((link) => link.getAttribute('href') ?? ''),
      );
  }

  /** Waits for the screen's heading, then for its data (no spinner left). */
  async function settle(page: Page, screen?: Screen): Promise<void> {
    await page.locator('main h1').first().waitFor();
    await screen?.ready?.(page);
    await page.waitForFunction(
      () => !document.querySelector('main .fui-Spinner'),
      undefined,
      { timeout: 20_000 },
    );
    await page.evaluate(() => document.fonts.ready);
  }

  /**
   * Screenshots the page (unless `shot` is null), runs axe-core on all of
   * it and measures it; adds what is wrong to `problems`.
   */
  async function inspect(
    page: Page,
    where: string,
    shot: string | null,
    problems: Problems,
  ): Promise<void> {
    // A dialog fading in is neither what people read nor what to measure.
    await whenStill(page);
    if (shot)
      await page.screenshot({ path: join(artifacts, shot), fullPage: true });
    for (const found of await axeFindings(page, 'body')) {
      const line = `${found.id}: ${found.nodes.slice(0, 3).join(' | ')}`;
      if (LEVELS.has(found.impact)) problems.add(line, where);
      else notes.add(`${found.impact} ${line}`, where);
    }
    const measures = await page.evaluate(() => ({
      overflow:
        (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth,
      hiddenRoot: document.getElementById('root')?.getAttribute('aria-hidden'),
      dialogOpen: document.querySelector('[role="dialog"]') !== null,
    }));
    if (measures.overflow > 0)
      problems.add(`scrolls sideways by ${measures.overflow} px`, where);
    if (measures.hiddenRoot && !measures.dialogOpen)
      problems.add('#root left aria-hidden with no dialog open', where);
  }

  /**
   * A new page at `width` px: signed in with `token` and drawn in `theme`
   * when given; otherwise as the page itself chooses and keeps.
   */
  async function freshPage(
    width: Width,
    init: { token?: string; theme?: Theme },
  ): Promise<Page> {
    const page = await browser.newPage({
      viewport: { width, height: 900 },
      locale: 'fr-FR',
    });
    await page.addInitScript((values) => {
      if (values.token)
        window.sessionStorage.setItem('relais.token', values.token);
      if (values.theme)
        window.localStorage.setItem('relais.theme', values.theme);
    }, init);

    return page;
  }

  /** A page without a session, in a theme, at a width. */
  async function signedOutPage(width: Width, theme: Theme): Promise<Page> {
    const page = await freshPage(width, { theme });
    await page.goto(server.url);
    await page.getByLabel('Adresse e-mail').waitFor();

    return page;
  }

  async function fillSignIn(
    page: Page,
    account: { email: string; password: string },
  ): Promise<void> {
    await page.getByLabel('Adresse e-mail').fill(account.email);
    await page
      .getByLabel('Mot de passe', { exact: true })
      .fill(account.password);
    await page.getByRole('button', { name: /Se connecter/ }).click();
  }

  before(async () => {
    RelaisServer.build();
    server.addUser(seeder, 'Louise Admin', 'admin');
    server.addUser(admins[1280], 'Armand Admin', 'admin');
    server.addUser(admins[375], 'Zoé Admin', 'admin');
    server.addUser(editor, 'Inès Rédac');
    const created = server.relais('user', 'add', newcomer);
    oneTimePassword =
      /Mot de passe à usage unique : (\S+)/.exec(created)?.[1] ?? '';
    server.relais('import', gmailFile);
    server.relais('import', datesFile);
    await server.start();
    browser = await launchChromium();
    mkdirSync(artifacts, { recursive: true });
    token = await signInAdmin(browser, server, seeder);
    editorToken = await signInByApi(server, editor);
    seeded = await seed();
  });

  after(async () => {
    await browser?.close();
    await server.stop();
    const report = notes.report();
    if (report)
      console.log(`  axe-core, moderate and minor (not failed):\n${report}`);
  });

  for (const [width, theme] of [
    [1280, 'light'],
    [375, 'dark'],
  ] as const) {
    it(`shows the sign-in, new password and second factor screens at ${width} px`, async () => {
      const problems = new Problems();
      const page = await signedOutPage(width, theme);
      await inspect(
        page,
        `sign-in ${width}`,
        `screen-sign-in-${width}.png`,
        problems,
      );

      // The first administrator's one-time password asks for a new one.
      await fillSignIn(page, { email: newcomer, password: oneTimePassword });
      await page.getByLabel('Nouveau mot de passe').waitFor();
      await inspect(
        page,
        `new password ${width}`,
        `screen-new-password-${width}.png`,
        problems,
      );
      await page.close();

      // An administrator's first sign-in enrols a second factor.
      const enrol = await signedOutPage(width, theme);
      await fillSignIn(enrol, admins[width]);
      const secretField = enrol.getByLabel('Clé secrète');
      await secretField.waitFor();
      await inspect(
        enrol,
        `second factor enrolment ${width}`,
        `screen-mfa-enrol-${width}.png`,
        problems,
      );
      const secret = await secretField.inputValue();
      const step = Math.floor(Date.now() / 30_000);
      await enrol.getByLabel('Code de vérification').fill(totpAt(secret, step));
      await enrol.getByRole('button', { name: 'Valider le code' }).click();
      await enrol.getByRole('navigation', { name: 'Sections' }).waitFor();
      await enrol.close();

      // The next sign-in asks for a code.
      const again = await signedOutPage(width, theme);
      await fillSignIn(again, admins[width]);
      await again.getByLabel('Code de vérification').waitFor();
      await inspect(
        again,
        `second factor code ${width}`,
        `screen-mfa-code-${width}.png`,
        problems,
      );
      await again.close();
      expect(problems.report()).to.equal('');
    });
  }

  for (const [width, theme] of [
    [1280, 'light'],
    [375, 'dark'],
  ] as const) {
    it(`shows every screen to an administrator at ${width} px, ${theme} theme`, async () => {
      const page = await openAt(browser, server, token, width, '#/');
      await settle(page);
      const known = screens(seeded);
      const extra = (await adminLinks(page))
        .filter((href) => !known.some((screen) => screen.hash === href))
        .map((href) => ({
          name: href.replace(/\W+/g, '-').slice(2),
          hash: href,
        }));
      const problems = new Problems();
      for (const screen of [...known, ...extra]) {
        await page.goto(`${server.url}/${screen.hash}`);
        await settle(page, screen);
        await inspect(
          page,
          `${screen.name} ${width}`,
          `screen-${screen.name}-${width}.png`,
          problems,
        );
      }
      await page.close();
      expect(problems.report()).to.equal('');
    });
  }

  it('draws every screen in the dark theme at 1280 px too', async () => {
    const page = await freshPage(1280, { token, theme: 'dark' });
    const problems = new Problems();
    for (const screen of screens(seeded)) {
      await page.goto(`${server.url}/${screen.hash}`);
      await settle(page, screen);
      await inspect(page, `${screen.name} dark`, null, problems);
    }
    await page.close();
    expect(problems.report()).to.equal('');
  });

  it('refuses every administration screen to an editor, on screen and in the API', async () => {
    const page = await openAt(browser, server, editorToken, 1280, '#/');
    await settle(page);
    const nav = page.getByRole('navigation', { name: 'Sections' });
    expect(
      await nav.getByRole('link', { name: 'Administration' }).count(),
    ).to.equal(0);
    expect(await nav.getByRole('link', { name: 'Imports' }).count()).to.equal(
      0,
    );

    const adminPage = await openAt(browser, server, token, 1280, '#/');
    const hashes = new Set([
      ...refusedHashes(seeded),
      ...(await adminLinks(adminPage)),
    ]);
    await adminPage.close();
    for (const hash of hashes) {
      await page.goto(`${server.url}/${hash}`);
      await settle(page);
      const main = page.locator('main');
      await main
        .getByText(
          /(L’administration est|Les imports sont) réservée?s? aux administrateurs/,
        )
        .waitFor();
      expect(
        await main
          .locator('input, textarea, select, form, [role="grid"]')
          .count(),
        `controls shown to an editor on ${hash}`,
      ).to.equal(0);
    }
    // The refusal is a screen too: read at both widths, checked by axe.
    const problems = new Problems();
    await inspect(
      page,
      'editor refused 1280',
      'screen-editor-refused-1280.png',
      problems,
    );
    await page.setViewportSize({ width: 375, height: 900 });
    await inspect(
      page,
      'editor refused 375',
      'screen-editor-refused-375.png',
      problems,
    );
    await page.close();
    expect(problems.report()).to.equal('');

    for (const path of [
      '/api/users',
      '/api/audit',
      '/api/feeds',
      '/api/imports',
    ]) {
      const response = await fetch(`${server.url}${path}`, {
        headers: { authorization: `Bearer ${editorToken}` },
      });
      expect(response.status, `editor on ${path}`).to.equal(403);
    }
  });

  /**
   * Waits for `done`, then checks that the page is readable again: #root
   * not hidden, and the screen's heading found by role (hidden elements
   * are not).
   */
  async function expectReadable(page: Page, done: string) {
    await page.getByText(done).first().waitFor();
    // Fluent lifts the hiding a moment after the dialog goes; a second is
    // more than it needs, and what is still hidden then stays hidden.
    await page
      .waitForFunction(
        () => !document.querySelector('[aria-hidden="true"] main'),
        undefined,
        { timeout: 1_000 },
      )
      .catch(() => undefined);
    const hidden = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[aria-hidden="true"]'))
        .filter((element) => element.querySelector('main'))
        .map((element) => element.id || element.tagName),
    );
    expect(hidden, `hidden after « ${done} »`).to.deep.equal([]);
    await page.getByRole('main').getByRole('heading', { level: 1 }).waitFor();
  }

  it('leaves the page readable after a dialog whose deletion removes it', async () => {
    const department = await api<{ id: number }>('POST', '/api/departments', {
      name: 'Presse régionale',
      code: 'PRESSE-REG',
    });
    await api('POST', '/api/sender-addresses', {
      address: 'presse@relais.test',
      displayName: 'Service presse',
      departmentIds: [department.id],
      userIds: [],
      defaultForDepartmentIds: [],
    });
    const list = await api<{ id: number }>('POST', '/api/lists', {
      name: 'Liste à supprimer',
    });
    const contact = await api<{ id: number }>('POST', '/api/contacts', {
      firstName: 'Gaspard',
      lastName: 'Éphémère',
      contactType: 'press',
    });
    const page = await openAt(browser, server, token, 375, '#/admin/senders');
    const confirm = (name: string) =>
      page
        .getByRole('alertdialog')
        .getByRole('button', { name, exact: true })
        .click();

    await page
      .getByRole('button', { name: 'Supprimer : presse@relais.test' })
      .click();
    await confirm('Supprimer');
    await expectReadable(page, 'Adresse supprimée.');

    await page.goto(`${server.url}/#/admin/departments`);
    await page
      .getByRole('button', { name: 'Supprimer : Presse régionale' })
      .click();
    await confirm('Supprimer');
    await expectReadable(page, 'Service supprimé.');

    await page.goto(`${server.url}/#/lists/${list.id}`);
    await page.getByRole('button', { name: 'Supprimer la liste' }).click();
    await confirm('Supprimer');
    await expectReadable(
      page,
      'La liste « Liste à supprimer » a été supprimée.',
    );

    await page.goto(`${server.url}/#/contacts/${contact.id}`);
    await page
      .getByRole('button', { name: 'Supprimer la fiche de Gaspard Éphémère' })
      .click();
    await confirm('Supprimer');
    await expectReadable(page, 'Fiche supprimée le');
    await page.close();
  });

  it('answers the shortcuts, documents them behind « ? », keeps language and theme', async () => {
    const problems = new Problems();
    // The token only: the language and theme are the page's own choices.
    const page = await freshPage(1280, { token });

    // Ctrl+S saves the template being edited.
    await page.goto(`${server.url}/#/templates/${seeded.template}`);
    const name = page.getByRole('textbox', { name: 'Nom' });
    await name.fill('Invitation à la conférence de rentrée');
    await page.keyboard.press('Control+s');
    await page.getByText('Modèle enregistré.').waitFor();
    const template = await api<{ name: string }>(
      'GET',
      `/api/email-templates/${seeded.template}`,
    );
    expect(template.name).to.equal('Invitation à la conférence de rentrée');

    // Ctrl+K on a screen without the search box opens it, focused.
    await page.goto(`${server.url}/#/targeting`);
    await settle(page);
    await page.keyboard.press('Control+k');
    const box = page.getByRole('searchbox', {
      name: 'Rechercher un contact ou une société',
    });
    await box.waitFor();
    expect(page.url()).to.match(/#\/contacts$/);
    expect(await box.evaluate((input) => input === document.activeElement)).to
      .be.true;

    // « ? » anywhere but in a field opens the help.
    await page.locator('main h1').focus();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Raccourcis clavier' });
    await help.waitFor();
    const listed = await help.innerText();
    for (const keys of ['Ctrl + S', 'Ctrl + K', 'Ctrl + A', 'Échap'])
      expect(listed).to.contain(keys);
    await inspect(page, 'help 1280', 'screen-shortcuts-1280.png', problems);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    // English and the dark theme, still there after a reload.
    await page.getByRole('button', { name: 'EN (English)' }).click();
    await page.getByRole('switch', { name: 'Dark theme' }).check();
    await page.reload();
    await page.getByRole('button', { name: 'Shortcuts' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).to.equal(
      'en',
    );
    const dark = page.getByRole('switch', { name: 'Dark theme' });
    expect(await dark.isChecked()).to.be.true;
    const background = await page
      .locator('.fui-FluentProvider')
      .first()
      .evaluate((element) => getComputedStyle(element).backgroundColor);
    const [red = 255] = (background.match(/\d+/g) ?? []).map(Number);
    expect(red, `background ${background}`).to.be.below(64);

    await page.getByRole('button', { name: 'Shortcuts' }).click();
    const helpEn = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await helpEn.waitFor();
    expect(await helpEn.innerText()).to.contain('Records and forms');
    await helpEn.getByRole('button', { name: 'Close' }).click();
    await helpEn.waitFor({ state: 'detached' });

    // A phone's header leaves the button out; « ? » still opens the help.
    await page.setViewportSize({ width: 375, height: 900 });
    expect(await page.getByRole('button', { name: 'Shortcuts' }).isVisible()).to
      .be.false;
    await page.locator('main h1').focus();
    await page.keyboard.press('?');
    await helpEn.waitFor();
    await inspect(
      page,
      'help 375 (English, dark)',
      'screen-shortcuts-375.png',
      problems,
    );
    await helpEn.getByRole('button', { name: 'Close' }).click();
    await helpEn.waitFor({ state: 'detached' });
    await page.close();
    expect(problems.report()).to.equal('');
  });
});
