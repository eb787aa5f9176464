/// <reference types="mocha" />
import { expect } from 'chai';
import {
  formatBirthDate,
  formatDate,
  formatDateTime,
  formatFileSize,
  formatScore,
} from './format.ts';

describe('date formats', () => {
  it('writes a calendar date day first', () => {
    expect(formatDate('2026-03-05')).to.equal('05/03/2026');
  });

  it('writes a full birth date as dd/mm/yyyy and a day-and-month one as dd/mm', () => {
    expect(formatBirthDate('1975-07-14')).to.equal('14/07/1975');
    expect(formatBirthDate('--07-14')).to.equal('14/07');
  });

  it('writes an instant in Paris winter time (UTC+1)', () => {
    expect(formatDateTime('2026-01-15T09:05:00Z')).to.equal('15/01/2026 10:05');
  });

  it('writes an instant in Paris summer time (UTC+2), across midnight', () => {
    expect(formatDateTime('2026-07-01T22:30:00.000Z')).to.equal(
      '02/07/2026 00:30',
    );
  });

  it('writes midnight as 00, not 24', () => {
    expect(formatDateTime('2026-12-31T23:00:00Z')).to.equal('01/01/2027 00:00');
  });

  it('returns a value it cannot read unchanged', () => {
    expect(formatDate('05/03/2026')).to.equal('05/03/2026');
    expect(formatBirthDate('1975')).to.equal('1975');
    expect(formatDateTime('hier')).to.equal('hier');
  });
});

describe('score formats', () => {
  it('writes one decimal at most, with the reader’s decimal mark', () => {
    expect(formatScore(12.46, 'fr')).to.equal('12,5');
    expect(formatScore(12.46, 'en')).to.equal('12.5');
    expect(formatScore(7, 'fr')).to.equal('7');
  });

  it('signs the weights of evidence, zero left bare', () => {
    expect(formatScore(3.2, 'en', true)).to.equal('+3.2');
    expect(formatScore(-4, 'en', true)).to.equal('-4');
    expect(formatScore(0, 'en', true)).to.equal('0');
  });
});

describe('file sizes', () => {
  it('writes kilobytes below a megabyte, one decimal of megabytes above', () => {
    // French puts a narrow no-break space before the unit.
    const plain = (text: string) => text.replace(/\s/g, ' ');
    expect(plain(formatFileSize(12_345, 'fr'))).to.equal('12 ko');
    expect(plain(formatFileSize(3.4 * 1024 * 1024, 'fr'))).to.equal('3,4 Mo');
    expect(plain(formatFileSize(10, 'en'))).to.equal('1 kB');
  });
});
