import { z } from 'zod';
import { route } from '../../platform/http/routes.ts';
import { idParam } from '../common.schemas.ts';
import {
  contactDeletionDto,
  contactDeletionRequest,
  deletionUndoDto,
} from './contact-deletions.schemas.ts';
import {
  deleteContactSelection,
  undoContactDeletion,
} from './contact-deletions.service.ts';

/** A table's selection deleted at once, and the undo its toast offers. */
export const contactDeletionRoutes = [
  route({
    method: 'post',
    path: '/api/contacts/deletions',
    summary:
      'Supprimer les contacts d’une sélection (annulable par son auteur pendant 10 minutes)',
    tag: 'contacts',
    access: 'editor',
    body: contactDeletionRequest,
    response: contactDeletionDto,
    status: 201,
    handler: ({ body }, ctx) => deleteContactSelection(ctx, body),
  }),
  route({
    method: 'post',
    path: '/api/contacts/deletions/:id/undo',
    summary:
      'Annuler une suppression : son auteur pendant 10 minutes, un administrateur ensuite',
    tag: 'contacts',
    access: 'editor',
    params: z.object({ id: idParam }),
    response: deletionUndoDto,
    handler: ({ params }, ctx) => undoContactDeletion(ctx, params.id),
  }),
];
