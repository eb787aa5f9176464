import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Ctx } from '../../platform/context.ts';
import { parseInput } from '../../platform/http/validate.ts';
import { channelLabel } from './export-labels.ts';
import { exportFormats, exportRequest } from './exports.schemas.ts';
import { prepareExport, runExport } from './exports.service.ts';
import { counted } from '../../platform/text/plural.ts';

/** Options of `relais export`, merged into the command line's own. */
export const exportCliOptions = {
  list: { type: 'string' },
  saved: { type: 'string' },
  query: { type: 'string' },
  contacts: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  lang: { type: 'string' },
  channel: { type: 'string' },
  template: { type: 'string' },
} as const;

export const exportUsage = `  export (--list ID | --saved ID | --query REQUÊTE.json
         | --contacts 1,2,3)
         --format ${exportFormats.join('|')}
         --out FICHIER [--lang en] [--channel email|sms|post|phone|fax|none]
         [--template MODÈLE.docx]
                             exporte une cible (liste, requête enregistrée,
                             requête en JSON, contacts) dans un fichier`;

type Values = Record<string, string | boolean | undefined>;

const text = (value: string | boolean | undefined) =>
  typeof value === 'string' ? value : undefined;

const idOf = (value: string) => (/^\d+$/.test(value) ? Number(value) : value);

async function readOrFail(path: string): Promise<Buffer> {
  return readFile(path).catch(() => {
    throw new Error(`impossible de lire ${path} / cannot read ${path}`);
  });
}

/** The target named by exactly one of --list, --saved, --query, --contacts. */
async function targetOf(values: Values): Promise<unknown> {
  const given = (['list', 'saved', 'query', 'contacts'] as const).filter(
    (name) => text(values[name]) !== undefined,
  );
  if (given.length !== 1)
    throw new Error(
      'indiquez une cible et une seule : --list, --saved, --query ou --contacts / ' +
        'give exactly one target: --list, --saved, --query or --contacts',
    );
  const value = text(values[given[0]!])!;
  switch (given[0]) {
    case 'list':
      return { kind: 'list', listId: idOf(value) };
    case 'saved':
      return { kind: 'savedQuery', savedQueryId: idOf(value) };
    case 'contacts':
      return {
        kind: 'contacts',
        contactIds: value.split(',').map((id) => idOf(id.trim())),
      };
    default: {
      const json = (await readOrFail(value)).toString('utf8');
      try {
        return { kind: 'query', query: JSON.parse(json) };
      } catch {
        throw new Error(`${value} : JSON illisible / unreadable JSON`);
      }
    }
  }
}

/** Why a file cannot be written at `out`, in French and English. */
function destinationError(out: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  const folder = dirname(out);
  const [fr, en] =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? [`le dossier ${folder} n'existe pas`, `folder ${folder} does not exist`]
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? [
            `écriture interdite dans ${folder}`,
            `no right to write in ${folder}`,
          ]
        : [
            `écriture impossible (${code ?? 'erreur'})`,
            `cannot write (${code ?? 'error'})`,
          ];

  return new Error(`--out ${out} : ${fr} / ${en}`);
}

/** Refuses a destination that is a folder or in a folder that does not exist. */
async function assertWritable(out: string): Promise<void> {
  const target = await stat(out).catch(() => null);
  if (target?.isDirectory())
    throw new Error(
      `--out ${out} : c'est un dossier, indiquez un nom de fichier / ` +
        'this is a folder, give a file name',
    );
  const folder = await stat(dirname(out)).catch(() => null);
  if (!folder?.isDirectory())
    throw destinationError(out, Object.assign(new Error(), { code: 'ENOENT' }));
}

/**
 * `relais export`: the same checks, counts, stream and audit as
 * `POST /api/exports`, into a file. A failed export leaves no partial file.
 */
export async function exportCommand(
  ctx: Ctx,
  values: Values,
): Promise<{ value: unknown; text: string }> {
  const out = text(values.out);
  if (!out)
    throw new Error('--out FICHIER est requis / --out FILE is required');
  const templatePath = text(values.template);
  const request = parseInput(exportRequest, {
    target: await targetOf(values),
    format: text(values.format),
    lang: text(values.lang),
    channel: text(values.channel),
    template: templatePath
      ? {
          fileName: basename(templatePath),
          contentBase64: (await readOrFail(templatePath)).toString('base64'),
        }
      : undefined,
  });
  const plan = await prepareExport(ctx, request);
  await assertWritable(out);
  // Written beside the destination, then renamed: a failed export leaves
  // the destination as it was and removes only the file it made.
  const partial = join(
    dirname(out),
    `.${basename(out)}.${process.pid}-${Date.now()}.part`,
  );
  const handle = await open(partial, 'wx').catch((error: unknown) => {
    throw destinationError(out, error);
  });
  const file = handle.createWriteStream();
  let rows: number;
  try {
    rows = await runExport(ctx, plan, file);
    await rename(partial, out);
  } catch (error) {
    file.destroy();
    await rm(partial, { force: true });
    throw error;
  }
  const { summary } = plan;
  const channel = channelLabel(summary.channel, 'fr');
  const what =
    plan.entity === 'company'
      ? counted('fr', rows, 'société exportée', 'sociétés exportées')
      : counted('fr', rows, 'contact exporté', 'contacts exportés');

  return {
    value: { ...summary, rows, out },
    text:
      `${what} dans ${out} (${plan.format})` +
      (channel
        ? ` ; ${counted('fr', summary.excluded, 'laissé', 'laissés')} de côté pour le canal ${channel}`
        : ''),
  };
}
