import { route } from '../../platform/http/routes.ts';
import { z } from 'zod';
import { idParam } from '../common.schemas.ts';
import { pairPage, pairQuery, scanReport } from './duplicates.schemas.ts';
import { dismissPair, listPairs, scanBase } from './duplicates.service.ts';

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
    method: 'post',
    path: '/api/duplicates/:id/dismiss',
    summary: 'Marque une paire « pas un doublon » (définitif)',
    tag: 'duplicates',
    access: 'admin',
    params: z.object({ id: idParam }),
    handler: ({ params }, ctx) => dismissPair(ctx, params.id),
  }),
];
