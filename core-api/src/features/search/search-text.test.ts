import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'chai';
import { parseQuery, phoneticKey, tokensOf } from './search-text.ts';

const phoneticDir = resolve(process.cwd(), '..', 'shared', 'data', 'phonetic');

function pairs(file: string): [string, string][] {
  return readFileSync(resolve(phoneticDir, file), 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.split('\t') as [string, string]);
}

describe('phoneticKey', () => {
  it('gives the FONEM code of each published test vector', () => {
    // Hyphenated names (SAINT-AMAND) are indexed word by word, each with its
    // own key, so only the single-word vectors apply to one key.
    const vectors = pairs('talisman_fonem_fr.tsv').filter(
      ([input]) => !input.includes('-'),
    );
    expect(vectors.length).to.be.greaterThan(100);
    const wrong = vectors.filter(
      ([input, code]) => phoneticKey(input) !== code,
    );

    expect(wrong).to.deep.equal([]);
  });

  it('gives one key to the names the product promises to match', () => {
    expect(phoneticKey('Dupond')).to.equal(phoneticKey('Dupont'));
    expect(phoneticKey('Lefèvre')).to.equal(phoneticKey('Lefebvre'));
    expect(phoneticKey('lefevre')).to.equal(phoneticKey('Lefèvre'));
    expect(phoneticKey('Éloïse')).to.equal(phoneticKey('eloise'));
    expect(phoneticKey('Gausselin')).to.equal(phoneticKey('Gosselin'));
  });

  it('keeps different names apart', () => {
    expect(phoneticKey('Dupont')).not.to.equal(phoneticKey('Durand'));
    expect(phoneticKey('Martin')).not.to.equal(phoneticKey('Moreau'));
  });

  it('has no key for words too short or not made of letters', () => {
    expect(phoneticKey('a')).to.equal(null);
    expect(phoneticKey('75011')).to.equal(null);
  });

  it('groups most of the French homophone sets of the sonnex corpus', () => {
    const groups = readFileSync(
      resolve(phoneticDir, 'talisman_sonnex_fr_homophones.tsv'),
      'utf8',
    )
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'))
      .map((line) => line.split('\t').filter((word) => !/['\s]/.test(word)));
    const together = groups.filter(
      (group) => new Set(group.map(phoneticKey)).size === 1,
    );

    // FONEM is tuned for surnames, not common words; this measures how far it
    // carries over, so a change of algorithm that loses ground shows up here.
    expect(together.length / groups.length).to.be.greaterThan(0.3);
  });
});

describe('tokensOf and parseQuery', () => {
  it('splits compound names and gives names phonetic keys', () => {
    const tokens = tokensOf('name', 'Saint-Dupuy');
    expect(tokens.map((t) => t.token)).to.deep.equal(['saint', 'dupuy']);
    expect(tokens[1]?.phonetic).to.equal(phoneticKey('dupuy'));
    expect(
      tokensOf('email', 'a.b@c.fr').every((t) => t.phonetic === null),
    ).to.equal(true);
  });

  it('reads a phone number typed with separators as one digit string', () => {
    expect(parseQuery('06 12.34-56')).to.deep.equal([
      { kind: 'digits', token: '06123456' },
    ]);
    expect(parseQuery('+33 6 12')).to.deep.equal([
      { kind: 'digits', token: '33612' },
    ]);
  });

  it('folds words and drops repeats', () => {
    const words = parseQuery('Éloïse  ÉLOÏSE Lefèvre');
    expect(words.map((w) => w.kind === 'word' && w.token)).to.deep.equal([
      'eloise',
      'lefevre',
    ]);
  });
});
