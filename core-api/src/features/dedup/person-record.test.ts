import { expect } from 'chai';
import { preparePerson } from './person-record.ts';

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
});
