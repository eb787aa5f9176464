import { z } from 'zod';
import { isAdmin } from '../../platform/context.ts';
import { route } from '../../platform/http/routes.ts';
import { auditPage } from '../audit/audit.schemas.ts';
import { listAudit } from '../audit/audit.service.ts';
import { idParam } from '../common.schemas.ts';
import { listsOfRecord } from '../lists/record-lists.ts';
import { contactDuplicateAnswer, recordLists } from './card-extras.schemas.ts';
import { refuseDeletedToEditors } from './deleted-records.service.ts';
import { findContactDuplicates } from './contact-duplicates.ts';
import { presentContact } from './contacts.presenter.ts';
import {
  contactDto,
  contactInput,
  contactListQuery,
  contactPage,
  contactUpdate,
} from './contacts.schemas.ts';
import {
  createContact,
  deleteContact,
  listContacts,
  loadContact,
  restoreContact,
  updateContact,
} from './contacts.service.ts';

const byId = z.object({ id: idParam });

export const contactRoutes = [
  route({
    method: 'get',
    path: '/api/contacts',
    summary: 'Liste paginée et triée des contacts',
    tag: 'contacts',
    access: 'editor',
    query: contactListQuery,
    response: contactPage,
    handler: ({ query }, ctx) => listContacts(ctx, query),
  }),
  route({
    method: 'post',
    path: '/api/contacts',
    summary: 'Créer un contact',
    tag: 'contacts',
    access: 'editor',
    body: contactInput,
    response: contactDto,
    status: 201,
    handler: ({ body }, ctx) => createContact(ctx, body),
  }),
  route({
    method: 'post',
    path: '/api/contacts/possible-duplicates',
    summary:
      'Contacts qu’un contact à créer pourrait doublonner (mêmes règles que les imports)',
    tag: 'contacts',
    access: 'editor',
    body: contactInput,
    response: contactDuplicateAnswer,
    handler: ({ body }, ctx) => findContactDuplicates(ctx, body),
  }),
  route({
    method: 'get',
    path: '/api/contacts/:id/lists',
    summary: 'Listes dont un contact est membre',
    tag: 'contacts',
    access: 'editor',
    params: byId,
    response: recordLists,
    handler: async ({ params }, ctx) => {
      await loadContact(ctx, params.id, { withDeleted: isAdmin(ctx.actor) });

      return listsOfRecord(ctx, 'contact', params.id);
    },
  }),
  route({
    method: 'get',
    path: '/api/contacts/:id',
    summary: 'Fiche complète d’un contact (ETag = version)',
    tag: 'contacts',
    access: 'editor',
    params: byId,
    response: contactDto,
    handler: async ({ params }, ctx, _request, response) => {
      const contact = await loadContact(ctx, params.id, {
        withDeleted: true,
      });
      refuseDeletedToEditors(ctx, 'contact', contact);
      response.setHeader('ETag', `"${contact.version}"`);

      return presentContact(contact, ctx.region);
    },
  }),
  route({
    method: 'put',
    path: '/api/contacts/:id',
    summary:
      'Remplacer un contact (version lue requise, 409 si modifié entre-temps)',
    tag: 'contacts',
    access: 'editor',
    params: byId,
    body: contactUpdate,
    response: contactDto,
    handler: async ({ params, body }, ctx, _request, response) => {
      const updated = await updateContact(ctx, params.id, body);
      response.setHeader('ETag', `"${updated.version}"`);

      return updated;
    },
  }),
  route({
    method: 'delete',
    path: '/api/contacts/:id',
    summary: 'Supprimer un contact (réversible par un administrateur)',
    tag: 'contacts',
    access: 'editor',
    params: byId,
    handler: ({ params }, ctx) => deleteContact(ctx, params.id),
  }),
  route({
    method: 'post',
    path: '/api/contacts/:id/restore',
    summary: 'Restaurer un contact supprimé',
    tag: 'contacts',
    access: 'admin',
    params: byId,
    response: contactDto,
    handler: ({ params }, ctx) => restoreContact(ctx, params.id),
  }),
  route({
    method: 'get',
    path: '/api/contacts/:id/audit',
    summary: 'Historique des modifications d’un contact',
    tag: 'contacts',
    access: 'editor',
    params: byId,
    response: auditPage,
    handler: async ({ params }, ctx) => {
      await loadContact(ctx, params.id, { withDeleted: isAdmin(ctx.actor) });

      return listAudit(ctx, {
        page: 1,
        pageSize: 200,
        entityType: 'contact',
        entityId: String(params.id),
      });
    },
  }),
];
