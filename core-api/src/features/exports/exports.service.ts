import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  countCompanyTarget,
  countTarget,
  resolveTarget,
  targetCompanyIds,
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
import {
  loadCompanyRows,
  loadExportRows,
  type ExportRow,
} from './export-rows.ts';
import { assertMayExport } from './export-settings.ts';
import type {
  ExportFormat,
  ExportRequest,
  ExportSummary,
} from './exports.schemas.ts';
import { writeHtml } from './html-writer.ts';
import { finish, type Entity, type FormatWriter } from './output.ts';
import { writeVcard3, writeVcard4 } from './vcard-writer.ts';
import { writeXlsx } from './xlsx-writer.ts';
import { counted } from '../../platform/text/plural.ts';

type FormatSpec = {
  write: FormatWriter;
  contentType: string;
  extension: string;
  /** The file name's first word, French and English, for contacts. */
  name: Record<Lang, string>;
  /** The same for companies. */
  companyName: Record<Lang, string>;
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
    companyName: { fr: 'societes', en: 'companies' },
    channel: null,
  },
  'outlook-csv': {
    write: writeOutlookCsv,
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    name: { fr: 'contacts-outlook', en: 'contacts-outlook' },
    companyName: { fr: 'societes-outlook', en: 'companies-outlook' },
    channel: 'email',
  },
  vcard3: {
    write: writeVcard3,
    contentType: 'text/vcard; charset=utf-8',
    extension: 'vcf',
    name: { fr: 'contacts', en: 'contacts' },
    companyName: { fr: 'societes', en: 'companies' },
    channel: 'email',
  },
  vcard4: {
    write: writeVcard4,
    contentType: 'text/vcard; charset=utf-8',
    extension: 'vcf',
    name: { fr: 'contacts-vcard4', en: 'contacts-vcard4' },
    companyName: { fr: 'societes-vcard4', en: 'companies-vcard4' },
    channel: 'email',
  },
  html: {
    write: writeHtml,
    contentType: 'text/html; charset=utf-8',
    extension: 'html',
    name: { fr: 'contacts', en: 'contacts' },
    companyName: { fr: 'societes', en: 'companies' },
    channel: null,
  },
  'word-csv': {
    write: writeWordCsv,
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    name: { fr: 'publipostage', en: 'mail-merge' },
    companyName: { fr: 'publipostage-societes', en: 'mail-merge-companies' },
    channel: 'post',
  },
  'docx-letters': {
    write: writeDocxLetters,
    contentType: docx,
    extension: 'docx',
    name: { fr: 'courriers', en: 'letters' },
    companyName: { fr: 'courriers-societes', en: 'letters-companies' },
    channel: 'post',
  },
  'docx-labels': {
    write: writeDocxLabels,
    contentType: docx,
    extension: 'docx',
    name: { fr: 'etiquettes', en: 'labels' },
    companyName: { fr: 'etiquettes-societes', en: 'labels-companies' },
    channel: 'post',
  },
};

/** An export checked and counted, ready to stream. */
export type ExportPlan = {
  target: TargetRef;
  /** Whom the target names: contacts, or companies. */
  entity: Entity;
  format: ExportFormat;
  lang: Lang;
  channel: Channel | null;
  template?: { data: Buffer; fileName: string };
  summary: ExportSummary;
  contentType: string;
};

/**
 * Contacts chosen one by one must all be there: an unknown or deleted id is
 * refused by name rather than silently left out of the file.
 *
 * @throws AppError NOT_FOUND naming the missing ids
 */
async function assertContactsExist(ctx: Ctx, ids: number[]): Promise<void> {
  const wanted = [...new Set(ids)];
  const found = new Set<number>();
  // 1,000 at a time: SQL Server takes at most 2,100 parameters a query.
  for (let start = 0; start < wanted.length; start += 1000) {
    const rows = await ctx.db.models.Contact.findAll({
      attributes: ['id'],
      where: { id: wanted.slice(start, start + 1000) },
    });
    for (const row of rows) found.add(Number(row.id));
  }
  const missing = wanted.filter((id) => !found.has(id));
  if (missing.length === 0) return;
  const shown =
    missing.slice(0, 20).join(', ') + (missing.length > 20 ? '…' : '');
  throw new AppError('NOT_FOUND', {
    fr: `${counted('fr', missing.length, 'contact introuvable ou supprimé', 'contacts introuvables ou supprimés')} : ${shown}.`,
    en: `${counted('en', missing.length, 'unknown or deleted contact', 'unknown or deleted contacts')}: ${shown}.`,
    reason: 'contacts',
  });
}

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
  const template = request.template
    ? {
        data: Buffer.from(request.template.contentBase64, 'base64'),
        fileName: request.template.fileName,
      }
    : undefined;
  if (template) await checkTemplate(template.data, template.fileName);
  const target = request.target as TargetRef;
  if (target.kind === 'contacts')
    await assertContactsExist(ctx, target.contactIds);
  const { entity } = await resolveTarget(ctx, target);
  // Companies opt out of nothing: only people are left out for a channel.
  const channel =
    entity === 'company' || request.channel === 'none'
      ? null
      : (request.channel ?? spec.channel);
  const options = channel ? { channel } : {};
  const count =
    entity === 'company'
      ? await countCompanyTarget(ctx, target, options)
      : await countTarget(ctx, target, options);
  const name = entity === 'company' ? spec.companyName : spec.name;

  return {
    target,
    entity,
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
      fileName: `${name[request.lang]}-${parisDay(new Date())}.${spec.extension}`,
    },
  };
}

/**
 * The contacts (or companies) of a target, a batch at a time, the next batch
 * read while this one is written. Ids come by pages of `idPage` (each page
 * of the target costs one pass over it), rows are read by batches of
 * `batchSize` (five queries each for contacts, two for companies). A batch
 * counts in `handed.rows` once the writer is done with it and asks for the
 * next: what an interrupted export has written.
 */
async function* exportRows(
  ctx: Ctx,
  plan: ExportPlan,
  batchSize: number,
  handed: { rows: number },
): AsyncGenerator<ExportRow[]> {
  const options = {
    ...(plan.channel ? { channel: plan.channel } : {}),
    batchSize: Math.max(batchSize, idPage),
  };
  const company = plan.entity === 'company';
  const ids = company
    ? targetCompanyIds(ctx, plan.target, options)
    : targetContactIds(ctx, plan.target, options);
  const load = (slice: number[]) =>
    company
      ? loadCompanyRows(ctx, slice, plan.lang)
      : loadExportRows(ctx, slice);
  let next: Promise<ExportRow[]> | null = null;
  const give = async function* (batch: Promise<ExportRow[]>) {
    const rows = await batch;
    yield rows;
    handed.rows += rows.length;
  };
  for await (const page of ids) {
    for (let start = 0; start < page.length; start += batchSize) {
      const loading = load(page.slice(start, start + batchSize));
      // Watched at once: it may fail while the previous batch is written.
      loading.catch(() => undefined);
      if (next) yield* give(next);
      next = loading;
    }
  }
  if (next) yield* give(next);
}

const idPage = 5000;

const titles: Record<Entity, Record<Lang, string>> = {
  contact: { fr: 'Contacts exportés', en: 'Exported contacts' },
  company: { fr: 'Sociétés exportées', en: 'Exported companies' },
};

/** What the audit trail says an export started from. */
function targetAudit(target: TargetRef) {
  switch (target.kind) {
    case 'list':
      return { entityType: 'list', entityId: target.listId };
    case 'savedQuery':
      return { entityType: 'saved_query', entityId: target.savedQueryId };
    case 'query':
      return {
        entityType:
          target.query.entity === 'company' ? 'companies' : 'contacts',
        entityId: null,
      };
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
  const handed = { rows: 0 };
  let failure: unknown;
  // The writer ends its own stream; the destination is ended only once the
  // export is in the audit trail, so whoever receives the whole file can
  // already find it there.
  // It holds nothing back: a batch the writer is done with has reached the
  // destination, so an interrupted export counts what it really wrote.
  const relay = new PassThrough({ highWaterMark: 0 });
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
    const batches = exportRows(ctx, plan, options.batchSize ?? 1000, handed);
    const writing = spec.write(batches, relay, {
      lang: plan.lang,
      entity: plan.entity,
      title: titles[plan.entity][plan.lang],
      template: plan.template?.data,
      templateName: plan.template?.fileName,
    });
    writing.catch(() => undefined);
    rows = await Promise.race([writing, closedEarly]);
    if (!relay.readableEnded)
      await Promise.race([once(relay, 'end'), closedEarly]);
  } catch (error) {
    failure = error;
    // The batches the writer finished before the cut, not zero.
    rows = handed.rows;
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
          `export ${plan.format} : ` +
          (plan.entity === 'company'
            ? counted('fr', rows, 'société', 'sociétés')
            : counted('fr', rows, 'contact', 'contacts')) +
          (channel
            ? `, ${counted('fr', summary.excluded, 'exclu', 'exclus')} pour le canal ${channel}`
            : '') +
          (failure ? ' — interrompu' : ''),
        after: {
          format: plan.format,
          entity: plan.entity,
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
