import type { SecretBox } from '../../platform/auth/secret-box.ts';
import { route } from '../../platform/http/routes.ts';
import {
  openPreviewDocument,
  previewDocumentPolicy,
  previewPage,
  refusedPreviewPage,
  sealPreviewDocument,
} from './preview-document.ts';
import { previewTemplate } from './template-render.ts';
import {
  previewDocumentPath,
  previewInput,
  templatePreview,
} from './templates.schemas.ts';

const tag = 'email-templates';

/**
 * The preview of a template being edited: filled as JSON for an editor,
 * then shown as a document of its own in the portal's sandboxed frame.
 * The portal's policy allows images from Relais only, and a frame written
 * from the portal (`srcdoc`, a blob) inherits it, so images at https
 * addresses would stay blank there while recipients see them: the document
 * comes from its own route, with its own policy.
 */
export function templatePreviewRoutes(box: SecretBox) {
  return [
    route({
      method: 'post',
      path: '/api/email-templates/preview',
      summary:
        'Aperçu d’un modèle en cours d’édition, rempli pour un contact ou avec des exemples',
      tag,
      access: 'editor',
      body: previewInput,
      response: templatePreview,
      handler: async ({ body }, ctx) => {
        const preview = await previewTemplate(ctx, body);
        const document = sealPreviewDocument(box, {
          html: preview.html,
          lang: body.language,
        });

        return { ...preview, document };
      },
    }),
    route({
      method: 'post',
      // A form posted into the frame (application/x-www-form-urlencoded,
      // field `document`): a frame's navigation carries no bearer token, so
      // the sealed preview is its own proof.
      path: previewDocumentPath,
      summary:
        'Page d’aperçu d’un modèle (document scellé par l’aperçu), sous sa propre politique de contenu',
      tag,
      access: 'public',
      handler: async (_input, _ctx, request, response) => {
        const sealed = (request.body as { document?: unknown } | undefined)
          ?.document;
        const opened = openPreviewDocument(box, sealed);
        response
          .status(
            opened.status === 'ok'
              ? 200
              : opened.status === 'expired'
                ? 410
                : 400,
          )
          .set({
            'Content-Security-Policy': previewDocumentPolicy,
            // It holds a contact's data: kept by no cache, not even the back button's.
            'Cache-Control': 'no-store',
            'Referrer-Policy': 'no-referrer',
          })
          .type('html')
          .send(
            opened.status === 'ok'
              ? previewPage(opened.html, opened.lang)
              : refusedPreviewPage(opened.status),
          );
      },
    }),
  ];
}
