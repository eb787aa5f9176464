import { z } from 'zod';
import { AppError } from '../../platform/http/errors.ts';
import { route } from '../../platform/http/routes.ts';
import { idParam, pageOf } from '../common.schemas.ts';
import {
  mergeRulesDto,
  mergeRulesInput,
} from '../duplicates/duplicates.schemas.ts';
import { getMergeRules, putMergeRules } from '../duplicates/merge-rules.ts';
import { calibrate } from './calibration.ts';
import { commitImport } from './commit.ts';
import { undoImport } from './import-undo.ts';
import {
  calibrationReport,
  commitReport,
  historyQuery,
  importBatchDto,
  importRowDto,
  mappingProfileDto,
  mappingProfileInput,
  restageInput,
  rowsQuery,
  stageQuery,
  undoQuery,
  undoReport,
} from './imports.schemas.ts';
import {
  discardImport,
  getImport,
  listImportRows,
  listImports,
  presentBatch,
} from './imports.service.ts';
import {
  createProfile,
  deleteProfile,
  listProfiles,
  updateProfile,
} from './mapping-profiles.ts';
import { restageImport, stageImport } from './staging.ts';

const byId = z.object({ id: idParam });

export const importRoutes = [
  route({
    method: 'post',
    path: '/api/imports',
    summary:
      'Déposer un fichier de contacts (corps brut : xlsx, CSV, vCard) : il est lu ' +
      'et comparé à la base en arrière-plan, puis attend validation — administrateurs',
    tag: 'imports',
    access: 'admin',
    query: stageQuery,
    response: importBatchDto,
    status: 202,
    handler: async ({ query }, ctx, request) => {
      // A form upload would be read as the file, its envelope with it.
      if (request.is('multipart/*')) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
          fr: 'Envoyez le fichier lui-même comme corps de la requête, pas un formulaire.',
          en: 'Send the file itself as the request body, not a form.',
        });
      }
      const data: unknown = request.body;
      if (!Buffer.isBuffer(data) || data.length === 0) {
        throw new AppError('VALIDATION_FAILED', {
          fields: [{ path: '(body)', message: 'fichier vide / empty file' }],
        });
      }
      const { commit, ...options } = query;
      const batch = await stageImport(
        ctx,
        { ...options, data },
        { wait: commit },
      );
      if (!commit) return presentBatch(batch);
      await commitImport(ctx, batch.id);

      return getImport(ctx, batch.id);
    },
  }),
  route({
    method: 'get',
    path: '/api/imports',
    summary:
      'L’historique des imports, du plus récent, par page, avec leur nombre ' +
      'total, leur état et leurs rapports — administrateurs',
    tag: 'imports',
    access: 'admin',
    query: historyQuery,
    response: pageOf(importBatchDto),
    handler: ({ query }, ctx) => listImports(ctx, query),
  }),
  route({
    method: 'get',
    path: '/api/imports/:id',
    summary: 'Un import : état, avancement, aperçu ou résultat',
    tag: 'imports',
    access: 'admin',
    params: byId,
    response: importBatchDto,
    handler: ({ params }, ctx) => getImport(ctx, params.id),
  }),
  route({
    method: 'get',
    path: '/api/imports/:id/rows',
    summary: 'Les lignes d’un import en attente, filtrées par issue',
    tag: 'imports',
    access: 'admin',
    params: byId,
    query: rowsQuery,
    response: z.object({
      items: z.array(importRowDto),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
    }),
    handler: ({ params, query }, ctx) => listImportRows(ctx, params.id, query),
  }),
  route({
    method: 'get',
    path: '/api/imports/:id/calibration',
    summary:
      'Rapport de calibrage d’un import en attente : issues, erreurs fréquentes, ' +
      'groupes de doublons, colonnes ignorées (R8)',
    tag: 'imports',
    access: 'admin',
    params: byId,
    response: calibrationReport,
    handler: ({ params }, ctx) => calibrate(ctx, params.id),
  }),
  route({
    method: 'put',
    path: '/api/imports/:id/mapping',
    summary:
      'Relire le fichier avec une autre correspondance des colonnes (ou un profil)',
    tag: 'imports',
    access: 'admin',
    params: byId,
    body: restageInput,
    response: importBatchDto,
    status: 202,
    handler: async ({ params, body }, ctx) =>
      presentBatch(await restageImport(ctx, params.id, body)),
  }),
  route({
    method: 'post',
    path: '/api/imports/:id/commit',
    summary:
      'Valider un import : tout est appliqué en une transaction, ou rien',
    tag: 'imports',
    access: 'admin',
    params: byId,
    response: commitReport,
    handler: ({ params }, ctx) => commitImport(ctx, params.id),
  }),
  route({
    method: 'delete',
    path: '/api/imports/:id',
    summary: 'Abandonner un import en attente (la base n’a pas changé)',
    tag: 'imports',
    access: 'admin',
    params: byId,
    handler: ({ params }, ctx) => discardImport(ctx, params.id),
  }),
  route({
    method: 'post',
    path: '/api/imports/:id/undo',
    summary:
      'Annuler un import validé (contacts créés retirés, fusions et mises à ' +
      'jour défaites) — administrateurs',
    tag: 'imports',
    access: 'admin',
    params: byId,
    query: undoQuery,
    response: undoReport,
    handler: ({ params, query }, ctx) =>
      undoImport(ctx, params.id, { force: query.force }),
  }),
  route({
    method: 'get',
    path: '/api/mapping-profiles',
    summary: 'Profils de correspondance des colonnes, par source',
    tag: 'imports',
    access: 'admin',
    response: z.object({ items: z.array(mappingProfileDto) }),
    handler: async (_input, ctx) => ({ items: await listProfiles(ctx) }),
  }),
  route({
    method: 'post',
    path: '/api/mapping-profiles',
    summary: 'Enregistrer un profil de correspondance',
    tag: 'imports',
    access: 'admin',
    body: mappingProfileInput,
    response: mappingProfileDto,
    status: 201,
    handler: ({ body }, ctx) => createProfile(ctx, body),
  }),
  route({
    method: 'put',
    path: '/api/mapping-profiles/:id',
    summary: 'Modifier un profil (version lue requise)',
    tag: 'imports',
    access: 'admin',
    params: byId,
    body: mappingProfileInput.extend({ version: z.number().int() }),
    response: mappingProfileDto,
    handler: ({ params, body }, ctx) => updateProfile(ctx, params.id, body),
  }),
  route({
    method: 'delete',
    path: '/api/mapping-profiles/:id',
    summary: 'Supprimer un profil',
    tag: 'imports',
    access: 'admin',
    params: byId,
    handler: ({ params }, ctx) => deleteProfile(ctx, params.id),
  }),
  route({
    method: 'get',
    path: '/api/merge-rules',
    summary: 'Règles de doublons et de survie des valeurs (R5, R6)',
    tag: 'duplicates',
    access: 'editor',
    response: mergeRulesDto,
    handler: (_input, ctx) => getMergeRules(ctx),
  }),
  route({
    method: 'put',
    path: '/api/merge-rules',
    summary: 'Modifier les règles de doublons (version lue requise)',
    tag: 'duplicates',
    access: 'admin',
    body: z.strictObject({
      rules: mergeRulesInput,
      version: z.number().int(),
    }),
    response: mergeRulesDto,
    handler: ({ body }, ctx) => putMergeRules(ctx, body.rules, body.version),
  }),
];
