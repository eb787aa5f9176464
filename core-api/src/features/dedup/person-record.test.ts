import { expect } from 'chai';
import { PackedPeople, preparePerson } from './person-record.ts';

describe('preparePerson', () => {
  it('folds names and glues their words', () => {
    const person = preparePerson({
      id: '1',
      firstName: 'Jeanne-Viviane',
      lastName: 'LE GALL',
    });

    expect(person.first).to.equal('jeanneviviane');
    expect(person.last).to.equal('legall');
  });

  it('reads phones in French formats as one E.164 number', () => {
    const forms = ['06 88 91 90 68', '0688919068', '+33 6 88 91 90 68'];
    const keys = forms.map((phone) =>
      preparePerson({ id: '1', phones: [phone] }),
    );

    expect(keys.map((person) => person.phones[0])).to.deep.equal(
      Array(3).fill('+33688919068'),
    );
  });

  it('compares emails without case and leaves empty ones out', () => {
    const person = preparePerson({
      id: '1',
      emails: [' LUCIE.DUBOIS@OUESTFRANCE.FR ', '', null],
    });

    expect(person.emails).to.deep.equal(['lucie.dubois@ouestfrance.fr']);
  });

  it('reads a birth date as written in ISO, French or Febrl form', () => {
    for (const written of ['1988-02-04', '04/02/1988', '19880204'])
      expect(preparePerson({ id: '1', birthDate: written }).birth).to.equal(
        '19880204',
      );
  });

  it('keeps an impossible date as digits so a typo can still match', () => {
    expect(preparePerson({ id: '1', birthDate: '19560490' }).birth).to.equal(
      '19560490',
    );
  });

  it('knows which emails are made of the name only', () => {
    const person = preparePerson({
      id: '1',
      firstName: 'Anne',
      lastName: 'Moreau',
      emails: ['anne.moreau@lacroix.fr', 'redaction@lacroix.fr'],
    });

    expect(person.nameEmails).to.deep.equal(['anne.moreau@lacroix.fr']);
  });

  it('maps civilities as people write them', () => {
    expect(preparePerson({ id: '1', civility: 'Madame' }).civility).to.equal(
      'MME',
    );
    expect(preparePerson({ id: '1', civility: 'M.' }).civility).to.equal('M');
  });

  it('packs a record to text and back as it was prepared', () => {
    const records = [
      {
        id: 'r7',
        civility: 'Madame',
        firstName: 'Anne-Sophie',
        lastName: 'Le Goff',
        birthDate: '04/02/1988',
        emails: ['AnneSophie.LeGoff@Lacroix.fr', 'redaction@lacroix.fr'],
        phones: ['06 88 91 90 68', '+44 20 7946 0958'],
        companies: [{ name: 'La Croix' }, { name: 'Le Monde SA' }],
        city: 'Saint-Étienne',
        postalCode: '42 000',
        street: '12 rue de la Paix',
      },
      {
        id: 'r10',
        firstName: 'Paul',
        lastName: 'Roux',
        birthDate: '1975-06-30',
        emails: ['paul.roux@ouest-france.fr'],
        companies: [{ name: 'Ouest-France' }],
      },
      { id: 'r8', lastName: 'Martin' },
      { id: 'r9' },
    ];
    expect(preparePerson(records[0]!).nameEmails).to.have.length(1);
    const people = new PackedPeople();
    // Enough records to fill more than one block of a megabyte.
    const many = Array.from({ length: 20_000 }, (_, index) => ({
      ...(records[index % records.length] as (typeof records)[number]),
      id: `r${index}`,
    }));
    const numbers = many.map((record) => people.add(preparePerson(record)));

    expect(people.size).to.equal(many.length);
    many.forEach((record, index) => {
      const prepared = preparePerson(record);
      const back = people.unpack(numbers[index] as number, record.id);

      expect(back).to.deep.equal(prepared);
      expect(Object.keys(back)).to.deep.equal(Object.keys(prepared));
    });
  });
});
