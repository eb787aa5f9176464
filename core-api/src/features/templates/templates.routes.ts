import { z } from 'zod';
import { route } from '../../platform/http/routes.ts';
import { idParam } from '../common.schemas.ts';
import { mergeFieldLabel, mergeFields } from '../exports/export-labels.ts';
import { renderTemplate } from './template-render.ts';
import {
  emailTemplateDto,
  emailTemplateInput,
  emailTemplateList,
  emailTemplateListQuery,
  emailTemplateUpdate,
  mergeFieldList,
  renderInput,
  renderedTemplate,
  type MergeFieldList,
} from './templates.schemas.ts';
import {
  createTemplate,
  deleteTemplate,
  getTemplate,
  listTemplates,
  updateTemplate,
} from './templates.service.ts';

const byId = z.object({ id: idParam });
const tag = 'email-templates';
const access = 'editor';

/** The merge field catalogue, the one DOCX letters use too. */
export function fieldCatalogue(): MergeFieldList {
  return {
    items: mergeFields.map((field) => ({
      tag: field.tag,
      names: field.name,
      label: mergeFieldLabel(field),
      example: field.example,
      aliases: field.aliases ?? [],
    })),
  };
}

/**
 * E-mail templates with merge fields (issue #5): editors keep their own and
 * use shared ones; the Outlook add-in fills them for an e-mail's
 * recipients. The fixed paths come before `/:id` (the preview's are in
 * `template-preview.routes.ts`).
 */
export const templateRoutes = [
  route({
    method: 'get',
    path: '/api/email-templates/fields',
    summary: 'Champs de fusion des modèles (les mêmes que les lettres DOCX)',
    tag,
    access,
    response: mergeFieldList,
    handler: async () => fieldCatalogue(),
  }),
  route({
    method: 'get',
    path: '/api/email-templates',
    summary: 'Modèles d’e-mail utilisables : partagés et personnels',
    tag,
    access,
    query: emailTemplateListQuery,
    response: emailTemplateList,
    handler: ({ query }, ctx) => listTemplates(ctx, query),
  }),
  route({
    method: 'post',
    path: '/api/email-templates',
    summary: 'Créer un modèle d’e-mail (HTML nettoyé, champs vérifiés)',
    tag,
    access,
    body: emailTemplateInput,
    response: emailTemplateDto,
    status: 201,
    handler: ({ body }, ctx) => createTemplate(ctx, body),
  }),
  route({
    method: 'get',
    path: '/api/email-templates/:id',
    summary: 'Un modèle d’e-mail (ETag = version)',
    tag,
    access,
    params: byId,
    response: emailTemplateDto,
    handler: async ({ params }, ctx, _request, response) => {
      const template = await getTemplate(ctx, params.id);
      response.setHeader('ETag', `"${template.version}"`);

      return template;
    },
  }),
  route({
    method: 'put',
    path: '/api/email-templates/:id',
    summary:
      'Modifier un modèle (propriétaire ou administrateur ; version ou If-Match)',
    tag,
    access,
    params: byId,
    body: emailTemplateUpdate,
    response: emailTemplateDto,
    handler: async ({ params, body }, ctx, _request, response) => {
      const template = await updateTemplate(ctx, params.id, body);
      response.setHeader('ETag', `"${template.version}"`);

      return template;
    },
  }),
  route({
    method: 'delete',
    path: '/api/email-templates/:id',
    summary: 'Supprimer un modèle (propriétaire ou administrateur)',
    tag,
    access,
    params: byId,
    handler: ({ params }, ctx) => deleteTemplate(ctx, params.id),
  }),
  route({
    method: 'post',
    path: '/api/email-templates/:id/render',
    summary:
      'Remplir un modèle pour les destinataires d’un e-mail (contacts trouvés par adresse)',
    tag,
    access,
    params: byId,
    body: renderInput,
    response: renderedTemplate,
    handler: ({ params, body }, ctx) => renderTemplate(ctx, params.id, body),
  }),
];
