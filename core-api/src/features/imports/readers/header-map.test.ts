import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import iconv from 'iconv-lite';
import { parseFields } from './csv-reader.ts';
import { mergeFields, tableColumns } from '../../exports/export-labels.ts';
import { headerKey, mapHeaders, unknownExportColumns } from './header-map.ts';
import type { ColumnTarget, HeaderMapping } from './header-map.ts';
import { fixture } from './test-support.ts';

function headerOf(
  relative: string,
  encoding: 'windows-1252' | 'utf-8',
): string[] {
  const text = iconv.decode(readFileSync(fixture(relative)), encoding);

  return parseFields(text.split(/\r?\n/)[0] ?? '', ',');
}

/** The target of the column whose header (or repaired header) is `header`, nth occurrence. */
function targetOf(
  mapping: HeaderMapping,
  header: string,
  occurrence = 0,
): ColumnTarget | undefined {
  const columns = mapping.mapped.filter(
    (c) => (c.repairedHeader ?? c.header) === header,
  );

  return columns[occurrence]?.target;
}

function expectFrenchOutlook(mapping: HeaderMapping): void {
  expect(targetOf(mapping, 'Titre', 0)).to.deep.equal({ field: 'civility' });
  expect(targetOf(mapping, 'Titre', 1)).to.deep.equal({
    field: 'function',
    slot: 'org',
  });
  expect(targetOf(mapping, 'Prénom')).to.deep.equal({ field: 'firstName' });
  expect(targetOf(mapping, 'Nom')).to.deep.equal({ field: 'lastName' });
  expect(targetOf(mapping, 'Société')).to.deep.equal({
    field: 'company',
    slot: 'org',
  });
  expect(targetOf(mapping, 'Service')).to.deep.equal({
    field: 'department',
    slot: 'org',
  });
  expect(targetOf(mapping, 'Rue (bureau)')).to.deep.include({
    field: 'address',
    part: 'street',
    label: 'work',
  });
  expect(targetOf(mapping, 'Ville (bureau)')).to.deep.include({
    part: 'city',
    slot: 'work',
  });
  expect(targetOf(mapping, 'Code postal (bureau)')).to.deep.include({
    part: 'postalCode',
  });
  expect(targetOf(mapping, 'Pays/Région (bureau)')).to.deep.include({
    part: 'country',
  });
  expect(targetOf(mapping, 'Téléphone (bureau)')).to.deep.include({
    field: 'phone',
    kind: 'office',
  });
  expect(targetOf(mapping, 'Tél. mobile')).to.deep.include({
    field: 'phone',
    kind: 'mobile',
  });
  expect(targetOf(mapping, 'Télécopie (bureau)')).to.deep.include({
    field: 'phone',
    kind: 'fax',
  });
  expect(targetOf(mapping, 'Téléphone (domicile)')).to.deep.include({
    kind: 'home',
  });
  expect(targetOf(mapping, 'Adresse de messagerie')).to.deep.include({
    field: 'email',
  });
  expect(targetOf(mapping, 'Adresse de messagerie 2')).to.deep.include({
    field: 'email',
  });
  expect(targetOf(mapping, 'Adresse de messagerie 3')).to.deep.include({
    field: 'email',
  });
  expect(targetOf(mapping, 'Anniversaire')).to.deep.equal({
    field: 'birthDate',
  });
  expect(targetOf(mapping, 'Catégories')).to.deep.equal({
    field: 'terms',
    kind: 'category',
  });
  expect(targetOf(mapping, 'Notes')).to.deep.equal({ field: 'notes' });
  expect(targetOf(mapping, 'Page Web')).to.deep.include({ field: 'website' });
  // The wedding anniversary is not a birthday, nor is the middle name a first name.
  expect(mapping.unmapped.map((u) => u.header)).to.include(
    "Nom complet de l'adresse de messagerie",
  );
}

describe('header mapping', () => {
  it('maps the 92-column French Outlook header, both "Titre" columns included', () => {
    const headers = headerOf(
      'csv/outlook_fr_header_reconstructed.cp1252.csv',
      'windows-1252',
    );
    expect(headers).to.have.length(92);
    const mapping = mapHeaders(headers);
    expectFrenchOutlook(mapping);
    expect(mapping.columns).to.have.length(92);
    expect(mapping.mapped.length + mapping.unmapped.length).to.equal(92);
    expect(mapping.unmapped.map((u) => u.header)).to.include.members([
      'Deuxième prénom',
      'Anniversaire de mariage ou fête',
      'Sexe',
    ]);
  });

  it('maps the Mac Roman mojibake of the same header the same way, repairing it', () => {
    const clean = mapHeaders(
      headerOf(
        'csv/outlook_fr_header_reconstructed.cp1252.csv',
        'windows-1252',
      ),
    );
    const headers = headerOf(
      'csv/outlook_fr_header_mojibake_bug9367.utf8.csv',
      'utf-8',
    );
    expect(headers).to.include('PrÈnom').and.include('SociÈtÈ');
    const mapping = mapHeaders(headers);
    expectFrenchOutlook(mapping);
    expect(mapping.columns).to.deep.equal(clean.columns);
    const prenom = mapping.mapped.find((c) => c.header === 'PrÈnom');
    expect(prenom?.repairedHeader).to.equal('Prénom');
    // Folding alone would read "BoÓte" as "boote": only the repair finds the PO box.
    const box = mapping.mapped.find(
      (c) => c.header === 'BoÓte postale du domicile',
    );
    expect(box?.repairedHeader).to.equal('Boîte postale du domicile');
    expect(box?.target).to.deep.include({ part: 'pobox', slot: 'home' });
  });

  it('accepts the platal variant: trailing spaces and "Pays (bureau)"', () => {
    const mapping = mapHeaders([
      'Titre',
      'Prénom',
      'Nom',
      'Surnom',
      'Société ',
      'Service ',
      'Titre',
      'Pays (bureau)',
    ]);
    expect(mapping.columns).to.deep.equal([
      { field: 'civility' },
      { field: 'firstName' },
      { field: 'lastName' },
      { field: 'nickname' },
      { field: 'company', slot: 'org' },
      { field: 'department', slot: 'org' },
      { field: 'function', slot: 'org' },
      { field: 'address', slot: 'work', part: 'country', label: 'work' },
    ]);
  });

  it('maps the English Outlook, Thunderbird and client workbook headers', () => {
    const outlook = mapHeaders([
      'Title',
      'First Name',
      'Middle Name',
      'Last Name',
      'Company',
      'Job Title',
      'Business Street',
      'Business Postal Code',
      'Business Phone',
      'Mobile Phone',
      'Business Fax',
      'E-mail Address',
      'E-mail 2 Address',
      'Birthday',
      'Categories',
      'Web Page',
    ]);
    expect(outlook.columns.map((c) => c?.field)).to.deep.equal([
      'civility',
      'firstName',
      undefined,
      'lastName',
      'company',
      'function',
      'address',
      'address',
      'phone',
      'phone',
      'phone',
      'email',
      'email',
      'birthDate',
      'terms',
      'website',
    ]);
    expect(outlook.unmapped).to.deep.equal([
      { index: 2, header: 'Middle Name' },
    ]);

    const thunderbird = mapHeaders([
      'Primary Email',
      'Secondary Email',
      'Work Phone',
      'Mobile Number',
      'Birth Year',
      'Birth Month',
      'Birth Day',
    ]);
    expect(thunderbird.columns.map((c) => c?.field)).to.deep.equal([
      'email',
      'email',
      'phone',
      'phone',
      'birthYear',
      'birthMonth',
      'birthDay',
    ]);

    const client = mapHeaders([
      'Civilité',
      'NOM',
      'Prénom',
      'Média / Organisme',
      'Fonction',
      'Rubrique(s)',
      'Adresse',
      'CP',
      'Ville',
      'Tél. fixe',
      'Portable',
      'Fax',
      'E-mail',
      'E-mail perso',
      'Twitter/X',
      'Date de naissance',
      'Origine',
      'Dernière MAJ',
      'Commentaires',
    ]);
    expect(client.columns.map((c) => c?.field)).to.deep.equal([
      'civility',
      'lastName',
      'firstName',
      'company',
      'function',
      'terms',
      'address',
      'address',
      'address',
      'phone',
      'phone',
      'phone',
      'email',
      'email',
      'social',
      'birthDate',
      'origin',
      undefined,
      'notes',
    ]);
    expect(client.columns[13]).to.deep.include({ label: 'home' });
    expect(client.unmapped).to.deep.equal([
      { index: 17, header: 'Dernière MAJ' },
    ]);
  });

  it('pairs Google Contacts "N - Type" and "N - Value" columns by slot', () => {
    const mapping = mapHeaders([
      'E-mail 1 - Type',
      'E-mail 1 - Value',
      'Phone 2 - Type',
      'Phone 2 - Value',
      'Address 1 - Street',
      'Organization 1 - Title',
      'Group Membership',
    ]);
    expect(mapping.columns).to.deep.equal([
      { field: 'emailType', slot: 'gemail1' },
      { field: 'email', slot: 'gemail1' },
      { field: 'phoneType', slot: 'gphone2' },
      { field: 'phone', slot: 'gphone2', kind: 'other' },
      { field: 'address', slot: 'gaddress1', part: 'street' },
      { field: 'function', slot: 'gorganization1' },
      { field: 'terms', kind: 'category' },
    ]);
  });

  it('ignores case, accents, spaces and punctuation, but not word breaks', () => {
    expect(headerKey('  "E-MAIL  Address" ')).to.equal('emailaddress');
    expect(
      mapHeaders(['FIRSTNAME', 'LASTNAME', 'ID']).columns.map((c) => c?.field),
    ).to.deep.equal(['firstName', 'lastName', 'externalId']);
    expect(
      mapHeaders(['Birthday', 'Birth Day']).columns.map((c) => c?.field),
    ).to.deep.equal(['birthDate', 'birthDay']);
    expect(mapHeaders(['', 'Colonne inconnue']).unmapped).to.deep.equal([
      { index: 1, header: 'Colonne inconnue' },
    ]);
  });

  it('reads every header of Relais’s own xlsx and mail-merge exports, fr and en', () => {
    expect(unknownExportColumns).to.deep.equal([]);
    for (const lang of ['fr', 'en'] as const) {
      const headers = [
        ...tableColumns.map((column) => column.header[lang]),
        ...mergeFields.map((field) => field.name[lang]),
      ];
      const { unmapped } = mapHeaders(headers);
      // The record's own dates: Relais sets them, an import cannot.
      expect(
        unmapped.map((column) => column.header),
        lang,
      ).to.deep.equal(
        lang === 'fr' ? ['Créé le', 'Modifié le'] : ['Created', 'Updated'],
      );
    }
    const french = mapHeaders(['Civilité', 'Titre', 'Nom', 'Fonction']).columns;
    expect(french.map((target) => target?.field)).to.deep.equal([
      'civility',
      'title',
      'lastName',
      'function',
    ]);
  });
});
