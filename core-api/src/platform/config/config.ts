import { join } from 'node:path';
import { isSupportedCountry } from 'libphonenumber-js';
import { z } from 'zod';

/**
 * Every environment variable Relais reads, with its meaning. The schema is the
 * documentation: `docs/configuration.md` and the README table are written from
 * these descriptions. `sensitive` values are never logged.
 */
const idList = /^\s*[\w-]+(\s*,\s*[\w-]+)*\s*$/;

export const configSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'])
    .default('development')
    .describe('Run mode. `production` refuses generated secrets.'),
  HOST: z
    .string()
    .min(1)
    .default('127.0.0.1')
    .describe('Address the HTTP server listens on.'),
  PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(3000)
    .describe('TCP port of the HTTP server (API and portal).'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres:\/\/|postgresql:\/\/|mssql:\/\/)/, {
      message:
        'must start with sqlite:, postgres://, postgresql:// or mssql://',
    })
    .default('sqlite:data/relais.sqlite')
    .describe(
      'Database. `sqlite:PATH` (relative to the working directory, created on ' +
        'first start), `postgres://user:pass@host:port/db` or ' +
        '`mssql://user:pass@host:port/db`.',
    ),
  DATABASE_POOL_MAX: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(10)
    .describe('Largest number of pooled connections (server databases).'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('Smallest level written to the log (JSON lines on stdout).'),
  PUBLIC_BASE_URL: z
    .url()
    .optional()
    .describe('Address users reach Relais at; defaults to http://HOST:PORT.'),
  SECRET_KEY: z
    .string()
    .min(32, { message: 'must be at least 32 characters' })
    .optional()
    .describe(
      'Key that encrypts second-factor secrets at rest and signs links. ' +
        'Required in production; elsewhere generated once into DATA_DIR.',
    ),
  DATA_DIR: z
    .string()
    .min(1)
    .default('data')
    .describe('Folder for the embedded database, generated key and uploads.'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .min(0.1)
    .max(720)
    .default(12)
    .describe('Lifetime of a sign-in session, in hours.'),
  DEFAULT_REGION: z
    .string()
    .regex(/^[A-Z]{2}$/, { message: 'must be a two-letter country code' })
    .refine(isSupportedCountry, {
      message: 'not a country with a telephone numbering plan',
    })
    .default('FR')
    .describe('Country assumed for phone numbers written without one.'),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .describe('Trust X-Forwarded-* headers (behind a reverse proxy).'),
  ADMIN_EMAIL: z
    .email({ message: 'must be an email address' })
    .default('admin@relais.local')
    .describe('Sign-in address of the administrator created on first start.'),
  PORTAL_DIR: z
    .string()
    .optional()
    .describe('Built portal to serve; defaults to admin-portal/dist.'),
  ADDIN_DIR: z
    .string()
    .optional()
    .describe(
      'Built Outlook add-in to serve at /addin; defaults to outlook-addin/dist.',
    ),
  TEAMS_DIR: z
    .string()
    .optional()
    .describe(
      'Built Teams tab to serve at /teams; defaults to teams-app/dist.',
    ),
  FEEDS_DIR: z
    .string()
    .min(1)
    .optional()
    .describe(
      'The only folder (with its sub-folders) that folder import feeds may ' +
        'read; defaults to DATA_DIR/feeds.',
    ),
  STAGED_IMPORT_TTL_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(365)
    .default(7)
    .describe(
      'Days an import read but not committed waits before it expires and ' +
        'its rows are freed (the worker checks every hour).',
    ),
  IMPORT_MEMORY_MB: z.coerce
    .number()
    .int()
    .refine((value) => value === 0 || (value >= 128 && value <= 2047), {
      message: 'must be 0, or from 128 to 2047',
    })
    .default(512)
    .describe(
      'Memory (MB) for the data of one large import (a file of 1 MB or ' +
        'more, a commit of 5,000 rows or more), read or committed on a ' +
        'thread of its own; a file that needs more is refused with a clear ' +
        'message (50,000 rows of 15 columns need about 100 MB). Below 2048, ' +
        'so the thread collects its garbage before its heap doubles. 0 runs ' +
        'every import on the thread that asks for it, without that bound.',
    ),
  EMBEDDED_WORKER: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true')
    .describe(
      'Run the background worker (feeds, scheduled jobs) inside `serve`. ' +
        'Set to false when separate `relais worker` processes run them.',
    ),
  ENTRA_CLIENT_ID: z
    .uuid({ message: 'must be an application (client) id' })
    .optional()
    .describe(
      'Application (client) id of the Relais API registration in Entra ID. ' +
        'With ENTRA_TENANT_IDS, turns on Microsoft sign-in (access tokens).',
    ),
  ENTRA_TENANT_IDS: z
    .string()
    .regex(idList, { message: 'must be tenant ids separated by commas' })
    .optional()
    .describe(
      'Entra ID tenants whose users may sign in (directory ids, comma ' +
        'separated). A token from any other tenant is refused.',
    ),
  ENTRA_APP_ID_URI: z
    .string()
    .regex(/^api:\/\/\S+$/, { message: 'must start with api://' })
    .optional()
    .describe(
      'Application ID URI of the API (`api://...`), also accepted as ' +
        'audience (version 1 tokens carry it).',
    ),
  ENTRA_REQUIRED_SCOPE: z
    .string()
    .regex(/^[\w.-]+$/)
    .default('access_as_user')
    .describe('Delegated scope every access token must carry (`scp`).'),
  ENTRA_ADMIN_GROUP_IDS: z
    .string()
    .regex(idList, { message: 'must be group ids separated by commas' })
    .optional()
    .describe(
      'Entra ID groups (object ids, comma separated) whose members are ' +
        'Relais administrators.',
    ),
  ENTRA_EDITOR_GROUP_IDS: z
    .string()
    .regex(idList, { message: 'must be group ids separated by commas' })
    .optional()
    .describe(
      'Entra ID groups (object ids, comma separated) whose members are ' +
        'Relais editors. A user in no configured group is refused unless ' +
        'an administrator set the role.',
    ),
  ENTRA_CLIENT_SECRET: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Client secret of the API registration, used only to get Microsoft ' +
        'Graph tokens: on behalf of a user, or its own for Teams ' +
        'notifications.',
    ),
  ENTRA_AUTHORITY: z
    .url({ protocol: /^https$/, message: 'must be an https:// address' })
    .default('https://login.microsoftonline.com')
    .describe(
      'Entra ID sign-in host. Change only for a national cloud ' +
        '(login.microsoftonline.us...) or a test issuer.',
    ),
  TEAMS_APP_ID: z
    .uuid({ message: 'must be the id of the Teams app (manifest id)' })
    .optional()
    .describe(
      'Id of the Relais app in Microsoft 365 (the `appId` of the ' +
        'manifests environment). With ENTRA_CLIENT_SECRET, list owners get ' +
        'a Teams activity notification for each change request.',
    ),
  GRAPH_BASE_URL: z
    .url({ protocol: /^https$/, message: 'must be an https:// address' })
    .default('https://graph.microsoft.com')
    .describe(
      'Microsoft Graph host. Change only for a national cloud ' +
        '(graph.microsoft.us...) or a test server.',
    ),
});

export type Config = z.infer<typeof configSchema>;

/** The folder import feeds may read (FEEDS_DIR, else DATA_DIR/feeds). */
export function feedsDirOf(config: Config): string {
  return config.FEEDS_DIR ?? join(config.DATA_DIR, 'feeds');
}

/** Names of the variables whose values must never reach a log line. */
export const sensitiveVariables = [
  'DATABASE_URL',
  'SECRET_KEY',
  'ENTRA_CLIENT_SECRET',
] as const;

/** A configuration value that could not be accepted. */
export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.problems = problems;
  }
}

/**
 * Parses the environment once. Every wrong variable is named, then the caller
 * stops the process.
 *
 * @param env the variables to read, `process.env` by default
 * @returns the typed configuration
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.keys(configSchema.shape);
  const input: Record<string, string> = {};

  for (const name of known) {
    const value = env[name];
    if (value !== undefined && value !== '') input[name] = value;
  }

  const result = configSchema.safeParse(input);
  if (result.success) return result.data;

  const problems = result.error.issues.map(
    (issue) => `${issue.path.join('.')}: ${issue.message}`,
  );
  throw new ConfigError(problems);
}

/** The variables with their descriptions and defaults, for documentation. */
export function describeConfig(): {
  name: string;
  description: string;
  fallback?: string;
}[] {
  return Object.entries(configSchema.shape).map(([name, schema]) => {
    const def = (schema as z.ZodType).def as { defaultValue?: unknown };
    const fallback =
      'defaultValue' in def ? String(def.defaultValue) : undefined;

    return { name, description: schema.description ?? '', fallback };
  });
}
