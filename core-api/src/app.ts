import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, {
  type NextFunction,
  type Request,
  type Response,
} from 'express';
import { auditRoutes } from './features/audit/audit.routes.ts';
import { duplicatesRoutes } from './features/duplicates/duplicates.routes.ts';
import { authRoutes } from './features/auth/auth.routes.ts';
import { companyRoutes } from './features/companies/companies.routes.ts';
import { contactRoutes } from './features/contacts/contacts.routes.ts';
import { contactDeletionRoutes } from './features/contacts/contact-deletions.routes.ts';
import { deletedRecordRoutes } from './features/contacts/deleted-records.routes.ts';
import { searchRoutes } from './features/search/search.routes.ts';
import { taxonomyRoutes } from './features/taxonomy/taxonomy.routes.ts';
import { usersRoutes } from './features/users/users.routes.ts';
import { userStatusRoutes } from './features/users/user-status.routes.ts';
import { importRoutes } from './features/imports/imports.routes.ts';
import { feedRoutes } from './features/feeds/feeds.routes.ts';
import { listRoutes } from './features/lists/lists.routes.ts';
import { historyRoutes } from './features/history/history.routes.ts';
import { captureRoutes } from './features/capture/capture.routes.ts';
import { targetingRoutes } from './features/targeting/targeting.routes.ts';
import { exportRoutes } from './features/exports/exports.routes.ts';
import { templatePreviewRoutes } from './features/templates/template-preview.routes.ts';
import { previewDocumentLimit } from './features/templates/preview-document.ts';
import { previewDocumentPath } from './features/templates/templates.schemas.ts';
import { templateRoutes } from './features/templates/templates.routes.ts';
import { senderRoutes } from './features/senders/senders.routes.ts';
import { entraIdentityRoutes } from './platform/auth/entra/entra-identity.routes.ts';
import { userRoleRoutes } from './platform/auth/entra/user-roles.routes.ts';
import {
  entraClientRoutes,
  type EntraClientConfig,
} from './platform/auth/entra/entra-client.routes.ts';
import {
  authenticateBearer,
  LocalAccounts,
  type IdentityProvider,
} from './platform/auth/identity.ts';
import type { SecretBox } from './platform/auth/secret-box.ts';
import type { Authenticated } from './platform/auth/sessions.ts';
import type { Ctx } from './platform/context.ts';
import type { Db } from './platform/db/models.ts';
import { AppError } from './platform/http/errors.ts';
import {
  mountHostedPages,
  securityHeaders,
} from './platform/http/hosted-pages.ts';
import { buildOpenApi } from './platform/http/openapi.ts';
import { mountRoutes, type AnyRoute } from './platform/http/routes.ts';
import type { Logger } from './platform/log/logger.ts';

export type AppDeps = {
  db: Db;
  log: Logger;
  box: SecretBox;
  region: string;
  sessionTtlHours: number;
  /** Built portal to serve at `/`, when there is one. */
  portalDir?: string;
  /** Built Outlook add-in to serve at `/addin`, framed by Outlook. */
  addinDir?: string;
  /** Built Teams tab to serve at `/teams`, framed by Teams. */
  teamsDir?: string;
  /** Entra ID sign-in host the add-in may reach (ENTRA_AUTHORITY). */
  entraAuthority?: string;
  trustProxy?: boolean;
  /** Served to users over https (PUBLIC_BASE_URL): turns on HSTS. */
  https?: boolean;
  version?: string;
  /** FEEDS_DIR: the only folder import feeds may read (`data/feeds` by default). */
  feedsDir?: string;
  /**
   * Who may vouch for a bearer token, besides local accounts (always on):
   * Entra ID when configured.
   */
  identityProviders?: IdentityProvider[];
  /** Entra ID settings the Teams consent page may read (public values). */
  entraClient?: EntraClientConfig;
};

type AppRequest = Request & {
  auth?: Authenticated;
  requestId?: string;
  log?: Logger;
};

/** Every route of the API, in one list: mounted, documented and tested from it. */
export function allRoutes(deps: AppDeps): AnyRoute[] {
  return [
    ...authRoutes({ box: deps.box, sessionTtlHours: deps.sessionTtlHours }),
    ...usersRoutes,
    ...userStatusRoutes,
    ...userRoleRoutes,
    ...entraIdentityRoutes,
    ...entraClientRoutes(deps.entraClient),
    ...searchRoutes,
    ...contactDeletionRoutes,
    ...deletedRecordRoutes,
    ...contactRoutes,
    ...companyRoutes,
    ...taxonomyRoutes,
    ...importRoutes,
    ...auditRoutes,
    ...duplicatesRoutes,
    ...feedRoutes({ feedsDir: deps.feedsDir ?? join('data', 'feeds') }),
    ...listRoutes,
    ...historyRoutes,
    ...captureRoutes,
    ...targetingRoutes,
    ...exportRoutes,
    ...templatePreviewRoutes(deps.box),
    ...templateRoutes,
    ...senderRoutes,
  ];
}

function localeOf(request: Request): 'fr' | 'en' {
  return /^en\b/i.test(request.headers['accept-language'] ?? '') ? 'en' : 'fr';
}

/** Builds the Express application without listening (tests drive it directly). */
export function createApp(deps: AppDeps) {
  const app = express();
  const routes = allRoutes(deps);
  const openApi = buildOpenApi(routes, deps.version ?? '0.1.0');
  app.set('trust proxy', deps.trustProxy ?? false);
  app.disable('x-powered-by');

  app.use(securityHeaders(deps));

  app.use((request: AppRequest, response: Response, next: NextFunction) => {
    const given = request.headers['x-request-id'];
    const id =
      typeof given === 'string' && /^[\w.-]{8,64}$/.test(given)
        ? given
        : randomUUID();
    const started = performance.now();
    request.requestId = id;
    request.log = deps.log.child({ requestId: id });
    response.setHeader('X-Request-Id', id);
    response.on('finish', () => {
      request.log?.info(
        {
          method: request.method,
          path: request.path,
          status: response.statusCode,
          ms: Math.round(performance.now() - started),
          userId: request.auth?.user.id,
        },
        'http.request',
      );
    });
    next();
  });

  // An uploaded file is the body itself; every other import route takes JSON.
  const fileUpload = express.raw({ type: () => true, limit: '50mb' });
  app.post('/api/imports', fileUpload);
  // A template's preview reaches its frame as a posted form (a frame's
  // navigation can carry nothing else).
  const previewForm = express.urlencoded({
    extended: false,
    limit: previewDocumentLimit,
  });
  app.post(previewDocumentPath, previewForm);
  // A body in another format would otherwise read as empty and be refused
  // for missing fields, which misleads the caller.
  app.use(
    '/api',
    (request: Request, _response: Response, next: NextFunction) => {
      const hasBody =
        Number(request.headers['content-length'] ?? 0) > 0 ||
        request.headers['transfer-encoding'] !== undefined;
      const form =
        request.originalUrl.split('?')[0] === previewDocumentPath &&
        request.is('urlencoded');
      if (
        hasBody &&
        !(request.method === 'POST' && request.path === '/imports') &&
        !form &&
        !request.is('json')
      ) {
        return next(new AppError('UNSUPPORTED_MEDIA_TYPE'));
      }
      next();
    },
  );
  // An export may carry its DOCX template (5 MB at most, base64 in JSON).
  app.post('/api/exports', express.json({ limit: '8mb' }));
  app.use('/api', express.json({ limit: '2mb' }));

  // Tokens are read from the Authorization header only: never from a query
  // string or a cookie, which end up in logs, history and referrers.
  const providers = [
    new LocalAccounts(deps.db),
    ...(deps.identityProviders ?? []),
  ];
  app.use(
    async (request: AppRequest, _response: Response, next: NextFunction) => {
      const header = request.headers.authorization;
      if (!header?.startsWith('Bearer ')) return next();
      try {
        request.auth =
          (await authenticateBearer(providers, header.slice(7).trim(), {
            log: request.log ?? deps.log,
            requestId: request.requestId,
          })) ?? undefined;
        if (!request.auth) return next(new AppError('UNAUTHENTICATED'));
        next();
      } catch (error) {
        next(error);
      }
    },
  );

  app.get('/health/live', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_request, response) => {
    try {
      await deps.db.sequelize.query('SELECT 1');
      response.json({ status: 'ok', database: 'ok' });
    } catch {
      response
        .status(503)
        .json({ status: 'unavailable', database: 'unreachable' });
    }
  });
  app.get('/api/openapi.json', (_request, response) => {
    response.json(openApi);
  });

  const router = express.Router();
  mountRoutes(router, routes, (request: AppRequest): Ctx => ({
    db: deps.db,
    log: request.log ?? deps.log,
    requestId: request.requestId,
    region: deps.region,
    actor: request.auth
      ? {
          id: request.auth.user.id,
          label: request.auth.user.displayName,
          role: request.auth.user.role,
        }
      : { id: null, label: 'anonyme', role: 'editor' },
  }));
  app.use(router);

  app.use('/api', (_request, _response, next) => {
    next(
      new AppError('NOT_FOUND', {
        fr: 'Route inconnue.',
        en: 'Unknown route.',
      }),
    );
  });

  mountHostedPages(app, deps);
  if (deps.portalDir && existsSync(join(deps.portalDir, 'index.html'))) {
    const portalDir = deps.portalDir;
    app.use(express.static(portalDir, { index: 'index.html', maxAge: '1h' }));
    app.get('/{*rest}', (_request, response) => {
      response.sendFile(join(portalDir, 'index.html'));
    });
  }

  app.use(
    (
      error: unknown,
      request: AppRequest,
      response: Response,
      _next: NextFunction,
    ) => {
      const log = request.log ?? deps.log;
      const known = toAppError(error);
      if (!known) log.error({ err: error }, 'http.failed');
      const appError = known ?? new AppError('INTERNAL');
      const locale = localeOf(request);

      if (appError.retryAfterSeconds !== undefined)
        response.set('Retry-After', String(appError.retryAfterSeconds));
      response.status(appError.status).json({
        error: {
          code: appError.code,
          message: locale === 'en' ? appError.messageEn : appError.messageFr,
          messageEn: appError.messageEn,
          ...(appError.reason ? { reason: appError.reason } : {}),
          ...(appError.fields ? { fields: appError.fields } : {}),
          requestId: request.requestId,
        },
      });
    },
  );

  return app;
}

/** A body over its route's limit, the limit said in megabytes when known. */
function tooLarge(limit: unknown): AppError {
  if (typeof limit !== 'number' || limit <= 0)
    return new AppError('PAYLOAD_TOO_LARGE');
  const megabytes = (locale: string) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(
      limit / (1024 * 1024),
    );

  return new AppError('PAYLOAD_TOO_LARGE', {
    fr: `Envoi trop volumineux : ${megabytes('fr-FR')} Mo au plus.`,
    en: `Upload too large: ${megabytes('en-GB')} MB at most.`,
  });
}

/** Maps errors raised below the services (body parser, payload size) to API errors. */
function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const status = (error as { status?: number; type?: string }).status;
  const type = (error as { type?: string }).type;
  if (type === 'entity.too.large' || status === 413)
    return tooLarge((error as { limit?: unknown }).limit);
  if (type === 'entity.parse.failed') {
    return new AppError('VALIDATION_FAILED', {
      fields: [{ path: '(body)', message: 'JSON illisible / unreadable JSON' }],
    });
  }

  return null;
}
