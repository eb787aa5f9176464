import { UniqueConstraintError, type Transaction } from 'sequelize';
import type { z } from 'zod';
import { AppError } from '../../platform/http/errors.ts';
import type { Ctx } from '../../platform/context.ts';
import type { ListRow } from '../../platform/db/models.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { recordListEvent, recordListEvents, someIds } from './list-history.ts';
import { notifyRequestsCreated } from './list-notify.ts';
import { authorityOver, loadList } from './list-access.ts';
import {
  deleteMembers,
  insertMembers,
  missingRecords,
  presentMembers,
  unknownMembers,
} from './list-members.ts';
import type { ChangeReport, memberChange } from './lists.schemas.ts';
import { counted } from '../../platform/text/plural.ts';

export type Change = 'add' | 'remove';

const samePending = () =>
  new AppError('CONFLICT', {
    fr: 'Une demande identique vient d’être faite : rechargez la liste.',
    en: 'The same request was just made: reload the list.',
  });

const memberKey = (list: ListRow) =>
  list.entity === 'company' ? 'companyId' : 'contactId';

/** Requests already waiting for the same change of the same members. */
async function waitingFor(
  ctx: Ctx,
  list: ListRow,
  change: Change,
  ids: number[],
  transaction: Transaction,
): Promise<Set<number>> {
  const key = memberKey(list);
  const found = new Set<number>();
  for (let start = 0; start < ids.length; start += 1000) {
    const rows = await ctx.db.models.ListChangeRequest.findAll({
      where: {
        listId: list.id,
        status: 'pending',
        action: change,
        [key]: ids.slice(start, start + 1000),
      },
      attributes: ['contactId', 'companyId'],
      transaction,
    });
    for (const row of rows) found.add(Number(row[key]));
  }

  return found;
}

type Planned = {
  list: ListRow;
  change: Change;
  /** Members the change concerns: not there yet (add), there (remove). */
  todo: number[];
  note: string | null;
  report: ChangeReport;
};

/** The owner's change (or an administrator's for the owner), at once. */
async function apply(
  ctx: Ctx,
  { list, change, todo, note, report }: Planned,
  actingForId: number | null,
  transaction: Transaction,
): Promise<void> {
  report.applied =
    change === 'add'
      ? await insertMembers(ctx, list, todo, transaction)
      : await deleteMembers(ctx, list, todo, transaction);
  if (report.applied.length === 0) return;
  await recordListEvent(
    ctx,
    {
      listId: list.id,
      action: change === 'add' ? 'members_added' : 'members_removed',
      actingForId,
      memberCount: report.applied.length,
      details: { ...someIds(report.applied), note },
    },
    transaction,
  );
  await recordAudit(
    ctx,
    {
      action: `list.members.${change}`,
      entityType: 'list',
      entityId: list.id,
      summary:
        change === 'add'
          ? counted(
              'fr',
              report.applied.length,
              'membre ajouté',
              'membres ajoutés',
            )
          : counted(
              'fr',
              report.applied.length,
              'membre retiré',
              'membres retirés',
            ),
      after: { ...someIds(report.applied), actingForId },
    },
    transaction,
  );
}

/** Anyone else's change: one pending request per member, nothing applied. */
async function propose(
  ctx: Ctx,
  { list, change, todo, note, report }: Planned,
  transaction: Transaction,
): Promise<void> {
  const { ListChangeRequest } = ctx.db.models;
  const proposedById = ctx.actor.id as number;
  report.mode = 'requested';
  const waiting = await waitingFor(ctx, list, change, todo, transaction);
  report.alreadyPending = todo.filter((id) => waiting.has(id));
  const fresh = todo.filter((id) => !waiting.has(id));
  if (fresh.length === 0) return;

  const proposedAt = new Date();
  // SQL Server takes at most 1,000 rows in one VALUES list.
  for (let start = 0; start < fresh.length; start += 1000) {
    await ListChangeRequest.bulkCreate(
      fresh.slice(start, start + 1000).map((id) => ({
        listId: list.id,
        action: change,
        contactId: list.entity === 'contact' ? id : null,
        companyId: list.entity === 'company' ? id : null,
        proposedById,
        proposedAt,
        note,
        outcome: null,
        decidedById: null,
        decidedForId: null,
        decidedAt: null,
        decisionNote: null,
      })),
      { transaction },
    );
  }
  // bulkCreate gives ids back on PostgreSQL and SQL Server, not always on
  // SQLite: read them back from the batch just written.
  const created = await ListChangeRequest.findAll({
    where: { listId: list.id, proposedById, proposedAt, status: 'pending' },
    attributes: ['id', 'contactId', 'companyId'],
    order: [['id', 'ASC']],
    transaction,
  });
  report.requests = created.map((row) => row.id);
  await recordListEvents(
    ctx,
    created.map((row) => ({
      listId: list.id,
      action: 'request_created',
      requestId: row.id,
      proposedById,
      details: { change, memberId: row.contactId ?? row.companyId },
    })),
    transaction,
  );
  await recordAudit(
    ctx,
    {
      action: 'list.request.create',
      entityType: 'list',
      entityId: list.id,
      summary: `${counted('fr', created.length, 'demande', 'demandes')} « ${change} » en attente du propriétaire`,
      after: { ...someIds(report.requests), change },
    },
    transaction,
  );
}

/** A 400: the ids given are of the other kind than the list's members. */
function otherEntity(entity: 'contact' | 'company'): AppError {
  return new AppError('VALIDATION_FAILED', {
    fields: [
      {
        path: 'entity',
        message:
          entity === 'company'
            ? 'cette liste contient des sociétés, pas des contacts / ' +
              'this list holds companies, not contacts'
            : 'cette liste contient des contacts, pas des sociétés / ' +
              'this list holds contacts, not companies',
      },
    ],
  });
}

/**
 * Adds members to a list or removes them. The owner (or an administrator,
 * recorded as acting for the owner) changes the list at once; anyone else's
 * change becomes one request per member, which changes nothing until the
 * owner approves it. Members with nothing to do (already there, already
 * gone, or a request for the same change already waiting) are reported.
 */
export async function changeMembers(
  ctx: Ctx,
  listId: number,
  change: Change,
  input: z.output<typeof memberChange>,
): Promise<ChangeReport> {
  const ids = [...new Set(input.ids)];
  const planned = await ctx.db.sequelize
    .transaction(async (transaction) => {
      const row = await loadList(ctx, listId, transaction);
      if (input.entity !== row.entity) throw otherEntity(row.entity);
      if (change === 'add') {
        const missing = await missingRecords(ctx, row.entity, ids, transaction);
        if (missing.length > 0) throw unknownMembers(row.entity, missing);
      }
      const present = await presentMembers(ctx, row, ids, transaction);
      const concerned = (id: number) =>
        present.has(id) === (change === 'remove');
      const idle = ids.filter((id) => !concerned(id));
      const planned: Planned = {
        list: row,
        change,
        todo: ids.filter(concerned),
        note: input.note ?? null,
        report: {
          mode: 'applied',
          applied: [],
          requests: [],
          alreadyMember: change === 'add' ? idle : [],
          notMember: change === 'remove' ? idle : [],
          alreadyPending: [],
        },
      };
      const { manages, actingForId } = authorityOver(ctx.actor, row);
      if (manages) await apply(ctx, planned, actingForId, transaction);
      else await propose(ctx, planned, transaction);

      return planned;
    })
    .catch((error: unknown) => {
      // Someone proposed the same change at the same instant: theirs stands.
      if (error instanceof UniqueConstraintError) throw samePending();
      throw error;
    });

  if (planned.report.requests.length > 0) {
    await notifyRequestsCreated(ctx, {
      listId,
      ownerId: planned.list.ownerId,
      proposedById: ctx.actor.id as number,
      requestIds: planned.report.requests,
    });
  }

  return planned.report;
}
