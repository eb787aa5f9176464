import { expect } from 'chai';
import { departmentName } from './departments.ts';
import { readAllRows } from './test-support.ts';

describe('French departments', () => {
  it('names a department given by number or name, in any case or accents', () => {
    const written = [
      '69',
      '1',
      '2a',
      '974',
      'RHONE',
      "cote d'or",
      '69 - Rhône',
      'Rhône (69)',
    ];
    expect(
      written.map((text) => departmentName(text, undefined)),
    ).to.deep.equal([
      'Rhône',
      'Ain',
      'Corse-du-Sud',
      'La Réunion',
      'Rhône',
      "Côte-d'Or",
      'Rhône',
      'Rhône',
    ]);
  });

  it('leaves regions, foreign states and unknown numbers alone', () => {
    expect(departmentName('Île-de-France', 'France')).to.equal(null);
    expect(departmentName('69', 'Belgique')).to.equal(null);
    expect(departmentName('Texas', 'USA')).to.equal(null);
    expect(departmentName('99', undefined)).to.equal(null);
    expect(departmentName('974', 'La Réunion')).to.equal('La Réunion');
  });

  it('reads a "Département" column into the address region', async () => {
    const csv =
      'Nom;Ville;Département;Pays\nMartin;Lyon;69;\n' +
      'Leroy;Bastia;2B;France\nPetit;Liège;Liège;Belgique\n';
    const { contacts, issues } = await readAllRows('f.csv', Buffer.from(csv));
    expect(contacts.map((c) => c.contact.addresses?.[0]?.region)).to.deep.equal(
      ['Rhône', 'Haute-Corse', 'Liège'],
    );
    expect(issues).to.deep.equal([]);
  });
});
