import type { FeedDto, FeedInput } from 'core-api/client';

/** The feed form's fields, as typed (numbers and choices kept as text). */
export type FeedDraft = {
  name: string;
  kind: FeedDto['kind'];
  folderPath: string;
  filePattern: string;
  url: string;
  scheduleKind: 'every' | 'daily';
  minutes: string;
  at: string;
  /** A profile's id, or '' for none. */
  profileId: string;
  deactivateMissing: boolean;
  enabled: boolean;
};

/** A new feed: a folder read each morning, active. */
export const NEW_FEED: FeedDraft = {
  name: '',
  kind: 'folder',
  folderPath: '',
  filePattern: '',
  url: '',
  scheduleKind: 'daily',
  minutes: '60',
  at: '06:00',
  profileId: '',
  deactivateMissing: false,
  enabled: true,
};

/** A saved feed as the form shows it. */
export function draftOf(feed: FeedDto): FeedDraft {
  const { schedule } = feed;

  return {
    name: feed.name,
    kind: feed.kind,
    folderPath: feed.folderPath ?? '',
    filePattern: feed.filePattern ?? '',
    url: feed.url ?? '',
    scheduleKind: schedule.kind,
    minutes: schedule.kind === 'every' ? String(schedule.minutes) : '60',
    at: schedule.kind === 'daily' ? schedule.at : '06:00',
    profileId: feed.mappingProfileId ? String(feed.mappingProfileId) : '',
    deactivateMissing: feed.deactivateMissing,
    enabled: feed.enabled,
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** Whether the minutes typed are a whole number (the API checks the range). */
export function minutesReadable(draft: FeedDraft): boolean {
  return draft.scheduleKind === 'daily' || /^\s*\d+\s*$/.test(draft.minutes);
}

/**
 * What the form sends: only the fields of the chosen kind, empty texts as
 * null. Every rule on the values is the API's to check.
 */
export function inputOf(draft: FeedDraft): FeedInput {
  const folder = draft.kind === 'folder';

  return {
    name: draft.name,
    kind: draft.kind,
    folderPath: folder ? orNull(draft.folderPath) : null,
    filePattern: folder ? orNull(draft.filePattern) : null,
    url: folder ? null : orNull(draft.url),
    schedule:
      draft.scheduleKind === 'every'
        ? { kind: 'every', minutes: Number(draft.minutes) }
        : { kind: 'daily', at: draft.at },
    mappingProfileId: draft.profileId ? Number(draft.profileId) : null,
    deactivateMissing: draft.deactivateMissing,
    enabled: draft.enabled,
  };
}
