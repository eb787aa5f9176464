import { fold } from '../../../platform/text/fold.ts';
import type {
  emailLabels,
  phoneKinds,
} from '../../contacts/contacts.schemas.ts';
import { mergeFields, tableColumns } from '../../exports/export-labels.ts';
import type { ImportedTermKind } from './imported-contact.ts';
import { repairMacRoman } from './text-encoding.ts';
import type { SocialNetwork } from './values.ts';

/** Work, home or other, as the schema labels emails and addresses. */
export type Label = (typeof emailLabels)[number];

/** Mobile, office, home, fax or other. */
export type PhoneKind = (typeof phoneKinds)[number];

/** The part of a postal address a column holds. */
export type AddressPart =
  | 'street'
  | 'street2'
  | 'street3'
  | 'postalCode'
  | 'city'
  | 'region'
  | 'country'
  | 'formatted'
  | 'pobox'
  | 'extended';

/** Fields one column fills on its own. */
export type SimpleField =
  | 'civility'
  | 'title'
  | 'preferredChannel'
  | 'firstName'
  | 'lastName'
  | 'displayName'
  | 'nickname'
  | 'birthDate'
  | 'birthYear'
  | 'birthMonth'
  | 'birthDay'
  | 'notes'
  | 'origin'
  | 'contactType'
  | 'externalId'
  | 'doNotContact';

/**
 * What a column feeds. Columns that belong together (the parts of one
 * address, Google's "Phone 1 - Type" and "Phone 1 - Value") share a `slot`.
 */
export type ColumnTarget =
  | { field: SimpleField }
  | { field: 'company' | 'department'; slot: string }
  | {
      field: 'function';
      slot: string;
      /**
       * A title column whose values read as functions: a civility or an
       * honorific met there still goes where it belongs.
       */
      fromTitle?: true;
    }
  | { field: 'email'; slot: string; label?: Label }
  | { field: 'phone'; slot: string; kind: PhoneKind }
  | { field: 'address'; slot: string; part: AddressPart; label?: Label }
  | {
      field:
        'emailType' | 'phoneType' | 'addressType' | 'website' | 'websiteType';
      slot: string;
    }
  | { field: 'social'; network: SocialNetwork }
  | { field: 'terms'; kind: ImportedTermKind }
  | { field: 'optOut'; channel: 'email' | 'sms' | 'post' | 'phone' };

/** A target before the mapper gives it a slot of its own. */
type TargetTemplate =
  | Exclude<ColumnTarget, { slot: string }>
  | { field: 'company' | 'function' | 'department' }
  | { field: 'email'; label?: Label }
  | { field: 'phone'; kind: PhoneKind }
  | { field: 'website' }
  | { field: 'address'; slot: string; part: AddressPart; label?: Label };

const simple = (field: SimpleField): TargetTemplate => ({
  field,
});

const address =
  (slot: string, label: Label | undefined) =>
  (part: AddressPart): TargetTemplate =>
    label
      ? { field: 'address', slot, part, label }
      : { field: 'address', slot, part };

const work = address('work', 'work');
const home = address('home', 'home');
const other = address('other', 'other');
const main = address('main', undefined);

/**
 * Header synonyms, French and English, as Outlook (desktop EN and FR,
 * Outlook.com), Google Contacts, Thunderbird, Roundcube, CiviCRM and the
 * client's own workbook write them. Matching ignores case, accents, spaces
 * and punctuation, so `E-mail 2 Address`, `Tél. mobile` or `"Société "`
 * need one entry each. Add a line to support a new export.
 */
const synonyms: [TargetTemplate, string[]][] = [
  [
    simple('civility'),
    [
      'Civilité',
      'Civ.',
      'Titre',
      'Title',
      'Prefix',
      'Name Prefix',
      'Préfixe',
      'Salutation',
      'Courtesy Title',
    ],
  ],
  [
    simple('firstName'),
    ['Prénom', 'First Name', 'Given Name', 'Forename', 'first_name'],
  ],
  [
    simple('lastName'),
    [
      'Nom',
      'NOM',
      'Nom de famille',
      'Last Name',
      'Family Name',
      'Surname',
      'last_name',
      'Patronyme',
    ],
  ],
  [
    simple('displayName'),
    [
      'Display Name',
      'Name',
      'Full Name',
      'Nom complet',
      'Nom affiché',
      "Nom d'affichage",
      'Nom et prénom',
      'Prénom et nom',
      'Contact',
    ],
  ],
  [simple('nickname'), ['Nickname', 'Surnom', 'Short Name']],
  [
    { field: 'company' },
    [
      'Société',
      'Company',
      'Organization',
      'Organisation',
      'Organisme',
      'Média / Organisme',
      'Média',
      'Media',
      'Entreprise',
      'Employeur',
      'Employer',
      'Journal',
      'Rédaction',
      'Titre de presse',
      'Structure',
      'Établissement',
      'organization_name',
      'Company Name',
      'Nom de la société',
      'Raison sociale',
      'Current Employer',
    ],
  ],
  [
    { field: 'function' },
    [
      'Job Title',
      'Fonction',
      'Poste',
      'Position',
      'Function',
      'Rôle',
      'Role',
      'Intitulé de poste',
      'Profession',
    ],
  ],
  [{ field: 'department' }, ['Department', 'Service', 'Division']],
  [
    simple('birthDate'),
    [
      'Date de naissance',
      'Anniversaire',
      'Birthday',
      'Birth Date',
      'Birthdate',
      'Date of Birth',
      'DOB',
      'Né le',
      'Née le',
      'Né(e) le',
      'Naissance',
      'DDN',
    ],
  ],
  [simple('birthYear'), ['Birth Year', 'Année de naissance']],
  [simple('birthMonth'), ['Birth Month', 'Mois de naissance']],
  [simple('birthDay'), ['Birth Day', 'Jour de naissance']],
  [
    simple('notes'),
    [
      'Notes',
      'Note',
      'Commentaires',
      'Commentaire',
      'Remarques',
      'Remarque',
      'Observations',
      'Comments',
      'Comment',
      'Mémo',
      'Memo',
    ],
  ],
  [simple('origin'), ['Origine', 'Origin', 'Source', 'Provenance']],
  [
    simple('contactType'),
    ['Type', 'Type de contact', 'Contact Type', 'Typologie'],
  ],
  [
    simple('externalId'),
    [
      'ID',
      'Identifiant',
      'UID',
      'Contact ID',
      'External ID',
      'Référence',
      'Réf.',
      'contact_id',
      'Identifiant externe',
    ],
  ],
  [
    { field: 'terms', kind: 'domain' },
    [
      'Rubrique(s)',
      'Rubrique',
      'Rubriques',
      'Domaine(s)',
      'Domaine',
      'Domaines',
      'Thématique(s)',
      'Thématique',
      'Thématiques',
      'Thème(s)',
      'Thème',
      'Thèmes',
      'Topics',
      'Beat',
      'Beats',
    ],
  ],
  [
    { field: 'terms', kind: 'sector' },
    [
      'Secteur(s)',
      'Secteur',
      'Secteurs',
      'Sector',
      'Sectors',
      'Industry',
      "Secteur d'activité",
    ],
  ],
  [
    { field: 'terms', kind: 'category' },
    [
      'Catégories',
      'Catégorie',
      'Categories',
      'Category',
      'Group Membership',
      'Groups',
      'Groupes',
      'Groupe',
      'Tags',
      'Étiquettes',
      'Mots clés',
      'Keywords',
      'Listes',
    ],
  ],
  [
    { field: 'email' },
    [
      'E-mail',
      'Email',
      'E-mail Address',
      'Email Address',
      'Adresse de messagerie',
      'Primary Email',
      'Courriel',
      'Mail',
      'Adresse e-mail',
      'Adresse électronique',
      'Adresse mail',
    ],
  ],
  [
    { field: 'email', label: 'work' },
    [
      'E-mail pro',
      'Email professionnel',
      'E-mail professionnel',
      'Courriel professionnel',
      'Email Work',
      'Work Email',
      'Business Email',
    ],
  ],
  [
    { field: 'email', label: 'home' },
    [
      'E-mail perso',
      'Email perso',
      'Email personnel',
      'E-mail personnel',
      'Courriel personnel',
      'Email Home',
      'Home Email',
      'Personal Email',
    ],
  ],
  [{ field: 'email', label: 'other' }, ['Email Other', 'Other Email']],
  [
    { field: 'email' },
    [
      'E-mail 2 Address',
      'E-mail 3 Address',
      'Adresse de messagerie 2',
      'Adresse de messagerie 3',
      'Secondary Email',
      'E-mail 2',
      'Email 2',
      'E-mail 3',
      'Email 3',
      'Autre e-mail',
      'Second e-mail',
    ],
  ],
  [
    { field: 'phone', kind: 'office' },
    [
      'Tél. fixe',
      'Téléphone fixe',
      'Téléphone (bureau)',
      'Téléphone 2 (bureau)',
      'Téléphone société',
      'Tél. bureau',
      'Téléphone bureau',
      'Tél. pro',
      'Téléphone professionnel',
      'Ligne directe',
      'Standard',
      'Téléphone',
      'Tél.',
      'Tel',
      'Business Phone',
      'Business Phone 2',
      'Company Main Phone',
      'Work Phone',
      'Office Phone',
      'Phone',
      'Telephone',
      'Primary Phone',
      'Téléphone principal',
    ],
  ],
  [
    { field: 'phone', kind: 'mobile' },
    [
      'Portable',
      'Tél. portable',
      'Téléphone portable',
      'Tél. mobile',
      'Téléphone mobile',
      'Mobile',
      'GSM',
      'Mobile Phone',
      'Mobile Number',
      'Home Mobile',
      'Cell',
      'Cell Phone',
      'Cellular',
      'Radio Phone',
      'Radio téléphone',
      'Car Phone',
      'Téléphone (voiture)',
    ],
  ],
  [
    { field: 'phone', kind: 'home' },
    [
      'Téléphone (domicile)',
      'Téléphone 2 (domicile)',
      'Tél. domicile',
      'Téléphone domicile',
      'Tél. perso',
      'Téléphone personnel',
      'Home Phone',
      'Home Phone 2',
    ],
  ],
  [
    { field: 'phone', kind: 'fax' },
    [
      'Fax',
      'Télécopie',
      'Télécopie (bureau)',
      'Télécopie (domicile)',
      'Télécopie (autre)',
      'Business Fax',
      'Home Fax',
      'Other Fax',
      'Fax Number',
    ],
  ],
  [
    { field: 'phone', kind: 'other' },
    [
      'Téléphone (autre)',
      'Other Phone',
      'Pager',
      'Pager Number',
      'Récepteur de radiomessagerie',
      "Assistant's Phone",
      "Téléphone de l'assistant(e)",
      'Callback',
      'Rappel',
      'ISDN',
      'RNIS',
      'TTY/TDD Phone',
      'Téléphone TDD/TTY',
      'Telex',
      'Télex',
      'Phone Video',
    ],
  ],
  [
    work('street'),
    [
      'Rue (bureau)',
      'Business Street',
      'Work Address',
      'Work Street',
      'Adresse professionnelle',
    ],
  ],
  [work('street2'), ['Rue (bureau) 2', 'Business Street 2', 'Work Address 2']],
  [work('street3'), ['Rue (bureau) 3', 'Business Street 3']],
  [work('city'), ['Ville (bureau)', 'Business City', 'Work City']],
  [work('region'), ['Dép/Région (bureau)', 'Business State', 'Work State']],
  [
    work('postalCode'),
    [
      'Code postal (bureau)',
      'Business Postal Code',
      'Work ZipCode',
      'Work Zip',
      'Work Postal Code',
    ],
  ],
  [
    work('country'),
    [
      'Pays/Région (bureau)',
      'Pays (bureau)',
      'Business Country/Region',
      'Business Country',
      'Work Country',
    ],
  ],
  [work('pobox'), ['B.P. professionnelle', 'Business Address PO Box']],
  [
    home('street'),
    ['Rue (domicile)', 'Home Street', 'Home Address', 'Adresse personnelle'],
  ],
  [home('street2'), ['Rue (domicile) 2', 'Home Street 2', 'Home Address 2']],
  [home('street3'), ['Rue (domicile) 3', 'Home Street 3']],
  [home('city'), ['Ville (domicile)', 'Home City']],
  [home('region'), ['Dép/Région (domicile)', 'Home State']],
  [
    home('postalCode'),
    ['Code postal (domicile)', 'Home Postal Code', 'Home ZipCode', 'Home Zip'],
  ],
  [
    home('country'),
    [
      'Pays/Région (domicile)',
      'Pays (domicile)',
      'Home Country/Region',
      'Home Country',
    ],
  ],
  [home('pobox'), ['Boîte postale du domicile', 'Home Address PO Box']],
  [other('street'), ['Rue (autre)', 'Other Street', 'Other Address']],
  [other('street2'), ['Rue (autre) 2', 'Other Street 2']],
  [other('street3'), ['Rue (autre) 3', 'Other Street 3']],
  [other('city'), ['Ville (autre)', 'Other City']],
  [other('region'), ['Dép/Région (autre)', 'Other State']],
  [
    other('postalCode'),
    ['Code postal (autre)', 'Other Postal Code', 'Other Zip'],
  ],
  [
    other('country'),
    [
      'Pays/Région (autre)',
      'Pays (autre)',
      'Other Country/Region',
      'Other Country',
    ],
  ],
  [other('pobox'), ['Autre boîte postale', 'Other Address PO Box']],
  [
    main('street'),
    [
      'Adresse',
      'Adresse 1',
      'Rue',
      'Adresse postale',
      'Street',
      'Street Address',
      'Address',
      'Address 1',
      'Address Line 1',
    ],
  ],
  [
    main('street2'),
    [
      'Adresse 2',
      "Complément d'adresse",
      'Complément',
      'Address 2',
      'Address Line 2',
      'Supplemental Address 1',
    ],
  ],
  [
    main('postalCode'),
    ['CP', 'Code postal', 'Postal Code', 'Zip', 'Zip Code', 'Postcode'],
  ],
  [main('city'), ['Ville', 'City', 'Localité', 'Commune', 'Town']],
  [
    main('region'),
    [
      'Région',
      'Region',
      'State',
      'Province',
      'State/Province',
      'Département',
      'Dép.',
      'N° de département',
    ],
  ],
  [main('country'), ['Pays', 'Country', 'Pays/Région', 'Country/Region']],
  [
    { field: 'social', network: 'twitter' },
    [
      'Twitter/X',
      'Twitter',
      'X',
      'X (Twitter)',
      'Compte Twitter',
      'Twitter Username',
    ],
  ],
  [{ field: 'social', network: 'linkedin' }, ['LinkedIn', 'Profil LinkedIn']],
  [{ field: 'social', network: 'facebook' }, ['Facebook']],
  [{ field: 'social', network: 'instagram' }, ['Instagram']],
  [{ field: 'social', network: 'mastodon' }, ['Mastodon']],
  [{ field: 'social', network: 'bluesky' }, ['Bluesky']],
  [{ field: 'social', network: 'youtube' }, ['YouTube']],
  [{ field: 'social', network: 'tiktok' }, ['TikTok']],
  [
    { field: 'website' },
    [
      'Web Page',
      'Page Web',
      'Website',
      'Web Site',
      'Site web',
      'Site internet',
      'Site',
      'URL',
      'Web Page 1',
      'Web Page 2',
      'Personal Web Page',
      'Page Web personnelle',
      'Website Blog',
      'Website Home Page',
      'Website Other',
      'Website Profile',
      'Website Work',
      'Blog',
    ],
  ],
  [
    { field: 'optOut', channel: 'post' },
    ['Do Not Mail', 'Ne pas envoyer de courrier'],
  ],
  [
    { field: 'optOut', channel: 'email' },
    ['Do Not Email', 'No Email', 'Désinscrit', 'Ne pas envoyer de courriel'],
  ],
  [{ field: 'optOut', channel: 'phone' }, ['Do Not Phone', 'Ne pas appeler']],
  [
    { field: 'optOut', channel: 'sms' },
    ['Do Not SMS', 'Ne pas envoyer de SMS'],
  ],
  [
    simple('doNotContact'),
    ['Do Not Contact', 'Ne pas contacter', 'Ne plus contacter'],
  ],
];

/**
 * What each column of Relais's own exports feeds, by the column's key in
 * exports/export-labels.ts: the export headers (French and English, xlsx and
 * Word mail merge) are read from there, so a renamed header stays importable.
 * `null` marks what an import cannot set: the record's own dates.
 */
const ownColumns: Record<string, TargetTemplate | null> = {
  id: simple('externalId'),
  civility: simple('civility'),
  title: simple('title'),
  lastName: simple('lastName'),
  firstName: simple('firstName'),
  contactType: simple('contactType'),
  function: { field: 'function' },
  organisation: { field: 'company' },
  email: { field: 'email' },
  otherEmails: { field: 'email' },
  fax: { field: 'phone', kind: 'fax' },
  phone: { field: 'phone', kind: 'office' },
  mobile: { field: 'phone', kind: 'mobile' },
  office: { field: 'phone', kind: 'office' },
  home: { field: 'phone', kind: 'home' },
  department: { field: 'department' },
  street: main('street'),
  street2: main('street2'),
  postalCode: main('postalCode'),
  city: main('city'),
  country: main('country'),
  preferredChannel: simple('preferredChannel'),
  birthDate: simple('birthDate'),
  salutation: simple('civility'),
  addressee: simple('displayName'),
  createdAt: null,
  updatedAt: null,
};

/** Export column keys the importer does not know: empty unless an export gained a column alone. */
export const unknownExportColumns = [...tableColumns, ...mergeFields]
  .map((column) => column.key)
  .filter((key) => !(key in ownColumns));

// After the other synonyms: a header both know keeps its earlier meaning
// (`Title` is Outlook's civility; see `lookUp` for Relais's own `Titre`).
for (const column of tableColumns) {
  const target = ownColumns[column.key];
  if (target) synonyms.push([target, [column.header.fr, column.header.en]]);
}
for (const field of mergeFields) {
  const target = ownColumns[field.key];
  if (target) synonyms.push([target, [field.name.fr, field.name.en]]);
}

/**
 * The comparison key of a header: lower case, no accents, letters and
 * digits only (`"Société "` → `societe`, `E-mail 2 Address` → `email2address`).
 *
 * @param header a header cell
 */
export function headerKey(header: string): string {
  return fold(header).replace(/[^a-z0-9]+/g, '');
}

/** The header with word breaks kept (`Birth Day` → `birth day`), to tell it from `Birthday`. */
const spacedKey = (header: string): string =>
  fold(header)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const bySpacedKey = new Map<string, TargetTemplate>();
const byKey = new Map<string, TargetTemplate>();
for (const [target, names] of synonyms) {
  for (const name of names) {
    if (!bySpacedKey.has(spacedKey(name)))
      bySpacedKey.set(spacedKey(name), target);
    if (!byKey.has(headerKey(name))) byKey.set(headerKey(name), target);
  }
}

/** The label Google writes in a "Type" column (`* Home`, `Work`…), lower-cased, star removed. */
export const googleLabel = (value: string): Label | undefined =>
  value === 'business'
    ? 'work'
    : (['work', 'home', 'other'] as const).find((l) => l === value);

/**
 * Google Contacts numbers repeated groups: `E-mail 1 - Value`, `Phone 2 - Type`,
 * `Address 1 - City`, `Organization 1 - Title`, `Website 1 - Value`.
 */
function googleTarget(header: string): ColumnTarget | null {
  const match =
    /^(e ?mail|phone|address|organization|website) (\d+) (.+)$/.exec(
      spacedKey(header),
    );
  if (!match) return null;
  const [, group = '', number = '', part = ''] = match;
  const slot = `g${group.replace(/ /g, '')}${number}`;
  const addressParts: Record<string, AddressPart> = {
    formatted: 'formatted',
    street: 'street',
    city: 'city',
    'po box': 'pobox',
    region: 'region',
    'postal code': 'postalCode',
    country: 'country',
    'extended address': 'extended',
  };
  if (group === 'e mail' || group === 'email') {
    if (part === 'value') return { field: 'email', slot };
    if (part === 'type') return { field: 'emailType', slot };
  }
  if (group === 'phone') {
    if (part === 'value') return { field: 'phone', slot, kind: 'other' };
    if (part === 'type') return { field: 'phoneType', slot };
  }
  if (group === 'address') {
    if (part === 'type') return { field: 'addressType', slot };
    const addressPart = addressParts[part];
    if (addressPart) return { field: 'address', slot, part: addressPart };
  }
  if (group === 'organization') {
    if (part === 'name') return { field: 'company', slot };
    if (part === 'title') return { field: 'function', slot };
    if (part === 'department') return { field: 'department', slot };
  }
  if (group === 'website') {
    if (part === 'value') return { field: 'website', slot };
    if (part === 'type') return { field: 'websiteType', slot };
  }

  return null;
}

function lookUp(
  header: string,
  index: number,
  taken: Set<string>,
  civilityColumn = false,
): ColumnTarget | null {
  const key = headerKey(header);
  if (key === '') return null;
  // Exact words first, so "Birth Day" is not read as "Birthday"; then glued forms ("FIRSTNAME").
  const template = bySpacedKey.get(spacedKey(header)) ?? byKey.get(key);
  if (!template) return googleTarget(header);

  // Relais's own exports write "Civilité" then "Titre" (Docteure, Maître).
  const isTitle = key === 'titre' || key === 'title';
  if (template.field === 'civility' && isTitle && civilityColumn)
    return { field: 'title' };
  // Outlook FR writes "Titre" twice: civility first, job title after Société/Service.
  if (template.field === 'civility' && taken.has('civility') && isTitle) {
    return { field: 'function', slot: 'org' };
  }
  switch (template.field) {
    case 'company':
    case 'function':
    case 'department':
      return { field: template.field, slot: 'org' };
    case 'email':
      return template.label
        ? { field: 'email', slot: `c${index}`, label: template.label }
        : { field: 'email', slot: `c${index}` };
    case 'phone':
      return { field: 'phone', slot: `c${index}`, kind: template.kind };
    case 'website':
      return { field: 'website', slot: `c${index}` };
    default:
      return template;
  }
}

/** One header cell and what it feeds. */
export type MappedColumn = {
  index: number;
  header: string;
  target: ColumnTarget;
  /** The header as repaired from Mac Roman mojibake, when that was needed to recognise it. */
  repairedHeader?: string;
};

/** How a header row was understood: a target per column, and the columns left out. */
export type HeaderMapping = {
  /** One entry per column, null when the column is not imported. */
  columns: (ColumnTarget | null)[];
  mapped: MappedColumn[];
  unmapped: { index: number; header: string }[];
};

/**
 * Maps a header row to contact fields, and lists the columns left unmapped
 * so the user can see what will not be imported. Empty header cells are in
 * neither list.
 *
 * @param headers the header row's cells
 */
export function mapHeaders(headers: readonly string[]): HeaderMapping {
  const mapping: HeaderMapping = { columns: [], mapped: [], unmapped: [] };
  const taken = new Set<string>();
  // A civility column by that name makes "Titre" / "Title" a title, not a civility.
  const civilityColumn = headers.some((header) =>
    ['civilite', 'civility', 'civ'].includes(headerKey(header)),
  );
  headers.forEach((raw, index) => {
    const header = raw.trim();
    let target = lookUp(header, index, taken, civilityColumn);
    let repairedHeader: string | undefined;
    // Folding alone reads most mojibake (PrÈnom → prenom) but not all (BoÓte → boote).
    const repaired = repairMacRoman(header);
    const repairedTarget = repaired
      ? lookUp(repaired, index, taken, civilityColumn)
      : null;
    if (
      repaired &&
      repairedTarget &&
      (!target || target.field === repairedTarget.field)
    ) {
      target = repairedTarget;
      repairedHeader = repaired;
    }
    mapping.columns.push(target);
    if (target) {
      taken.add(target.field);
      const column: MappedColumn = { index, header, target };
      if (repairedHeader) column.repairedHeader = repairedHeader;
      mapping.mapped.push(column);
    } else if (header !== '') {
      mapping.unmapped.push({ index, header });
    }
  });

  return mapping;
}
