import { Op, type Transaction } from 'sequelize';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import { inputProblems } from '../../platform/http/validate.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { dropPendingPairs } from './duplicates.service.ts';
import type { ContactMergeRow } from '../../platform/db/models.ts';
import { inputOf, presentContact } from '../contacts/contacts.presenter.ts';
import { contactInput, type ContactDto } from '../contacts/contacts.schemas.ts';
import {
  deleteContact,
  loadContact,
  restoreContact,
  updateContact,
} from '../contacts/contacts.service.ts';
import {
  mergedInput,
  type ChoosableField,
  type Side,
} from './contact-merge.ts';
import {
  fieldChoicesByRules,
  getMergeRules,
  survivorOfRecords,
} from './merge-rules.ts';
import type { MergeReport, UndoMergeReport } from './duplicates.schemas.ts';
import {
  moveListMemberships,
  restoreListMemberships,
} from '../lists/list-merges.ts';
import {
  moveInteractions,
  restoreInteractions,
} from '../history/history-merges.ts';

export type MergeRequest = {
  survivor?: Side;
  fields?: Partial<Record<ChoosableField, Side>>;
};

const mergeIds = (merge: ContactMergeRow) => ({
  mergeId: merge.id,
  survivorId: merge.survivorId,
  mergedId: merge.mergedId,
});

const card = async (ctx: Ctx, id: number, transaction: Transaction) =>
  presentContact(await loadContact(ctx, id, { transaction }), ctx.region);

/** The card without what the audit already records elsewhere. */
const snapshot = ({ fieldSources: _sources, ...rest }: ContactDto) => rest;

/**
 * Merges the two contacts of a pair into one. The survivor is the side the
 * person chose, else the one the survivorship rules keep; each chosen field
 * comes from its chosen side. Every email, phone, address, company link and
 * term of both is kept, the other contact's history stays under its id, and
 * contacts it was the intermediary of now point to the survivor, as do its
 * list memberships and pending list requests. The merge is recorded so it
 * can be undone.
 */
export async function mergePair(
  ctx: Ctx,
  pairId: number,
  request: MergeRequest,
): Promise<MergeReport> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  const { DuplicatePair, Contact, ContactMerge } = ctx.db.models;

  return ctx.db.sequelize.transaction(async (transaction) => {
    const pair = await DuplicatePair.findByPk(pairId, { transaction });
    if (!pair) throw notFound('Paire', pairId);
    if (pair.status !== 'pending') {
      throw new AppError('CONFLICT', {
        fr: 'Cette paire est déjà tranchée.',
        en: 'This pair has already been decided.',
      });
    }
    const sides = {
      a: await card(ctx, pair.contactAId, transaction),
      b: await card(ctx, pair.contactBId, transaction),
    };
    // The administrators' rules decide what the person merging leaves open.
    const rules = (await getMergeRules(ctx, transaction)).rules;
    const survivorSide =
      request.survivor ??
      (await survivorOfRecords(ctx, rules, sides.a, sides.b, transaction));
    const survivor = sides[survivorSide];
    const other = sides[survivorSide === 'a' ? 'b' : 'a'];
    const choices = {
      ...fieldChoicesByRules(rules, survivor, other),
      ...Object.fromEntries(
        Object.entries(request.fields ?? {}).map(([field, side]) => [
          field,
          side === survivorSide ? 'survivor' : 'other',
        ]),
      ),
    };

    const checked = inputProblems(
      contactInput,
      mergedInput(survivor, other, choices, ctx.region),
    );
    if ('problems' in checked) {
      throw new AppError('VALIDATION_FAILED', {
        fields: checked.problems.map(({ path, fr, en }) => ({
          path,
          message: `${fr} / ${en}`,
        })),
      });
    }
    const relayed = await Contact.findAll({
      where: { intermediaryId: other.id, id: { [Op.ne]: survivor.id } },
      attributes: ['id'],
      transaction,
    });
    const repointedIds = relayed.map((contact) => contact.id);
    if (repointedIds.length > 0) {
      await Contact.update(
        { intermediaryId: survivor.id },
        { where: { id: repointedIds }, transaction },
      );
    }

    const after = await updateContact(
      ctx,
      survivor.id,
      { ...checked.data, version: survivor.version },
      transaction,
    );
    await Contact.update(
      { mergedIntoId: survivor.id },
      { where: { id: other.id }, transaction },
    );
    await deleteContact(ctx, other.id, transaction);
    await dropPendingPairs(ctx, transaction, [other.id], pair.id);
    pair.status = 'merged';
    pair.decidedById = ctx.actor.id;
    pair.decidedAt = new Date();
    await pair.save({ transaction });

    const merge = await ContactMerge.create(
      {
        survivorId: survivor.id,
        mergedId: other.id,
        pairId: pair.id,
        survivorBefore: JSON.stringify(inputOf(survivor)),
        survivorVersionAfter: after.version,
        repointedIds: JSON.stringify(repointedIds),
        mergedById: ctx.actor.id,
        undoneAt: null,
      },
      { transaction },
    );
    await moveListMemberships(ctx, mergeIds(merge), transaction);
    await moveInteractions(ctx, mergeIds(merge), transaction);
    await recordAudit(
      ctx,
      {
        action: 'merge',
        entityType: 'contact',
        entityId: survivor.id,
        summary: `contact ${other.id} fusionné dans ${survivor.id} (fusion ${merge.id})`,
        before: { survivor: snapshot(survivor), merged: snapshot(other) },
        after: snapshot(after),
      },
      transaction,
    );

    return {
      mergeId: merge.id,
      survivorId: survivor.id,
      mergedId: other.id,
      contact: after,
    };
  });
}

/**
 * Takes a merge back: the merged contact returns as it was, the survivor
 * gets its pre-merge record again, relayed contacts point back, list
 * memberships and requests the merge moved come back, and the pair returns to
 * the review queue. A survivor edited since the merge is only
 * taken back with `force`: those edits would be lost.
 */
export async function undoMerge(
  ctx: Ctx,
  mergeId: number,
  options: { force?: boolean } = {},
): Promise<UndoMergeReport> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  const { ContactMerge, Contact, DuplicatePair } = ctx.db.models;

  return ctx.db.sequelize.transaction(async (transaction) => {
    const merge = await ContactMerge.findByPk(mergeId, { transaction });
    if (!merge) throw notFound('Fusion', mergeId);
    if (merge.undoneAt) {
      throw new AppError('CONFLICT', {
        fr: 'Cette fusion est déjà annulée.',
        en: 'This merge is already undone.',
      });
    }
    const survivor = await card(ctx, merge.survivorId, transaction);
    const editedSince = survivor.version !== merge.survivorVersionAfter;
    if (editedSince && !options.force) {
      throw new AppError('CONFLICT', {
        fr:
          'Le contact a été modifié depuis la fusion : ' +
          'confirmez pour perdre ces modifications.',
        en: 'The contact was edited since the merge: confirm to lose those edits.',
      });
    }

    await Contact.update(
      { mergedIntoId: null },
      { where: { id: merge.mergedId }, transaction, paranoid: false },
    );
    await restoreContact(ctx, merge.mergedId, transaction);
    await updateContact(
      ctx,
      merge.survivorId,
      { ...JSON.parse(merge.survivorBefore), version: survivor.version },
      transaction,
    );
    const repointed = JSON.parse(merge.repointedIds) as number[];
    if (repointed.length > 0) {
      await Contact.update(
        { intermediaryId: merge.mergedId },
        {
          where: { id: repointed, intermediaryId: merge.survivorId },
          transaction,
        },
      );
    }
    if (merge.pairId) {
      await DuplicatePair.update(
        { status: 'pending', decidedById: null, decidedAt: null },
        { where: { id: merge.pairId }, transaction },
      );
    }
    await restoreListMemberships(ctx, mergeIds(merge), transaction);
    await restoreInteractions(ctx, mergeIds(merge), transaction);
    merge.undoneAt = new Date();
    await merge.save({ transaction });
    await recordAudit(
      ctx,
      {
        action: 'merge.undo',
        entityType: 'contact',
        entityId: merge.survivorId,
        summary: `fusion ${merge.id} annulée : contact ${merge.mergedId} rétabli`,
      },
      transaction,
    );

    return {
      mergeId,
      survivorId: merge.survivorId,
      restoredId: merge.mergedId,
      editedSinceMerge: editedSince,
    };
  });
}
