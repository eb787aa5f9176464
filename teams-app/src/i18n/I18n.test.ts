/// <reference types="mocha" />
import { expect } from 'chai';
import { translate } from './I18n.tsx';
import { catalogues } from './messages.ts';

describe('tab messages', () => {
  it('agrees the noun with the number, French counting 0 and 1 as one', () => {
    expect(translate('fr', 'requests.decided', { count: 0 })).to.equal(
      '0 demande décidée.',
    );
    expect(translate('fr', 'requests.decided', { count: 1 })).to.equal(
      '1 demande décidée.',
    );
    expect(translate('fr', 'requests.skipped', { count: 2 })).to.equal(
      '2 demandes déjà décidées entre-temps.',
    );
    expect(translate('en', 'requests.decided', { count: 0 })).to.equal(
      '0 requests decided.',
    );
    expect(translate('en', 'requests.decided', { count: 1 })).to.equal(
      '1 request decided.',
    );
  });

  it('writes no « (s) » in either language', () => {
    for (const catalogue of Object.values(catalogues)) {
      const hedged = Object.entries(catalogue).filter(([, message]) =>
        /\((?:s|es|ies)\)/.test(message),
      );
      expect(hedged).to.deep.equal([]);
    }
  });
});
