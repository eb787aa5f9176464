import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { ctxFor } from '../../test/harness.ts';
import { scanBase } from '../duplicates/duplicates.service.ts';
import { importFile } from './imports.service.ts';

const csv = (lines: string[]) => Buffer.from(lines.join('\n'));

describeEachDatabase('review pairs queued by an import', (db) => {
  const ctx = () => ctxFor(db());
  const pendingEvidence = async () => {
    const pairs = await db().models.DuplicatePair.findAll({
      where: { status: 'pending' },
      order: [['id', 'ASC']],
    });

    return new Map(
      pairs.map((pair) => [
        `${pair.contactAId}:${pair.contactBId}`,
        JSON.parse(pair.evidence) as { field: string; weight: number }[],
      ]),
    );
  };

  it('carry the field-by-field evidence a whole-base scan gives them', async () => {
    await importFile(ctx(), {
      fileName: 'base.csv',
      data: csv([
        'Nom;Prénom;Média;E-mail;Portable',
        'Delorme;Paul;Le Progrès;paul.delorme@leprogres.test;06 55 66 77 88',
        'Delorme;Paul;Le Progrès;p.delorme@leprogres.test;06 55 66 77 89',
      ]),
    });
    const incoming = await importFile(ctx(), {
      fileName: 'retour.csv',
      data: csv([
        'Nom;Prénom;Média;E-mail;Portable',
        'Delorme;Paul;Le Progrès;paul.delorme@leprogres.test;06 55 66 77 89',
      ]),
    });
    expect(incoming.queuedForReview).to.equal(2);

    const queued = await pendingEvidence();
    expect(queued.size).to.equal(3);
    for (const [pair, evidence] of queued) {
      expect(evidence, pair).to.not.deep.equal([]);
      expect(
        evidence.map((item) => item.field),
        pair,
      ).to.include('lastName');
    }

    await scanBase(ctx());
    const scanned = await pendingEvidence();
    expect([...scanned.keys()]).to.deep.equal([...queued.keys()]);
    for (const [pair, evidence] of scanned)
      expect(queued.get(pair), pair).to.deep.equal(evidence);
  });
});
