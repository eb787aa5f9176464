import type { FeedDto, FeedRunDto, FeedSchedule } from 'core-api/client';
import type { Locale, MessageKey } from '../../i18n/messages.ts';
import { isMessageKey, type Translate } from '../../i18n/translate.ts';

/** Each kind of feed in words; keyed by the API's type. */
export const kindLabels: Record<FeedDto['kind'], MessageKey> = {
  folder: 'feeds.kind.folder',
  url: 'feeds.kind.url',
};

/** « Toutes les 60 minutes », « Chaque jour à 06:30 (heure de Paris) ». */
export function scheduleText(schedule: FeedSchedule, t: Translate): string {
  return schedule.kind === 'every'
    ? t('feeds.every', { minutes: schedule.minutes })
    : t('feeds.daily', { at: schedule.at });
}

/** Where a feed reads: its folder and file pattern, or its address. */
export function sourceText(feed: FeedDto, t: Translate): string {
  if (feed.kind === 'url') return feed.url ?? '';

  return t('feeds.sourceFolder', {
    path: feed.folderPath ?? '',
    pattern: feed.filePattern ?? '*',
  });
}

/** The half of a `{ fr, en }` message the reader reads. */
export function inLocale(message: { fr: string; en: string }, locale: Locale) {
  return locale === 'en' ? message.en : message.fr;
}

/** A run's status in words; an unknown one is shown as the API wrote it. */
export function runStatusText(status: string, t: Translate): string {
  const key = `runs.status.${status}`;

  return isMessageKey(key) ? t(key) : status;
}

/** The badge colour of each run status: a failure stands out. */
export const runColor: Record<
  FeedRunDto['status'],
  'informative' | 'success' | 'subtle' | 'danger'
> = {
  running: 'informative',
  succeeded: 'success',
  unchanged: 'subtle',
  failed: 'danger',
};
