import type { Transaction } from 'sequelize';
import type { Ctx } from '../../platform/context.ts';
import { recordListEvent } from './list-history.ts';

export type MergedContacts = {
  mergeId: number;
  /** The contact that stays. */
  survivorId: number;
  /** The contact merged into it, deleted softly by the merge. */
  mergedId: number;
};

type Tally = Map<number, { moved: number; dropped: number; requests: number }>;

const tallyOf = (tally: Tally, listId: number) => {
  const entry = tally.get(listId) ?? { moved: 0, dropped: 0, requests: 0 };
  tally.set(listId, entry);

  return entry;
};

/**
 * Called by a contact merge, in its transaction: the merged contact's list
 * memberships and pending requests go to the survivor. A list holding both
 * keeps the survivor once; a request identical to one the survivor already
 * has waiting is closed as merged. Each move is written down so the undo of
 * the merge can put it back.
 */
export async function moveListMemberships(
  ctx: Ctx,
  merge: MergedContacts,
  transaction: Transaction,
): Promise<void> {
  const { ListContact, ListChangeRequest, ListMergeMove } = ctx.db.models;
  const { mergeId, survivorId, mergedId } = merge;
  const tally: Tally = new Map();

  const memberships = await ListContact.findAll({
    where: { contactId: mergedId },
    transaction,
  });
  const survivorLists = new Set(
    (
      await ListContact.findAll({
        where: {
          contactId: survivorId,
          listId: memberships.map((m) => m.listId),
        },
        attributes: ['listId'],
        transaction,
      })
    ).map((m) => m.listId),
  );
  for (const membership of memberships) {
    const both = survivorLists.has(membership.listId);
    if (both) {
      await ListContact.destroy({
        where: { listId: membership.listId, contactId: mergedId },
        transaction,
      });
    } else {
      await ListContact.update(
        { contactId: survivorId },
        {
          where: { listId: membership.listId, contactId: mergedId },
          transaction,
        },
      );
    }
    tallyOf(tally, membership.listId)[both ? 'dropped' : 'moved'] += 1;
    await ListMergeMove.create(
      {
        mergeId,
        kind: 'membership',
        listId: membership.listId,
        requestId: null,
        outcome: both ? 'dropped' : 'moved',
        addedById: membership.addedById,
        addedAt: membership.addedAt,
      },
      { transaction },
    );
  }

  const requests = await ListChangeRequest.findAll({
    where: { contactId: mergedId, status: 'pending' },
    transaction,
  });
  const survivorWaiting = new Set(
    (
      await ListChangeRequest.findAll({
        where: { contactId: survivorId, status: 'pending' },
        attributes: ['listId', 'action'],
        transaction,
      })
    ).map((r) => `${r.listId}:${r.action}`),
  );
  for (const request of requests) {
    const same = survivorWaiting.has(`${request.listId}:${request.action}`);
    if (same) {
      request.status = 'withdrawn';
      request.outcome = 'merged';
      request.decidedAt = new Date();
      request.decisionNote = `fusion ${mergeId} / merge ${mergeId}`;
    } else {
      request.contactId = survivorId;
    }
    await request.save({ transaction });
    tallyOf(tally, request.listId).requests += 1;
    await ListMergeMove.create(
      {
        mergeId,
        kind: 'request',
        listId: request.listId,
        requestId: request.id,
        outcome: same ? 'withdrawn' : 'moved',
        addedById: null,
        addedAt: null,
      },
      { transaction },
    );
  }

  for (const [listId, counts] of tally) {
    await recordListEvent(
      ctx,
      {
        listId,
        action: 'merge_moved',
        memberCount: counts.moved,
        details: { mergeId, survivorId, mergedId, ...counts },
      },
      transaction,
    );
  }
}

/**
 * Called by the undo of a contact merge, in its transaction: the merged
 * contact gets back the memberships and pending requests the merge moved.
 * What happened since stays: a survivor removed from a list meanwhile does
 * not bring the merged contact back, and requests decided meanwhile keep
 * their decision.
 */
export async function restoreListMemberships(
  ctx: Ctx,
  merge: MergedContacts,
  transaction: Transaction,
): Promise<void> {
  const { ListContact, ListChangeRequest, ListMergeMove } = ctx.db.models;
  const { mergeId, survivorId, mergedId } = merge;
  const moves = await ListMergeMove.findAll({
    where: { mergeId },
    order: [['id', 'ASC']],
    transaction,
  });
  const tally: Tally = new Map();

  for (const move of moves) {
    if (move.kind === 'membership') {
      const where = { listId: move.listId, contactId: survivorId };
      const survivorThere =
        (await ListContact.count({ where, transaction })) > 0;
      const mergedThere =
        (await ListContact.count({
          where: { listId: move.listId, contactId: mergedId },
          transaction,
        })) > 0;
      if (!survivorThere || mergedThere) continue;
      if (move.outcome === 'moved') {
        await ListContact.update(
          { contactId: mergedId },
          { where, transaction },
        );
      } else {
        await ListContact.create(
          {
            listId: move.listId,
            contactId: mergedId,
            addedById: move.addedById,
            addedAt: move.addedAt ?? new Date(),
          },
          { transaction },
        );
      }
      tallyOf(tally, move.listId)[
        move.outcome === 'moved' ? 'moved' : 'dropped'
      ] += 1;
      continue;
    }
    const request = move.requestId
      ? await ListChangeRequest.findByPk(move.requestId, { transaction })
      : null;
    if (!request) continue;
    if (move.outcome === 'moved') {
      if (request.status !== 'pending' || request.contactId !== survivorId)
        continue;
      request.contactId = mergedId;
    } else {
      if (request.status !== 'withdrawn' || request.outcome !== 'merged')
        continue;
      request.status = 'pending';
      request.outcome = null;
      request.decidedAt = null;
      request.decisionNote = null;
    }
    await request.save({ transaction });
    tallyOf(tally, move.listId).requests += 1;
  }

  for (const [listId, counts] of tally) {
    await recordListEvent(
      ctx,
      {
        listId,
        action: 'merge_undone',
        memberCount: counts.moved + counts.dropped,
        details: { mergeId, survivorId, mergedId, ...counts },
      },
      transaction,
    );
  }
}
