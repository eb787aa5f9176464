import { expect } from 'chai';
import { counted } from './plural.ts';

describe('counted', () => {
  it('agrees the words with the number, French counting 0 and 1 as one', () => {
    const fr = (count: number) =>
      counted('fr', count, 'contact supprimé', 'contacts supprimés');
    expect([0, 1, 2].map(fr)).to.deep.equal([
      '0 contact supprimé',
      '1 contact supprimé',
      '2 contacts supprimés',
    ]);
    const en = (count: number) => counted('en', count, 'contact', 'contacts');
    expect([0, 1, 2].map(en)).to.deep.equal([
      '0 contacts',
      '1 contact',
      '2 contacts',
    ]);
  });
});
