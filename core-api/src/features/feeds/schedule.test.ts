import { expect } from 'chai';
import { nextRunAfter, parisTime } from './schedule.ts';

const at = (iso: string) => new Date(iso);

describe('feed schedules', () => {
  it('run every N minutes after the given instant', () => {
    expect(
      nextRunAfter(
        { kind: 'every', minutes: 90 },
        at('2026-12-05T10:00:00Z'),
      ).toISOString(),
    ).to.equal('2026-12-05T11:30:00.000Z');
  });

  it('read a daily time in Paris time, winter and summer', () => {
    const daily = { kind: 'daily', at: '06:30' } as const;
    // Winter: Paris is UTC+1.
    expect(
      nextRunAfter(daily, at('2026-12-05T04:00:00Z')).toISOString(),
    ).to.equal('2026-12-05T05:30:00.000Z');
    // Already past today: tomorrow.
    expect(
      nextRunAfter(daily, at('2026-12-05T05:30:00Z')).toISOString(),
    ).to.equal('2026-12-06T05:30:00.000Z');
    // Summer: UTC+2.
    expect(
      nextRunAfter(daily, at('2026-07-14T00:00:00Z')).toISOString(),
    ).to.equal('2026-07-14T04:30:00.000Z');
  });

  it('cross the changes of hour', () => {
    const daily = { kind: 'daily', at: '06:30' } as const;
    // Clocks go forward on Sunday 29 March 2026.
    expect(
      nextRunAfter(daily, at('2026-03-28T06:00:00Z')).toISOString(),
    ).to.equal('2026-03-29T04:30:00.000Z');
    // And back on Sunday 25 October 2026.
    expect(
      nextRunAfter(daily, at('2026-10-24T05:00:00Z')).toISOString(),
    ).to.equal('2026-10-25T05:30:00.000Z');
    // 02:30 does not exist on 29 March: the run comes at 03:30.
    expect(
      parisTime({ year: 2026, month: 3, day: 29 }, 2, 30).toISOString(),
    ).to.equal('2026-03-29T01:30:00.000Z');
  });

  it('take the last day of a month or a year to the next', () => {
    const daily = { kind: 'daily', at: '06:30' } as const;
    expect(
      nextRunAfter(daily, at('2026-11-30T22:00:00Z')).toISOString(),
    ).to.equal('2026-12-01T05:30:00.000Z');
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(
      nextRunAfter(
        { kind: 'daily', at: '00:15' },
        at('2026-12-31T23:30:00Z'),
      ).toISOString(),
    ).to.equal('2027-01-01T23:15:00.000Z');
  });
});
