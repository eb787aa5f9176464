import { expect } from 'chai';
import { clusterPairs } from './clusters.ts';
import { dedupConfig } from './dedup.config.ts';
import { findDuplicates, matchIncoming, type CandidatePair } from './engine.ts';
import { preparePerson, type PersonRecord } from './person-record.ts';
import { scorePair } from './scoring.ts';

const camille: PersonRecord = {
  id: 'a',
  civility: 'Madame',
  firstName: 'Camille',
  lastName: 'Bertrand',
  birthDate: '1988-02-04',
  emails: ['camille.bertrand@lemonde.fr'],
  phones: ['02 77 43 89 28'],
  companies: [{ name: 'Le Monde', function: 'Chef de rubrique' }],
  city: 'Saint-Denis',
  postalCode: '93200',
};

const score = (a: PersonRecord, b: PersonRecord) =>
  scorePair(preparePerson(a), preparePerson(b), dedupConfig, true);

const outcomeOf = (records: PersonRecord[], options = {}) =>
  findDuplicates(records, options).pairs.map((pair) => pair.outcome);

describe('scorePair', () => {
  it('scores a copy with typos and reformatted fields as the same person', () => {
    const copy = {
      ...camille,
      id: 'b',
      lastName: 'BERTRAND',
      phones: ['0277438928'],
      companies: [{ name: 'Journal Le Monde' }],
    };

    expect(score(camille, copy).score).to.be.at.least(
      dedupConfig.sameThreshold,
    );
  });

  it('reads first and last name swapped as the same names', () => {
    const swapped = {
      ...camille,
      id: 'b',
      firstName: 'Bertrand',
      lastName: 'Camille',
    };
    const result = score(camille, swapped);

    expect(result.details[0]).to.include({ agreement: 'exact', swapped: true });
  });

  it('never merges colleagues who share an office, a switchboard and a first name', () => {
    const office = {
      civility: 'Madame',
      firstName: 'Marie',
      phones: ['01 57 28 20 00'],
      companies: [{ name: 'Le Monde' }],
      street: '67-69 avenue Pierre Mendès France',
      postalCode: '75013',
      city: 'Paris',
    };
    const lenoir = {
      ...office,
      id: 'l',
      lastName: 'Lenoir',
      emails: ['marie.lenoir@lemonde.fr'],
    };
    const castel = {
      ...office,
      id: 'c',
      lastName: 'Castel',
      emails: ['marie.castel@lemonde.fr'],
    };
    expect(score(lenoir, castel).conflict).to.equal(true);
    expect(outcomeOf([lenoir, castel])).to.not.include('same');
    // A typo in the surname is still the same person.
    const typo = { ...lenoir, id: 't', lastName: 'Lenoire' };
    expect(outcomeOf([lenoir, typo])).to.deep.equal(['same']);
  });

  it('counts conflicting evidence against a pair', () => {
    const moved = { ...camille, id: 'b', city: 'Brest', postalCode: '29200' };

    expect(score(camille, moved).score).to.be.below(
      score(camille, camille).score,
    );
  });

  it('marks different birth dates as a conflict and a one-digit slip as not', () => {
    expect(
      score(camille, { ...camille, birthDate: '1971-06-30' }).conflict,
    ).to.equal(true);
    expect(
      score(camille, { ...camille, birthDate: '1988-02-05' }).conflict,
    ).to.equal(false);
  });

  it('gives an email made of the name less weight than a personal one', () => {
    const shared = (email: string) =>
      score(
        { id: 'a', firstName: 'Anne', lastName: 'Moreau', emails: [email] },
        { id: 'b', firstName: 'Anne', lastName: 'Moreau', emails: [email] },
      ).evidence;

    expect(shared('anne.moreau@lacroix.fr')).to.be.below(
      shared('am.presse@gmail.com'),
    );
  });

  it('gives the same score whether or not it explains it', () => {
    const variants: PersonRecord[] = [
      camille,
      { ...camille, id: 'b', lastName: 'BERTRAN', birthDate: '1988-04-02' },
      { ...camille, id: 'c', firstName: 'Bertrand', lastName: 'Camille' },
      { ...camille, id: 'd', civility: 'M.', birthDate: '1971-06-30' },
      {
        id: 'e',
        firstName: 'C.',
        lastName: 'Bertrand',
        emails: ['c.bertrand@gmail.com', 'camille.bertrand@lemonde.fr'],
        phones: ['0277438929'],
        companies: [{ name: 'Le Figaro' }],
        street: '12 rue de la Paix',
        postalCode: '93201',
        city: 'St Denis',
      },
      { id: 'f', lastName: 'Martin', street: '12 rue de la Paix' },
      { id: 'g' },
    ];
    const prepared = variants.map(preparePerson);
    for (const a of prepared) {
      for (const b of prepared) {
        const quick = scorePair(a, b, dedupConfig);
        const explained = scorePair(a, b, dedupConfig, true);
      }
    }
  });
});

describe('findDuplicates', () => {
  it('merges a copy that shares its email and phone automatically', () => {
    const copy = { ...camille, id: 'b', firstName: 'C.', birthDate: '' };

    expect(outcomeOf([camille, copy])).to.deep.equal(['same']);
  });

  it('never merges two homonyms automatically', () => {
    const homonym: PersonRecord = {
      id: 'b',
      civility: 'Madame',
      firstName: 'Camille',
      lastName: 'Bertrand',
      birthDate: '1962-11-17',
      emails: ['camille.bertrand@lefigaro.fr'],
      phones: ['06 11 22 33 44'],
      companies: [{ name: 'Le Figaro' }],
      city: 'Lyon',
      postalCode: '69002',
    };

    expect(outcomeOf([camille, homonym])).not.to.include('same');
  });

  it('never merges homonyms at one outlet sharing a name-made address', () => {
    const anne = (id: string, phone: string, city: string): PersonRecord => ({
      id,
      firstName: 'Anne',
      lastName: 'Moreau',
      emails: ['anne.moreau@lacroix.fr'],
      phones: [phone],
      companies: [{ name: 'La Croix' }],
      city,
    });

    expect(
      outcomeOf([
        anne('a', '03 74 69 15 92', 'Metz'),
        anne('b', '02 32 71 90 48', 'Poitiers'),
      ]),
    ).not.to.include('same');
  });

  it('never merges on the name alone, even with nothing against it', () => {
    const bare = (id: string) => ({
      id,
      firstName: 'Camille',
      lastName: 'Bertrand',
    });

    expect(outcomeOf([bare('a'), bare('b')])).not.to.include('same');
  });

  it('never proposes again a pair marked not a duplicate', () => {
    const copy = { ...camille, id: 'b' };

    expect(
      outcomeOf([camille, copy], { excluded: [['b', 'a']] }),
    ).to.deep.equal([]);
  });

  it('compares far fewer pairs than all of them', () => {
    const records = Array.from({ length: 300 }, (_, i) => ({
      id: `${i}`,
      firstName: `Prenom${String.fromCharCode(97 + (i % 26))}`,
      lastName: `Nom${i}`,
      emails: [`p${i}@exemple.fr`],
    }));

    expect(findDuplicates(records).compared).to.be.below(300);
  });
});

describe('matchIncoming', () => {
  it('reports an incoming record matching two existing ones as ambiguous', () => {
    const existing = [
      { ...camille, id: 'x1' },
      { ...camille, id: 'x2', emails: [] },
    ];
    const result = matchIncoming([{ ...camille, id: 'new' }], existing);

    expect(result.ambiguous).to.deep.equal([
      { incoming: 'new', existing: ['x1', 'x2'] },
    ]);
    expect(result.pairs.every((pair) => pair.outcome === 'maybe')).to.equal(
      true,
    );
  });

  it('merges an incoming record matching one existing record', () => {
    const result = matchIncoming(
      [{ ...camille, id: 'new' }],
      [{ ...camille, id: 'x1' }],
    );

    expect(result.pairs).to.have.length(1);
    expect(result.pairs[0]).to.include({ a: 'new', b: 'x1', outcome: 'same' });
  });

  it('leaves pairs of existing records alone', () => {
    const existing = [
      { ...camille, id: 'x1' },
      { ...camille, id: 'x2' },
    ];

    expect(matchIncoming([], existing).compared).to.equal(0);
  });
});

describe('clusterPairs', () => {
  const pair = (
    a: string,
    b: string,
    outcome: 'same' | 'maybe',
  ): CandidatePair => ({
    a,
    b,
    outcome,
    score: 20,
    evidence: [],
  });

  it('groups same pairs transitively', () => {
    const clusters = clusterPairs([
      pair('a', 'b', 'same'),
      pair('c', 'b', 'same'),
      pair('d', 'e', 'same'),
    ]);

    expect(clusters).to.deep.equal([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
  });

  it('leaves maybe pairs out of clusters', () => {
    expect(clusterPairs([pair('a', 'b', 'maybe')])).to.deep.equal([]);
  });
});
