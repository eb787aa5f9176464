import { z } from 'zod';
import { route } from '../../platform/http/routes.ts';
import { idParam } from '../common.schemas.ts';
import {
  allowHost,
  disallowHost,
  listAllowedHosts,
} from './allowed-hosts.service.ts';
import {
  allowedHostDto,
  allowedHostInput,
  allowedHostList,
  feedAlertList,
  feedDto,
  feedInput,
  feedList,
  feedRunPage,
  feedUpdate,
  runQuery,
  runRequested,
} from './feeds.schemas.ts';
import {
  createFeed,
  deleteFeed,
  getFeed,
  listAlerts,
  listFeeds,
  listRuns,
  requestRun,
  updateFeed,
} from './feeds.service.ts';

const byId = z.object({ id: idParam });
const tag = 'feeds';

/**
 * Import feeds (R7), administrators only. The fixed paths (`alerts`,
 * `allowed-hosts`) come before `/:id` so they are not read as ids.
 *
 * @param deps.feedsDir FEEDS_DIR, the only folder folder feeds may read
 */
export function feedRoutes(deps: { feedsDir: string }) {
  return [
    route({
      method: 'get',
      path: '/api/feeds',
      summary: 'Flux d’import automatisés — administrateurs',
      tag,
      access: 'admin',
      response: feedList,
      handler: async (_input, ctx) => ({ items: await listFeeds(ctx) }),
    }),
    route({
      method: 'post',
      path: '/api/feeds',
      summary: 'Créer un flux (dossier du serveur ou adresse https)',
      tag,
      access: 'admin',
      body: feedInput,
      response: feedDto,
      status: 201,
      handler: ({ body }, ctx) => createFeed(ctx, body, deps.feedsDir),
    }),
    route({
      method: 'get',
      path: '/api/feeds/alerts',
      summary: 'Flux en échec : alertes à traiter',
      tag,
      access: 'admin',
      response: feedAlertList,
      handler: async (_input, ctx) => ({ items: await listAlerts(ctx) }),
    }),
    route({
      method: 'get',
      path: '/api/feeds/allowed-hosts',
      summary: 'Hôtes autorisés malgré une adresse privée, ou en http',
      tag,
      access: 'admin',
      response: allowedHostList,
      handler: async (_input, ctx) => ({ items: await listAllowedHosts(ctx) }),
    }),
    route({
      method: 'post',
      path: '/api/feeds/allowed-hosts',
      summary: 'Autoriser un hôte pour les flux (nom exact)',
      tag,
      access: 'admin',
      body: allowedHostInput,
      response: allowedHostDto,
      status: 201,
      handler: ({ body }, ctx) => allowHost(ctx, body),
    }),
    route({
      method: 'delete',
      path: '/api/feeds/allowed-hosts/:id',
      summary: 'Retirer un hôte autorisé',
      tag,
      access: 'admin',
      params: byId,
      handler: ({ params }, ctx) => disallowHost(ctx, params.id),
    }),
    route({
      method: 'get',
      path: '/api/feeds/:id',
      summary: 'Un flux et son état',
      tag,
      access: 'admin',
      params: byId,
      response: feedDto,
      handler: ({ params }, ctx) => getFeed(ctx, params.id),
    }),
    route({
      method: 'put',
      path: '/api/feeds/:id',
      summary: 'Modifier un flux (version lue requise)',
      tag,
      access: 'admin',
      params: byId,
      body: feedUpdate,
      response: feedDto,
      handler: ({ params, body }, ctx) =>
        updateFeed(ctx, params.id, body, deps.feedsDir),
    }),
    route({
      method: 'delete',
      path: '/api/feeds/:id',
      summary: 'Supprimer un flux (ses contacts restent)',
      tag,
      access: 'admin',
      params: byId,
      handler: ({ params }, ctx) => deleteFeed(ctx, params.id),
    }),
    route({
      method: 'post',
      path: '/api/feeds/:id/run',
      summary: 'Lancer le flux maintenant (exécuté par le worker)',
      tag,
      access: 'admin',
      params: byId,
      response: runRequested,
      status: 202,
      handler: ({ params }, ctx) => requestRun(ctx, params.id),
    }),
    route({
      method: 'get',
      path: '/api/feeds/:id/runs',
      summary: 'Exécutions d’un flux et leurs rapports',
      tag,
      access: 'admin',
      params: byId,
      query: runQuery,
      response: feedRunPage,
      handler: ({ params, query }, ctx) => listRuns(ctx, params.id, query),
    }),
  ];
}
