/// <reference types="mocha" />
import { expect } from 'chai';
import { translate } from './i18n.tsx';
import { catalogues } from './messages.ts';

describe('add-in messages', () => {
  it('agrees the noun with the number, French counting 0 and 1 as one', () => {
    const logged = (locale: 'fr' | 'en', count: number) =>
      translate(locale, 'log.done', { count });
    expect(logged('fr', 0)).to.equal(
      'E-mail consigné dans l’historique de 0 contact.',
    );
    expect(logged('fr', 1)).to.equal(
      'E-mail consigné dans l’historique de 1 contact.',
    );
    expect(logged('fr', 3)).to.equal(
      'E-mail consigné dans l’historique de 3 contacts.',
    );
    expect(logged('en', 0)).to.equal(
      'Email logged in the history of 0 contacts.',
    );
    expect(logged('en', 1)).to.equal(
      'Email logged in the history of 1 contact.',
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
