import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { ctxFor } from '../../test/harness.ts';
import { presentContact } from '../contacts/contacts.presenter.ts';
import { loadContact } from '../contacts/contacts.service.ts';
import { parisToday } from './feed-affiliations.ts';
import { importFile } from './imports.service.ts';

const header = 'ID;Nom;Prénom;E-mail;Société;Fonction';

describeEachDatabase('a feed’s record changing company', (db) => {
  const ctx = () => ctxFor(db());
  const run = (...rows: string[]) =>
    importFile(ctx(), {
      fileName: 'annuaire.csv',
      externalSource: 'feed:annuaire',
      data: Buffer.from([header, ...rows].join('\n')),
    });
  const affiliations = async () => {
    const contact = await db().models.Contact.findOne({
      where: { externalSource: 'feed:annuaire', externalId: 'A1' },
    });
    const card = presentContact(
      await loadContact(ctx(), contact?.id as number),
    );

    return card.affiliations.map((a) => ({
      company: a.company.name,
      function: a.function,
      startDate: a.startDate,
      endDate: a.endDate,
      isPrimary: a.isPrimary,
    }));
  };

  it('ends the previous affiliation and makes the new one current, keeping history', async () => {
    const today = parisToday();
    await run('A1;Fabre;Inès;ines.fabre@flux.test;Le Progrès;Journaliste');
    expect(await affiliations()).to.deep.equal([
      {
        company: 'Le Progrès',
        function: 'Journaliste',
        startDate: null,
        endDate: null,
        isPrimary: true,
      },
    ]);

    const moved = await run(
      'A1;Fabre;Inès;ines.fabre@flux.test;Sud Ouest;Cheffe de rubrique',
    );
    expect(moved.updated).to.equal(1);
    const afterMove = [
      {
        company: 'Sud Ouest',
        function: 'Cheffe de rubrique',
        startDate: today,
        endDate: null,
        isPrimary: true,
      },
      {
        company: 'Le Progrès',
        function: 'Journaliste',
        startDate: null,
        endDate: today,
        isPrimary: false,
      },
    ];
    expect(await affiliations()).to.deep.equal(afterMove);

    // The same row again changes nothing; a row without a company leaves them.
    await run(
      'A1;Fabre;Inès;ines.fabre@flux.test;SUD OUEST;Cheffe de rubrique',
    );
    expect(await affiliations()).to.deep.equal(afterMove);
    await run('A1;Fabre;Inès;ines.fabre@flux.test;;');
    expect(await affiliations()).to.deep.equal(afterMove);

    // A new function in the same company is a new affiliation too.
    await run(
      'A1;Fabre;Inès;ines.fabre@flux.test;Sud Ouest;Rédactrice en chef',
    );
    const [current, ended] = await affiliations();
    expect(current).to.deep.include({
      company: 'Sud Ouest',
      function: 'Rédactrice en chef',
      endDate: null,
      isPrimary: true,
    });
    expect(ended).to.deep.include({
      function: 'Cheffe de rubrique',
      endDate: today,
    });
    expect(await affiliations()).to.have.length(3);
  });
});
