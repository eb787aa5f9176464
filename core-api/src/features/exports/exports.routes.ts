import { route } from '../../platform/http/routes.ts';
import { getExportSettings, putExportSettings } from './export-settings.ts';
import {
  exportRequest,
  exportSettingsDto,
  exportSettingsInput,
} from './exports.schemas.ts';
import { prepareExport, runExport } from './exports.service.ts';

/** `attachment` with an ASCII fallback name and the exact UTF-8 one (RFC 6266). */
const disposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; ` +
  `filename*=UTF-8''${encodeURIComponent(fileName)}`;

export const exportRoutes = [
  route({
    method: 'post',
    path: '/api/exports',
    summary:
      'Exporte une cible (requête, requête enregistrée, liste, sélection) ' +
      'en Excel, CSV Outlook, vCard, HTML ou publipostage ; le fichier est ' +
      'envoyé au fil de l’eau',
    tag: 'exports',
    access: 'editor',
    body: exportRequest,
    handler: async ({ body }, ctx, _request, response) => {
      const plan = await prepareExport(ctx, body);
      const { summary } = plan;
      response.status(200);
      response.setHeader('Content-Type', plan.contentType);
      response.setHeader('Content-Disposition', disposition(summary.fileName));
      response.setHeader('Cache-Control', 'no-store');
      response.setHeader('X-Export-Matched', String(summary.matched));
      response.setHeader('X-Export-Excluded', String(summary.excluded));
      response.setHeader('X-Export-Channel', summary.channel ?? 'none');
      try {
        await runExport(ctx, plan, response);
      } catch (error) {
        // The file is already on its way: all that is left is to cut it,
        // so the client sees a failed download rather than a short file.
        if (!response.headersSent) throw error;
        response.destroy(error as Error);
      }

      return undefined;
    },
  }),
  route({
    method: 'get',
    path: '/api/exports/settings',
    summary:
      'Réglages des exports (réserver les exports aux administrateurs) ; ' +
      'lisibles par les éditeurs, qui savent ainsi avant d’essayer',
    tag: 'exports',
    access: 'editor',
    response: exportSettingsDto,
    handler: (_input, ctx) => getExportSettings(ctx),
  }),
  route({
    method: 'put',
    path: '/api/exports/settings',
    summary: 'Enregistre les réglages des exports (version lue requise)',
    tag: 'exports',
    access: 'admin',
    body: exportSettingsInput,
    response: exportSettingsDto,
    handler: ({ body }, ctx) =>
      putExportSettings(ctx, body.settings, body.version),
  }),
];
