/**
 * Contacts deleted many at once from a table's selection, and the undo of
 * such a deletion. A deletion is soft, like the card's: the contacts leave
 * searches, targets and lists until they are restored. Its author may take
 * it back for `undoWindowMinutes`, an administrator at any time.
 */
import { Op, QueryTypes, type Transaction } from 'sequelize';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import { insertRows } from '../../platform/db/bulk-insert.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { contactTokens, writeTokens } from '../search/search-index.ts';
import type { TargetQuery } from '../targeting/query.schemas.ts';
import {
  countTarget,
  targetContactIds,
  type TargetRef,
} from '../targeting/target.ts';
import type {
  ContactDeletionDto,
  DeletionUndoDto,
} from './contact-deletions.schemas.ts';
import { contactDisplayName } from './contacts.presenter.ts';
import { contactIncludes } from './contacts.service.ts';
import { counted } from '../../platform/text/plural.ts';

/** How long the author of a deletion may undo it without an administrator. */
export const undoWindowMinutes = 10;

/** The most contacts one deletion takes, as many as an export. */
const maxContacts = 100_000;

/** Ids in slices small enough for every dialect's parameter limits. */
function* slices(ids: number[], size = 500): Generator<number[]> {
  for (let start = 0; start < ids.length; start += size) {
    yield ids.slice(start, start + size);
  }
}

const auditColumns = [
  'occurred_at',
  'actor_id',
  'actor_label',
  'action',
  'entity_type',
  'entity_id',
  'parent_id',
  'summary',
  'request_id',
] as const;

/**
 * One audit event per contact under the operation's own, written as
 * multi-row INSERTs: a deletion of tens of thousands of contacts would
 * otherwise cost a statement each.
 */
async function recordEach(
  ctx: Ctx,
  action: 'delete' | 'restore',
  parentId: number,
  contacts: { id: number; name: string }[],
  transaction: Transaction,
): Promise<void> {
  const now = new Date();
  await insertRows(
    ctx.db.sequelize,
    'audit_events',
    auditColumns,
    contacts.map((contact) => ({
      occurred_at: now,
      actor_id: ctx.actor.id,
      actor_label: ctx.actor.label,
      action,
      entity_type: 'contact',
      entity_id: String(contact.id),
      parent_id: parentId,
      summary: contact.name.slice(0, 500),
      request_id: ctx.requestId ?? null,
    })),
    transaction,
  );
}

/**
 * Deletes the contacts a selection names, in one transaction, with one
 * audit event for the operation and one per contact under it. Refused when
 * the selection no longer counts `expected` contacts (someone changed the
 * base since the person looked), or counts more than `maxContacts`.
 */
export async function deleteContactSelection(
  ctx: Ctx,
  input: { query: TargetQuery; expected: number },
): Promise<ContactDeletionDto> {
  if (input.query.entity !== 'contact') {
    throw new AppError('VALIDATION_FAILED', {
      fields: [
        {
          path: 'query.entity',
          message:
            'une sélection de contacts est attendue / a selection of contacts is expected',
        },
      ],
    });
  }
  const { Contact, SearchToken } = ctx.db.models;
  const ref: TargetRef = { kind: 'query', query: input.query };

  const done = await ctx.db.sequelize.transaction(async (transaction) => {
    const inside: Ctx = { ...ctx, transaction };
    const { included } = await countTarget(inside, ref);
    if (included > maxContacts) {
      throw new AppError('VALIDATION_FAILED', {
        fields: [
          {
            path: 'query',
            message:
              `${included} contacts : 100 000 au plus par suppression / ` +
              `${included} contacts: 100,000 at most per deletion`,
          },
        ],
      });
    }
    if (included !== input.expected) {
      throw new AppError('CONFLICT', {
        fr:
          `La sélection a changé : ${counted('fr', included, 'contact y correspond', 'contacts y correspondent')} ` +
          `maintenant, et non ${input.expected}. Rien n’a été supprimé : ` +
          'vérifiez-la puis recommencez.',
        en:
          `The selection changed: ${counted('en', included, 'contact matches', 'contacts match')} it now, not ` +
          `${input.expected}. Nothing was deleted: check it and try again.`,
      });
    }
    const operation = await recordAudit(
      ctx,
      {
        action: 'contacts.delete',
        entityType: 'contact',
        summary: counted(
          'fr',
          included,
          'contact supprimé',
          'contacts supprimés',
        ),
        after: { count: included },
      },
      transaction,
    );
    const operationId = Number(operation.id);
    for await (const batch of targetContactIds(inside, ref)) {
      for (const ids of slices(batch)) {
        const named = await Contact.findAll({
          where: { id: ids },
          attributes: ['id', 'firstName', 'lastName'],
          transaction,
        });
        await Contact.destroy({ where: { id: ids }, transaction });
        await SearchToken.destroy({
          where: { entityType: 'contact', entityId: ids },
          transaction,
        });
        await recordEach(
          ctx,
          'delete',
          operationId,
          named.map((row) => ({ id: row.id, name: contactDisplayName(row) })),
          transaction,
        );
      }
    }

    return { operationId, occurredAt: operation.occurredAt };
  });
  ctx.log.info(
    { deletion: done.operationId, contacts: input.expected },
    'contacts.selection.deleted',
  );

  return {
    id: done.operationId,
    deleted: input.expected,
    undoUntil: new Date(
      done.occurredAt.getTime() + undoWindowMinutes * 60_000,
    ).toISOString(),
  };
}

/**
 * The contacts a deletion removed that are still deleted by it: not
 * restored, nor deleted again, since (a later event of theirs says so).
 */
async function stillDeletedBy(
  ctx: Ctx,
  operationId: number,
  transaction: Transaction,
): Promise<number[]> {
  const rows = await ctx.db.sequelize.query<{ entity_id: string }>(
    'SELECT d.entity_id FROM audit_events d WHERE d.parent_id = :operationId ' +
      "AND d.action = 'delete' AND d.entity_type = 'contact' AND NOT EXISTS " +
      "(SELECT 1 FROM audit_events l WHERE l.entity_type = 'contact' " +
      'AND l.entity_id = d.entity_id AND l.id > d.id ' +
      "AND l.action IN ('delete', 'restore'))",
    {
      replacements: { operationId },
      type: QueryTypes.SELECT,
      transaction,
    },
  );
  const named = rows.map((row) => Number(row.entity_id));
  const deleted: number[] = [];
  for (const ids of slices(named)) {
    const found = await ctx.db.models.Contact.findAll({
      where: { id: ids, deletedAt: { [Op.ne]: null } },
      attributes: ['id'],
      paranoid: false,
      transaction,
    });
    deleted.push(...found.map((row) => row.id));
  }

  return deleted;
}

/**
 * Takes a deletion back: its contacts return to the base with their search
 * words, audited as one operation with one event per contact. Its author
 * may do so for `undoWindowMinutes`; an administrator at any time.
 */
export async function undoContactDeletion(
  ctx: Ctx,
  operationId: number,
): Promise<DeletionUndoDto> {
  const { AuditEvent, Contact } = ctx.db.models;

  const restored = await ctx.db.sequelize.transaction(async (transaction) => {
    const operation = await AuditEvent.findByPk(operationId, { transaction });
    if (!operation || operation.action !== 'contacts.delete') {
      throw notFound('Suppression / deletion', operationId);
    }
    const late =
      Date.now() - operation.occurredAt.getTime() > undoWindowMinutes * 60_000;
    if (!isAdmin(ctx.actor) && operation.actorId !== ctx.actor.id) {
      throw new AppError('FORBIDDEN', {
        fr: 'Seul l’auteur de cette suppression ou un administrateur peut l’annuler.',
        en: 'Only whoever made this deletion or an administrator may undo it.',
      });
    }
    if (!isAdmin(ctx.actor) && late) {
      throw new AppError('FORBIDDEN', {
        fr:
          `Le délai d’annulation (${undoWindowMinutes} minutes) est passé : ` +
          'un administrateur peut encore restaurer ces contacts.',
        en:
          `The undo delay (${undoWindowMinutes} minutes) has passed: an ` +
          'administrator can still restore these contacts.',
      });
    }
    const ids = await stillDeletedBy(ctx, operationId, transaction);
    if (ids.length === 0) {
      throw new AppError('CONFLICT', {
        fr: 'Cette suppression est déjà annulée.',
        en: 'This deletion is already undone.',
      });
    }
    const undo = await recordAudit(
      ctx,
      {
        action: 'contacts.restore',
        entityType: 'contact',
        summary: `Annulation de la suppression n° ${operationId}`,
        after: { deletion: operationId, count: ids.length },
      },
      transaction,
    );
    for (const slice of slices(ids)) {
      await Contact.restore({ where: { id: slice }, transaction });
      const contacts = await Contact.findAll({
        where: { id: slice },
        include: contactIncludes(ctx.db.models),
        transaction,
      });
      await writeTokens(
        ctx,
        contacts.map((contact) => ({
          type: 'contact' as const,
          id: contact.id,
          tokens: contactTokens(contact),
        })),
        transaction,
        { fresh: true },
      );
      await recordEach(
        ctx,
        'restore',
        Number(undo.id),
        contacts.map((row) => ({ id: row.id, name: contactDisplayName(row) })),
        transaction,
      );
    }

    return ids.length;
  });
  ctx.log.info(
    { deletion: operationId, contacts: restored },
    'contacts.selection.restored',
  );

  return { id: operationId, restored };
}
