import { z } from 'zod';
import { route } from '../../platform/http/routes.ts';
import { exportAudit, listAuditFacets } from './audit-export.ts';
import {
  auditFacets,
  auditFilterQuery,
  auditPage,
  auditQuery,
} from './audit.schemas.ts';
import { auditWhere, listAudit } from './audit.service.ts';

const exportQuery = auditFilterQuery.extend({
  lang: z.enum(['fr', 'en']).default('fr'),
});

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
  route({
    method: 'get',
    path: '/api/audit/facets',
    summary: 'Actions et types de fiche présents dans le journal',
    tag: 'audit',
    access: 'admin',
    response: auditFacets,
    handler: (_input, ctx) => listAuditFacets(ctx),
  }),
  route({
    method: 'get',
    path: '/api/audit/export',
    summary: 'Journal d’audit filtré en CSV (administrateurs)',
    tag: 'audit',
    access: 'admin',
    query: exportQuery,
    handler: async ({ query }, ctx, _request, response) => {
      const { lang, ...filter } = query;
      // Checked before the first byte: a refusal is still a JSON error.
      auditWhere(filter);
      const day = new Date().toISOString().slice(0, 10);
      response.status(200);
      response.setHeader('Content-Type', 'text/csv; charset=utf-8');
      response.setHeader(
        'Content-Disposition',
        `attachment; filename="journal-audit-${day}.csv"`,
      );
      response.setHeader('Cache-Control', 'no-store');
      try {
        await exportAudit(ctx, filter, lang, response);
      } catch (error) {
        if (!response.headersSent) throw error;
        // The file is on its way: cutting it is all that is left.
        ctx.log.error({ err: error }, 'audit.export.failed');
        response.destroy(error as Error);
      }
    },
  }),
];
