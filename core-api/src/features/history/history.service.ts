import type { Transaction } from 'sequelize';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import type { InteractionRow } from '../../platform/db/models.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type {
  InteractionDto,
  InteractionKind,
  InteractionPage,
  InteractionSource,
  interactionInput,
  interactionQuery,
} from './history.schemas.ts';
import type { z } from 'zod';

const what = 'Interaction / interaction';

/** What a feature records in a contact's history. */
export type NewInteraction = {
  contactId: number;
  kind: InteractionKind;
  source: InteractionSource;
  /** When it happened; now when left out. */
  occurredAt?: Date;
  /** Who did it; the acting user when left out, null for the system. */
  authorId?: number | null;
  companyId?: number | null;
  subject?: string | null;
  summary?: string | null;
  link?: string | null;
  /**
   * What the source calls it (a message id, a send's recipient id): a second
   * call with the same one for the same contact returns the first row.
   */
  externalId?: string | null;
};

export type Recorded = { row: InteractionRow; created: boolean };

const cut = (value: string | null | undefined, max: number) =>
  value ? value.slice(0, max) : null;

/**
 * Writes one line of a contact's history, in the caller's transaction when
 * it gives one, with its audit event. Idempotent on `externalId`: what was
 * already recorded for the contact (even deleted since) is returned as it
 * is; two calls racing with the same one meet the unique index, and the
 * loser's transaction fails with `UniqueConstraintError` (retry it). A send
 * to many contacts uses `recordInteractions` (`history-bulk.ts`) instead:
 * rows written in batches, one audit event for the send.
 */
export async function recordInteraction(
  ctx: Ctx,
  input: NewInteraction,
  transaction?: Transaction,
): Promise<Recorded> {
  const { Interaction } = ctx.db.models;
  const run = async (t: Transaction): Promise<Recorded> => {
    if (input.externalId) {
      const existing = await Interaction.findOne({
        where: { contactId: input.contactId, externalId: input.externalId },
        paranoid: false,
        transaction: t,
      });
      if (existing) return { row: existing, created: false };
    }
    const row = await Interaction.create(
      {
        contactId: input.contactId,
        companyId: input.companyId ?? null,
        kind: input.kind,
        occurredAt: input.occurredAt ?? new Date(),
        authorId: input.authorId === undefined ? ctx.actor.id : input.authorId,
        subject: cut(input.subject, 500),
        summary: cut(input.summary, 2000),
        link: cut(input.link, 1000),
        source: input.source,
        externalId: input.externalId ?? null,
      },
      { transaction: t },
    );
    await recordAudit(
      ctx,
      {
        action: 'create',
        entityType: 'interaction',
        entityId: Number(row.id),
        summary: `${input.kind} pour le contact ${input.contactId} (${input.source})`,
        after: auditView(row),
      },
      t,
    );

    return { row, created: true };
  };

  return transaction ? run(transaction) : ctx.db.sequelize.transaction(run);
}

/** What the audit trail keeps of an interaction. */
function auditView(row: InteractionRow) {
  return {
    contactId: row.contactId,
    companyId: row.companyId,
    kind: row.kind,
    occurredAt: row.occurredAt.toISOString(),
    authorId: row.authorId,
    subject: row.subject,
    link: row.link,
    source: row.source,
    externalId: row.externalId,
  };
}

async function liveContact(
  ctx: Ctx,
  contactId: number,
  transaction?: Transaction,
  withDeleted = false,
): Promise<void> {
  const found = await ctx.db.models.Contact.findByPk(contactId, {
    attributes: ['id'],
    paranoid: !withDeleted,
    transaction,
  });
  if (!found) throw notFound('Contact', contactId);
}

/** Adds what a person typed on a contact's card (an editor). */
export async function addInteraction(
  ctx: Ctx,
  contactId: number,
  input: z.output<typeof interactionInput>,
): Promise<InteractionDto> {
  const row = await ctx.db.sequelize.transaction(async (transaction) => {
    await liveContact(ctx, contactId, transaction);
    if (input.companyId) {
      const company = await ctx.db.models.Company.findByPk(input.companyId, {
        attributes: ['id'],
        transaction,
      });
      if (!company) throw notFound('Société', input.companyId);
    }
    const recorded = await recordInteraction(
      ctx,
      {
        contactId,
        kind: input.kind,
        source: 'portal',
        occurredAt: input.occurredAt ? new Date(input.occurredAt) : undefined,
        companyId: input.companyId,
        subject: input.subject,
        summary: input.summary,
        link: input.link,
      },
      transaction,
    );

    return recorded.row;
  });

  return (await presentInteractions(ctx, [row]))[0] as InteractionDto;
}

/** Deletes one interaction: its author may, and administrators. */
export async function deleteInteraction(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.sequelize.transaction(async (transaction) => {
    const row = await ctx.db.models.Interaction.findByPk(id, { transaction });
    if (!row) throw notFound(what, id);
    if (!mayDelete(ctx, row)) throw forbidden();
    await row.destroy({ transaction });
    await recordAudit(
      ctx,
      {
        action: 'delete',
        entityType: 'interaction',
        entityId: id,
        summary: `${row.kind} du contact ${row.contactId} supprimé`,
        before: auditView(row),
      },
      transaction,
    );
  });
}

const mayDelete = (ctx: Ctx, row: InteractionRow) =>
  isAdmin(ctx.actor) ||
  (row.authorId !== null && row.authorId === ctx.actor.id);

/** A contact's history, newest first, page by page, some kinds or all. */
export async function listInteractions(
  ctx: Ctx,
  contactId: number,
  query: z.output<typeof interactionQuery>,
): Promise<InteractionPage> {
  await liveContact(ctx, contactId, undefined, isAdmin(ctx.actor));
  const { rows, count } = await ctx.db.models.Interaction.findAndCountAll({
    where: {
      contactId,
      ...(query.kind ? { kind: query.kind } : {}),
    },
    order: [
      ['occurredAt', 'DESC'],
      ['id', 'DESC'],
    ],
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });

  return {
    items: await presentInteractions(ctx, rows),
    total: count,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The rows as the API gives them, with their authors' names. */
export async function presentInteractions(
  ctx: Ctx,
  rows: InteractionRow[],
  transaction?: Transaction,
): Promise<InteractionDto[]> {
  const authorIds = [
    ...new Set(rows.map((row) => row.authorId).filter((id) => id !== null)),
  ] as number[];
  const users = authorIds.length
    ? await ctx.db.models.User.findAll({
        where: { id: authorIds },
        attributes: ['id', 'displayName'],
        transaction,
      })
    : [];
  const names = new Map(users.map((user) => [user.id, user.displayName]));

  return rows.map((row) => ({
    id: Number(row.id),
    contactId: row.contactId,
    companyId: row.companyId,
    kind: row.kind as InteractionKind,
    occurredAt: row.occurredAt.toISOString(),
    author:
      row.authorId === null
        ? null
        : {
            id: row.authorId,
            displayName: names.get(row.authorId) ?? `#${row.authorId}`,
          },
    subject: row.subject,
    summary: row.summary,
    link: row.link,
    source: row.source as InteractionSource,
    externalId: row.externalId,
    createdAt: row.createdAt.toISOString(),
    deletable: mayDelete(ctx, row),
  }));
}
