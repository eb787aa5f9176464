import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import supertest from 'supertest';
import { createApp } from '../../app.ts';
import { SecretBox } from '../auth/secret-box.ts';
import { testSecret } from '../../test/harness.ts';
import { memoryLogger } from '../../test/memory-logger.ts';
import { microsoftHostOrigins, officeJsOrigin } from './hosted-pages.ts';

/** One CSP directive's sources, by name. */
function directive(csp: string, name: string): string[] {
  const found = csp
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([key]) => key === name);

  return found ? found.slice(1) : [];
}

describe('pages framed by Outlook and Teams', () => {
  const root = mkdtempSync(join(tmpdir(), 'relais-hosted-'));
  const dirs = {
    portal: join(root, 'portal'),
    addin: join(root, 'addin'),
    teams: join(root, 'teams'),
  };
  const request = () =>
    supertest(
      createApp({
        db: null as never,
        log: memoryLogger().log,
        box: new SecretBox(testSecret),
        region: 'FR',
        sessionTtlHours: 1,
        portalDir: dirs.portal,
        addinDir: dirs.addin,
        teamsDir: dirs.teams,
        entraAuthority: 'https://login.microsoftonline.com',
      }),
    );

  before(() => {
    for (const dir of Object.values(dirs)) mkdirSync(dir);
    writeFileSync(join(dirs.portal, 'index.html'), '<p>portail</p>');
    writeFileSync(join(dirs.addin, 'taskpane.html'), '<p>volet</p>');
    mkdirSync(join(dirs.addin, 'assets'));
    writeFileSync(join(dirs.addin, 'assets', 'icon-32.png'), 'png');
    writeFileSync(join(dirs.teams, 'tab.html'), '<p>onglet</p>');
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('lets Outlook frame the task pane and load Office.js from the CDN', async () => {
    const response = await request().get('/addin/taskpane.html');

    expect(response.status).to.equal(200);
    expect(response.text).to.equal('<p>volet</p>');
    expect(response.headers['x-frame-options']).to.equal(undefined);
    expect(response.headers['cache-control']).to.equal('no-cache');
    const csp = response.headers['content-security-policy'] as string;
    expect(directive(csp, 'frame-ancestors')).to.include.members([
      "'self'",
      'https://outlook.office.com',
      'https://outlook.office365.com',
      'https://*.cloud.microsoft',
    ]);
    expect(directive(csp, 'script-src')).to.deep.equal([
      "'self'",
      officeJsOrigin,
    ]);
    expect(directive(csp, 'connect-src')).to.deep.equal([
      "'self'",
      'https://login.microsoftonline.com',
    ]);
  });

  it('serves the add-in icons to Outlook, which shows them from its own origin', async () => {
    const response = await request().get('/addin/assets/icon-32.png');

    expect(response.status).to.equal(200);
    expect(response.headers['content-type']).to.equal('image/png');
    expect(response.headers['cross-origin-resource-policy']).to.equal(
      'cross-origin',
    );
  });

  it('lets Teams frame the tab, with no script from elsewhere', async () => {
    const response = await request().get('/teams/tab.html');

    expect(response.status).to.equal(200);
    expect(response.headers['x-frame-options']).to.equal(undefined);
    const csp = response.headers['content-security-policy'] as string;
    expect(directive(csp, 'frame-ancestors')).to.deep.equal([
      "'self'",
      ...microsoftHostOrigins,
    ]);
    expect(directive(csp, 'script-src')).to.deep.equal(["'self'"]);
    // teams-js fetches Microsoft's valid domains; nothing else is reached
    // and nothing is framed from there.
    expect(directive(csp, 'connect-src')).to.deep.equal([
      "'self'",
      'https://res.cdn.office.net',
    ]);
    expect(directive(csp, 'frame-src')).to.deep.equal(["'self'"]);
  });

  it('keeps the portal and the API unframeable by other sites', async () => {
    for (const path of ['/', '/contacts', '/api/nothing', '/health/live']) {
      const response = await request().get(path);
      const csp = response.headers['content-security-policy'] as string;

      expect(response.headers['x-frame-options'], path).to.equal('SAMEORIGIN');
      expect(directive(csp, 'frame-ancestors'), path).to.deep.equal(["'self'"]);
      expect(directive(csp, 'script-src'), path).to.deep.equal(["'self'"]);
    }
  });

  it('answers 404 for a missing file instead of the portal page', async () => {
    for (const path of ['/addin/nothing.html', '/teams/', '/addin']) {
      const response = await request().get(path);

      expect(response.status, path).to.equal(404);
      expect(response.text, path).not.to.include('portail');
    }
  });

  it('answers 404 under /addin when the add-in is not built', async () => {
    const app = createApp({
      db: null as never,
      log: memoryLogger().log,
      box: new SecretBox(testSecret),
      region: 'FR',
      sessionTtlHours: 1,
      portalDir: dirs.portal,
      addinDir: join(root, 'missing'),
    });
    const response = await supertest(app).get('/addin/taskpane.html');

    expect(response.status).to.equal(404);
    expect(response.text).not.to.include('portail');
  });
});
