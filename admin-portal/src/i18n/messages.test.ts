/// <reference types="mocha" />
import { expect } from 'chai';
import { en, fr } from './messages.ts';
import { translate } from './translate.ts';

const placeholders = (message: string) =>
  [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('message catalogue', () => {
  it('gives French and English exactly the same keys', () => {
    expect(Object.keys(en).sort()).to.deep.equal(Object.keys(fr).sort());
  });

  it('leaves no message empty in either language', () => {
    for (const catalogue of [fr, en]) {
      const empty = Object.entries(catalogue).filter(
        ([, message]) => message.trim() === '',
      );
      expect(empty).to.deep.equal([]);
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, message] of Object.entries(fr)) {
      expect(placeholders(en[key as keyof typeof fr]), key).to.deep.equal(
        placeholders(message),
      );
    }
  });

  it('fills placeholders and leaves an unknown one as written', () => {
    expect(translate('fr', 'search.noResult', { query: 'dupond' })).to.equal(
      'Aucun résultat pour « dupond ».',
    );
    expect(translate('en', 'search.noResult')).to.equal(
      'No result for “{query}”.',
    );
  });
});
