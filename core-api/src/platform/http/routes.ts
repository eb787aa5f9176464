import type { NextFunction, Request, Response, Router } from 'express';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { AppError } from './errors.ts';
import { parseInput } from './validate.ts';
import type { Authenticated } from '../auth/sessions.ts';

/**
 * Who may call a route. There is no default: each route states it, and the
 * wrapper refuses everyone else (deny by default).
 * - `public`: anyone, signed in or not;
 * - `session`: any session, even one still finishing its sign-in steps;
 * - `editor`: a fully signed-in editor or administrator;
 * - `admin`: a fully signed-in administrator.
 */
export type Access = 'public' | 'session' | 'editor' | 'admin';

type Schema = z.ZodType;

export type RouteInput<P extends Schema, Q extends Schema, B extends Schema> = {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
};

export type RouteDef<P extends Schema, Q extends Schema, B extends Schema> = {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  response?: Schema;
  status?: number;
  handler: (
    input: RouteInput<P, Q, B>,
    ctx: Ctx,
    request: Request & { auth?: Authenticated },
    response: Response,
  ) => Promise<unknown>;
};

// Each entry keeps its own schema types; the registry only needs their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDef<any, any, any>;

/** Declares a route, keeping its schemas' types for the handler. */
export function route<
  P extends Schema = z.ZodObject,
  Q extends Schema = z.ZodObject,
  B extends Schema = z.ZodUnknown,
>(def: RouteDef<P, Q, B>): RouteDef<P, Q, B> {
  return def;
}

export type CtxFactory = (request: Request & { auth?: Authenticated }) => Ctx;

function checkAccess(access: Access, auth: Authenticated | undefined): void {
  if (access === 'public') return;
  if (!auth) throw new AppError('UNAUTHENTICATED');
  if (access === 'session') return;
  if (auth.stage !== 'ready') throw new AppError('STAGE_INCOMPLETE');
  if (access === 'admin' && auth.user.role !== 'admin')
    throw new AppError('FORBIDDEN');
}

const express5Path = (path: string) => path;

/**
 * A replacement (PUT) may give the version it read in `If-Match` (the ETag
 * of its GET) instead of the body; the header wins when both are there.
 */
function withIfMatch(def: AnyRoute, request: Request): unknown {
  const body: unknown = request.body ?? {};
  const tag = request.headers['if-match']
    ?.replace(/^W\//, '')
    .replace(/"/g, '');
  if (def.method !== 'put' || !tag || !/^\d+$/.test(tag)) return body;
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return body;

  return { ...body, version: Number(tag) };
}

/** Mounts route definitions on an Express router. */
export function mountRoutes(
  router: Router,
  routes: AnyRoute[],
  makeCtx: CtxFactory,
): void {
  for (const def of routes) {
    router[def.method](
      express5Path(def.path),
      async (
        request: Request & { auth?: Authenticated },
        response: Response,
        next: NextFunction,
      ) => {
        try {
          checkAccess(def.access, request.auth);
          const input = {
            params: def.params ? parseInput(def.params, request.params) : {},
            query: def.query ? parseInput(def.query, request.query) : {},
            body: def.body
              ? parseInput(def.body, withIfMatch(def, request))
              : undefined,
          };
          const result = await def.handler(
            input,
            makeCtx(request),
            request,
            response,
          );
          if (response.headersSent) return;
          if (result === undefined) {
            response.status(def.status ?? 204).end();
            return;
          }
          response.status(def.status ?? 200).json(result);
        } catch (error) {
          next(error);
        }
      },
    );
  }
}
