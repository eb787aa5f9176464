import { z } from 'zod';
import { targetQuery, targetSort } from './query.schemas.ts';
import { targetCount, targetRow } from './targeting.schemas.ts';

/**
 * The tables of the portal (contacts, companies) read a target a screenful
 * at a time: by keyset after the last row read (`after`, the cursor the
 * previous answer gave), or `offset` rows from the start when the reader
 * jumps ahead (a scroll bar dragged to the middle).
 */
export const rowsRequest = z.object({
  query: targetQuery,
  sort: targetSort.optional(),
  after: z.string().max(4000).optional(),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(100),
});

export type RowsRequest = z.input<typeof rowsRequest>;

/** A row of a table: what the query builder's rows carry, and more. */
export const tableRow = targetRow.extend({
  /** The main phone (not a fax), as the card shows it. */
  phone: z.string().nullable(),
  /** The postal code of the main address (contacts) or of the company. */
  postalCode: z.string().nullable(),
  updatedAt: z.string(),
  /** Companies: how many live contacts are linked to it; null for contacts. */
  contactCount: z.number().int().nullable(),
});

export type TableRowDto = z.infer<typeof tableRow>;

export const rowsResult = z.object({
  count: targetCount,
  items: z.array(tableRow),
  /** Where the next rows start (send it back as `after`); null at the end. */
  next: z.string().nullable(),
  tookMs: z.number(),
});

export type RowsResultDto = z.infer<typeof rowsResult>;

/**
 * The ids of a run of rows, in the table's order: a range chosen with
 * Shift, or everything matching, up to an export's 100,000 contacts.
 */
export const idsRequest = z.object({
  query: targetQuery,
  sort: targetSort.optional(),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(100_000),
});

export type IdsRequest = z.input<typeof idsRequest>;

export const idsResult = z.object({
  ids: z.array(z.number().int()),
  tookMs: z.number(),
});

export type IdsResultDto = z.infer<typeof idsResult>;
