/**
 * What other features use of the contact history: sends and events record
 * the interactions they make through `recordInteraction`, or
 * `recordInteractions` for thousands of recipients at once, in their own
 * transaction.
 */
export {
  recordInteractions,
  type BatchRecipient,
  type BatchReport,
  type InteractionBatch,
} from './history-bulk.ts';
export {
  presentInteractions,
  recordInteraction,
  type NewInteraction,
  type Recorded,
} from './history.service.ts';
export {
  interactionKinds,
  interactionSources,
  type InteractionKind,
  type InteractionSource,
} from './history.schemas.ts';
export { contactsByAddress } from './log-email.ts';
