import { expect } from 'chai';
import { parisDate, parisDateTime } from './paris-time.ts';

describe('Paris dates', () => {
  it('writes the day and the minute in Paris, winter and summer', () => {
    expect(parisDateTime('2026-12-04T08:30:00Z')).to.equal('04/12/2026 09:30');
    expect(parisDateTime('2026-07-14T22:15:00Z')).to.equal('15/07/2026 00:15');
    expect(parisDate(new Date('2026-12-31T23:30:00Z'))).to.equal('01/01/2027');
  });
});
