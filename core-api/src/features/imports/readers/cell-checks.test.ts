import { expect } from 'chai';
import iconv from 'iconv-lite';
import type { TableMapping } from './read-types.ts';
import { readAllRows } from './test-support.ts';

const csv = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`);

describe('cells a new user’s file holds', () => {
  describe('email cells', () => {
    it('refuses an address with a space inside instead of keeping its last word', async () => {
      const { contacts, issues } = await readAllRows(
        'espaces.csv',
        csv(['Nom;Prénom;E-mail', 'Dupont;Jean;jean dupont@exemple.fr']),
      );
      expect(contacts[0]?.contact).to.deep.equal({
        lastName: 'Dupont',
        firstName: 'Jean',
      });
      expect(issues).to.have.length(1);
      expect(issues[0]).to.include({ line: 2, field: 'emails' });
      expect(issues[0]?.reason).to.equal(
        'Ligne 2 : adresse e-mail contenant une espace « jean dupont@exemple.fr » ' +
          '(non importée)',
      );
      expect(issues[0]?.reasonEn).to.equal(
        'Line 2: email address with a space inside "jean dupont@exemple.fr" ' +
          '(not imported)',
      );
    });

    it('reads the address of "Name <address>", and the name when the row has none', async () => {
      const { contacts, issues } = await readAllRows(
        'noms.csv',
        csv([
          'Nom;Prénom;E-mail',
          ';;Jean Dupont <JD@Exemple.fr>',
          'Martin;Paul;"""Dupont, Jean"" <jd2@exemple.fr>; p.martin@exemple.fr"',
          ';;mailto:contact@exemple.fr (bureau)',
          ';;a@exemple.fr b@exemple.fr',
        ]),
      );
      expect(issues).to.deep.equal([]);
      expect(contacts.map((found) => found.contact)).to.deep.equal([
        {
          firstName: 'Jean',
          lastName: 'Dupont',
          emails: [{ address: 'jd@exemple.fr', isPrimary: true }],
        },
        {
          lastName: 'Martin',
          firstName: 'Paul',
          emails: [
            { address: 'jd2@exemple.fr', isPrimary: true },
            { address: 'p.martin@exemple.fr' },
          ],
        },
        { emails: [{ address: 'contact@exemple.fr', isPrimary: true }] },
        {
          emails: [
            { address: 'a@exemple.fr', isPrimary: true },
            { address: 'b@exemple.fr' },
          ],
        },
      ]);
    });
  });

  describe('a "Titre" column holding job titles', () => {
    const rows = [
      'Titre;Prénom;Nom;Société',
      'Rédacteur en chef;Anne;Lefèvre;Le Progrès',
      'Cheffe de rubrique;Chloé;Durand;La Dépêche',
      'Mme;Inès;Fabre;Sud Ouest',
    ];

    it('is suggested as the function when its values read as functions', async () => {
      const mappings: TableMapping[] = [];
      const { contacts, issues } = await readAllRows('titres.csv', csv(rows), {
        onMapping: (mapping) => mappings.push(mapping),
      });
      expect(mappings[0]?.columns[0]).to.include({
        header: 'Titre',
        suggested: 'function',
      });
      expect(issues).to.deep.equal([]);
      expect(contacts[0]?.contact.affiliations).to.deep.equal([
        {
          companyName: 'Le Progrès',
          function: 'Rédacteur en chef',
          isPrimary: true,
        },
      ]);
      // A civility among the functions is still read as one.
      expect(contacts[2]?.contact).to.deep.include({ civility: 'MME' });
      expect(contacts[2]?.contact.affiliations).to.deep.equal([
        { companyName: 'Sud Ouest', isPrimary: true },
      ]);
    });

    it('keeps what is no civility when the column is taken as civility', async () => {
      const { contacts, issues } = await readAllRows(
        'titres.csv',
        csv([
          'Titre;Prénom;Nom;Société;Fonction',
          'Rédacteur en chef;Anne;Lefèvre;Le Progrès;',
          'Docteure;Chloé;Durand;La Dépêche;Médecin',
          'Mme;Inès;Fabre;Sud Ouest;Pigiste',
          'Cheffe de rubrique;Théo;Morel;Nice-Matin;Photographe',
        ]),
        { columns: { Titre: 'civility' } },
      );
      const [anne, chloe, ines, theo] = contacts.map((found) => found.contact);
      expect(anne?.affiliations?.[0]?.function).to.equal('Rédacteur en chef');
      expect(anne?.civility).to.equal(undefined);
      expect(chloe?.title).to.equal('Docteure');
      expect(chloe?.affiliations?.[0]?.function).to.equal('Médecin');
      expect(ines?.civility).to.equal('MME');
      expect(theo?.affiliations?.[0]?.function).to.equal('Photographe');
      expect(issues).to.have.length(1);
      expect(issues[0]).to.include({ line: 5, field: 'civility' });
      expect(issues[0]?.reason).to.equal(
        'Ligne 5 : « Cheffe de rubrique » n’est ni une civilité ni un titre, et la ' +
          'fonction est déjà remplie (non importé)',
      );
      expect(issues[0]?.reasonEn).to.equal(
        'Line 5: "Cheffe de rubrique" is neither a civility nor a title, and the ' +
          'function is already filled (not imported)',
      );
    });

    it('stays a civility in Outlook’s own layout', async () => {
      const mappings: TableMapping[] = [];
      await readAllRows(
        'outlook.csv',
        csv([
          'Titre;Prénom;Nom;Société;Titre',
          'Mme;Anne;Lefèvre;Le Progrès;Rédactrice en chef',
          'M.;Paul;Roux;Sud Ouest;Reporter',
        ]),
        { onMapping: (mapping) => mappings.push(mapping) },
      );
      expect(
        mappings[0]?.columns.map((column) => column.suggested),
      ).to.deep.equal([
        'civility',
        'firstName',
        'lastName',
        'company',
        'function',
      ]);
    });
  });

  describe('a CSV mixing UTF-8 and Windows-1252 lines', () => {
    const utf8Lines = [
      'Nom;Prénom;Ville',
      'Lefèvre;Anne;Besançon',
      'Durand;Chloé;Nîmes',
      'Morel;Théo;Orléans',
    ];
    const latinLines = [
      'Gérard-Lévêque;Désirée;Évreux-sur-Mée',
      'Béranger;Hélène-Zoé;Sète',
    ];
    const file = Buffer.concat([
      Buffer.from(`${utf8Lines.join('\n')}\n`, 'utf8'),
      iconv.encode(`${latinLines.join('\n')}\n`, 'windows-1252'),
      Buffer.from('Roux;Aimée;Bègles\n', 'utf8'),
    ]);

    it('decodes each line in its own encoding and names the Windows-1252 ones', async () => {
      const { contacts, issues } = await readAllRows('melange.csv', file);
      expect(contacts.map((found) => found.contact.lastName)).to.deep.equal([
        'Lefèvre',
        'Durand',
        'Morel',
        'Gérard-Lévêque',
        'Béranger',
        'Roux',
      ]);
      expect(contacts[1]?.contact.firstName).to.equal('Chloé');
      expect(contacts[4]?.contact.firstName).to.equal('Hélène-Zoé');
      expect(contacts[5]?.contact.firstName).to.equal('Aimée');
      expect(issues.map((issue) => issue.line)).to.deep.equal([5, 6]);
      expect(issues[0]?.reason).to.equal(
        'Ligne 5 : ligne lue en Windows-1252 (le reste du fichier est en UTF-8) : ' +
          'vérifiez ses accents',
      );
      expect(issues[0]?.reasonEn).to.equal(
        'Line 5: line read as Windows-1252 (the rest of the file is UTF-8): ' +
          'check its accents',
      );
    });

    it('keeps reading a file of Windows-1252 only as Windows-1252, without warnings', async () => {
      const { contacts, issues } = await readAllRows(
        'latin.csv',
        iconv.encode(
          `${[utf8Lines[0], ...latinLines].join('\n')}\n`,
          'windows-1252',
        ),
      );
      expect(contacts.map((found) => found.contact.firstName)).to.deep.equal([
        'Désirée',
        'Hélène-Zoé',
      ]);
      expect(issues).to.deep.equal([]);
    });
  });
});
