import { z } from 'zod';
import { errorBody } from '../../features/common.schemas.ts';
import type { AnyRoute } from './routes.ts';

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): unknown {
  return z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'openapi-3.0',
  });
}

function parametersOf(route: AnyRoute): unknown[] {
  const parameters: unknown[] = [];
  for (const [location, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!(schema instanceof z.ZodObject)) continue;
    for (const [name, field] of Object.entries(
      schema.shape as Record<string, z.ZodType>,
    )) {
      parameters.push({
        name,
        in: location,
        required: location === 'path' || !field.safeParse(undefined).success,
        schema: jsonSchema(field, 'input'),
      });
    }
  }

  return parameters;
}

/**
 * The OpenAPI 3 document of the API, written from the same zod schemas that
 * validate requests, so the two cannot drift apart.
 */
export function buildOpenApi(routes: AnyRoute[], version: string): object {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorSchema = jsonSchema(errorBody, 'output');

  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const status = String(route.status ?? (route.response ? 200 : 204));
    const responses: Record<string, unknown> = {
      [status]: route.response
        ? {
            description: 'OK',
            content: {
              'application/json': {
                schema: jsonSchema(route.response, 'output'),
              },
            },
          }
        : { description: 'OK' },
      default: {
        description: 'Erreur / Error',
        content: { 'application/json': { schema: errorSchema } },
      },
    };
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      tags: [route.tag],
      security: route.access === 'public' ? [] : [{ bearer: [] }],
      'x-relais-access': route.access,
      parameters: parametersOf(route),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': { schema: jsonSchema(route.body, 'input') },
              },
            },
          }
        : {}),
      responses,
    };
  }

  return {
    openapi: '3.0.3',
    info: {
      title: 'Relais API',
      version,
      description: 'Contacts presse et relations publiques',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
    paths,
  };
}
