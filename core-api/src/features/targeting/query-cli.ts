import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { parseInput } from '../../platform/http/validate.ts';
import { channels } from '../contacts/contacts.schemas.ts';
import { targetQuery, targetSorts } from './query.schemas.ts';
import { savedQueryResults } from './saved-queries.service.ts';
import type { TargetPageDto, TargetRowDto } from './targeting.schemas.ts';
import { searchQuery } from './targeting.service.ts';
import { counted } from '../../platform/text/plural.ts';

/** Options of `relais query`, merged into the command line's own. */
export const queryCliOptions = {
  file: { type: 'string' },
  saved: { type: 'string' },
  lang: { type: 'string' },
  channel: { type: 'string' },
  sort: { type: 'string' },
  'include-opted-out': { type: 'boolean', default: false },
} as const;

export const queryUsage = `  query (--file REQUÊTE.json | --saved ID)
        [--channel email|sms|post|phone|fax]
        [--include-opted-out] [--sort name|company|city|updated] [--limit N]
        [--lang en]          compte une requête multicritère et affiche
                             les premiers résultats`;

type Values = Record<string, string | boolean | undefined>;

const options = z.object({
  channel: z.enum(channels).optional(),
  sort: z.enum(targetSorts).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  lang: z.enum(['fr', 'en']).default('fr'),
  saved: z.coerce.number().int().positive().optional(),
});

const channelNames: Record<string, [string, string]> = {
  email: ['e-mail', 'email'],
  sms: ['SMS', 'SMS'],
  post: ['courrier', 'post'],
  phone: ['téléphone', 'phone'],
  fax: ['fax', 'fax'],
};

const headers = {
  fr: ['Id', 'Nom', 'Type', 'Fonction', 'Organisation', 'E-mail', 'Ville'],
  en: ['Id', 'Name', 'Type', 'Function', 'Organisation', 'Email', 'City'],
};

function rowCells(row: TargetRowDto): string[] {
  return [
    String(row.id),
    row.displayName,
    row.type ?? '',
    row.function ?? '',
    row.organisation ?? '',
    row.email ?? '',
    row.city ?? '',
  ];
}

/** The count and the first rows as a text table, in French or English. */
export function queryText(
  result: TargetPageDto,
  lang: 'fr' | 'en',
  channel?: string,
): string {
  const { matched, excluded, included } = result.count;
  const [fr, en] = channel ? (channelNames[channel] ?? [channel, channel]) : [];
  const summary =
    lang === 'fr'
      ? counted('fr', matched, 'correspond', 'correspondent') +
        (channel
          ? `, ${counted('fr', excluded, 'exclu', 'exclus')} pour le canal ${fr} ` +
            `(désinscrits ou à ne pas contacter), ${counted('fr', included, 'retenu', 'retenus')}`
          : '') +
        ` (${result.tookMs} ms).`
      : counted('en', matched, 'matches', 'match') +
        (channel
          ? `, ${excluded} left out for ${en} ` +
            `(opted out or do not contact), ${included} kept`
          : '') +
        ` (${result.tookMs} ms).`;
  if (result.items.length === 0) return summary;
  const table = [headers[lang], ...result.items.map(rowCells)];
  const widths = table[0]!.map((_, column) =>
    Math.min(40, Math.max(...table.map((cells) => cells[column]!.length))),
  );
  const lines = table.map((cells) =>
    cells
      .map((cell, column) => cell.slice(0, 40).padEnd(widths[column]!))
      .join('  ')
      .trimEnd(),
  );

  return [summary, '', ...lines].join('\n');
}

/**
 * `relais query --file q.json` or `--saved ID`: the live count and the first
 * rows. The file holds a query as `POST /api/targeting/count` takes it.
 */
export async function queryCommand(
  ctx: Ctx,
  values: Values,
): Promise<{ value: unknown; text: string }> {
  const parsed = parseInput(options, {
    channel: values.channel,
    sort: values.sort,
    limit: values.limit,
    lang: values.lang,
    saved: values.saved,
  });
  const file = typeof values.file === 'string' ? values.file : undefined;
  if (!file === !parsed.saved) {
    throw new Error(
      'usage : relais query --file REQUÊTE.json | --saved ID / ' +
        'give either --file or --saved',
    );
  }
  const common = {
    page: 1,
    pageSize: parsed.limit,
    channel: parsed.channel,
    includeOptedOut: values['include-opted-out'] === true,
    sort: parsed.sort ? { by: parsed.sort } : undefined,
  };
  let result: TargetPageDto;
  // The channel the count leaves out for: the flag's, else the file's own.
  let channel = parsed.channel;
  if (parsed.saved) {
    result = await savedQueryResults(ctx, parsed.saved, common);
  } else {
    const text = await readFile(file!, 'utf8').catch(() => {
      throw new Error(`impossible de lire ${file} / cannot read ${file}`);
    });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`${file} : JSON illisible / unreadable JSON`);
    }
    const query = parseInput(targetQuery, json);
    channel ??= query.channel;
    result = await searchQuery(ctx, { ...common, channel, query });
  }
  const shown = common.includeOptedOut ? undefined : channel;

  return { value: result, text: queryText(result, parsed.lang, shown) };
}
