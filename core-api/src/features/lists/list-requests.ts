import type { Transaction } from 'sequelize';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import type {
  ListChangeRequestRow,
  ListRow,
} from '../../platform/db/models.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { authorityOver, loadList, onlyOwner } from './list-access.ts';
import { recordListEvent, recordListEvents } from './list-history.ts';
import {
  deleteMembers,
  insertMembers,
  missingRecords,
  presentMembers,
} from './list-members.ts';
import type {
  DecisionReport,
  RequestDto,
  RequestOutcome,
  bulkDecisionInput,
} from './lists.schemas.ts';
import { memberIdOf, presentRequests } from './request-pages.ts';

export type Decision = 'approve' | 'reject';

const requestLabel = 'Demande / request';

/**
 * What approving each request does, in the order they were made: the member
 * added or removed, or why there was nothing to do (already there, already
 * gone, deleted meanwhile). The list is then brought to the resulting state
 * in a few batched statements, whatever the number of requests.
 */
async function carryOut(
  ctx: Ctx,
  list: ListRow,
  ordered: ListChangeRequestRow[],
  transaction: Transaction,
): Promise<Map<number, RequestOutcome>> {
  const memberIds = [...new Set(ordered.map(memberIdOf))];
  const present = await presentMembers(ctx, list, memberIds, transaction);
  const additions = ordered.filter((r) => r.action === 'add');
  const missing = new Set(
    await missingRecords(
      ctx,
      list.entity,
      additions.map(memberIdOf),
      transaction,
    ),
  );
  const members = new Set(present);
  // Who proposed each member that approving brings in: shown as its adder.
  const proposers = new Map<number, number>();
  const outcomes = new Map<number, RequestOutcome>();
  for (const request of ordered) {
    const id = memberIdOf(request);
    let outcome: RequestOutcome = 'applied';
    if (request.action === 'add') {
      if (missing.has(id)) outcome = 'member_deleted';
      else if (members.has(id)) outcome = 'already_member';
      else {
        members.add(id);
        proposers.set(id, request.proposedById);
      }
    } else if (!members.delete(id)) {
      outcome = 'not_member';
    }
    outcomes.set(request.id, outcome);
  }
  await insertMembers(
    ctx,
    list,
    memberIds.filter((id) => members.has(id) && !present.has(id)),
    transaction,
    false,
    proposers,
  );
  await deleteMembers(
    ctx,
    list,
    memberIds.filter((id) => !members.has(id) && present.has(id)),
    transaction,
  );

  return outcomes;
}

/** Rows written per statement when closing requests. */
const updateChunk = 1000;

/**
 * Decides pending requests of one list, in the order they were made, each
 * recorded in the list's history and in the audit trail (under one parent
 * event when several are decided at once).
 */
async function decide(
  ctx: Ctx,
  list: ListRow,
  requests: ListChangeRequestRow[],
  decision: Decision,
  note: string | undefined,
  transaction: Transaction,
): Promise<ListChangeRequestRow[]> {
  const { manages, actingForId } = authorityOver(ctx.actor, list);
  if (!manages) throw onlyOwner();
  const ordered = [...requests].sort((a, b) => a.id - b.id);
  const parent =
    ordered.length > 1
      ? await recordAudit(
          ctx,
          {
            action: `list.requests.${decision}`,
            entityType: 'list',
            entityId: list.id,
            summary: `${ordered.length} demandes ${
              decision === 'approve' ? 'acceptées' : 'refusées'
            }`,
            after: { requestIds: ordered.map((r) => r.id), actingForId },
          },
          transaction,
        )
      : null;
  const outcomes =
    decision === 'approve'
      ? await carryOut(ctx, list, ordered, transaction)
      : new Map<number, RequestOutcome>();
  const decided = {
    status: decision === 'approve' ? 'approved' : 'rejected',
    decidedById: ctx.actor.id,
    decidedForId: actingForId,
    decidedAt: new Date(),
    decisionNote: note ?? null,
  } as const;

  const byOutcome = new Map<RequestOutcome | null, number[]>();
  for (const request of ordered) {
    const outcome = outcomes.get(request.id) ?? null;
    Object.assign(request, decided, { outcome });
    byOutcome.set(outcome, [...(byOutcome.get(outcome) ?? []), request.id]);
  }
  for (const [outcome, ids] of byOutcome) {
    for (let start = 0; start < ids.length; start += updateChunk) {
      await ctx.db.models.ListChangeRequest.update(
        { ...decided, outcome },
        { where: { id: ids.slice(start, start + updateChunk) }, transaction },
      );
    }
  }

  await recordListEvents(
    ctx,
    ordered.map((request) => {
      const outcome = outcomes.get(request.id) ?? null;
      return {
        listId: list.id,
        action:
          decision === 'approve' ? 'request_approved' : 'request_rejected',
        actingForId,
        requestId: request.id,
        proposedById: request.proposedById,
        memberCount: outcome === 'applied' ? 1 : 0,
        details: {
          change: request.action,
          memberId: memberIdOf(request),
          outcome,
          note: note ?? null,
        },
      };
    }),
    transaction,
  );
  for (const request of ordered) {
    const outcome = outcomes.get(request.id) ?? null;
    await recordAudit(
      ctx,
      {
        action: `list.request.${decision}`,
        entityType: 'list',
        entityId: list.id,
        parentId: parent ? Number(parent.id) : null,
        summary:
          `demande ${request.id} (${request.action} ${list.entity} ` +
          `${memberIdOf(request)}) ` +
          `${decision === 'approve' ? `acceptée : ${outcome}` : 'refusée'}`,
        after: {
          requestId: request.id,
          proposedById: request.proposedById,
          outcome,
          actingForId,
        },
      },
      transaction,
    );
  }

  return ordered;
}

const notPending = () =>
  new AppError('CONFLICT', {
    fr: 'Cette demande n’est plus en attente.',
    en: 'This request is no longer pending.',
  });

/** Approves or rejects one request: the list's owner, or an administrator. */
export async function decideRequest(
  ctx: Ctx,
  requestId: number,
  decision: Decision,
  note?: string,
): Promise<RequestDto> {
  const request = await ctx.db.sequelize.transaction(async (transaction) => {
    const row = await ctx.db.models.ListChangeRequest.findByPk(requestId, {
      transaction,
      lock: true,
    });
    if (!row) throw notFound(requestLabel, requestId);
    const list = await loadList(ctx, row.listId, transaction);
    if (!authorityOver(ctx.actor, list).manages) throw onlyOwner();
    if (row.status !== 'pending') throw notPending();
    await decide(ctx, list, [row], decision, note, transaction);

    return row;
  });
  ctx.log.info(
    { listId: request.listId, requestId, decision },
    'list.request.decided',
  );

  return (await presentRequests(ctx, [request]))[0]!;
}

/**
 * Decides several requests of a list at once: those named, or every pending
 * one. Named requests no longer pending are skipped and reported.
 */
export async function decideRequests(
  ctx: Ctx,
  listId: number,
  decision: Decision,
  input: z.output<typeof bulkDecisionInput>,
): Promise<DecisionReport> {
  const { ListChangeRequest } = ctx.db.models;
  const { decided, skipped } = await ctx.db.sequelize.transaction(
    async (transaction) => {
      const list = await loadList(ctx, listId, transaction);
      if (!authorityOver(ctx.actor, list).manages) throw onlyOwner();
      const named = input.requestIds ? [...new Set(input.requestIds)] : null;
      const pending = await ListChangeRequest.findAll({
        where: {
          listId,
          status: 'pending',
          ...(named ? { id: named } : {}),
        },
        // Two owners' sessions deciding at once wait for each other.
        lock: true,
        transaction,
      });
      const found = new Set(pending.map((r) => r.id));
      const rows = await decide(
        ctx,
        list,
        pending,
        decision,
        input.note,
        transaction,
      );

      return {
        decided: rows,
        skipped: (named ?? []).filter((id) => !found.has(id)),
      };
    },
  );
  ctx.log.info(
    { listId, decision, decided: decided.length, skipped: skipped.length },
    'list.requests.decided',
  );

  return { decided: await presentRequests(ctx, decided), skipped };
}

/** Takes back a pending request: only the person who made it. */
export async function withdrawRequest(
  ctx: Ctx,
  requestId: number,
): Promise<RequestDto> {
  const request = await ctx.db.sequelize.transaction(async (transaction) => {
    const row = await ctx.db.models.ListChangeRequest.findByPk(requestId, {
      transaction,
      lock: true,
    });
    if (!row) throw notFound(requestLabel, requestId);
    if (row.proposedById !== ctx.actor.id)
      throw new AppError('FORBIDDEN', {
        fr: 'Seule la personne qui a fait la demande peut la retirer.',
        en: 'Only the person who made the request may withdraw it.',
      });
    if (row.status !== 'pending') throw notPending();
    row.status = 'withdrawn';
    row.decidedById = ctx.actor.id;
    row.decidedAt = new Date();
    await row.save({ transaction });
    await recordListEvent(
      ctx,
      {
        listId: row.listId,
        action: 'request_withdrawn',
        requestId: row.id,
        proposedById: row.proposedById,
        details: { change: row.action, memberId: memberIdOf(row) },
      },
      transaction,
    );
    await recordAudit(
      ctx,
      {
        action: 'list.request.withdraw',
        entityType: 'list',
        entityId: row.listId,
        summary: `demande ${row.id} retirée par son auteur`,
        after: { requestId: row.id },
      },
      transaction,
    );

    return row;
  });

  return (await presentRequests(ctx, [request]))[0]!;
}
