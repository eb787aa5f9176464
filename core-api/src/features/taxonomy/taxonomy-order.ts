import type { z } from 'zod';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import { AppError, forbidden } from '../../platform/http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { TermDto, termOrderInput } from './taxonomy.schemas.ts';
import { presentTerm } from './taxonomy.service.ts';

/**
 * Puts the live terms of one kind under one parent in the order given
 * (`position` 0, 1, 2…), in one transaction. The list must name every
 * sibling exactly: a term added or deleted by a colleague meanwhile makes
 * it stale, and it is refused rather than half applied. Each term whose
 * place changes gets a new version, so a rename based on the old one is
 * refused too.
 *
 * @returns the siblings in their new order
 */
export async function reorderTerms(
  ctx: Ctx,
  input: z.output<typeof termOrderInput>,
): Promise<TermDto[]> {
  if (!isAdmin(ctx.actor)) throw forbidden();

  return ctx.db.sequelize.transaction(async (transaction) => {
    const siblings = await ctx.db.models.Term.findAll({
      where: { kind: input.kind, parentId: input.parentId },
      transaction,
    });
    const byId = new Map(siblings.map((term) => [term.id, term]));
    if (
      siblings.length !== input.ids.length ||
      input.ids.some((id) => !byId.has(id))
    ) {
      throw new AppError('CONFLICT', {
        fr: 'La liste des termes a changé entre-temps : rechargez-la.',
        en: 'The list of terms changed meanwhile: reload it.',
        fields: [
          {
            path: 'ids',
            message:
              'pas exactement les termes de ce niveau / not exactly the terms of this level',
          },
        ],
      });
    }

    const ordered = input.ids.map((id) => byId.get(id)!);
    // The labels, in order, are what a reader of the audit log recognises.
    const before = [...siblings]
      .sort(
        (a, b) =>
          a.position - b.position || a.label.localeCompare(b.label, 'fr'),
      )
      .map((term) => term.label);
    for (const [position, term] of ordered.entries()) {
      if (term.position === position) continue;
      term.position = position;
      term.version += 1;
      await term.save({ transaction });
    }
    await recordAudit(
      ctx,
      {
        action: 'reorder',
        entityType: 'term',
        entityId: input.parentId,
        summary: input.kind,
        before: { order: before },
        after: { order: ordered.map((term) => term.label) },
      },
      transaction,
    );

    return ordered.map(presentTerm);
  });
}
