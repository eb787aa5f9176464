import { z } from 'zod';
import { targetQuery } from '../targeting/query.schemas.ts';

/**
 * Deleting the contacts a table selected: the selection as a target query
 * (chosen ids, or everything matching the filters less the ids left out),
 * and how many contacts the person saw selected. Should the query match
 * another number by then, nothing is deleted.
 */
export const contactDeletionRequest = z.object({
  query: targetQuery,
  expected: z
    .number()
    .int()
    .min(1, { message: 'au moins un contact / at least one contact' })
    .max(100_000, {
      message: '100 000 contacts au plus / 100,000 contacts at most',
    }),
});

export type ContactDeletionRequest = z.input<typeof contactDeletionRequest>;

/** A deletion done: the event that undoes it, and until when its author may. */
export const contactDeletionDto = z.object({
  /** The deletion's audit event: what the undo names. */
  id: z.number().int(),
  deleted: z.number().int(),
  /** Past this instant only an administrator may take it back. */
  undoUntil: z.string(),
});

export type ContactDeletionDto = z.infer<typeof contactDeletionDto>;

export const deletionUndoDto = z.object({
  id: z.number().int(),
  /** Contacts back in the base. */
  restored: z.number().int(),
});

export type DeletionUndoDto = z.infer<typeof deletionUndoDto>;
