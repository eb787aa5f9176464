import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'chai';
import {
  addressWords,
  parseQuery,
  phoneticKey,
  soundKey,
  tokensOf,
  uniqueTokens,
} from './search-text.ts';

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

describe('soundKey', () => {
  it('gives the Berge code of each published test vector', () => {
    // Keys are made for words of two letters or more, without apostrophes.
    const vectors = pairs('talisman_phonetic_fr.tsv').filter(([input]) =>
      /^\p{L}{2,}$/u.test(input),
    );
    expect(vectors.length).to.be.greaterThan(500);
    const wrong = vectors.filter(([input, code]) => soundKey(input) !== code);

    expect(wrong).to.deep.equal([]);
  });

  it('agrees with the 73,896-word French regression corpus but for loanwords', () => {
    const lines = readFileSync(
      resolve(phoneticDir, 'phonetic_fr_berge_test_cases.txt'),
      'utf8',
    )
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'))
      .map((line) => line.trim().split(/\s+/) as [string, string]);
    expect(lines.length).to.be.greaterThan(73_000);
    const wrong = lines.filter(
      ([word, code]) =>
        code !== undefined &&
        /^\p{L}{2,}$/u.test(word) &&
        soundKey(word) !== code,
    );

    // Like every implementation of it, the algorithm drops a final "er" that
    // loanwords pronounce (laser, poker, leader): 42 words, one in 1,750.
    expect(wrong.length).to.be.at.most(42);
  });

  it('joins the misspellings FONEM keeps apart', () => {
    const pairsOf = [
      ['Arnaud', 'arnod'],
      ['Bonnet', 'bonned'],
      ['Petit', 'petid'],
      ['Guillaume', 'guilome'],
      ['Maillard', 'mailard'],
      ['Jacquet', 'jacqued'],
    ];
    for (const [name, typed] of pairsOf) {
      expect(soundKey(typed as string), typed).to.equal(
        soundKey(name as string),
      );
      expect(phoneticKey(typed as string), typed).not.to.equal(
        phoneticKey(name as string),
      );
    }
    expect(soundKey('Dupont')).not.to.equal(soundKey('Durand'));
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

  it('indexes a name joined by an apostrophe also glued', () => {
    expect(tokensOf('name', 'O’Brien-Smith').map((t) => t.token)).to.deep.equal(
      ['o', 'brien', 'smith', 'obrien'],
    );
    expect(tokensOf('org', "L'Équipe").map((t) => t.token)).to.deep.equal([
      'equipe',
      'lequipe',
    ]);
    const glued = tokensOf('name', "D'Artagnan").at(-1);
    expect(glued).to.deep.include({
      token: 'dartagnan',
      phonetic: phoneticKey('dartagnan'),
    });
    // Only names and organisations: a note's "aujourd'hui" stays split.
    expect(tokensOf('other', "aujourd'hui").map((t) => t.token)).to.deep.equal([
      'aujourd',
      'hui',
    ]);
  });

  it('reads a phone number typed with separators as one digit string', () => {
    expect(parseQuery('06 12.34-56')).to.deep.equal([
      { kind: 'digits', token: '06123456' },
    ]);
    expect(parseQuery('+33 (0)1 00 19 58 52')).to.deep.equal([
      { kind: 'digits', token: '33100195852' },
    ]);
    expect(parseQuery('+33 6 12')).to.deep.equal([
      { kind: 'digits', token: '33612' },
    ]);
  });

  it('leaves out joining words unless nothing else is typed', () => {
    const tokens = (typed: string) =>
      parseQuery(typed).map((w) => w.kind === 'word' && w.token);
    expect(tokens("L'Obs")).to.deep.equal(['obs']);
    expect(tokens('La Voix du Nord')).to.deep.equal(['voix', 'nord']);
    expect(tokens('Le')).to.deep.equal(['le']);
    expect(tokens('de la')).to.deep.equal(['de', 'la']);
    expect(tokens('Slate.fr')).to.deep.equal(['slate']);
    expect(tokens('jean.dupont@lemonde.fr, M. Li')).to.deep.equal([
      'jean',
      'dupont',
      'lemonde',
      'm',
      'li',
    ]);
  });

  it('matches short numbers in words exactly and longer ones as beginnings', () => {
    const prefixes = parseQuery('France 3 Occitanie 31000 75 li').map(
      (w) => w.kind === 'word' && [w.token, w.prefix],
    );
    expect(prefixes).to.deep.equal([
      ['france', true],
      ['3', false],
      ['occitanie', true],
      ['31000', true],
      ['75', false],
      ['li', false],
    ]);
    expect(parseQuery('li')).to.deep.equal([
      { kind: 'word', token: 'li', phonetic: null, sound: null, prefix: true },
    ]);
  });

  it('indexes an address without its last label or www', () => {
    expect(addressWords('Jean.Dupont@lemonde.fr')).to.equal(
      'Jean.Dupont@lemonde',
    );
    expect(addressWords('https://www.ouest-france.fr/bretagne')).to.equal(
      'ouest-france/bretagne',
    );
    expect(addressWords(null)).to.equal('');
  });

  it('keeps each word once, from the field that weighs most', () => {
    const tokens = uniqueTokens([
      ...tokensOf('email', 'dupont.jean@monde'),
      ...tokensOf('name', 'Dupont'),
      ...tokensOf('other', 'rue du Monde'),
    ]);
    expect(tokens.map((t) => `${t.field}:${t.token}`)).to.deep.equal([
      'name:dupont',
      'email:jean',
      'email:monde',
      'other:rue',
    ]);
    expect(tokens[0]?.phonetic).to.be.a('string');
  });

  it('folds words and drops repeats', () => {
    const words = parseQuery('Éloïse  ÉLOÏSE Lefèvre');
    expect(words.map((w) => w.kind === 'word' && w.token)).to.deep.equal([
      'eloise',
      'lefevre',
    ]);
  });
});
