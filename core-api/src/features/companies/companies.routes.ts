import { z } from 'zod';
import { isAdmin } from '../../platform/context.ts';
import { route } from '../../platform/http/routes.ts';
import { auditPage } from '../audit/audit.schemas.ts';
import { listAudit } from '../audit/audit.service.ts';
import { idParam } from '../common.schemas.ts';
import {
  companyDuplicateAnswer,
  recordLists,
} from '../contacts/card-extras.schemas.ts';
import { refuseDeletedToEditors } from '../contacts/deleted-records.service.ts';
import { listsOfRecord } from '../lists/record-lists.ts';
import { findCompanyDuplicates } from './company-duplicates.ts';
import {
  companyDto,
  companyInput,
  companyListQuery,
  companyPage,
  companyUpdate,
} from './companies.schemas.ts';
import {
  createCompany,
  deleteCompany,
  getCompany,
  listCompanies,
  restoreCompany,
  updateCompany,
} from './companies.service.ts';

const byId = z.object({ id: idParam });

export const companyRoutes = [
  route({
    method: 'get',
    path: '/api/companies',
    summary: 'Liste paginée et triée des sociétés',
    tag: 'companies',
    access: 'editor',
    query: companyListQuery,
    response: companyPage,
    handler: ({ query }, ctx) => listCompanies(ctx, query),
  }),
  route({
    method: 'post',
    path: '/api/companies',
    summary: 'Créer une société',
    tag: 'companies',
    access: 'editor',
    body: companyInput,
    response: companyDto,
    status: 201,
    handler: ({ body }, ctx) => createCompany(ctx, body),
  }),
  route({
    method: 'post',
    path: '/api/companies/possible-duplicates',
    summary:
      'Sociétés qu’une société à créer pourrait doublonner ' +
      '(nom du média, e-mail, site, téléphone)',
    tag: 'companies',
    access: 'editor',
    body: companyInput,
    response: companyDuplicateAnswer,
    handler: ({ body }, ctx) => findCompanyDuplicates(ctx, body),
  }),
  route({
    method: 'get',
    path: '/api/companies/:id/lists',
    summary: 'Listes dont une société est membre',
    tag: 'companies',
    access: 'editor',
    params: byId,
    response: recordLists,
    handler: async ({ params }, ctx) => {
      await getCompany(ctx, params.id, isAdmin(ctx.actor));

      return listsOfRecord(ctx, 'company', params.id);
    },
  }),
  route({
    method: 'get',
    path: '/api/companies/:id/audit',
    summary: 'Historique des modifications d’une société',
    tag: 'companies',
    access: 'editor',
    params: byId,
    response: auditPage,
    handler: async ({ params }, ctx) => {
      await getCompany(ctx, params.id, isAdmin(ctx.actor));

      return listAudit(ctx, {
        page: 1,
        pageSize: 200,
        entityType: 'company',
        entityId: String(params.id),
      });
    },
  }),
  route({
    method: 'get',
    path: '/api/companies/:id',
    summary: 'Fiche d’une société et de ses contacts',
    tag: 'companies',
    access: 'editor',
    params: byId,
    response: companyDto,
    handler: async ({ params }, ctx, _request, response) => {
      const company = await getCompany(ctx, params.id, true);
      refuseDeletedToEditors(ctx, 'company', company);
      response.setHeader('ETag', `"${company.version}"`);

      return company;
    },
  }),
  route({
    method: 'put',
    path: '/api/companies/:id',
    summary: 'Remplacer une société (version lue requise)',
    tag: 'companies',
    access: 'editor',
    params: byId,
    body: companyUpdate,
    response: companyDto,
    handler: async ({ params, body }, ctx, _request, response) => {
      const updated = await updateCompany(ctx, params.id, body);
      response.setHeader('ETag', `"${updated.version}"`);

      return updated;
    },
  }),
  route({
    method: 'delete',
    path: '/api/companies/:id',
    summary: 'Supprimer une société (réversible par un administrateur)',
    tag: 'companies',
    access: 'editor',
    params: byId,
    handler: ({ params }, ctx) => deleteCompany(ctx, params.id),
  }),
  route({
    method: 'post',
    path: '/api/companies/:id/restore',
    summary: 'Restaurer une société supprimée',
    tag: 'companies',
    access: 'admin',
    params: byId,
    response: companyDto,
    handler: ({ params }, ctx) => restoreCompany(ctx, params.id),
  }),
];
