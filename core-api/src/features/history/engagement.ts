import { QueryTypes, type Transaction } from 'sequelize';
import type { Ctx } from '../../platform/context.ts';

/**
 * How far a contact has engaged with us, from its history: the survivorship
 * criterion "targeting result" (R6). A record whose person wrote to us
 * (`email_in`: they answered) ranks above one only reached by a send or an
 * event (`send`, `event`), which ranks above one with neither. `at` is when
 * the latest interaction of that level happened (ms), to tell apart two
 * records of one level; both reached by the same send tie.
 */
export type Engagement = { level: 0 | 1 | 2; at: number };

export const noEngagement: Engagement = { level: 0, at: 0 };

/** Contacts read per query: inside every dialect's parameter limit. */
const slice = 1000;

type Line = {
  contact_id: number;
  answered_at: string | Date | null;
  reached_at: string | Date | null;
};

const time = (value: string | Date | null) =>
  value === null ? 0 : new Date(value).getTime();

/**
 * The engagement of each of these contacts, by id; a contact with none is
 * left out. One grouped query per thousand contacts, however long their
 * histories: a merge asks for two, a whole base asks for all at once.
 */
export async function engagementOf(
  ctx: Ctx,
  contactIds: readonly number[],
  transaction?: Transaction,
): Promise<Map<number, Engagement>> {
  const found = new Map<number, Engagement>();
  const ids = [...new Set(contactIds)].filter((id) => Number.isInteger(id));
  for (let start = 0; start < ids.length; start += slice) {
    const lines = await ctx.db.sequelize.query<Line>(
      'SELECT contact_id, ' +
        "MAX(CASE WHEN kind = 'email_in' THEN occurred_at END) AS answered_at, " +
        "MAX(CASE WHEN kind IN ('send', 'event') THEN occurred_at END) AS reached_at " +
        'FROM interactions WHERE deleted_at IS NULL ' +
        "AND kind IN ('email_in', 'send', 'event') AND contact_id IN (:ids) " +
        'GROUP BY contact_id',
      {
        type: QueryTypes.SELECT,
        replacements: { ids: ids.slice(start, start + slice) },
        transaction,
      },
    );
    for (const line of lines) {
      found.set(
        Number(line.contact_id),
        line.answered_at !== null
          ? { level: 2, at: time(line.answered_at) }
          : { level: 1, at: time(line.reached_at) },
      );
    }
  }

  return found;
}

/** Above zero when `a` engaged more than `b`, below when less, zero when alike. */
export function compareEngagement(a: Engagement, b: Engagement): number {
  return a.level !== b.level ? a.level - b.level : a.at - b.at;
}
