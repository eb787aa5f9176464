import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { parseFields } from './csv-reader.ts';
import { detectDateOrder, parseDate } from './dates.ts';
import type { DateOrder } from './read-types.ts';
import { fixture, readFixture } from './test-support.ts';

const value = (text: Parameters<typeof parseDate>[0], order?: DateOrder) => {
  const parsed = parseDate(text, order);

  return parsed.kind === 'date' ? parsed.value : parsed.kind;
};

/** The CiviCRM fixtures: four date columns per row and the ground truth for the row. */
function civicrmRows(name: string): { dates: string[]; valid: boolean }[] {
  const lines = readFileSync(fixture(`csv/${name}`), 'utf8')
    .trim()
    .split('\n')
    .slice(1);

  return lines.map((line) => {
    const fields = parseFields(line, ',');

    return { dates: fields.slice(2, 6), valid: fields[8] === 'Valid' };
  });
}

describe('date parsing', () => {
  it('reads French day-first text dates and ISO forms', () => {
    expect(value('01/08/1973')).to.equal('1973-08-01');
    expect(value('1/9/2008')).to.equal('2008-09-01');
    expect(value('2008-9-1 ')).to.equal('2008-09-01');
    expect(value('20080901')).to.equal('2008-09-01');
    expect(value('1953-10-15T23:10:00Z')).to.equal('1953-10-15');
    expect(value('01.08.1973')).to.equal('1973-08-01');
  });

  it('reads month names in English and French, with or without a year', () => {
    expect(value('September 12, 2008')).to.equal('2008-09-12');
    expect(value('01-Sep-08')).to.equal('2008-09-01');
    expect(value('1er août 1973')).to.equal('1973-08-01');
    expect(value('14 février')).to.equal('--02-14');
    expect(value('12 déc. 1980')).to.equal('1980-12-12');
  });

  it("reads year-less vCard dates and Apple's 1604 year", () => {
    expect(value('--0214')).to.equal('--02-14');
    expect(value('--02-29')).to.equal('--02-29');
    expect(value('1604-02-03')).to.equal('--02-03');
  });

  it('reads a day and month without a year, as the xlsx export writes them', () => {
    expect(value('15/08')).to.equal('--08-15');
    expect(value(' 1.9 ')).to.equal('--09-01');
    expect(value('29/02')).to.equal('--02-29');
    expect(value('08/15', 'mdy')).to.equal('--08-15');
    expect(value('31/02')).to.equal('impossible');
    expect(value('15/13')).to.equal('impossible');
  });

  it('reads Excel Date cells and serial numbers as calendar days', () => {
    expect(value(new Date(Date.UTC(1979, 5, 3, 4, 11)))).to.equal('1979-06-03');
    expect(value(26877)).to.equal('1973-08-01');
    expect(value(19800322)).to.equal('1980-03-22');
  });

  it('refuses impossible dates instead of rolling them over', () => {
    expect(value('2008-25-1')).to.equal('impossible');
    expect(value('31/02/1980')).to.equal('impossible');
    expect(value('29/02/1981')).to.equal('impossible');
    expect(value('--13-01')).to.equal('impossible');
    expect(value('pas de date')).to.equal('unreadable');
    expect(value('0/0/00')).to.equal('empty');
    expect(value('')).to.equal('empty');
  });

  it('follows the order it is given for ambiguous dates', () => {
    expect(value('09/01/08', 'dmy')).to.equal('2008-01-09');
    expect(value('09/01/08', 'mdy')).to.equal('2008-09-01');
    expect(value('08/09/01', 'ymd')).to.equal('2008-09-01');
    expect(value('2008/09/01', 'mdy')).to.equal('2008-09-01');
  });

  it('detects the order of a column only when its values prove it', () => {
    expect(detectDateOrder(['01/02/1980', '25/12/1975'])).to.equal('dmy');
    expect(detectDateOrder(['01/02/1980', '12/25/1975'])).to.equal('mdy');
    expect(detectDateOrder(['09/01/08', '9/1/08'])).to.equal(null);
    expect(detectDateOrder(['25/12/1975', '12/25/1975'])).to.equal(null);
  });

  const civicrm: [string, DateOrder, string][] = [
    ['civicrm_individual_dates_type1.csv', 'dmy', '2008-09-01'],
    ['civicrm_individual_dates_type2.csv', 'mdy', '2008-09-01'],
    ['civicrm_individual_dates_type4.csv', 'mdy', '2008-09-01'],
    ['civicrm_individual_dates_type8.csv', 'dmy', '2008-09-12'],
    ['civicrm_individual_dates_type16.csv', 'dmy', '2008-09-01'],
    ['civicrm_individual_dates_type32.csv', 'dmy', '2008-09-01'],
  ];
  for (const [name, order, expected] of civicrm) {
    it(`agrees with the "expected" column of ${name} on every date cell`, () => {
      const rows = civicrmRows(name);
      expect(rows.length).to.be.greaterThan(0);
      for (const row of rows) {
        const parsed = row.dates.map((cell) => value(cell, order));
        if (row.valid)
          expect(parsed).to.deep.equal([
            expected,
            expected,
            expected,
            expected,
          ]);
        else expect(parsed).to.include('impossible');
      }
    });
  }

  it('imports the CiviCRM birth dates, with an issue for the impossible one', async () => {
    const { contacts, issues } = await readFixture(
      'csv/civicrm_individual_dates_type1.csv',
    );
    expect(contacts.map((c) => c.contact.birthDate)).to.deep.equal([
      '2008-09-01',
      '2008-09-01',
      '2008-09-01',
      undefined,
      '2008-09-01',
      '2008-09-01',
      '2008-09-01',
    ]);
    const dateIssues = issues.filter((i) => i.field === 'birthDate');
    expect(dateIssues).to.have.length(1);
    expect(dateIssues[0]).to.deep.include({ line: 5 });
    expect(dateIssues[0]?.reason).to.equal(
      'Ligne 5 : date de naissance impossible « 2008-25-1 » (non importée)',
    );
    expect(dateIssues[0]?.reasonEn).to.equal(
      'Line 5: impossible birth date "2008-25-1" (not ' + 'imported)',
    );
    // The row itself still imports, without its date.
    expect(contacts.find((c) => c.line === 5)?.contact).to.deep.include({
      firstName: 'Joe',
      lastName: '3',
    });
  });

  it('reads US files month-first when asked, day-first by default', async () => {
    const us = await readFixture('csv/civicrm_individual_dates_type2.csv', {
      dateOrder: 'mdy',
    });
    expect(us.contacts.map((c) => c.contact.birthDate)).to.deep.equal([
      '2008-09-01',
      '2008-09-01',
      '2008-09-01',
    ]);
    const french = await readFixture('csv/civicrm_individual_dates_type2.csv');
    expect(french.contacts.map((c) => c.contact.birthDate)).to.deep.equal([
      '2008-01-09',
      '2008-01-09',
      '2008-01-09',
    ]);
    const us4 = await readFixture('csv/civicrm_individual_dates_type4.csv', {
      dateOrder: 'mdy',
    });
    expect(us4.contacts.map((c) => c.contact.birthDate)).to.deep.equal(
      Array(4).fill('2008-09-01'),
    );
  });

  it('detects a month-first column from a value whose second part is above 12', async () => {
    const csv = 'Prénom,Nom,Birthday\nA,B,09/01/2008\nC,D,12/25/1975\n';
    const { readAllRows } = await import('./test-support.ts');
    const { contacts } = await readAllRows('us.csv', Buffer.from(csv));
    expect(contacts.map((c) => c.contact.birthDate)).to.deep.equal([
      '2008-09-01',
      '1975-12-25',
    ]);
  });
});
