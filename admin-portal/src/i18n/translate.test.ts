import { expect } from 'chai';
import { de, translate } from './translate.ts';

describe('translate: plurals and elision', () => {
  it('agrees the noun with the number, French counting 0 and 1 as one', () => {
    const rows = (locale: 'fr' | 'en', count: number) =>
      translate(locale, 'history.rows', { rows: count });
    expect([0, 1, 2].map((count) => rows('fr', count))).to.deep.equal([
      '0 ligne',
      '1 ligne',
      '2 lignes',
    ]);
    expect([0, 1, 2].map((count) => rows('en', count))).to.deep.equal([
      '0 rows',
      '1 row',
      '2 rows',
    ]);
    expect(
      translate('fr', 'senders.departments.counts', { users: 1, senders: 3 }),
    ).to.equal('1 utilisateur · 3 adresses accordées');
  });

  it('elides "de" before a vowel, an accented vowel or an h', () => {
    expect(de('Paul')).to.equal('de Paul');
    expect(de('Aleaume Adam')).to.equal('d’Aleaume Adam');
    expect(de('Élodie Rédactrice')).to.equal('d’Élodie Rédactrice');
    expect(de('agapé ADAM')).to.equal('d’agapé ADAM');
    expect(de('Hélène')).to.equal('d’Hélène');
    expect(
      translate('fr', 'card.delete.title', { name: 'agapé ADAM' }),
    ).to.equal('Supprimer la fiche d’agapé ADAM ?');
    expect(translate('fr', 'requests.add', { member: 'Marc' })).to.equal(
      'Ajout de Marc',
    );
    expect(translate('en', 'requests.add', { member: 'Anne' })).to.equal(
      'Add Anne',
    );
  });

  it('leaves a placeholder without its value as written', () => {
    expect(translate('fr', 'history.rows', {})).to.equal('{rows|ligne|lignes}');
  });
});
