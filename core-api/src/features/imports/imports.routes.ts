import { z } from 'zod';
import { AppError } from '../../platform/http/errors.ts';
import { route } from '../../platform/http/routes.ts';
import { idParam } from '../common.schemas.ts';
import { undoImport } from './import-undo.ts';
import {
  importBatchDto,
  importQuery,
  importReport,
  undoQuery,
  undoReport,
} from './imports.schemas.ts';
import { importFile, listImports } from './imports.service.ts';

export const importRoutes = [
  route({
    method: 'post',
    path: '/api/imports',
    summary:
      'Importer un fichier de contacts (corps brut : xlsx, CSV, vCard) — administrateurs',
    tag: 'imports',
    access: 'admin',
    query: importQuery,
    response: importReport,
    status: 201,
    handler: async ({ query }, ctx, request) => {
      const data: unknown = request.body;
      if (!Buffer.isBuffer(data) || data.length === 0) {
        throw new AppError('VALIDATION_FAILED', {
          fields: [{ path: '(body)', message: 'fichier vide / empty file' }],
        });
      }

      return importFile(ctx, {
        fileName: query.fileName,
        data,
        dryRun: query.dryRun,
      });
    },
  }),
  route({
    method: 'get',
    path: '/api/imports',
    summary: 'Les derniers imports et leurs rapports — administrateurs',
    tag: 'imports',
    access: 'admin',
    response: z.object({ items: z.array(importBatchDto) }),
    handler: async (_input, ctx) => ({ items: await listImports(ctx) }),
  }),
  route({
    method: 'post',
    path: '/api/imports/:id/undo',
    summary:
      'Annuler un import entier (ses contacts et les sociétés qu’il a ' +
      'créées) — administrateurs',
    tag: 'imports',
    access: 'admin',
    params: z.object({ id: idParam }),
    query: undoQuery,
    response: undoReport,
    handler: ({ params, query }, ctx) =>
      undoImport(ctx, params.id, { force: query.force }),
  }),
];
