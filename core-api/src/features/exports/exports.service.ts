import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  countTarget,
  resolveTarget,
  targetContactIds,
  type Channel,
  type TargetRef,
} from '../targeting/target.ts';
import { writeOutlookCsv, writeWordCsv } from './csv-writers.ts';
import {
  checkTemplate,
  writeDocxLabels,
  writeDocxLetters,
} from './docx-writer.ts';
import { channelLabel, parisDay, type Lang } from './export-labels.ts';
import { loadExportRows, type ExportRow } from './export-rows.ts';
import { assertMayExport } from './export-settings.ts';
import type {
  ExportFormat,
  ExportRequest,
  ExportSummary,
} from './exports.schemas.ts';
import { writeHtml } from './html-writer.ts';
import { finish, type FormatWriter } from './output.ts';
import { writeVcard3, writeVcard4 } from './vcard-writer.ts';
import { writeXlsx } from './xlsx-writer.ts';

type FormatSpec = {
  write: FormatWriter;
  contentType: string;
  extension: string;
  /** The file name's first word, French and English. */
  name: Record<Lang, string>;
  /** Who is left out by default: an email export for an email campaign, post for letters. */
  channel: Channel | null;
};

const docx =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Every format: its writer, its file type, its default channel. */
export const formatSpecs: Record<ExportFormat, FormatSpec> = {
  xlsx: {
    write: writeXlsx,
    contentType:
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    name: { fr: 'contacts', en: 'contacts' },
    channel: null,
  },
  'outlook-csv': {
    write: writeOutlookCsv,
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    name: { fr: 'contacts-outlook', en: 'contacts-outlook' },
    channel: 'email',
  },
  vcard3: {
    write: writeVcard3,
    contentType: 'text/vcard; charset=utf-8',
    extension: 'vcf',
    name: { fr: 'contacts', en: 'contacts' },
    channel: 'email',
  },
  vcard4: {
    write: writeVcard4,
    contentType: 'text/vcard; charset=utf-8',
    extension: 'vcf',
    name: { fr: 'contacts-vcard4', en: 'contacts-vcard4' },
    channel: 'email',
  },
  html: {
    write: writeHtml,
    contentType: 'text/html; charset=utf-8',
    extension: 'html',
    name: { fr: 'contacts', en: 'contacts' },
    channel: null,
  },
  'word-csv': {
    write: writeWordCsv,
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    name: { fr: 'publipostage', en: 'mail-merge' },
    channel: 'post',
  },
  'docx-letters': {
    write: writeDocxLetters,
    contentType: docx,
    extension: 'docx',
    name: { fr: 'courriers', en: 'letters' },
    channel: 'post',
  },
  'docx-labels': {
    write: writeDocxLabels,
    contentType: docx,
    extension: 'docx',
    name: { fr: 'etiquettes', en: 'labels' },
    channel: 'post',
  },
};

/** An export checked and counted, ready to stream. */
export type ExportPlan = {
  target: TargetRef;
  format: ExportFormat;
  lang: Lang;
  channel: Channel | null;
  template?: { data: Buffer; fileName: string };
  summary: ExportSummary;
  contentType: string;
};

/**
 * Checks an export before any byte is sent: the right to export, the
 * template, the target (counted, with those left out for the channel). A
 * refusal here still reaches the caller as a normal error.
 */
export async function prepareExport(
  ctx: Ctx,
  request: ExportRequest,
): Promise<ExportPlan> {
  await assertMayExport(ctx);
  const spec = formatSpecs[request.format];
  const channel =
    request.channel === 'none' ? null : (request.channel ?? spec.channel);
  const template = request.template
    ? {
        data: Buffer.from(request.template.contentBase64, 'base64'),
        fileName: request.template.fileName,
      }
    : undefined;
  if (template) await checkTemplate(template.data, template.fileName);
  const target = request.target as TargetRef;
  const query = await resolveTarget(ctx, target);
  if (query.entity !== 'contact') {
    // TODO(#4): export company lists and company queries (their own columns).
    throw new AppError('VALIDATION_FAILED', {
      fields: [
        {
          path: 'target',
          message:
            'seules les cibles de contacts s’exportent / ' +
            'only contact targets can be exported',
        },
      ],
    });
  }
  const count = await countTarget(ctx, target, channel ? { channel } : {});

  return {
    target,
    format: request.format,
    lang: request.lang,
    channel,
    template,
    contentType: spec.contentType,
    summary: {
      format: request.format,
      matched: count.matched,
      excluded: count.excluded,
      channel,
      fileName: `${spec.name[request.lang]}-${parisDay(new Date())}.${spec.extension}`,
    },
  };
}

/**
 * The contacts of a target, a batch at a time, the next batch read while
 * this one is written. Ids come by pages of `idPage` (each page of the
 * target costs one pass over it), contacts are read by batches of
 * `batchSize` (five queries each).
 */
async function* exportRows(
  ctx: Ctx,
  plan: ExportPlan,
  batchSize: number,
): AsyncGenerator<ExportRow[]> {
  const ids = targetContactIds(ctx, plan.target, {
    ...(plan.channel ? { channel: plan.channel } : {}),
    batchSize: Math.max(batchSize, idPage),
  });
  let next: Promise<ExportRow[]> | null = null;
  for await (const page of ids) {
    for (let start = 0; start < page.length; start += batchSize) {
      const loading = loadExportRows(ctx, page.slice(start, start + batchSize));
      // Watched at once: it may fail while the previous batch is written.
      loading.catch(() => undefined);
      if (next) yield await next;
      next = loading;
    }
  }
  if (next) yield await next;
}

const idPage = 5000;

/** What the audit trail says an export started from. */
function targetAudit(target: TargetRef) {
  switch (target.kind) {
    case 'list':
      return { entityType: 'list', entityId: target.listId };
    case 'savedQuery':
      return { entityType: 'saved_query', entityId: target.savedQueryId };
    default:
      return { entityType: 'contacts', entityId: null };
  }
}

/**
 * Streams the export into `out` and records it in the audit trail: who,
 * which format, which target, how many rows, how many left out for the
 * channel, and whether it completed.
 *
 * @returns the number of rows written
 */
export async function runExport(
  ctx: Ctx,
  plan: ExportPlan,
  out: Writable,
  options: { batchSize?: number } = {},
): Promise<number> {
  const started = performance.now();
  const spec = formatSpecs[plan.format];
  let rows = 0;
  let failure: unknown;
  // The writer ends its own stream; the destination is ended only once the
  // export is in the audit trail, so whoever receives the whole file can
  // already find it there.
  const relay = new PassThrough();
  relay.pipe(out, { end: false });
  // A destination that closes early (the client hung up, the disk is full)
  // ends the export: the writer may be waiting on a stream that will never
  // drain, so the export races the relay's closing.
  const cut = () => {
    if (!relay.readableEnded)
      relay.destroy(new Error('export destination closed'));
  };
  out.once('close', cut);
  out.once('error', cut);
  // Reported through the race below; an unheard 'error' would crash the process.
  relay.on('error', () => undefined);
  const closedEarly = new Promise<never>((_resolve, reject) => {
    relay.once('close', () => {
      if (!relay.readableEnded) reject(new Error('export destination closed'));
    });
  });
  closedEarly.catch(() => undefined);
  try {
    const batches = exportRows(ctx, plan, options.batchSize ?? 1000);
    const writing = spec.write(batches, relay, {
      lang: plan.lang,
      title: plan.lang === 'fr' ? 'Contacts exportés' : 'Exported contacts',
      template: plan.template?.data,
      templateName: plan.template?.fileName,
    });
    writing.catch(() => undefined);
    rows = await Promise.race([writing, closedEarly]);
    if (!relay.readableEnded)
      await Promise.race([once(relay, 'end'), closedEarly]);
  } catch (error) {
    failure = error;
    relay.destroy();
  } finally {
    out.off('close', cut);
    out.off('error', cut);
  }
  const ms = Math.round(performance.now() - started);
  const { summary } = plan;
  const channel = channelLabel(plan.channel, 'fr');
  await ctx.db.sequelize.transaction((transaction) =>
    recordAudit(
      ctx,
      {
        action: 'export',
        ...targetAudit(plan.target),
        summary:
          `export ${plan.format} : ${rows} contact(s)` +
          (channel
            ? `, ${summary.excluded} exclu(s) pour le canal ${channel}`
            : '') +
          (failure ? ' — interrompu' : ''),
        after: {
          format: plan.format,
          lang: plan.lang,
          channel: plan.channel,
          target: plan.target,
          template: plan.template?.fileName ?? null,
          rows,
          matched: summary.matched,
          excluded: summary.excluded,
          completed: !failure,
        },
      },
      transaction,
    ),
  );
  if (failure) {
    ctx.log.error(
      { err: failure, format: plan.format, rows, ms },
      'export.failed',
    );
    throw failure;
  }
  await finish(out);
  ctx.log.info(
    { format: plan.format, rows, excluded: summary.excluded, ms },
    'export.completed',
  );

  return rows;
}
