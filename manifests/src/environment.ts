import { readFileSync } from 'node:fs';
import { z } from 'zod';

const guid = z
  .string()
  .regex(/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i, {
    message: 'doit être un GUID / must be a GUID',
  })
  .transform((value) => value.toLowerCase());

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True for the addresses only this machine can reach. */
export function isLoopback(url: URL): boolean {
  return loopbackHosts.has(url.hostname);
}

/**
 * An address Outlook and Teams may load: https, or plain http on this
 * machine only (a developer's own server). No query or fragment, since the
 * generator appends paths to it.
 */
const webUrl = z
  .url({ message: 'doit être une adresse web / must be a web address' })
  .refine(
    (value) => {
      const url = new URL(value);
      return (
        url.protocol === 'https:' ||
        (url.protocol === 'http:' && isLoopback(url))
      );
    },
    {
      message:
        'doit commencer par https:// (http:// seulement pour 127.0.0.1 ou ' +
        'localhost) / must start with https:// (http:// only for 127.0.0.1 ' +
        'or localhost)',
    },
  )
  .refine((value) => !/[?#]/.test(value), {
    message: 'ne doit contenir ni ? ni # / must contain neither ? nor #',
  })
  .transform((value) => value.replace(/\/+$/, ''));

/** One environment's settings: everything that differs between two installs. */
export const environmentSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,19}$/, {
      message:
        'lettres minuscules, chiffres et tirets, 20 au plus / lowercase ' +
        'letters, digits and dashes, 20 at most',
    })
    .refine((value) => value !== 'generator', {
      message: 'nom réservé / reserved name',
    })
    .describe(
      'Short name of the environment; names the output folder and zip.',
    ),
  baseUrl: webUrl.describe(
    'Address the Relais web front answers at: the add-in task pane, the ' +
      'Teams tab and the API are served under it.',
  ),
  appId: guid.describe(
    'Identity of the Relais app in Microsoft 365 (manifest id). Generated ' +
      'once per environment and never changed: a new id is a new app.',
  ),
  apiClientId: guid.describe(
    "Application (client) id of Relais' API registration in Entra ID, the " +
      'one that exposes the scope `access_as_user`; single sign-on asks ' +
      'for a token whose audience is this app.',
  ),
  version: z
    .string()
    .regex(/^(0|[1-9]\d{0,4})\.(0|[1-9]\d{0,4})\.(0|[1-9]\d{0,4})$/, {
      message: 'doit être de la forme 1.2.3 / must read like 1.2.3',
    })
    .describe('Version of the package; raise it for every upload.'),
  developer: z.strictObject({
    name: z.string().min(1).max(32),
    websiteUrl: webUrl,
    privacyUrl: webUrl,
    termsOfUseUrl: webUrl,
  }),
  accentColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, {
      message: 'doit être de la forme #1F5FAD / must read like #1F5FAD',
    })
    .default('#1F5FAD')
    .describe('Background of the colour icon and of the app in Teams.'),
  nameSuffix: z
    .string()
    .max(10)
    .default('')
    .describe(
      'Appended to the short name, e.g. " (test)", to tell apps apart.',
    ),
});

export type Environment = z.infer<typeof environmentSchema>;

/** An environment file that could not be read or accepted. */
export class EnvironmentError extends Error {
  readonly problems: string[];

  constructor(source: string, problems: string[]) {
    super(
      `Configuration d'environnement invalide / invalid environment ` +
        `configuration (${source}): ${problems.join('; ')}`,
    );
    this.problems = problems;
  }
}

/** Checks parsed JSON; every wrong field is named. */
export function parseEnvironment(value: unknown, source: string): Environment {
  const result = environmentSchema.safeParse(value);
  if (result.success) return result.data;
  throw new EnvironmentError(
    source,
    result.error.issues.map(
      (issue) =>
        `${issue.path.join('.') || '(racine / root)'}: ${issue.message}`,
    ),
  );
}

/** Reads and checks one environment file. */
export function readEnvironment(path: string): Environment {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new EnvironmentError(path, [
      `illisible / unreadable: ${(error as Error).message}`,
    ]);
  }
  return parseEnvironment(value, path);
}
