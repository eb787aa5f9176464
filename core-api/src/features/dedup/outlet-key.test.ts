import { expect } from 'chai';
import { outletKey } from './outlet-key.ts';

describe('outletKey', () => {
  it('gives one key to the spellings of one outlet', () => {
    const spellings = ['Le Monde', 'Journal Le Monde', 'LE MONDE SA', 'Monde'];

    expect(new Set(spellings.map(outletKey)).size).to.equal(1);
  });

  it('ignores accents, hyphens and spaces inside the name', () => {
    expect(outletKey('Ouest-France')).to.equal(outletKey('OUEST FRANCE'));
    expect(outletKey('France Info')).to.equal(outletKey('franceinfo'));
    expect(outletKey('Les Échos')).to.equal(outletKey('Les Echos SA'));
  });

  it('keeps different outlets apart', () => {
    expect(outletKey('Le Monde')).not.to.equal(outletKey('Le Point'));
    expect(outletKey('France 2')).not.to.equal(outletKey('France 3'));
  });

  it('keeps a name made only of noise words rather than emptying it', () => {
    expect(outletKey('Le Journal')).to.equal('lejournal');
    expect(outletKey('')).to.equal('');
  });
});
