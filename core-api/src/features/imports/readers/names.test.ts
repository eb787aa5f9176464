import { expect } from 'chai';
import { caseName } from './names.ts';
import { readAllRows } from './test-support.ts';

describe('name casing', () => {
  it('recases surnames typed in one case, particles in lower case', () => {
    const surnames = [
      ['DUPONT', 'Dupont'],
      ['dupont', 'Dupont'],
      ['LE GALL', 'Le Gall'],
      ['DE LA FONTAINE', 'de La Fontaine'],
      ["D'ALEMBERT", "d'Alembert"],
      ['O’BRIEN', 'O’Brien'],
      ['MARTIN-LÉVÊQUE', 'Martin-Lévêque'],
      ['VAN DER BERG', 'van der Berg'],
      ['MCDONALD', 'McDonald'],
      ['ÉLUARD', 'Éluard'],
      // A particle alone is the whole name, not a particle.
      ['DE', 'De'],
    ];
    expect(surnames.map(([name]) => caseName(name ?? '', true))).to.deep.equal(
      surnames.map(([, cased]) => cased),
    );
  });

  it('recases first names without particles', () => {
    expect(
      ['JEAN-PIERRE', 'marie de la croix', 'ÉLOÏSE', 'J.-P.'].map((name) =>
        caseName(name, false),
      ),
    ).to.deep.equal(['Jean-Pierre', 'Marie De La Croix', 'Éloïse', 'J.-P.']);
  });

  it('keeps names whose case was chosen, and scripts without case', () => {
    for (const name of ['McCartney', 'van Gogh', 'DiCaprio', 'Le Roux', '山田'])
      expect(caseName(name, true)).to.equal(name);
  });

  it('recases the names a file gives, and those split from a display name', async () => {
    const csv =
      'Nom,Prénom,Nom complet,Société\nLE ROUX,MÉROVÉE,,\n,,jean DUPONT,\n,,,SNCF\n';
    const { contacts } = await readAllRows('f.csv', Buffer.from(csv));
    expect(contacts.map((c) => c.contact)).to.deep.equal([
      { lastName: 'Le Roux', firstName: 'Mérovée' },
      { firstName: 'Jean', lastName: 'Dupont' },
      // Company names are the organisation's own: never recased.
      { affiliations: [{ companyName: 'SNCF', isPrimary: true }] },
    ]);
  });
});
