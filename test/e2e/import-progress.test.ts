import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { callApi } from './api.ts';
import { shotAndAxe } from './axe.ts';
import { launchChromium, openAt, sideScroll, signInAdmin } from './browser.ts';
import { RelaisServer, sharedContactFile } from './server.ts';

const artifacts = resolve(process.cwd(), 'test-artifacts');
/** The client's press file: four sheets, some 2,000 rows. */
const pressFile = sharedContactFile('xlsx', 'fichier_presse_exemple.xlsx');
/** Six people from a Google export: the base the imports are taken back to. */
const gmailFile = sharedContactFile('csv', 'roundcube_gmail.csv');
/**
 * Rows of the generated workbook: enough for its preview to take seconds
 * (about 4 s on a quiet machine), so the bar is seen moving between polls.
 */
const generatedRows = 20_000;
const admin = {
  email: 'octave.admin@relais.test',
  password: 'une phrase de passe pour suivre les imports',
};

/** The progress bar as the page showed it at one moment. */
type Sample = {
  label: string;
  now: number | null;
  max: number | null;
  hint: string;
};

/** The phases of a preview, as the bar names them. */
const PREVIEW_PHASES = [
  'Lecture du fichier',
  'Recherche des doublons',
  'Préparation de l’aperçu',
];
const COMMIT_PHASE = 'Écriture dans la base';

/** Numbers as a French reader writes them: 20 000. */
const french = new Intl.NumberFormat('fr-FR');
/** Digits only: « 12 345 lignes » and 12345 compare. */
const digitsOf = (text: string) => text.replace(/\D/g, '');

/**
 * Imports through the portal, in Chromium: the client's file from the shared
 * data, then a generated file large enough that the progress bar is seen
 * rising (role progressbar, its value and its text) before the preview;
 * each is committed, then undone, and the base is what it was.
 */
describe('import progress in Chromium', function () {
  this.timeout(600_000);
  const server = new RelaisServer();
  const work = mkdtempSync(join(tmpdir(), 'relais-e2e-import-'));
  const generatedFile = join(work, `presse-${generatedRows}.csv`);
  let browser: Browser;
  let token = '';
  /** A journalist of the press file, already in the base before it. */
  let known = 0;
  let original: unknown;

  const api = <T = Record<string, unknown>>(method: string, path: string) =>
    callApi<T>(server, token, method, path);

  /** Every page of a listing, read through the API. */
  async function all<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; ; page += 1) {
      const body = await api<{ items: T[]; total: number }>(
        'GET',
        `${path}?pageSize=200&page=${page}`,
      );
      items.push(...body.items);
      if (items.length >= body.total || body.items.length === 0) return items;
    }
  }

  /** What an undone import must leave as it found: records, not versions. */
  async function baseState() {
    const unstamped = <T extends object>(item: T) =>
      Object.fromEntries(
        Object.entries(item).filter(
          ([key]) => !['version', 'updatedAt'].includes(key),
        ),
      );
    const contacts = await all<{ id: number }>('/api/contacts');
    const companies = await all<{ id: number }>('/api/companies');
    const card = await api('GET', `/api/contacts/${known}`);

    return {
      contacts: contacts.map(unstamped),
      companies: companies.map(unstamped),
      known: unstamped(card),
    };
  }

  /** Screenshots the page, and runs axe-core on all of it, header included. */
  async function shoot(page: Page, name: string): Promise<void> {
    const violations = await shotAndAxe(page, join(artifacts, name));
    expect(violations.join('\n'), `axe on ${name}`).to.equal('');
  }

  /**
   * Notes every change of the progress bar from now on, 20 times a
   * second, in the page itself: the test's own round trips would miss
   * short phases.
   */
  async function watchProgress(page: Page): Promise<void> {
    // No function is named inside: the test's compiler would wrap it in a
    // helper the page does not have.
    await page.evaluate(() => {
      const seen: Sample[] = [];
      Object.assign(window, { progressSamples: seen });
      setInterval(() => {
        // The batch's bar, in its field: not a button's or a loading spinner.
        const bar = document.querySelector(
          'main .fui-Field [role="progressbar"]',
        );
        if (!bar) return;
        const [label, hint] = ['aria-labelledby', 'aria-describedby'].map(
          (name) =>
            (bar.getAttribute(name) ?? '')
              .split(' ')
              .map((id) => document.getElementById(id)?.textContent ?? '')
              .join(' ')
              .trim(),
        );
        const [now, max] = ['aria-valuenow', 'aria-valuemax'].map((name) =>
          bar.hasAttribute(name) ? Number(bar.getAttribute(name)) : null,
        );
        const sample = { label, now, max, hint } as Sample;
        const last = seen[seen.length - 1];
        if (JSON.stringify(last) !== JSON.stringify(sample)) seen.push(sample);
      }, 50);
    });
  }

  const samples = (page: Page) =>
    page.evaluate(
      () =>
        (window as unknown as { progressSamples: Sample[] }).progressSamples,
    );

  /** Picks `file` on the Imports screen and sends it to be read. */
  async function upload(page: Page, file: string, name: RegExp) {
    await page.getByRole('heading', { level: 1, name: 'Imports' }).waitFor();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText(name).waitFor();
    await watchProgress(page);
    await page.getByRole('button', { name: 'Analyser le fichier' }).click();
    await page.waitForURL(/#\/imports\/\d+$/);
  }

  /** Waits for the preview: its column choices and its rows by outcome. */
  async function preview(page: Page): Promise<void> {
    await page
      .getByRole('group', { name: 'Lignes par issue' })
      .waitFor({ timeout: 120_000 });
    await page
      .getByRole('combobox', { name: /Champ Relais pour la colonne/ })
      .first()
      .waitFor();
  }

  /** « Valider l’import », then its result: how many contacts it created. */
  async function commit(page: Page): Promise<number> {
    await page.getByRole('button', { name: 'Valider l’import' }).click();
    await page.getByText('Import validé.').waitFor({ timeout: 120_000 });
    const result = await page
      .getByRole('region', { name: 'Résultat' })
      .innerText();
    const created = /Contacts créés\s+([\d\s\u202f]+)/.exec(result)?.[1];
    expect(created, `result: ${result}`).to.be.a('string');

    return Number(digitsOf(created ?? ''));
  }

  /** « Annuler l’import », confirmed; returns the notice. */
  async function undo(page: Page, width: number): Promise<string> {
    await page.getByRole('button', { name: 'Annuler l’import' }).click();
    const confirm = page.getByRole('button', {
      name: 'Oui, annuler l’import',
    });
    await confirm.waitFor();
    await shoot(page, `import-undo-confirm-${width}.png`);
    await confirm.click();
    const notice = page.getByText(/Import annulé : [\d\s\u202f]+ contacts/);
    await notice.waitFor({ timeout: 120_000 });

    return notice.innerText();
  }

  before(async () => {
    RelaisServer.build();
    const generator = pathToFileURL(
      resolve(process.cwd(), 'bench', 'french-contacts.mjs'),
    );
    // The benchmark's generator writes it in another process: rows shaped
    // like the client's file, as a CSV, whose reading has a known size.
    const script = `
      import { writeFileSync } from 'node:fs';
      import { headers, contactRow, random } from '${generator.href}';
      const cell = (text) => /[",]/.test(text) ? '"' + text.replaceAll('"', '""') + '"' : text;
      const rand = random(6);
      const lines = [headers.map(cell).join(',')];
      for (let index = 0; index < ${generatedRows}; index += 1)
        lines.push(contactRow(rand, index).map(cell).join(','));
      writeFileSync(process.argv[1], lines.join('\\r\\n') + '\\r\\n');`;
    const made = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', script, generatedFile],
      { encoding: 'utf8' },
    );
    if (made.status !== 0) throw new Error(`generated file: ${made.stderr}`);
    server.addUser(admin, 'Octave Admin', 'admin');
    server.relais('import', gmailFile);
    await server.start();
    browser = await launchChromium();
    mkdirSync(artifacts, { recursive: true });
    token = await signInAdmin(browser, server, admin);
    // In the press file too: the import finds her, and its undo must leave
    // her card as it was.
    const created = await callApi<{ id: number }>(
      server,
      token,
      'POST',
      '/api/contacts',
      {
        firstName: 'Mérovée',
        lastName: 'Leroux',
        contactType: 'press',
        emails: [{ address: 'merovee.leroux@lemonde.fr', isPrimary: true }],
      },
    );
    known = created.id;
    original = await baseState();
  });

  after(async () => {
    await browser?.close();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('imports the client’s press file with its progress, then undoes it, at 375 px', async () => {
    const page = await openAt(browser, server, token, 375, '#/imports');
    await upload(page, pressFile, /Fichier choisi : fichier_presse_exemple/);
    await preview(page);
    await shoot(page, 'import-press-preview-375.png');
    expect(await sideScroll(page), 'side scroll on the preview').to.be.at.most(
      0,
    );
    // Whatever the bar showed of this short preview was coherent.
    for (const sample of await samples(page)) {
      expect(
        [...PREVIEW_PHASES, 'En attente'],
        `phase of ${JSON.stringify(sample)}`,
      ).to.include(sample.label);
      if (sample.now !== null && sample.max !== null)
        expect(sample.now).to.be.at.most(sample.max);
    }

    const created = await commit(page);
    expect(created, 'contacts created').to.be.above(1000);
    const total = await api<{ total: number }>('GET', '/api/contacts');
    expect(total.total).to.be.above(1000);
    await shoot(page, 'import-press-committed-375.png');

    const notice = await undo(page, 375);
    expect(digitsOf(notice.split(':')[1] ?? '')).to.not.equal('');
    await shoot(page, 'import-press-undone-375.png');
    expect(await sideScroll(page), 'side scroll once undone').to.be.at.most(0);
    await page.close();
    expect(await baseState()).to.deep.equal(original);
  });

  it(`shows the bar rising while ${generatedRows} rows are read, commits, undoes, at 1280 px`, async () => {
    const page = await openAt(browser, server, token, 1280, '#/imports');
    await upload(page, generatedFile, /Fichier choisi : presse-20000\.csv/);

    // Seen by role and name, with a value, before the preview is there.
    const bar = page.getByRole('progressbar', {
      name: new RegExp(PREVIEW_PHASES.join('|')),
    });
    await bar.waitFor();
    await page.waitForFunction(() =>
      document
        .querySelector('main .fui-Field [role="progressbar"]')
        ?.hasAttribute('aria-valuenow'),
    );
    await shoot(page, 'import-progress-1280.png');
    await page.setViewportSize({ width: 375, height: 900 });
    await shoot(page, 'import-progress-375.png');
    expect(await sideScroll(page), 'side scroll on the progress').to.be.at.most(
      0,
    );
    await page.setViewportSize({ width: 1280, height: 900 });

    await preview(page);
    const staging = await samples(page);
    const valued = staging.filter(
      (sample) =>
        sample.now !== null &&
        sample.max !== null &&
        sample.now > 0 &&
        sample.now < sample.max,
    );
    // Each value is said in words too, grouped: « 4 200 lignes sur 20 000 ».
    for (const sample of valued) {
      expect(PREVIEW_PHASES).to.include(sample.label);
      expect(sample.hint).to.equal(
        `${french.format(sample.now ?? 0)} lignes sur ${french.format(sample.max ?? 0)}`,
      );
    }
    // Within a phase the value only rises, and it rose at least once while
    // the page was watching.
    const risen = PREVIEW_PHASES.map((phase) => {
      const values = valued
        .filter((sample) => sample.label === phase)
        .map((sample) => sample.now ?? 0);
      expect(values, `values of ${phase}`).to.deep.equal(
        [...values].sort((a, b) => a - b),
      );
      return new Set(values).size;
    });
    expect(
      Math.max(...risen),
      `distinct values in a phase: ${JSON.stringify(staging)}`,
    ).to.be.at.least(2);

    await shoot(page, 'import-generated-preview-1280.png');
    await watchProgress(page);
    const created = await commit(page);
    expect(created, 'contacts created').to.be.above(0);
    // The commit says its progress too, against the rows of the file.
    const writing = (await samples(page)).filter(
      (sample) => sample.label === COMMIT_PHASE,
    );
    expect(writing, 'the commit’s progress').to.not.deep.equal([]);
    for (const sample of writing) {
      expect(sample.max).to.equal(generatedRows);
      expect(sample.now ?? 0).to.be.at.most(generatedRows);
    }
    await shoot(page, 'import-generated-committed-1280.png');

    await undo(page, 1280);
    await shoot(page, 'import-generated-undone-1280.png');
    await page.close();
    expect(await baseState()).to.deep.equal(original);
  });
});
