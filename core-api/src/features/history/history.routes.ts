import { z } from 'zod';
import { route } from '../../platform/http/routes.ts';
import { idParam } from '../common.schemas.ts';
import {
  interactionDto,
  interactionInput,
  interactionPage,
  interactionQuery,
  logEmailInput,
  logEmailReport,
} from './history.schemas.ts';
import {
  addInteraction,
  deleteInteraction,
  listInteractions,
} from './history.service.ts';
import { logEmail } from './log-email.ts';

const byId = z.object({ id: idParam });
const tag = 'history';
const access = 'editor';

/** A contact's history of interactions (R21), and e-mails logged from Outlook. */
export const historyRoutes = [
  route({
    method: 'get',
    path: '/api/contacts/:id/interactions',
    summary:
      'Historique des interactions d’un contact, les plus récentes d’abord',
    tag,
    access,
    params: byId,
    query: interactionQuery,
    response: interactionPage,
    handler: ({ params, query }, ctx) =>
      listInteractions(ctx, params.id, query),
  }),
  route({
    method: 'post',
    path: '/api/contacts/:id/interactions',
    summary: 'Ajouter une interaction (appel, rendez-vous, note, e-mail)',
    tag,
    access,
    params: byId,
    body: interactionInput,
    response: interactionDto,
    status: 201,
    handler: ({ params, body }, ctx) => addInteraction(ctx, params.id, body),
  }),
  route({
    method: 'delete',
    path: '/api/interactions/:id',
    summary: 'Supprimer une interaction (son auteur, un administrateur)',
    tag,
    access,
    params: byId,
    handler: ({ params }, ctx) => deleteInteraction(ctx, params.id),
  }),
  route({
    method: 'post',
    path: '/api/interactions/log-email',
    summary:
      'Consigner un e-mail dans l’historique de chaque contact concerné (idempotent)',
    tag,
    access,
    body: logEmailInput,
    response: logEmailReport,
    handler: ({ body }, ctx) => logEmail(ctx, body),
  }),
];
