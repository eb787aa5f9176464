/**
 * The criteria a target query may use, with their French and English labels
 * and the operators each accepts: the catalogue the portal's query builder
 * shows, and the rules the query schema checks. Plain data, free of zod and
 * of database code, so it reaches the browser through the client.
 */

import { frenchDepartments } from '../contacts/french-departments.ts';

export const targetEntities = ['contact', 'company'] as const;
export type TargetEntity = (typeof targetEntities)[number];

/** Every operator a criterion may carry; each field allows a few of them. */
export const criterionOperators = [
  'eq',
  'neq',
  'in',
  'notIn',
  'startsWith',
  'contains',
  'soundsLike',
  'empty',
  'notEmpty',
  'is',
  'anyOf',
  'allOf',
  'noneOf',
  'before',
  'after',
  'between',
  'lastDays',
  'lastMonths',
] as const;
export type CriterionOperator = (typeof criterionOperators)[number];

/**
 * What a criterion's `value` must be, by operator: a text, a list of texts or
 * codes, a list of ids, a boolean, a date (`YYYY-MM-DD`, a day in
 * Europe/Paris), two dates, a whole number, or nothing.
 */
export type ValueShape =
  'text' | 'texts' | 'ids' | 'boolean' | 'date' | 'dates' | 'count' | 'none';

/** How each operator reads its value; `in`/`notIn` read ids on id fields. */
export const operatorShapes: Record<CriterionOperator, ValueShape> = {
  eq: 'text',
  neq: 'text',
  in: 'texts',
  notIn: 'texts',
  startsWith: 'text',
  contains: 'text',
  soundsLike: 'text',
  empty: 'none',
  notEmpty: 'none',
  is: 'boolean',
  anyOf: 'ids',
  allOf: 'ids',
  noneOf: 'ids',
  before: 'date',
  after: 'date',
  between: 'dates',
  lastDays: 'count',
  lastMonths: 'count',
};

export const operatorLabels: Record<CriterionOperator, [string, string]> = {
  eq: ['est', 'is'],
  neq: ['n’est pas', 'is not'],
  in: ['parmi', 'one of'],
  notIn: ['hors de', 'none of'],
  startsWith: ['commence par', 'starts with'],
  contains: ['contient', 'contains'],
  soundsLike: ['ressemble à (orthographe approchée)', 'sounds like'],
  empty: ['non renseigné', 'is empty'],
  notEmpty: ['renseigné', 'is not empty'],
  is: ['est', 'is'],
  anyOf: ['au moins un de', 'any of'],
  allOf: ['tous', 'all of'],
  noneOf: ['aucun de', 'none of'],
  before: ['avant le', 'before'],
  after: ['depuis le', 'on or after'],
  between: ['entre', 'between'],
  lastDays: ['dans les N derniers jours', 'in the last N days'],
  lastMonths: ['dans les N derniers mois', 'in the last N months'],
};

/** One criterion the builder offers. */
export type FieldSpec = {
  /** The name a criterion gives in `field`. */
  field: string;
  entity: TargetEntity;
  /** Where the builder files it. */
  group:
    | 'identity'
    | 'classification'
    | 'organisation'
    | 'geography'
    | 'channels'
    | 'dates'
    | 'lists';
  label: { fr: string; en: string };
  operators: readonly CriterionOperator[];
  /** `in`/`notIn` take ids (companies, lists), not texts. */
  ids?: boolean;
  /** The codes `in`/`notIn`/`eq` accept, when the field has a fixed vocabulary. */
  codes?: readonly string[];
  /** Where the builder finds the values to offer (a taxonomy kind, an endpoint). */
  source?: string;
  /** How the field is read, when its label does not say it all. */
  description?: { fr: string; en: string };
};

const textOps = [
  'eq',
  'neq',
  'startsWith',
  'contains',
  'empty',
  'notEmpty',
] as const;
const dateOps = [
  'before',
  'after',
  'between',
  'lastDays',
  'lastMonths',
] as const;
const termOps = ['anyOf', 'allOf', 'noneOf'] as const;

const contactTypeCodes = [
  'press',
  'public_relations',
  'institutional',
  'vip',
  'decision_maker',
  'partner',
  'internal',
] as const;
const channelCodes = ['email', 'sms', 'post', 'phone', 'fax'] as const;

/**
 * French departments: two digits in metropolitan France (2A and 2B for
 * Corsica), three overseas (971 to 976), as the shared table names them.
 */
// Object.keys would put the overseas codes (integer-like keys) first.
const corsicaInPlace = (code: string) => code.replace(/^2([AB])$/, '20$1');
export const departmentCodes: readonly string[] = Object.keys(
  frenchDepartments,
).sort((a, b) => corsicaInPlace(a).localeCompare(corsicaInPlace(b)));

/**
 * The regions since 2016, by INSEE code, with their departments. A region
 * criterion is the union of its departments' postal-code prefixes.
 */
export const regions: readonly {
  code: string;
  fr: string;
  en: string;
  departments: readonly string[];
}[] = [
  {
    code: '84',
    fr: 'Auvergne-Rhône-Alpes',
    en: 'Auvergne-Rhône-Alpes',
    departments: '01 03 07 15 26 38 42 43 63 69 73 74'.split(' '),
  },
  {
    code: '27',
    fr: 'Bourgogne-Franche-Comté',
    en: 'Bourgogne-Franche-Comté',
    departments: '21 25 39 58 70 71 89 90'.split(' '),
  },
  {
    code: '53',
    fr: 'Bretagne',
    en: 'Brittany',
    departments: '22 29 35 56'.split(' '),
  },
  {
    code: '24',
    fr: 'Centre-Val de Loire',
    en: 'Centre-Val de Loire',
    departments: '18 28 36 37 41 45'.split(' '),
  },
  { code: '94', fr: 'Corse', en: 'Corsica', departments: ['2A', '2B'] },
  {
    code: '44',
    fr: 'Grand Est',
    en: 'Grand Est',
    departments: '08 10 51 52 54 55 57 67 68 88'.split(' '),
  },
  {
    code: '32',
    fr: 'Hauts-de-France',
    en: 'Hauts-de-France',
    departments: '02 59 60 62 80'.split(' '),
  },
  {
    code: '11',
    fr: 'Île-de-France',
    en: 'Île-de-France',
    departments: '75 77 78 91 92 93 94 95'.split(' '),
  },
  {
    code: '28',
    fr: 'Normandie',
    en: 'Normandy',
    departments: '14 27 50 61 76'.split(' '),
  },
  {
    code: '75',
    fr: 'Nouvelle-Aquitaine',
    en: 'Nouvelle-Aquitaine',
    departments: '16 17 19 23 24 33 40 47 64 79 86 87'.split(' '),
  },
  {
    code: '76',
    fr: 'Occitanie',
    en: 'Occitanie',
    departments: '09 11 12 30 31 32 34 46 48 65 66 81 82'.split(' '),
  },
  {
    code: '52',
    fr: 'Pays de la Loire',
    en: 'Pays de la Loire',
    departments: '44 49 53 72 85'.split(' '),
  },
  {
    code: '93',
    fr: 'Provence-Alpes-Côte d’Azur',
    en: 'Provence-Alpes-Côte d’Azur',
    departments: '04 05 06 13 83 84'.split(' '),
  },
  { code: '01', fr: 'Guadeloupe', en: 'Guadeloupe', departments: ['971'] },
  { code: '02', fr: 'Martinique', en: 'Martinique', departments: ['972'] },
  { code: '03', fr: 'Guyane', en: 'French Guiana', departments: ['973'] },
  { code: '04', fr: 'La Réunion', en: 'Réunion', departments: ['974'] },
  { code: '06', fr: 'Mayotte', en: 'Mayotte', departments: ['976'] },
];

/**
 * The postal-code ranges of a department, as [from, to) pairs of prefixes:
 * a department's codes begin with its number, except Corsica, whose codes
 * all begin with 20 (2A: 20000–20199, 2B: 20200–20999).
 */
export function departmentPrefixes(code: string): string[] {
  if (code === '2A') return ['200', '201'];
  if (code === '2B')
    return ['202', '203', '204', '205', '206', '207', '208', '209'];

  return [code];
}

/**
 * Where a contact is: its own addresses or, when it has none, the address of
 * its main company (the current affiliation marked primary).
 */
const contactPlace = {
  fr:
    'Adresses du contact ; pour un contact sans adresse, celle de sa ' +
    'société principale (rattachement en cours marqué principal).',
  en:
    "The contact's addresses; for a contact without any, its main " +
    "company's (the current affiliation marked primary).",
};

const geography = (entity: TargetEntity): FieldSpec[] => {
  const place = entity === 'contact' ? { description: contactPlace } : {};

  return [
    {
      field: 'city',
      entity,
      group: 'geography',
      label: { fr: 'Ville', en: 'City' },
      operators: ['eq', 'in', 'startsWith', 'empty', 'notEmpty'],
      ...place,
    },
    {
      field: 'postalCode',
      entity,
      group: 'geography',
      label: { fr: 'Code postal', en: 'Postal code' },
      operators: ['eq', 'in', 'startsWith', 'empty', 'notEmpty'],
      ...place,
    },
    {
      field: 'department',
      entity,
      group: 'geography',
      label: { fr: 'Département', en: 'French department' },
      operators: ['in', 'notIn'],
      codes: departmentCodes,
      ...place,
    },
    {
      field: 'region',
      entity,
      group: 'geography',
      label: { fr: 'Région', en: 'French region' },
      operators: ['in', 'notIn'],
      codes: regions.map((region) => region.code),
      ...place,
    },
    {
      field: 'country',
      entity,
      group: 'geography',
      label: { fr: 'Pays', en: 'Country' },
      operators: ['in', 'notIn', 'empty', 'notEmpty'],
      ...place,
    },
  ];
};

const dates = (entity: TargetEntity): FieldSpec[] => [
  {
    field: 'createdAt',
    entity,
    group: 'dates',
    label: { fr: 'Date de création', en: 'Created' },
    operators: dateOps,
  },
  {
    field: 'updatedAt',
    entity,
    group: 'dates',
    label: { fr: 'Date de mise à jour', en: 'Updated' },
    operators: dateOps,
  },
];

/**
 * Free text as the search box reads it: every word typed begins a word the
 * record is found by (names, organisation, e-mail, town, phone digits…),
 * accents and capitals ignored. The tables' quick filter.
 */
const freeText = (entity: TargetEntity): FieldSpec => ({
  field: 'text',
  entity,
  group: 'identity',
  label: {
    fr: 'Texte (nom, société, e-mail, ville, téléphone…)',
    en: 'Text (name, company, email, town, phone…)',
  },
  operators: ['contains'],
  description: {
    fr:
      'Chaque mot saisi commence un mot de la fiche, comme dans la ' +
      'recherche (accents et majuscules ignorés).',
    en:
      'Each word typed begins a word of the record, as in search ' +
      '(accents and capitals ignored).',
  },
});

const presence = (
  entity: TargetEntity,
  names: [string, string, string][],
): FieldSpec[] =>
  names.map(([field, fr, en]) => ({
    field,
    entity,
    group: 'channels',
    label: { fr, en },
    operators: ['is'],
  }));

/** The criteria on contacts. */
export const contactFields: readonly FieldSpec[] = [
  {
    field: 'id',
    entity: 'contact',
    group: 'identity',
    label: { fr: 'Contact (sélection)', en: 'Contact (selection)' },
    operators: ['in', 'notIn'],
    ids: true,
  },
  freeText('contact'),
  {
    field: 'lastName',
    entity: 'contact',
    group: 'identity',
    label: { fr: 'Nom', en: 'Last name' },
    operators: [...textOps, 'soundsLike'],
  },
  {
    field: 'firstName',
    entity: 'contact',
    group: 'identity',
    label: { fr: 'Prénom', en: 'First name' },
    operators: textOps,
  },
  {
    field: 'civility',
    entity: 'contact',
    group: 'identity',
    label: { fr: 'Civilité', en: 'Civility' },
    operators: ['in', 'empty', 'notEmpty'],
    codes: ['M', 'MME'],
  },
  {
    field: 'title',
    entity: 'contact',
    group: 'identity',
    label: { fr: 'Titre', en: 'Title' },
    operators: textOps,
  },
  {
    field: 'origin',
    entity: 'contact',
    group: 'identity',
    label: { fr: 'Origine', en: 'Origin' },
    operators: textOps,
  },
  {
    field: 'notes',
    entity: 'contact',
    group: 'identity',
    label: { fr: 'Notes', en: 'Notes' },
    operators: ['contains', 'empty', 'notEmpty'],
  },
  {
    field: 'contactType',
    entity: 'contact',
    group: 'classification',
    label: { fr: 'Type de contact', en: 'Contact type' },
    operators: ['in', 'notIn'],
    codes: contactTypeCodes,
  },
  {
    field: 'terms',
    entity: 'contact',
    group: 'classification',
    label: {
      fr: 'Domaine, secteur ou catégorie (sous-domaines compris)',
      en: 'Domain, sector or category (sub-domains included)',
    },
    operators: termOps,
    source: 'taxonomy',
  },
  {
    field: 'company',
    entity: 'contact',
    group: 'organisation',
    label: { fr: 'Société / Organisme', en: 'Company' },
    operators: ['in', 'notIn', 'startsWith', 'empty', 'notEmpty'],
    ids: true,
    source: 'companies',
  },
  {
    field: 'companyType',
    entity: 'contact',
    group: 'organisation',
    label: { fr: 'Type de société', en: 'Company type' },
    operators: ['eq', 'in', 'notIn'],
  },
  {
    field: 'companyTerms',
    entity: 'contact',
    group: 'organisation',
    label: {
      fr: 'Secteur ou domaine de la société',
      en: 'Company sector or domain',
    },
    operators: termOps,
    source: 'taxonomy',
  },
  {
    field: 'function',
    entity: 'contact',
    group: 'organisation',
    label: { fr: 'Fonction', en: 'Function' },
    operators: ['contains', 'empty', 'notEmpty'],
  },
  ...geography('contact'),
  {
    field: 'preferredChannel',
    entity: 'contact',
    group: 'channels',
    label: { fr: 'Canal préféré', en: 'Preferred channel' },
    operators: ['in', 'notIn', 'empty', 'notEmpty'],
    codes: channelCodes,
  },
  ...presence('contact', [
    ['hasEmail', 'A une adresse e-mail', 'Has an email address'],
    ['hasPhone', 'A un téléphone', 'Has a phone number'],
    ['hasMobile', 'A un mobile', 'Has a mobile number'],
    ['hasFax', 'A un fax', 'Has a fax number'],
    ['hasAddress', 'A une adresse postale', 'Has a postal address'],
    ['doNotContact', 'Ne pas contacter', 'Do not contact'],
    ['optOutEmail', 'Désinscrit des e-mails', 'Opted out of email'],
    ['optOutSms', 'Désinscrit des SMS', 'Opted out of SMS'],
    ['optOutPost', 'Désinscrit du courrier', 'Opted out of post'],
    ['optOutPhone', 'Désinscrit du téléphone', 'Opted out of phone'],
  ]),
  ...dates('contact'),
  {
    field: 'list',
    entity: 'contact',
    group: 'lists',
    label: { fr: 'Membre de la liste', en: 'Member of list' },
    operators: ['in', 'notIn'],
    ids: true,
    source: 'lists',
  },
];

/** The criteria on companies. */
export const companyFields: readonly FieldSpec[] = [
  {
    field: 'id',
    entity: 'company',
    group: 'identity',
    label: { fr: 'Société (sélection)', en: 'Company (selection)' },
    operators: ['in', 'notIn'],
    ids: true,
  },
  freeText('company'),
  {
    field: 'name',
    entity: 'company',
    group: 'identity',
    label: { fr: 'Nom', en: 'Name' },
    operators: ['eq', 'startsWith', 'contains'],
  },
  {
    field: 'companyType',
    entity: 'company',
    group: 'classification',
    label: { fr: 'Type de société', en: 'Company type' },
    operators: ['eq', 'in', 'notIn', 'empty', 'notEmpty'],
  },
  {
    field: 'terms',
    entity: 'company',
    group: 'classification',
    label: {
      fr: 'Secteur, domaine ou catégorie (sous-domaines compris)',
      en: 'Sector, domain or category (sub-domains included)',
    },
    operators: termOps,
    source: 'taxonomy',
  },
  ...geography('company'),
  ...presence('company', [
    ['hasEmail', 'A une adresse e-mail', 'Has an email address'],
    ['hasPhone', 'A un téléphone', 'Has a phone number'],
    ['hasFax', 'A un fax', 'Has a fax number'],
    ['hasAddress', 'A une adresse postale', 'Has a postal address'],
  ]),
  ...dates('company'),
  {
    field: 'list',
    entity: 'company',
    group: 'lists',
    label: { fr: 'Membre de la liste', en: 'Member of list' },
    operators: ['in', 'notIn'],
    ids: true,
    source: 'lists',
  },
];

/** The spec of a field for an entity, or undefined when there is none. */
export function fieldSpec(
  entity: TargetEntity,
  field: string,
): FieldSpec | undefined {
  const fields = entity === 'contact' ? contactFields : companyFields;

  return fields.find((spec) => spec.field === field);
}
