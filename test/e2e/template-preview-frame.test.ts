// The API is started in this process: its declarations of untyped modules
// come along.
/// <reference path="../../core-api/src/types/talisman.d.ts" />
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../../core-api/src/app.ts';
import { SecretBox } from '../../core-api/src/platform/auth/secret-box.ts';
import { sealPreviewDocument } from '../../core-api/src/features/templates/preview-document.ts';
import { previewDocumentPath } from '../../core-api/src/features/templates/templates.schemas.ts';
import { testSecret } from '../../core-api/src/test/harness.ts';
import { memoryLogger } from '../../core-api/src/test/memory-logger.ts';
import { launchChromium } from './browser.ts';

// A remote image host; the browser's requests to it are answered by the test.
const images = 'https://images.example.test';
// The smallest PNG: one transparent pixel.
const pixel = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR4nGNgYAAAAAMAASsJTYQAAAAASUVORK5CYII=',
  'base64',
);

/**
 * A stand-in for the portal, served with the portal's own policy: the
 * frame the preview is posted into, as `TemplatePreviewPanel` does, and
 * for comparison a frame written from the page (`srcdoc`), which inherits
 * that policy, and an image of the page itself.
 */
const hostPage =
  '<!doctype html><html lang="fr"><head><meta charset="utf-8">' +
  '<title>Portail</title></head><body>' +
  `<form id="preview-form" hidden method="post" action="${previewDocumentPath}" ` +
  'target="apercu"><input type="hidden" name="document"></form>' +
  '<iframe name="apercu" title="Aperçu du message" sandbox=""></iframe>' +
  '<iframe title="Écrit par le portail" sandbox="" ' +
  `srcdoc="&lt;img src=&quot;${images}/dans-srcdoc.png&quot;&gt;"></iframe>` +
  `<img alt="" src="${images}/dans-le-portail.png">` +
  '</body></html>';

describe('template preview frame in Chromium', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'relais-preview-'));
  const box = new SecretBox(testSecret);
  let server: Server;
  let base = '';
  let browser: Browser;
  let page: Page;
  const requested: string[] = [];
  const logged: string[] = [];

  before(async () => {
    writeFileSync(join(dir, 'index.html'), hostPage);
    // The document route needs no database: the sealed preview is all.
    const app = createApp({
      db: null as never,
      log: memoryLogger().log,
      box,
      region: 'FR',
      sessionTtlHours: 1,
      portalDir: dir,
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((done) => server.once('listening', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('console', (message) => logged.push(message.text()));
    await page.route(`${images}/**`, (route) => {
      requested.push(new URL(route.request().url()).pathname);
      return route.fulfill({ contentType: 'image/png', body: pixel });
    });
  });

  after(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows https images in the posted preview, and runs none of its scripts', async () => {
    await page.goto(`${base}/`);
    const sealed = sealPreviewDocument(box, {
      lang: 'fr',
      html:
        `<p><img src="${images}/logo.png" alt="Logo"></p><p>Madame Dupont</p>` +
        // Cleaning takes these out before sealing; the page's own policy
        // must stop them even so.
        `<img src="x" onerror="fetch('${images}/attribut-execute.png')">` +
        `<script>fetch('${images}/script-execute.png')</script>` +
        '<img src="http://images.example.test/en-clair.png">',
    });
    const loaded = page.waitForResponse((response) =>
      response.url().endsWith(previewDocumentPath),
    );
    await page.evaluate((document) => {
      const form = window.document.getElementById(
        'preview-form',
      ) as HTMLFormElement;
      (form.elements.namedItem('document') as HTMLInputElement).value =
        document;
      form.submit();
    }, sealed);
    const response = await loaded;
    await page
      .frameLocator('iframe[name="apercu"]')
      .getByText('Madame Dupont')
      .waitFor();
    await page.frame({ name: 'apercu' })?.waitForLoadState('load');

    expect(response.status()).to.equal(200);
    expect(await response.headerValue('content-security-policy')).to.include(
      'img-src https: data: cid:',
    );
    // The preview's https image was fetched: its frame's policy allows it.
    expect(requested).to.include('/logo.png');
    // Neither the script nor the event handler ran; the plain-http image
    // was refused, as the portal's own https images and the frame written
    // from the portal (which inherits its policy) still are.
    expect(requested).to.not.include('/script-execute.png');
    expect(requested).to.not.include('/attribut-execute.png');
    expect(requested).to.not.include('/en-clair.png');
    expect(requested).to.not.include('/dans-srcdoc.png');
    expect(requested).to.not.include('/dans-le-portail.png');
    const refused = (image: string) =>
      logged.some(
        (line) =>
          line.includes(image) && line.includes('Content Security Policy'),
      );
    expect(refused('/dans-le-portail.png')).to.equal(true);
    expect(refused('/dans-srcdoc.png')).to.equal(true);
    expect(refused('/en-clair.png')).to.equal(true);
    expect(
      logged.some(
        (line) =>
          line.startsWith('Blocked script execution') &&
          line.includes(previewDocumentPath),
      ),
    ).to.equal(true);
  });
});
