/**
 * What other features use of the contact history: sends and events record
 * the interactions they make through `recordInteraction`, in their own
 * transaction.
 */
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
