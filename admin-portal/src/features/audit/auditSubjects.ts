import type { AuditEventDto } from 'core-api/client';
import { isMessageKey, type Translate } from '../../i18n/translate.ts';
import {
  companyHref,
  contactHref,
  departmentsHref,
  duplicatesHref,
  feedsHref,
  importsHref,
  listsHref,
  senderAddressesHref,
  targetingHref,
  taxonomyHref,
  templatesHref,
  usersHref,
} from '../../routing/route.ts';

/**
 * Where the record of an event is shown: its own card for the records
 * that have one, the administration screen that lists it otherwise.
 */
const screens: Record<string, (id: number) => string> = {
  contact: contactHref,
  company: companyHref,
  list: listsHref,
  import_batch: importsHref,
  feed: feedsHref,
  email_template: templatesHref,
  saved_query: targetingHref,
  duplicate_pair: duplicatesHref,
  term: () => taxonomyHref,
  user: () => usersHref,
  department: () => departmentsHref,
  sender_address: () => senderAddressesHref,
};

/** A kind of record in words (`import_batch` → « Import »), or as recorded. */
export function entityTypeLabel(entityType: string, t: Translate): string {
  const key = `auditLog.type.${entityType}`;

  return isMessageKey(key) ? t(key) : entityType;
}

/**
 * The record an event concerns, in words (« Contact n° 41 ») with the link
 * that opens it, when there is one.
 */
export function subjectOf(
  event: AuditEventDto,
  t: Translate,
): { label: string; href: string | null } {
  const type = entityTypeLabel(event.entityType, t);
  const id = event.entityId;
  const numeric = id !== null && /^[1-9]\d{0,15}$/.test(id) ? Number(id) : null;
  const screen = screens[event.entityType];

  return {
    label: id === null ? type : t('auditLog.subject', { type, id }),
    href: screen && numeric !== null ? screen(numeric) : null,
  };
}
