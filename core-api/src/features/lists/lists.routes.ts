import { z } from 'zod';
import { route } from '../../platform/http/routes.ts';
import { idParam, pageQuery } from '../common.schemas.ts';
import { changeMembers } from './list-changes.ts';
import { listHistory } from './list-history.ts';
import {
  decideRequest,
  decideRequests,
  withdrawRequest,
} from './list-requests.ts';
import {
  listRequests,
  pendingRequestCount,
  pendingRequests,
} from './request-pages.ts';
import {
  bulkDecisionInput,
  changeReport,
  decisionInput,
  decisionReport,
  handOverInput,
  listDto,
  listEventPage,
  listInput,
  listPage,
  listQuery,
  listUpdate,
  memberChange,
  memberPage,
  memberQuery,
  pendingCount,
  pendingQuery,
  requestDto,
  requestPage,
  requestQuery,
} from './lists.schemas.ts';
import {
  createList,
  deleteList,
  getList,
  handOverList,
  listLists,
  updateList,
} from './lists.service.ts';
import { listMembers } from './list-members.ts';
import { loadList } from './list-access.ts';

const byId = z.object({ id: idParam });
const tag = 'lists';
const access = 'editor';

/**
 * Requests on one request: approve or reject (the list's owner, or an
 * administrator for the owner), withdraw (the person who made it).
 */
const requestRoutes = [
  route({
    method: 'post',
    path: '/api/lists/requests/:id/approve',
    summary:
      'Accepter une demande de modification (propriétaire, administrateur)',
    tag,
    access,
    params: byId,
    body: decisionInput,
    response: requestDto,
    handler: ({ params, body }, ctx) =>
      decideRequest(ctx, params.id, 'approve', body.note),
  }),
  route({
    method: 'post',
    path: '/api/lists/requests/:id/reject',
    summary:
      'Refuser une demande de modification (propriétaire, administrateur)',
    tag,
    access,
    params: byId,
    body: decisionInput,
    response: requestDto,
    handler: ({ params, body }, ctx) =>
      decideRequest(ctx, params.id, 'reject', body.note),
  }),
  route({
    method: 'post',
    path: '/api/lists/requests/:id/withdraw',
    summary: 'Retirer sa propre demande en attente',
    tag,
    access,
    params: byId,
    response: requestDto,
    handler: ({ params }, ctx) => withdrawRequest(ctx, params.id),
  }),
];

/** One list's members, requests, history and hand-over. */
const listPartRoutes = [
  route({
    method: 'get',
    path: '/api/lists/:id/members',
    summary: 'Membres d’une liste, par nom',
    tag,
    access,
    params: byId,
    query: memberQuery,
    response: memberPage,
    handler: ({ params, query }, ctx) => listMembers(ctx, params.id, query),
  }),
  route({
    method: 'post',
    path: '/api/lists/:id/members/add',
    summary:
      'Ajouter des membres : aussitôt pour le propriétaire, sinon en demande',
    tag,
    access,
    params: byId,
    body: memberChange,
    response: changeReport,
    handler: ({ params, body }, ctx) =>
      changeMembers(ctx, params.id, 'add', body),
  }),
  route({
    method: 'post',
    path: '/api/lists/:id/members/remove',
    summary:
      'Retirer des membres : aussitôt pour le propriétaire, sinon en demande',
    tag,
    access,
    params: byId,
    body: memberChange,
    response: changeReport,
    handler: ({ params, body }, ctx) =>
      changeMembers(ctx, params.id, 'remove', body),
  }),
  route({
    method: 'get',
    path: '/api/lists/:id/requests',
    summary: 'Demandes de modification d’une liste (en attente par défaut)',
    tag,
    access,
    params: byId,
    query: requestQuery,
    response: requestPage,
    handler: ({ params, query }, ctx) => listRequests(ctx, params.id, query),
  }),
  route({
    method: 'post',
    path: '/api/lists/:id/requests/approve',
    summary: 'Accepter en bloc : les demandes nommées, sinon toutes',
    tag,
    access,
    params: byId,
    body: bulkDecisionInput,
    response: decisionReport,
    handler: ({ params, body }, ctx) =>
      decideRequests(ctx, params.id, 'approve', body),
  }),
  route({
    method: 'post',
    path: '/api/lists/:id/requests/reject',
    summary: 'Refuser en bloc : les demandes nommées, sinon toutes',
    tag,
    access,
    params: byId,
    body: bulkDecisionInput,
    response: decisionReport,
    handler: ({ params, body }, ctx) =>
      decideRequests(ctx, params.id, 'reject', body),
  }),
  route({
    method: 'get',
    path: '/api/lists/:id/history',
    summary: 'Historique d’une liste : qui a proposé, qui a décidé, quand',
    tag,
    access,
    params: byId,
    query: pageQuery,
    response: listEventPage,
    handler: async ({ params, query }, ctx) => {
      await loadList(ctx, params.id);
      return listHistory(ctx, params.id, query);
    },
  }),
  route({
    method: 'post',
    path: '/api/lists/:id/hand-over',
    summary: 'Confier la liste à un autre utilisateur actif',
    tag,
    access,
    params: byId,
    body: handOverInput,
    response: listDto,
    handler: ({ params, body }, ctx) => handOverList(ctx, params.id, body),
  }),
];

/**
 * Static lists of contacts or companies (issue #4, R12): everyone may use
 * every list; changes by others than the owner wait for the owner. Fixed
 * paths (`pending`, `requests/…`) come before `/:id`.
 */
export const listRoutes = [
  route({
    method: 'get',
    path: '/api/lists',
    summary: 'Listes statiques (toutes, ou les miennes)',
    tag,
    access,
    query: listQuery,
    response: listPage,
    handler: ({ query }, ctx) => listLists(ctx, query),
  }),
  route({
    method: 'post',
    path: '/api/lists',
    summary: 'Créer une liste : vide, depuis des identifiants ou une requête',
    tag,
    access,
    body: listInput,
    response: listDto,
    status: 201,
    handler: ({ body }, ctx) => createList(ctx, body),
  }),
  route({
    method: 'get',
    path: '/api/lists/pending',
    summary:
      'Demandes en attente de ma décision (administrateurs : toutes avec scope=all)',
    tag,
    access,
    query: pendingQuery,
    response: requestPage,
    handler: ({ query }, ctx) => pendingRequests(ctx, query),
  }),
  route({
    method: 'get',
    path: '/api/me/pending-requests/count',
    summary: 'Nombre de demandes en attente de ma décision (pastille)',
    tag,
    access,
    response: pendingCount,
    handler: (_input, ctx) => pendingRequestCount(ctx),
  }),
  ...requestRoutes,
  route({
    method: 'get',
    path: '/api/lists/:id',
    summary: 'Une liste, ses effectifs et les droits de l’appelant',
    tag,
    access,
    params: byId,
    response: listDto,
    handler: ({ params }, ctx) => getList(ctx, params.id),
  }),
  route({
    method: 'put',
    path: '/api/lists/:id',
    summary: 'Renommer ou décrire une liste (version lue requise)',
    tag,
    access,
    params: byId,
    body: listUpdate,
    response: listDto,
    handler: ({ params, body }, ctx) => updateList(ctx, params.id, body),
  }),
  route({
    method: 'delete',
    path: '/api/lists/:id',
    summary: 'Supprimer une liste (son historique reste)',
    tag,
    access,
    params: byId,
    handler: ({ params }, ctx) => deleteList(ctx, params.id),
  }),
  ...listPartRoutes,
];
