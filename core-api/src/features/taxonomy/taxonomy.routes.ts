import { z } from 'zod';
import { route } from '../../platform/http/routes.ts';
import { idParam } from '../common.schemas.ts';
import {
  termDto,
  termInput,
  termList,
  termListQuery,
  termOrderInput,
  termUpdate,
  termUsageList,
} from './taxonomy.schemas.ts';
import { reorderTerms } from './taxonomy-order.ts';
import { termUsage } from './taxonomy-usage.ts';
import {
  createTerm,
  deleteTerm,
  listTerms,
  restoreTerm,
  updateTerm,
} from './taxonomy.service.ts';

const byId = z.object({ id: idParam });

export const taxonomyRoutes = [
  route({
    method: 'get',
    path: '/api/taxonomy',
    summary: 'Domaines, sous-domaines, secteurs et catégories',
    tag: 'taxonomy',
    access: 'editor',
    query: termListQuery,
    response: termList,
    handler: async ({ query }, ctx) => ({ items: await listTerms(ctx, query) }),
  }),
  route({
    method: 'post',
    path: '/api/taxonomy',
    summary: 'Créer un terme (administrateurs)',
    tag: 'taxonomy',
    access: 'admin',
    body: termInput,
    response: termDto,
    status: 201,
    handler: ({ body }, ctx) => createTerm(ctx, body),
  }),
  route({
    method: 'get',
    path: '/api/taxonomy/usage',
    summary: 'Nombre de contacts et de sociétés par terme (administrateurs)',
    tag: 'taxonomy',
    access: 'admin',
    response: termUsageList,
    handler: async (_input, ctx) => ({ items: await termUsage(ctx) }),
  }),
  // Declared before `/api/taxonomy/:id`, which would otherwise take
  // `order` for an id.
  route({
    method: 'put',
    path: '/api/taxonomy/order',
    summary: 'Ordonner les termes d’un niveau (administrateurs)',
    tag: 'taxonomy',
    access: 'admin',
    body: termOrderInput,
    response: termList,
    handler: async ({ body }, ctx) => ({
      items: await reorderTerms(ctx, body),
    }),
  }),
  route({
    method: 'put',
    path: '/api/taxonomy/:id',
    summary: 'Modifier un terme (administrateurs)',
    tag: 'taxonomy',
    access: 'admin',
    params: byId,
    body: termUpdate,
    response: termDto,
    handler: ({ params, body }, ctx) => updateTerm(ctx, params.id, body),
  }),
  route({
    method: 'delete',
    path: '/api/taxonomy/:id',
    summary: 'Supprimer un terme et ses sous-domaines (administrateurs)',
    tag: 'taxonomy',
    access: 'admin',
    params: byId,
    handler: ({ params }, ctx) => deleteTerm(ctx, params.id),
  }),
  route({
    method: 'post',
    path: '/api/taxonomy/:id/restore',
    summary: 'Restaurer un terme supprimé (administrateurs)',
    tag: 'taxonomy',
    access: 'admin',
    params: byId,
    response: termDto,
    handler: ({ params }, ctx) => restoreTerm(ctx, params.id),
  }),
];
