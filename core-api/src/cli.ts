import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from './app.ts';
import { entraFromConfig } from './platform/auth/entra/entra-setup.ts';
import { createUser } from './features/users/users.service.ts';
import { newUserInput } from './features/users/new-user.schemas.ts';
import { parseInput } from './platform/http/validate.ts';
import { createLogger } from './platform/log/logger.ts';
import { emailForms } from './platform/text/email.ts';
import {
  dryRun,
  calibrationText,
  importCliOptions,
  importText,
} from './features/imports/import-cli.ts';
import { importFile } from './features/imports/imports.service.ts';
import { search } from './features/search/search.service.ts';
import { searchQuery } from './features/search/search.schemas.ts';
import {
  ConfigError,
  feedsDirOf,
  loadConfig,
} from './platform/config/config.ts';
import { systemActor, type Actor, type Ctx } from './platform/context.ts';
import { AppError } from './platform/http/errors.ts';
import { openRuntime, type Runtime } from './platform/runtime.ts';
import {
  feedCliOptions,
  feedCommand,
  feedUsage,
} from './features/feeds/feeds-cli.ts';
import {
  listCliOptions,
  listCommand,
  listUsage,
} from './features/lists/lists-cli.ts';
import { startWorker, type Worker } from './platform/jobs/worker.ts';
import { setRequestNotifier } from './features/lists/list-notify.ts';
import {
  teamsNotifyFromConfig,
  teamsRequestNotifier,
} from './features/lists/teams-notifier.ts';
import {
  queryCliOptions,
  queryCommand,
  queryUsage,
} from './features/targeting/query-cli.ts';
import {
  exportCliOptions,
  exportCommand,
  exportUsage,
} from './features/exports/exports-cli.ts';
import { backgroundJobs } from './worker.ts';

const usage = `Usage : relais <commande> [options]

  serve                      démarre l'API, le portail et les tâches de fond
  migrate                    applique les migrations en attente
  user add EMAIL [--admin] [--name NOM] [--password MDP]
                             crée un compte (mot de passe à usage unique si absent)
  import FICHIER [--dry-run] [--profile ID] [--sheet FEUILLE]
                             importe un fichier de contacts (xlsx, CSV, vCard) ;
                             --dry-run lit et compare sans rien enregistrer et
                             affiche le rapport de calibrage
  search REQUÊTE [--limit N] recherche un contact ou une société
${feedUsage}
${listUsage}
${queryUsage}
${exportUsage}

Options communes : --json (sortie pour les scripts), --as EMAIL (agir au nom de ce compte)`;

const write = (text: string) => process.stdout.write(`${text}\n`);

/** Repository root, to find the built portal whatever the working directory. */
const repoRoot = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
);

async function actorFor(
  runtime: Runtime,
  email: string | undefined,
): Promise<Actor> {
  if (!email) return { ...systemActor, label: 'ligne de commande' };
  const user = await runtime.db.models.User.findOne({
    where: { email: emailForms(email) },
  });
  if (!user || !user.active)
    throw new Error(
      `--as : aucun compte actif pour ${email} / no active account for ${email}`,
    );

  return { id: user.id, label: user.displayName, role: user.role };
}

function ctxOf(runtime: Runtime, actor: Actor): Ctx {
  return {
    db: runtime.db,
    log: runtime.log,
    actor,
    region: runtime.config.DEFAULT_REGION,
  };
}

/** Creates the first administrator when the base has no active one. */
export async function ensureFirstAdmin(
  runtime: Runtime,
): Promise<string | null> {
  const { User } = runtime.db.models;
  if ((await User.count({ where: { role: 'admin', active: true } })) > 0)
    return null;
  if (
    (await User.count({ where: { email: runtime.config.ADMIN_EMAIL } })) > 0
  ) {
    throw new Error(
      `Aucun administrateur actif, et ${runtime.config.ADMIN_EMAIL} existe déjà : ` +
        'choisissez une autre adresse ADMIN_EMAIL / ' +
        'no active administrator, and ADMIN_EMAIL is taken',
    );
  }
  const { oneTimePassword } = await createUser(ctxOf(runtime, systemActor), {
    email: runtime.config.ADMIN_EMAIL,
    displayName: 'Administrateur',
    role: 'admin',
  });

  return oneTimePassword ?? null;
}

async function serve(runtime: Runtime): Promise<void> {
  const { config, log } = runtime;
  const password = await ensureFirstAdmin(runtime);
  const entra = entraFromConfig(config, runtime.db);
  const app = createApp({
    db: runtime.db,
    log,
    box: runtime.box,
    region: config.DEFAULT_REGION,
    sessionTtlHours: config.SESSION_TTL_HOURS,
    portalDir: config.PORTAL_DIR ?? resolve(repoRoot, 'admin-portal', 'dist'),
    addinDir: config.ADDIN_DIR ?? resolve(repoRoot, 'outlook-addin', 'dist'),
    teamsDir: config.TEAMS_DIR ?? resolve(repoRoot, 'teams-app', 'dist'),
    entraAuthority: config.ENTRA_AUTHORITY,
    trustProxy: config.TRUST_PROXY,
    https: config.PUBLIC_BASE_URL?.startsWith('https:') ?? false,
    feedsDir: feedsDirOf(config),
    identityProviders: entra ? [entra.provider] : [],
    entraClient: config,
  });
  if (entra) log.info({ provider: 'entra' }, 'auth.provider.enabled');

  await new Promise<void>((done, fail) => {
    // Express 5 hands a failure to listen (port taken, unknown address) to
    // this callback rather than to an 'error' event.
    const server = app.listen(config.PORT, config.HOST, (error?: Error) => {
      if (error) {
        fail(
          new Error(
            `impossible d’écouter sur ${config.HOST}:${config.PORT} (HOST, PORT) / ` +
              `cannot listen: ${(error as NodeJS.ErrnoException).code ?? error.message}`,
          ),
        );
        return;
      }
      const address = server.address();
      const port =
        typeof address === 'object' && address ? address.port : config.PORT;
      const url = config.PUBLIC_BASE_URL ?? `http://${config.HOST}:${port}`;
      log.info({ port }, 'server.started');
      write(
        `Relais est prêt : ${url}  (API : ${url}/api, documentation : ${url}/api/openapi.json)`,
      );
      if (password) {
        write('');
        write('Premier démarrage : compte administrateur créé.');
        write(`  Adresse : ${config.ADMIN_EMAIL}`);
        write(`  Mot de passe à usage unique : ${password}`);
        write(
          '  Il ne sera plus affiché. Changez-le à la première connexion, puis',
        );
        write(
          '  enregistrez le second facteur (application d’authentification).',
        );
      }
      done();
    });
    server.on('error', fail);
    // The embedded worker (feeds, scheduled jobs) unless workers run apart.
    const worker = config.EMBEDDED_WORKER ? backgroundWorker(runtime) : null;
    const stop = () => {
      log.info('server.stopping');
      void (worker?.stop() ?? Promise.resolve()).then(() =>
        server.close(
          () => void runtime.db.sequelize.close().then(() => process.exit(0)),
        ),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** The worker with every job kind and tick of `worker.ts`. */
function backgroundWorker(runtime: Runtime): Worker {
  const { handlers, ticks } = backgroundJobs(runtime);

  return startWorker(runtime, handlers, { ticks });
}

/** `relais worker`: background jobs only, until SIGINT or SIGTERM. */
function work(runtime: Runtime): void {
  const worker = backgroundWorker(runtime);
  const stop = () => {
    runtime.log.info('worker.stopping');
    void worker
      .stop()
      .then(() => runtime.db.sequelize.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Announced once a stop request can be heard: a supervisor may send one
  // as soon as it reads this line.
  write('Relais : tâches de fond démarrées (Ctrl+C pour arrêter).');
}

type Parsed = ReturnType<typeof parse>;

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...feedCliOptions,
      ...listCliOptions,
      ...queryCliOptions,
      ...exportCliOptions,
      json: { type: 'boolean', default: false },
      as: { type: 'string' },
      admin: { type: 'boolean', default: false },
      name: { type: 'string' },
      password: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      profile: { type: 'string' },
      sheet: { type: 'string' },
      limit: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

async function run(args: Parsed): Promise<number> {
  const [command, ...rest] = args.positionals;
  const json = args.values.json;
  const out = (value: unknown, text: string) =>
    write(json ? JSON.stringify(value) : text);

  if (!command || args.values.help) {
    write(usage);
    return command || args.values.help ? 0 : 2;
  }
  const commands = [
    'serve',
    'worker',
    'migrate',
    'user',
    'import',
    'search',
    'query',
    'export',
  ];
  if (!commands.includes(command) && !['feed', 'list'].includes(command)) {
    throw new Error(
      `commande inconnue « ${command} » (voir relais --help) / ` +
        `unknown command "${command}" (see relais --help)`,
    );
  }

  const config = loadConfig();
  // Serving logs to standard output; other commands keep it for their result
  // (one JSON document with --json) and log to standard error, warnings and
  // worse unless LOG_LEVEL asks for more: a person reads that stream.
  const runtime = await openRuntime(
    config,
    command === 'serve' || command === 'worker'
      ? createLogger(config.LOG_LEVEL)
      : createLogger(
          process.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn',
          process.stderr,
        ),
  );
  // Change requests made by any command notify their owner in Teams.
  if (teamsNotifyFromConfig(config)) setRequestNotifier(teamsRequestNotifier());
  if (command === 'serve') {
    await serve(runtime);
    return -1;
  }
  if (command === 'worker') {
    work(runtime);
    return -1;
  }

  try {
    const ctx = ctxOf(runtime, await actorFor(runtime, args.values.as));
    switch (command) {
      case 'migrate':
        out({ ok: true }, 'Base à jour.');
        return 0;
      case 'user': {
        const [action, email] = rest;
        if (action !== 'add' || !email)
          throw new Error('usage : relais user add EMAIL [--admin]');
        // The same rules as POST /api/users: an account the API would
        // refuse at sign-in is not created here either.
        const result = await createUser(
          ctx,
          parseInput(newUserInput, {
            email,
            displayName: args.values.name ?? email.split('@')[0] ?? email,
            role: args.values.admin ? 'admin' : 'editor',
            password: args.values.password,
          }),
        );
        out(
          result,
          `Compte créé : ${result.user.email} (${result.user.role})` +
            (result.oneTimePassword
              ? `\nMot de passe à usage unique : ${result.oneTimePassword}`
              : ''),
        );
        return 0;
      }
      case 'import': {
        const [file] = rest;
        if (!file) throw new Error('usage : relais import FICHIER');
        const data = await readFile(file).catch(() => {
          throw new Error(`impossible de lire ${file} / cannot read ${file}`);
        });
        const options = parseInput(importCliOptions, {
          fileName: basename(file),
          profileId: args.values.profile,
          sheet: args.values.sheet,
        });
        if (args.values['dry-run']) {
          const report = await dryRun(ctx, { ...options, data });
          out(report, calibrationText(report));
          return 0;
        }
        const report = await importFile(ctx, { ...options, data });
        out(report, importText(report));
        return 0;
      }
      case 'list': {
        const result = await listCommand(ctx, rest, args.values);
        out(result.value, result.text);
        return result.status;
      }
      case 'feed': {
        const jobs = backgroundJobs(runtime).handlers;
        const result = await feedCommand(
          { ...runtime, jobs },
          ctx,
          rest,
          args.values,
        );
        out(result.value, result.text);
        return result.status;
      }
      case 'query': {
        const result = await queryCommand(ctx, args.values);
        out(result.value, result.text);
        return 0;
      }
      case 'export': {
        const result = await exportCommand(ctx, args.values);
        out(result.value, result.text);
        return 0;
      }
      case 'search': {
        const query = rest.join(' ');
        if (!query.trim()) throw new Error('usage : relais search REQUÊTE');
        // The API's rules: 200 characters at most, a limit from 1 to 100.
        const result = await search(
          ctx,
          parseInput(searchQuery, { q: query, limit: args.values.limit }),
        );
        out(
          result,
          result.items.length === 0
            ? 'Aucun résultat.'
            : result.items
                .map(
                  (hit) =>
                    `${hit.type === 'contact' ? 'C' : 'S'} ${hit.id}\t` +
                    `${hit.displayName}\t${hit.subtitle ?? ''}\t(${hit.match})`,
                )
                .join('\n'),
        );
        return 0;
      }
    }

    return 2;
  } finally {
    await runtime.db.sequelize.close();
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  if (error instanceof AppError) {
    const fields = error.fields
      ?.map((field) => `${field.path}: ${field.message}`)
      .join('; ');
    const message =
      error.messageFr === error.messageEn
        ? error.messageFr
        : `${error.messageFr} / ${error.messageEn}`;

    return fields ? `${message} (${fields})` : message;
  }

  return error instanceof Error ? error.message : String(error);
}

/** Runs the command line; resolves with the exit status (-1 while serving). */
export async function main(argv: string[]): Promise<number> {
  let args: Parsed;
  try {
    args = parse(argv);
  } catch (error) {
    process.stderr.write(`relais: ${reasonOf(error)}\n`);
    return 2;
  }

  try {
    return await run(args);
  } catch (error) {
    const reason = reasonOf(error).replace(/\s+/g, ' ');
    if (args.values.json) write(JSON.stringify({ error: reason }));
    process.stderr.write(`relais: ${reason}\n`);
    return 1;
  }
}
