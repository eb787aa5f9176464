import { expect } from 'chai';
import { blockingKeys, buildBlocks, candidatesOf } from './blocking.ts';
import { preparePerson, type PersonRecord } from './person-record.ts';

const keysOf = (record: PersonRecord) => blockingKeys(preparePerson(record));
const shareKey = (a: PersonRecord, b: PersonRecord) =>
  keysOf(a).some((key) => keysOf(b).includes(key));

describe('blocking', () => {
  it('brings together records sharing only an email', () => {
    expect(
      shareKey(
        { id: '1', lastName: 'Cosin', emails: ['zoeva.cousin@franceinter.fr'] },
        {
          id: '2',
          lastName: 'Cousin',
          emails: ['ZOEVA.COUSIN@franceinter.fr'],
        },
      ),
    ).to.equal(true);
  });

  it('brings together records sharing only a phone, however written', () => {
    expect(
      shareKey(
        { id: '1', lastName: 'Alrse', phones: ['0033204704377'] },
        { id: '2', lastName: 'Grégoire', phones: ['02 04 70 43 77'] },
      ),
    ).to.equal(true);
  });

  it('brings together names of digits, which no sound key reads, by their spelling', () => {
    expect(
      shareKey(
        { id: '1', firstName: 'Jean', lastName: '123' },
        { id: '2', firstName: 'Jean', lastName: ' 123 ' },
      ),
    ).to.equal(true);
    expect(
      shareKey(
        { id: '1', lastName: '007', companies: [{ name: 'Agence 007' }] },
        { id: '2', lastName: '007', companies: [{ name: 'AGENCE 007' }] },
      ),
    ).to.equal(true);
    expect(
      shareKey(
        { id: '1', firstName: 'Jean', lastName: '123' },
        { id: '2', firstName: 'Jean', lastName: '124' },
      ),
    ).to.equal(false);
  });

  it('brings together sound-alike last names with one first initial', () => {
    expect(
      shareKey(
        { id: '1', firstName: 'Camille', lastName: 'Lefèvre' },
        { id: '2', firstName: 'C.', lastName: 'LEFEBVRE' },
      ),
    ).to.equal(true);
  });

  it('brings together first and last names swapped', () => {
    expect(
      shareKey(
        { id: '1', firstName: 'Hortense', lastName: 'Richard' },
        { id: '2', firstName: 'Richard', lastName: 'Hortense' },
      ),
    ).to.equal(true);
  });

  it('brings together one outlet written two ways with the last name', () => {
    const outlet = (name: string): PersonRecord => ({
      id: name,
      firstName: name === 'LE MONDE SA' ? 'Jean' : 'Pierre',
      lastName: 'Dupont',
      companies: [{ name }],
    });

    expect(
      shareKey(outlet('Journal Le Monde'), outlet('LE MONDE SA')),
    ).to.equal(true);
  });

  it('never compares records with nothing in common', () => {
    const people = [
      {
        id: '1',
        firstName: 'Jean',
        lastName: 'Martin',
        phones: ['0612345678'],
      },
      { id: '2', firstName: 'Zoé', lastName: 'Quéré', phones: ['0712345678'] },
    ].map(preparePerson);
    const blocks = buildBlocks(people, 100);

    expect(candidatesOf(0, blocks)).to.deep.equal([]);
  });

  it('drops a block shared by too many records', () => {
    const people = Array.from({ length: 5 }, (_, i) =>
      preparePerson({ id: `${i}`, emails: ['accueil@mairie.fr'] }),
    );
    const blocks = buildBlocks(people, 4);

    expect(blocks.skipped).to.equal(1);
    expect(candidatesOf(0, blocks)).to.have.length(0);
  });
});
