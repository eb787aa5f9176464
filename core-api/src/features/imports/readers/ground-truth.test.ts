import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { parseFields } from './csv-reader.ts';
import type { ImportedContact } from './imported-contact.ts';
import type { DateOrder } from './read-types.ts';
import { fixture, readFixture } from './test-support.ts';

/**
 * A way the CSV reading knowingly differs from Roundcube's vCard: `apply`
 * turns the contact read from the CSV into the one read from the vCard.
 */
type Difference = { reason: string; apply: (contact: ImportedContact) => void };

const roundcube: Record<string, Difference[]> = {
  roundcube_all: [
    {
      reason:
        'the "Email Other" column says other; Roundcube writes that EMAIL untyped',
      apply: (c) => delete c.emails?.[2]?.label,
    },
    {
      reason:
        '"Other Phone" is typed other from its column; an untyped vCard TEL reads as ' +
        "office, the contact schema's default kind",
      apply: (c) => {
        const phone = c.phones?.[12];
        if (phone) phone.kind = 'office';
      },
    },
    {
      reason:
        'the "Other Street…" columns say other; Roundcube writes that ADR untyped',
      apply: (c) => delete c.addresses?.[2]?.label,
    },
  ],
  roundcube_gmail: [
    {
      reason:
        'Google types the fourth email "Other"; Roundcube writes that EMAIL untyped',
      apply: (c) => delete c.emails?.[3]?.label,
    },
    {
      reason:
        'Relais keeps the P.O. box ("Address 1 - PO Box") as a second street line; ' +
        'Roundcube drops it',
      apply: (c) => delete c.addresses?.[0]?.street2,
    },
    {
      reason:
        '"* My Contacts" is a Google system group (star-marked), not a category; ' +
        'Roundcube keeps it as one',
      apply: (c) =>
        c.terms?.unshift({ kind: 'category', path: ['My Contacts'] }),
    },
    {
      reason:
        'the "Name Prefix" column holds no civility: kept as the function, which ' +
        'without a company is the title; the vCard N prefix is read for a civility only',
      apply: (c) => delete c.title,
    },
  ],
  roundcube_outlook: [],
  roundcube_thunderbird: [
    {
      reason:
        'Thunderbird\'s "Primary Email" says nothing of home or work; Roundcube ' +
        'guesses home',
      apply: (c) => {
        const email = c.emails?.[0];
        if (email) email.label = 'home';
      },
    },
  ],
};

/**
 * Issues only the CSV has: a civility column's value that is no civility is
 * reported when it cannot be kept; a vCard N prefix is read for a civility only.
 */
const csvOnlyIssues: Record<string, string[]> = {
  roundcube_all: [
    '"Prefix" is neither a civility nor a title, and the function is already ' +
      'filled (not imported)',
  ],
};

/** An issue's text without its line, which differs between a CSV row and a vCard. */
const unplaced = (reasonEn: string): string =>
  reasonEn.replace(/^Line \d+: /, '');

describe('readers against the ground truth of the fixtures', () => {
  for (const [stem, differences] of Object.entries(roundcube)) {
    it(`reads ${stem}.csv as Roundcube's expected vCard, but for listed reasons`, async () => {
      const fromCsv = await readFixture(`csv/${stem}.csv`);
      const fromVcf = await readFixture(`csv/${stem}.expected.vcf`);
      expect(fromCsv.contacts).to.have.length(1);
      expect(fromVcf.contacts).to.have.length(1);
      const csv = structuredClone(fromCsv.contacts[0]?.contact ?? {});
      const vcf = fromVcf.contacts[0]?.contact ?? {};
      // Without the listed differences applied, each one must really be there.
      for (const difference of differences) {
        const before = JSON.stringify(csv);
        difference.apply(csv);
        expect(JSON.stringify(csv), difference.reason).to.not.equal(before);
      }
      expect(csv).to.deep.equal(vcf);
      expect(fromCsv.issues.map((i) => unplaced(i.reasonEn))).to.deep.equal([
        ...(csvOnlyIssues[stem] ?? []),
        ...fromVcf.issues.map((i) => unplaced(i.reasonEn)),
      ]);
    });
  }

  // CiviCRM's "Type" column names the date format of its row; `expected` says whether
  // every date of the row is valid. The files spell 1 September 2008 (type 8: the 12th).
  const civicrm: [type: number, order: DateOrder, date: string][] = [
    [1, 'ymd', '2008-09-01'],
    [2, 'mdy', '2008-09-01'],
    [4, 'mdy', '2008-09-01'],
    [8, 'mdy', '2008-09-12'],
    [16, 'dmy', '2008-09-01'],
    [32, 'dmy', '2008-09-01'],
  ];
  for (const [type, order, date] of civicrm) {
    const name = `csv/civicrm_individual_dates_type${type}.csv`;
    it(`reads ${name} as its "expected" column says, in its "Type" format`, async () => {
      const rows = readFileSync(fixture(name), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => parseFields(line, ','));
      const { contacts, issues } = await readFixture(name, {
        dateOrder: order,
      });
      expect(contacts).to.have.length(rows.length);
      rows.forEach((cells, index) => {
        const line = index + 2;
        const contact = contacts.find((c) => c.line === line)?.contact;
        const dateIssues = issues.filter(
          (i) => i.line === line && i.field === 'birthDate',
        );
        expect(contact, `line ${line}`).to.deep.include({
          firstName: cells[0],
          lastName: cells[1],
        });
        // Relais imports the birth date only: an "Invalid" row whose bad date is the
        // deceased or a custom date imports its good birth date, without an issue.
        const birthDateValid =
          cells[8] === 'Valid' || !/-25-/.test(cells[2] ?? '');
        if (birthDateValid) {
          expect(contact?.birthDate, `line ${line}`).to.equal(date);
          expect(dateIssues, `line ${line}`).to.deep.equal([]);
        } else {
          expect(contact?.birthDate, `line ${line}`).to.equal(undefined);
          expect(dateIssues.map((i) => i.reasonEn)).to.deep.equal([
            `Line ${line}: impossible birth date "${cells[2]?.trim()}" (not imported)`,
          ]);
        }
      });
    });
  }
});
