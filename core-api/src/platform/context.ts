import type { Transaction } from 'sequelize';
import type { Db } from './db/models.ts';
import type { Logger } from './log/logger.ts';

/** Who is acting: a signed-in user, or the system (start-up, feeds). */
export type Actor = {
  /** The user's id, or null for the system itself. */
  id: number | null;
  /** A label kept in the audit trail even if the user is later removed. */
  label: string;
  role: 'admin' | 'editor' | 'system';
};

/** What every service call receives first. */
export type Ctx = {
  /** The open database. */
  db: Db;
  /** Who acts. */
  actor: Actor;
  /** The project's logger, bound to the request when there is one. */
  log: Logger;
  /** Correlates log lines and audit events of one request. */
  requestId?: string;
  /** Country assumed for phone numbers without one. */
  region: string;
  /** The transaction to join, when the caller already holds one. */
  transaction?: Transaction;
};

export const systemActor: Actor = {
  id: null,
  label: 'système',
  role: 'system',
};

/** True when the actor may change administrator-only data. */
export function isAdmin(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'system';
}
