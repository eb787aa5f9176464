import { route } from '../../platform/http/routes.ts';
import {
  deletedCompanyPage,
  deletedContactPage,
  deletedQuery,
  restorationReport,
  restorationRequest,
} from './deleted-records.schemas.ts';
import {
  listDeletedCompanies,
  listDeletedContacts,
  restoreCompanies,
  restoreContacts,
} from './deleted-records.service.ts';

/**
 * The deleted contacts and companies, and their restoring many at once:
 * administrators only, as a card's « Restaurer ». Mounted before the card
 * routes, whose `:id` would otherwise read `deleted`.
 */
export const deletedRecordRoutes = [
  route({
    method: 'get',
    path: '/api/contacts/deleted',
    summary:
      'Contacts supprimés, les derniers d’abord, avec qui les a supprimés',
    tag: 'contacts',
    access: 'admin',
    query: deletedQuery,
    response: deletedContactPage,
    handler: ({ query }, ctx) => listDeletedContacts(ctx, query),
  }),
  route({
    method: 'post',
    path: '/api/contacts/restorations',
    summary:
      'Restaurer plusieurs contacts supprimés, avec un résultat par contact',
    tag: 'contacts',
    access: 'admin',
    body: restorationRequest,
    response: restorationReport,
    handler: ({ body }, ctx) => restoreContacts(ctx, body.ids),
  }),
  route({
    method: 'get',
    path: '/api/companies/deleted',
    summary:
      'Sociétés supprimées, les dernières d’abord, avec qui les a supprimées',
    tag: 'companies',
    access: 'admin',
    query: deletedQuery,
    response: deletedCompanyPage,
    handler: ({ query }, ctx) => listDeletedCompanies(ctx, query),
  }),
  route({
    method: 'post',
    path: '/api/companies/restorations',
    summary:
      'Restaurer plusieurs sociétés supprimées, avec un résultat par société',
    tag: 'companies',
    access: 'admin',
    body: restorationRequest,
    response: restorationReport,
    handler: ({ body }, ctx) => restoreCompanies(ctx, body.ids),
  }),
];
