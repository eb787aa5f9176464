import type { SecretBox } from '../../platform/auth/secret-box.ts';
import type { Lang } from '../exports/export-labels.ts';

/**
 * How long a sealed preview may be shown. The portal posts it to its frame
 * as soon as it has it; the margin covers a slow network, not reuse.
 */
export const previewDocumentTtlMs = 10 * 60_000;

/** Largest sealed preview accepted: a 500,000-character body, sealed. */
export const previewDocumentLimit = '4mb';

// What a sealed preview says it is, so that nothing else the box seals
// (second-factor secrets) can be shown as a page.
const purpose = 'email-template-preview';

/**
 * The preview document's own policy, in place of the portal's: images from
 * any https address (and inline ones) as mail clients show them, inline
 * styles as e-mails carry them, and nothing else: no script, no plugin, no
 * form, no font or frame, framed by Relais only, sandboxed (a unique
 * origin, no script, no pop-up, no navigation of the portal).
 */
export const previewDocumentPolicy = [
  "default-src 'none'",
  'img-src https: data: cid:',
  "style-src 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
  'sandbox',
].join('; ');

type Sealed = { purpose: string; expiresAt: number; lang: Lang; html: string };

/**
 * Seals a filled, cleaned preview so that the document route shows it
 * without a session (a frame's navigation carries no bearer token) and
 * shows nothing else: only what the API itself sealed, for a while.
 */
export function sealPreviewDocument(
  box: SecretBox,
  preview: { html: string; lang: Lang },
  now = Date.now(),
): string {
  const sealed: Sealed = {
    purpose,
    expiresAt: now + previewDocumentTtlMs,
    lang: preview.lang,
    html: preview.html,
  };

  return box.seal(JSON.stringify(sealed));
}

export type OpenedPreview =
  | { status: 'ok'; html: string; lang: Lang }
  | { status: 'expired' | 'invalid' };

/** The preview a sealed document holds, if the API sealed it and it is still fresh. */
export function openPreviewDocument(
  box: SecretBox,
  sealed: unknown,
  now = Date.now(),
): OpenedPreview {
  if (typeof sealed !== 'string') return { status: 'invalid' };
  let opened: Partial<Sealed>;
  try {
    opened = JSON.parse(box.open(sealed)) as Partial<Sealed>;
  } catch {
    return { status: 'invalid' };
  }
  if (opened.purpose !== purpose || typeof opened.html !== 'string')
    return { status: 'invalid' };
  if (typeof opened.expiresAt !== 'number' || opened.expiresAt < now)
    return { status: 'expired' };

  return {
    status: 'ok',
    html: opened.html,
    lang: opened.lang === 'en' ? 'en' : 'fr',
  };
}

/**
 * The filled message as a page of its own: light, black on white as mail
 * clients show it, whatever the portal's theme (a dark portal would
 * otherwise show a dark page with the message's black text). The body is
 * the cleaned HTML of the preview.
 */
export function previewPage(body: string, lang: Lang): string {
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
    '<meta name="color-scheme" content="light">' +
    '<meta name="referrer" content="no-referrer"></head>' +
    '<body style="margin: 8px; background-color: #ffffff; color: #000000">' +
    `${body}</body></html>`
  );
}

/** What the frame shows when the sealed preview cannot be: why, in both languages. */
export function refusedPreviewPage(status: 'expired' | 'invalid'): string {
  const [fr, en] =
    status === 'expired'
      ? [
          'Aperçu expiré : modifiez le modèle ou rechargez la page pour le rafraîchir.',
          'Preview expired: edit the template or reload the page to refresh it.',
        ]
      : [
          'Aperçu illisible : rechargez la page.',
          'Unreadable preview: reload the page.',
        ];

  return previewPage(`<p>${fr}</p><p lang="en">${en}</p>`, 'fr');
}
