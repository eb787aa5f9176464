import { route } from '../../platform/http/routes.ts';
import { z } from 'zod';
import { idParam } from '../common.schemas.ts';
import {
  duplicatePairDto,
  forceQuery,
  mergeReport,
  mergeRequest,
  pairPage,
  pairQuery,
  scanReport,
  undoMergeReport,
} from './duplicates.schemas.ts';
import { mergePair, undoMerge } from './merge.service.ts';
import {
  dismissPair,
  getPair,
  listPairs,
  scanBase,
} from './duplicates.service.ts';

export const duplicatesRoutes = [
  route({
    method: 'post',
    path: '/api/duplicates/scan',
    summary:
      'Cherche les doublons dans toute la base et refait la file d’examen',
    tag: 'duplicates',
    access: 'admin',
    response: scanReport,
    handler: (_input, ctx) => scanBase(ctx),
  }),
  route({
    method: 'get',
    path: '/api/duplicates',
    summary: 'Paires de doublons possibles, les plus sûres d’abord',
    tag: 'duplicates',
    access: 'editor',
    query: pairQuery,
    response: pairPage,
    handler: ({ query }, ctx) => listPairs(ctx, query),
  }),
  route({
    method: 'get',
    path: '/api/duplicates/:id',
    summary: 'Une paire de doublons, à examiner ou tranchée',
    tag: 'duplicates',
    access: 'editor',
    params: z.object({ id: idParam }),
    response: duplicatePairDto,
    handler: ({ params }, ctx) => getPair(ctx, params.id),
  }),
  route({
    method: 'post',
    path: '/api/duplicates/:id/dismiss',
    summary: 'Marque une paire « pas un doublon » (définitif)',
    tag: 'duplicates',
    access: 'admin',
    params: z.object({ id: idParam }),
    handler: ({ params }, ctx) => dismissPair(ctx, params.id),
  }),
  route({
    method: 'post',
    path: '/api/duplicates/:id/merge',
    summary: 'Fusionne les deux contacts d’une paire (le survivant garde tout)',
    tag: 'duplicates',
    access: 'admin',
    params: z.object({ id: idParam }),
    body: mergeRequest,
    response: mergeReport,
    handler: ({ params, body }, ctx) => mergePair(ctx, params.id, body),
  }),
  route({
    method: 'post',
    path: '/api/merges/:id/undo',
    summary: 'Annule une fusion : le contact fusionné revient tel qu’il était',
    tag: 'duplicates',
    access: 'admin',
    params: z.object({ id: idParam }),
    query: forceQuery,
    response: undoMergeReport,
    handler: ({ params, query }, ctx) =>
      undoMerge(ctx, params.id, { force: query.force }),
  }),
];
