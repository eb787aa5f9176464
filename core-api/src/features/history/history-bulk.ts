import type { Transaction } from 'sequelize';
import type { Ctx } from '../../platform/context.ts';
import { insertRows } from '../../platform/db/bulk-insert.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { NewInteraction } from './history.service.ts';

/** One contact a send or an event reached. */
export type BatchRecipient = {
  contactId: number;
  companyId?: number | null;
  /**
   * What the source calls this line (a send's recipient id): a contact
   * already holding it keeps its line and gets no second one.
   */
  externalId?: string | null;
};

/**
 * What a send to many contacts records: the same kind, source, date,
 * author, subject, summary and link on the line of each recipient.
 */
export type InteractionBatch = Omit<
  NewInteraction,
  'contactId' | 'companyId' | 'externalId'
> & {
  recipients: readonly BatchRecipient[];
  /** What the audit event names the batch after (`envoi 12`). */
  label?: string;
};

export type BatchReport = {
  /** Lines written. */
  created: number;
  /** Recipients left alone: their external id was already recorded. */
  existing: number;
};

/**
 * Recipients looked up and written per slice: the look-up's lists stay
 * well inside every dialect's limits (2,100 parameters on SQL Server), and
 * a slice is one multi-row INSERT.
 */
export const batchSlice = 500;

const interactionColumns = [
  'contact_id',
  'company_id',
  'kind',
  'occurred_at',
  'author_id',
  'subject',
  'summary',
  'link',
  'source',
  'external_id',
  'created_at',
  'updated_at',
] as const;

const cut = (value: string | null | undefined, max: number) =>
  value ? value.slice(0, max) : null;

const keyOf = (contactId: number, externalId: string) =>
  `${contactId}\u0000${externalId}`;

/** The recipients of a slice whose external id is already recorded (even deleted since). */
async function recordedKeys(
  ctx: Ctx,
  slice: readonly BatchRecipient[],
  transaction: Transaction,
): Promise<Set<string>> {
  const named = slice.filter((recipient) => recipient.externalId);
  if (named.length === 0) return new Set();
  const rows = await ctx.db.models.Interaction.findAll({
    where: {
      contactId: [...new Set(named.map((recipient) => recipient.contactId))],
      externalId: [
        ...new Set(named.map((recipient) => recipient.externalId as string)),
      ],
    },
    attributes: ['contactId', 'externalId'],
    paranoid: false,
    transaction,
  });

  return new Set(
    rows.map((row) => keyOf(row.contactId, row.externalId as string)),
  );
}

/**
 * Writes one history line per recipient of a send (thousands at a time),
 * in the caller's transaction when it gives one, with a single audit event
 * for the batch rather than one per line. Idempotent on each recipient's
 * external id, as `recordInteraction` is: a repeated call writes only the
 * lines still missing. Two calls racing on the same lines meet the unique
 * index, and the loser's transaction fails with `UniqueConstraintError`.
 */
export async function recordInteractions(
  ctx: Ctx,
  batch: InteractionBatch,
  transaction?: Transaction,
): Promise<BatchReport> {
  const run = async (t: Transaction): Promise<BatchReport> => {
    const now = new Date();
    const occurredAt = batch.occurredAt ?? now;
    const shared = {
      kind: batch.kind,
      occurred_at: occurredAt,
      author_id: batch.authorId === undefined ? ctx.actor.id : batch.authorId,
      subject: cut(batch.subject, 500),
      summary: cut(batch.summary, 2000),
      link: cut(batch.link, 1000),
      source: batch.source,
      created_at: now,
      updated_at: now,
    };
    const written = new Set<string>();
    const report: BatchReport = { created: 0, existing: 0 };
    for (let start = 0; start < batch.recipients.length; start += batchSlice) {
      const slice = batch.recipients.slice(start, start + batchSlice);
      const recorded = await recordedKeys(ctx, slice, t);
      const rows = [];
      for (const recipient of slice) {
        const externalId = recipient.externalId || null;
        if (externalId) {
          // Also a recipient named twice in the same batch: one line.
          const key = keyOf(recipient.contactId, externalId);
          if (recorded.has(key) || written.has(key)) {
            report.existing += 1;
            continue;
          }
          written.add(key);
        }
        rows.push({
          ...shared,
          contact_id: recipient.contactId,
          company_id: recipient.companyId ?? null,
          external_id: externalId,
        });
      }
      await insertRows(
        ctx.db.sequelize,
        'interactions',
        interactionColumns,
        rows,
        t,
      );
      report.created += rows.length;
    }
    if (report.created > 0)
      await auditBatch(ctx, { ...batch, occurredAt }, report, t);

    return report;
  };

  const report = await (transaction
    ? run(transaction)
    : ctx.db.sequelize.transaction(run));
  ctx.log.info(
    { ...report, kind: batch.kind, source: batch.source },
    'history.batch.recorded',
  );

  return report;
}

async function auditBatch(
  ctx: Ctx,
  batch: InteractionBatch,
  report: BatchReport,
  transaction: Transaction,
): Promise<void> {
  const label = batch.label ? ` : ${batch.label}` : '';
  await recordAudit(
    ctx,
    {
      action: 'create',
      entityType: 'interaction',
      summary: `${report.created} × ${batch.kind} (${batch.source})${label}`,
      after: {
        ...report,
        kind: batch.kind,
        source: batch.source,
        subject: cut(batch.subject, 500),
        link: cut(batch.link, 1000),
        occurredAt: batch.occurredAt?.toISOString() ?? null,
      },
    },
    transaction,
  );
}
