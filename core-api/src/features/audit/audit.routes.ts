import { route } from '../../platform/http/routes.ts';
import { auditPage, auditQuery } from './audit.schemas.ts';
import { listAudit } from './audit.service.ts';

export const auditRoutes = [
  route({
    method: 'get',
    path: '/api/audit',
    summary: 'Journal d’audit filtrable (administrateurs)',
    tag: 'audit',
    access: 'admin',
    query: auditQuery,
    response: auditPage,
    handler: ({ query }, ctx) => listAudit(ctx, query),
  }),
];
