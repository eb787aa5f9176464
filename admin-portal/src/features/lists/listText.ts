import type { ListEntity, ListEventDto, RequestDto } from 'core-api/client';
import type { Locale, MessageKey } from '../../i18n/messages.ts';
import type { Translate } from '../../i18n/translate.ts';
import { formatCount } from '../targeting/CountSummary.tsx';

/** « 12 contacts », « 1 société ». */
export function memberCountText(
  entity: ListEntity,
  count: number,
  t: Translate,
  locale: Locale,
): string {
  const key: MessageKey =
    entity === 'company'
      ? count === 1
        ? 'lists.companies.one'
        : 'lists.companies.many'
      : count === 1
        ? 'lists.contacts.one'
        : 'lists.contacts.many';

  return t(key, { count: formatCount(count, locale) });
}

/** « Ajout de Jeanne Martin », « Retrait de Le Quotidien du Midi ». */
export function requestText(request: RequestDto, t: Translate): string {
  return t(request.action === 'add' ? 'requests.add' : 'requests.remove', {
    member: request.memberLabel,
  });
}

/** What an approval did, when it was not simply applied. */
export const outcomeKeys: Partial<
  Record<NonNullable<RequestDto['outcome']>, MessageKey>
> = {
  already_member: 'requests.outcome.already_member',
  not_member: 'requests.outcome.not_member',
  member_deleted: 'requests.outcome.member_deleted',
  merged: 'requests.outcome.merged',
};

/** Each event of a list's history in words. */
export const eventKeys: Record<ListEventDto['action'], MessageKey> = {
  created: 'listHistory.created',
  updated: 'listHistory.updated',
  deleted: 'listHistory.deleted',
  members_added: 'listHistory.members_added',
  members_removed: 'listHistory.members_removed',
  request_created: 'listHistory.request_created',
  request_approved: 'listHistory.request_approved',
  request_rejected: 'listHistory.request_rejected',
  request_withdrawn: 'listHistory.request_withdrawn',
  handed_over: 'listHistory.handed_over',
  merge_moved: 'listHistory.merge_moved',
  merge_undone: 'listHistory.merge_undone',
};
