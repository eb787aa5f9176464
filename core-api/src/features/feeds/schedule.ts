import type { FeedSchedule } from './feeds.schemas.ts';

/** The client works in Paris; a daily time means Paris time all year. */
export const feedTimeZone = 'Europe/Paris';

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: feedTimeZone,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

type Wall = { year: number; month: number; day: number };

/** The Paris date and its offset from UTC (minutes) at an instant. */
function parisAt(instant: Date): Wall & { offset: number } {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(
      wallClock.formatToParts(instant).find((item) => item.type === type)
        ?.value,
    );
  const wall = {
    year: part('year'),
    month: part('month'),
    day: part('day'),
  };
  const asUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    part('hour'),
    part('minute'),
    part('second'),
  );
  const seconds = Math.floor(instant.getTime() / 1000) * 1000;

  return { ...wall, offset: Math.round((asUtc - seconds) / 60_000) };
}

/**
 * The instant a Paris wall-clock time happens. A time skipped when clocks go
 * forward (02:30 on the last Sunday of March) comes an hour later; a time
 * seen twice in October is taken the second time.
 */
export function parisTime(wall: Wall, hour: number, minute: number): Date {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, hour, minute);
  let instant = naive - parisAt(new Date(naive)).offset * 60_000;
  instant = naive - parisAt(new Date(instant)).offset * 60_000;

  return new Date(instant);
}

/**
 * When a feed runs next, strictly after `after`.
 *
 * @param schedule every N minutes, or daily at `HH:MM` Paris time
 * @param after usually now, or the slot just run
 */
export function nextRunAfter(schedule: FeedSchedule, after: Date): Date {
  if (schedule.kind === 'every')
    return new Date(after.getTime() + schedule.minutes * 60_000);

  const [hour, minute] = schedule.at.split(':').map(Number) as [number, number];
  const today = parisAt(after);
  for (let days = 0; days < 3; days += 1) {
    const candidate = parisTime(
      { year: today.year, month: today.month, day: today.day + days },
      hour,
      minute,
    );
    if (candidate > after) return candidate;
  }

  throw new Error('no daily slot found within three days');
}

/** The schedule a feed row stores, as the API shows it. */
export function scheduleOf(row: {
  everyMinutes: number | null;
  dailyAt: string | null;
}): FeedSchedule {
  return row.dailyAt
    ? { kind: 'daily', at: row.dailyAt }
    : { kind: 'every', minutes: row.everyMinutes ?? 60 };
}
