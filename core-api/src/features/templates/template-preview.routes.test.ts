import { expect } from 'chai';
import { SecretBox } from '../../platform/auth/secret-box.ts';
import { describeEachDatabase } from '../../test/databases.ts';
import { requestsOf, signedInApp, testSecret } from '../../test/harness.ts';
import {
  previewDocumentPolicy,
  previewDocumentTtlMs,
  sealPreviewDocument,
} from './preview-document.ts';
import { previewDocumentPath } from './templates.schemas.ts';

type Harness = Awaited<ReturnType<typeof signedInApp>>;

/** One CSP directive's sources, by name; null when the policy lacks it. */
function directive(csp: string, name: string): string[] | null {
  const found = csp
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([key]) => key === name);

  return found ? found.slice(1) : null;
}

const logo = 'https://images.example.org/presse/logo.png';

describeEachDatabase('preview of a template as its own page', (db) => {
  let h: Harness;
  let r: ReturnType<typeof requestsOf>;
  const box = new SecretBox(testSecret);
  /** Posts a sealed preview as the portal's hidden form does. */
  const show = (document: string) =>
    h.request.post(previewDocumentPath).type('form').send({ document });
  const preview = async () => {
    const answer = await r.post('editor', '/api/email-templates/preview', {
      subject: 'Invitation',
      html:
        `<p><img src="${logo}" alt="Logo de la Ville"></p>` +
        '<p>{{civilite}} {{nom}}</p><script>alert(1)</script>',
    });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);

    return answer.body as { html: string; document: string };
  };

  before(async () => {
    h = await signedInApp(db());
    r = requestsOf(h);
  });

  it('serves the filled message with its https image under a policy of its own', async () => {
    const { html, document } = await preview();
    expect(html).to.include(`<img src="${logo}"`);

    const page = await show(document);
    expect(page.status).to.equal(200);
    expect(page.headers['content-type']).to.match(/^text\/html; charset=utf-8/);
    expect(page.headers['cache-control']).to.equal('no-store');
    expect(page.text).to.match(/^<!doctype html><html lang="fr">/);
    expect(page.text).to.include(`<img src="${logo}" alt="Logo de la Ville">`);
    expect(page.text).to.include('<p>Mme Dupont</p>');
    expect(page.text).to.not.include('<script');

    const csp = page.headers['content-security-policy'] as string;
    expect(csp).to.equal(previewDocumentPolicy);
    // The image's address is one the policy lets through.
    const images = directive(csp, 'img-src') ?? [];
    expect(images).to.deep.equal(['https:', 'data:', 'cid:']);
    expect(images).to.include(`${new URL(logo).protocol}`);
    // No script in any form: none allowed by default, none named, and the
    // sandbox keeps the page in an origin of its own.
    expect(directive(csp, 'default-src')).to.deep.equal(["'none'"]);
    expect(directive(csp, 'script-src')).to.equal(null);
    expect(directive(csp, 'sandbox')).to.deep.equal([]);
    expect(directive(csp, 'frame-ancestors')).to.deep.equal(["'self'"]);
  });

  it('keeps the portal’s own policy everywhere else', async () => {
    const answer = await r.post('editor', '/api/email-templates/preview', {
      html: '<p>x</p>',
    });
    const csp = answer.headers['content-security-policy'] as string;

    expect(directive(csp, 'img-src')).to.deep.equal(["'self'", 'data:']);
    expect(directive(csp, 'script-src')).to.deep.equal(["'self'"]);
  });

  it('shows only what the API sealed, and for a while', async () => {
    const { document } = await preview();
    // One character of the sealed text changed: the seal no longer holds.
    const at = document.length - 5;
    const other = document[at] === 'A' ? 'B' : 'A';
    const refused = await show(
      `${document.slice(0, at)}${other}${document.slice(at + 1)}`,
    );
    expect(refused.status).to.equal(400);
    expect(refused.text).to.include('Aperçu illisible');
    expect(refused.text).to.include('Unreadable preview');
    expect(refused.headers['content-security-policy']).to.equal(
      previewDocumentPolicy,
    );

    const stale = sealPreviewDocument(
      box,
      { html: '<p>ancien</p>', lang: 'fr' },
      Date.now() - previewDocumentTtlMs - 1000,
    );
    const expired = await show(stale);
    expect(expired.status).to.equal(410);
    expect(expired.text).to.include('Aperçu expiré');

    // Another secret's seal, and a secret the box sealed for another use.
    const foreign = sealPreviewDocument(new SecretBox('x'.repeat(40)), {
      html: '<p>faux</p>',
      lang: 'fr',
    });
    expect((await show(foreign)).status).to.equal(400);
    expect((await show(box.seal('JBSWY3DPEHPK3PXP'))).status).to.equal(400);
    const missing = await h.request.post(previewDocumentPath).type('form');
    expect(missing.status).to.equal(400);
  });

  it('takes the form the portal posts, and refuses other bodies', async () => {
    const plain = await h.request
      .post(previewDocumentPath)
      .set('Content-Type', 'text/plain')
      .send('document=x');
    expect(plain.status).to.equal(415);
    expect(plain.body.error.code).to.equal('UNSUPPORTED_MEDIA_TYPE');
    // Elsewhere in the API, a form is still refused.
    const form = await h.request
      .post('/api/email-templates/preview')
      .set('Authorization', `Bearer ${h.tokens.editor}`)
      .type('form')
      .send({ html: '<p>x</p>' });
    expect(form.status).to.equal(415);
  });
});
