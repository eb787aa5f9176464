import { z } from 'zod';
import { isAdmin } from '../../platform/context.ts';
import { route } from '../../platform/http/routes.ts';
import { idParam } from '../common.schemas.ts';
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
    method: 'get',
    path: '/api/companies/:id',
    summary: 'Fiche d’une société et de ses contacts',
    tag: 'companies',
    access: 'editor',
    params: byId,
    response: companyDto,
    handler: async ({ params }, ctx, _request, response) => {
      const company = await getCompany(ctx, params.id, isAdmin(ctx.actor));
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
    handler: ({ params, body }, ctx) => updateCompany(ctx, params.id, body),
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
