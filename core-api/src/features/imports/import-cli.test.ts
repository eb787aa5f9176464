import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { ctxFor } from '../../test/harness.ts';
import { calibrationText, dryRun, importText } from './import-cli.ts';
import type { ImportReport } from './imports.schemas.ts';

const counts = { create: 1, update: 0, merge: 0, review: 0, reject: 1 };

function reportWith(issues: ImportReport['issues']): ImportReport {
  return {
    batchId: 3,
    fileName: 'presse.csv',
    format: 'csv',
    dryRun: false,
    totalRows: 2,
    counts,
    created: 1,
    merged: 0,
    updated: 0,
    queuedForReview: 0,
    rejected: 1,
    warnings: 0,
    deactivated: 0,
    companiesCreated: 0,
    issues,
    issuesTruncated: false,
    duplicates: {
      withBase: 0,
      withinFile: 0,
      mergedInFile: 0,
      mergedWithBase: 0,
    },
    mappings: [],
    tookMs: 5,
  };
}

describe('import reports in a terminal', () => {
  it('names each issue’s line once, its sheet too, then its field', () => {
    const text = importText(
      reportWith([
        {
          line: 1,
          field: 'emails',
          reason: 'Ligne 1 : adresse e-mail invalide « x@ » (non importée)',
          reasonEn: 'Line 1: invalid email address "x@" (not imported)',
          severity: 'error',
        },
        {
          line: 4,
          reason:
            'Feuille « Presse », ligne 4 : caractère de contrôle interdit',
          reasonEn: 'Sheet "Presse", row 4: control character refused',
          severity: 'error',
        },
        {
          line: 1,
          field: 'lastName',
          reason: 'presse.csv : les colonnes « Nom » (n° 2) et « Nom » (n° 5)…',
          reasonEn: 'presse.csv: columns "Nom" (no. 2) and "Nom" (no. 5)…',
          severity: 'warning',
        },
      ]),
    );

    expect(text).not.to.match(/ligne \d+ : ligne \d+/i);
    expect(text).to.contain(
      '\n  Ligne 1 [emails] : adresse e-mail invalide « x@ » (non importée)',
    );
    expect(text).to.contain(
      '\n  Feuille « Presse », ligne 4 : caractère de contrôle interdit',
    );
    expect(text).to.contain(
      '\n  Ligne 1 [lastName] : presse.csv : les colonnes « Nom »',
    );
  });

  it('writes « ligne » for one line and « lignes » for several', () => {
    const error = {
      field: 'emails',
      reasonEn: 'invalid email address … (not imported)',
      severity: 'error' as const,
    };
    const text = calibrationText({
      batchId: 3,
      fileName: 'presse.csv',
      totalRows: 4,
      counts,
      topErrors: [
        { ...error, reason: 'adresse e-mail invalide', count: 1, lines: [4] },
        { ...error, reason: 'date impossible', count: 2, lines: [2, 3] },
      ],
      clusters: [],
      unmapped: [],
    });

    expect(text).to.contain('(ligne 4)');
    expect(text).to.contain('(lignes 2, 3)');
  });
});

describeEachDatabase('a dry run in a terminal', (db) => {
  it('says why a recognised column is left out', async () => {
    const report = await dryRun(ctxFor(db()), {
      fileName: 'colonnes.csv',
      data: Buffer.from(
        'Prénom,Nom,E-mail,E-mail,Nom\n' +
          'Anne,Martin,anne@colonnes.test,anne2@colonnes.test,Durand\n',
      ),
    });

    expect(report.unmapped).to.have.length(1);
    expect(report.unmapped[0]).to.include({ sheet: null, header: 'Nom' });
    expect(report.unmapped[0]?.reasonEn).to.match(
      /columns "Nom" \(no\. 2\) and "Nom" \(no\. 5\) both fill/,
    );
    expect(calibrationText(report)).to.contain(
      '  « Nom » — colonnes.csv : les colonnes « Nom » (n° 2) et « Nom » (n° 5) ' +
        'remplissent toutes deux le champ « Nom (lastName) »',
    );
  });
});
