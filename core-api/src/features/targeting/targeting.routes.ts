import { z } from 'zod';
import { route } from '../../platform/http/routes.ts';
import { idParam } from '../common.schemas.ts';
import {
  createSavedQuery,
  deleteSavedQuery,
  getSavedQuery,
  listSavedQueries,
  savedQueryResults,
  updateSavedQuery,
} from './saved-queries.service.ts';
import {
  countRequest,
  countResult,
  fieldCatalogue as fieldCatalogueSchema,
  resultsQuery,
  savedQueryDto,
  savedQueryInput,
  savedQueryList,
  savedQueryListQuery,
  savedQueryUpdate,
  searchRequest,
  targetPageResult,
} from './targeting.schemas.ts';
import {
  countQuery,
  fieldCatalogue,
  searchQuery,
} from './targeting.service.ts';
import { targetIdRange, targetRows } from './target-rows.ts';
import {
  idsRequest,
  idsResult,
  rowsRequest,
  rowsResult,
} from './target-rows.schemas.ts';

const byId = z.object({ id: idParam });
const tag = 'targeting';

/**
 * Targeting (issue #4): multi-criteria queries with a live count, and saved
 * queries, which everyone may use and only their owner or an administrator
 * may change.
 */
export const targetingRoutes = [
  route({
    method: 'get',
    path: '/api/targeting/fields',
    summary:
      'Critères de requête, opérateurs, régions (constructeur de requêtes)',
    tag,
    access: 'editor',
    response: fieldCatalogueSchema,
    handler: async () => fieldCatalogue(),
  }),
  route({
    method: 'post',
    path: '/api/targeting/count',
    summary: 'Compter une requête (et les exclus du canal)',
    tag,
    access: 'editor',
    body: countRequest,
    response: countResult,
    handler: ({ body }, ctx) => countQuery(ctx, body),
  }),
  route({
    method: 'post',
    path: '/api/targeting/search',
    summary: 'Une page des résultats d’une requête, avec le décompte',
    tag,
    access: 'editor',
    body: searchRequest,
    response: targetPageResult,
    handler: ({ body }, ctx) => searchQuery(ctx, body),
  }),
  route({
    method: 'post',
    path: '/api/targeting/rows',
    summary:
      'Lignes d’une requête pour les tableaux : par curseur ou décalage, avec le décompte',
    tag,
    access: 'editor',
    body: rowsRequest,
    response: rowsResult,
    handler: ({ body }, ctx) => targetRows(ctx, body),
  }),
  route({
    method: 'post',
    path: '/api/targeting/ids',
    summary:
      'Identifiants d’une suite de lignes d’une requête (sélection, 100 000 au plus)',
    tag,
    access: 'editor',
    body: idsRequest,
    response: idsResult,
    handler: ({ body }, ctx) => targetIdRange(ctx, body),
  }),
  route({
    method: 'get',
    path: '/api/saved-queries',
    summary: 'Requêtes enregistrées (toutes, ou les miennes)',
    tag,
    access: 'editor',
    query: savedQueryListQuery,
    response: savedQueryList,
    handler: async ({ query }, ctx) => ({
      items: await listSavedQueries(ctx, query),
    }),
  }),
  route({
    method: 'post',
    path: '/api/saved-queries',
    summary: 'Enregistrer une requête (son auteur en est le propriétaire)',
    tag,
    access: 'editor',
    body: savedQueryInput,
    response: savedQueryDto,
    status: 201,
    handler: ({ body }, ctx) => createSavedQuery(ctx, body),
  }),
  route({
    method: 'get',
    path: '/api/saved-queries/:id',
    summary: 'Une requête enregistrée',
    tag,
    access: 'editor',
    params: byId,
    response: savedQueryDto,
    handler: ({ params }, ctx) => getSavedQuery(ctx, params.id),
  }),
  route({
    method: 'put',
    path: '/api/saved-queries/:id',
    summary:
      'Modifier une requête enregistrée (propriétaire ou administrateur)',
    tag,
    access: 'editor',
    params: byId,
    body: savedQueryUpdate,
    response: savedQueryDto,
    handler: ({ params, body }, ctx) => updateSavedQuery(ctx, params.id, body),
  }),
  route({
    method: 'delete',
    path: '/api/saved-queries/:id',
    summary:
      'Supprimer une requête enregistrée (propriétaire ou administrateur)',
    tag,
    access: 'editor',
    params: byId,
    handler: ({ params }, ctx) => deleteSavedQuery(ctx, params.id),
  }),
  route({
    method: 'get',
    path: '/api/saved-queries/:id/results',
    summary:
      'Évaluer une requête enregistrée maintenant : une page et le décompte',
    tag,
    access: 'editor',
    params: byId,
    query: resultsQuery,
    response: targetPageResult,
    handler: ({ params, query }, ctx) =>
      savedQueryResults(ctx, params.id, {
        page: query.page,
        pageSize: query.pageSize,
        sort: query.sort
          ? { by: query.sort, direction: query.direction }
          : undefined,
        channel: query.channel,
        includeOptedOut: query.includeOptedOut,
      }),
  }),
];
