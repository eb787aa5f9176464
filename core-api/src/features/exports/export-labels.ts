import { fold } from '../../platform/text/fold.ts';
import type { contactTypes } from '../contacts/contacts.schemas.ts';
import type { ExportRow } from './export-rows.ts';

export type ContactType = (typeof contactTypes)[number];

/** The language of an export's headers and words. */
export type Lang = 'fr' | 'en';

type Words = Record<Lang, string>;

/** Contact types as the glossary names them on screen. */
const contactTypeWords: Record<ContactType, Words> = {
  press: { fr: 'Presse', en: 'Press' },
  public_relations: { fr: 'Relations publiques', en: 'Public relations' },
  institutional: { fr: 'Institutionnel', en: 'Institutional' },
  vip: { fr: 'VIP', en: 'VIP' },
  decision_maker: { fr: 'Décideur', en: 'Decision maker' },
  partner: { fr: 'Partenaire', en: 'Partner' },
  internal: { fr: 'Interne', en: 'Internal' },
};

const civilityWords: Record<'M' | 'MME', Words> = {
  M: { fr: 'M.', en: 'Mr' },
  MME: { fr: 'Mme', en: 'Ms' },
};

const channelWords: Record<string, Words> = {
  email: { fr: 'E-mail', en: 'Email' },
  sms: { fr: 'SMS', en: 'SMS' },
  post: { fr: 'Courrier', en: 'Post' },
  phone: { fr: 'Téléphone', en: 'Phone' },
  fax: { fr: 'Fax', en: 'Fax' },
};

export const contactTypeLabel = (
  type: ContactType | null,
  lang: Lang,
): string | null => (type ? (contactTypeWords[type]?.[lang] ?? type) : null);

/**
 * The contact type a word names exactly: its code (`decision_maker`) or its
 * label in French or English, any case (`VIP`, `décideur`, `Decision maker`).
 * The vCard export writes the type as a category; the vCard import reads it back.
 */
export function contactTypeOf(text: string): ContactType | null {
  const key = text.trim().toLocaleLowerCase('fr');
  for (const [type, words] of Object.entries(contactTypeWords))
    if (
      [type, words.fr, words.en].some((w) => w.toLocaleLowerCase('fr') === key)
    )
      return type as ContactType;

  return null;
}

export const civilityLabel = (
  civility: ExportRow['civility'],
  lang: Lang,
): string | null => (civility ? civilityWords[civility][lang] : null);

/** A channel's code from its code or its label in either language (`Courrier` → `post`). */
export function channelOf(text: string): string | null {
  const folded = text.trim().toLowerCase();
  for (const [code, words] of Object.entries(channelWords))
    if ([code, words.fr, words.en].some((w) => w.toLowerCase() === folded))
      return code;

  return null;
}

export const channelLabel = (channel: string | null, lang: Lang) =>
  channel ? (channelWords[channel]?.[lang] ?? channel) : null;

const countryNames: Record<Lang, Intl.DisplayNames> = {
  fr: new Intl.DisplayNames(['fr'], { type: 'region' }),
  en: new Intl.DisplayNames(['en'], { type: 'region' }),
};

const countryCache = new Map<string, string>();

/** A country's name from its ISO code (`FR` → `France`). */
export function countryLabel(code: string | null, lang: Lang): string | null {
  if (!code) return null;
  const key = `${lang}:${code}`;
  let name = countryCache.get(key);
  if (name === undefined) {
    try {
      name = countryNames[lang].of(code) ?? code;
    } catch {
      name = code;
    }
    countryCache.set(key, name);
  }

  return name;
}

const paris = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const dayByHour = new Map<number, string>();

/**
 * The calendar day of an instant in Paris, as `YYYY-MM-DD`. Paris is a
 * whole number of hours from UTC, so the day is worked out once per hour
 * (an export formats two dates a row).
 */
export function parisDay(date: Date): string {
  const hour = Math.floor(date.getTime() / 3_600_000);
  let day = dayByHour.get(hour);
  if (day === undefined) {
    day = paris.format(date);
    if (dayByHour.size > 100_000) dayByHour.clear();
    dayByHour.set(hour, day);
  }

  return day;
}

/** `YYYY-MM-DD` (or `--MM-DD`) as the French write it: `04/12/2026`, `04/12`. */
export function frenchDate(day: string | null): string | null {
  if (!day) return null;
  const [year, month, date] = day.split('-').slice(-3);
  if (day.startsWith('--')) return `${date}/${month}`;

  return `${date}/${month}/${year}`;
}

/**
 * Whom an address block names: the person (`Mme Docteure Éloïse Lefèvre`),
 * or, for a company, the company itself.
 */
export function addressee(row: ExportRow, lang: Lang): string {
  if (row.kind === 'company') return row.organisation ?? '';

  return [
    civilityLabel(row.civility, lang),
    row.title,
    row.firstName,
    row.lastName,
  ]
    .filter(Boolean)
    .join(' ');
}

const salutations: Record<'M' | 'MME' | 'none', Words> = {
  M: { fr: 'Monsieur', en: 'Dear Sir' },
  MME: { fr: 'Madame', en: 'Dear Madam' },
  none: { fr: 'Madame, Monsieur', en: 'Dear Sir or Madam' },
};

/** How a column's values are typed in a spreadsheet. */
export type ColumnKind = 'text' | 'phone' | 'number' | 'date' | 'day';

/** One column of the tabular exports (xlsx, HTML): its header and its value. */
export type Column = {
  key: string;
  header: Words;
  kind: ColumnKind;
  /** Width in characters, for the spreadsheet. */
  width: number;
  value: (row: ExportRow, lang: Lang) => string | number | Date | null;
};

const join = (values: string[]) => (values.length ? values.join(' ; ') : null);

/**
 * The columns of the spreadsheet and printable exports, in order: the
 * minimum set of R11 first (names, type, function, organisation, main email,
 * fax and phone), then the rest of the card.
 */
export const tableColumns: Column[] = [
  {
    key: 'id',
    header: { fr: 'Identifiant', en: 'ID' },
    kind: 'number',
    width: 11,
    value: (row) => row.id,
  },
  {
    key: 'civility',
    header: { fr: 'Civilité', en: 'Civility' },
    kind: 'text',
    width: 9,
    value: (row, lang) => civilityLabel(row.civility, lang),
  },
  {
    key: 'title',
    header: { fr: 'Titre', en: 'Title' },
    kind: 'text',
    width: 12,
    value: (row) => row.title,
  },
  {
    key: 'lastName',
    header: { fr: 'Nom', en: 'Last name' },
    kind: 'text',
    width: 20,
    value: (row) => row.lastName,
  },
  {
    key: 'firstName',
    header: { fr: 'Prénom', en: 'First name' },
    kind: 'text',
    width: 16,
    value: (row) => row.firstName,
  },
  {
    key: 'contactType',
    header: { fr: 'Type de contact', en: 'Contact type' },
    kind: 'text',
    width: 18,
    value: (row, lang) => contactTypeLabel(row.contactType, lang),
  },
  {
    key: 'function',
    header: { fr: 'Fonction', en: 'Function' },
    kind: 'text',
    width: 26,
    value: (row) => row.function,
  },
  {
    key: 'organisation',
    header: { fr: 'Société / Organisme', en: 'Organisation' },
    kind: 'text',
    width: 28,
    value: (row) => row.organisation,
  },
  {
    key: 'email',
    header: { fr: 'E-mail principal', en: 'Main email' },
    kind: 'text',
    width: 32,
    value: (row) => row.email,
  },
  {
    key: 'fax',
    header: { fr: 'Fax principal', en: 'Main fax' },
    kind: 'phone',
    width: 17,
    value: (row) => row.fax,
  },
  {
    key: 'phone',
    header: { fr: 'Téléphone principal', en: 'Main phone' },
    kind: 'phone',
    width: 17,
    value: (row) => row.phone,
  },
  {
    key: 'mobile',
    header: { fr: 'Mobile', en: 'Mobile' },
    kind: 'phone',
    width: 17,
    value: (row) => join(row.mobile),
  },
  {
    key: 'office',
    header: { fr: 'Téléphone bureau', en: 'Office phone' },
    kind: 'phone',
    width: 17,
    value: (row) => join(row.office),
  },
  {
    key: 'home',
    header: { fr: 'Téléphone domicile', en: 'Home phone' },
    kind: 'phone',
    width: 17,
    value: (row) => join(row.home),
  },
  {
    key: 'otherEmails',
    header: { fr: 'Autres e-mails', en: 'Other emails' },
    kind: 'text',
    width: 30,
    value: (row) => join(row.otherEmails),
  },
  {
    key: 'department',
    header: { fr: 'Service', en: 'Department' },
    kind: 'text',
    width: 18,
    value: (row) => row.department,
  },
  {
    key: 'street',
    header: { fr: 'Adresse', en: 'Address' },
    kind: 'text',
    width: 30,
    value: (row) => row.street,
  },
  {
    key: 'street2',
    header: { fr: 'Complément d’adresse', en: 'Address line 2' },
    kind: 'text',
    width: 22,
    value: (row) => row.street2,
  },
  {
    key: 'postalCode',
    header: { fr: 'Code postal', en: 'Postal code' },
    kind: 'text',
    width: 11,
    value: (row) => row.postalCode,
  },
  {
    key: 'city',
    header: { fr: 'Ville', en: 'City' },
    kind: 'text',
    width: 18,
    value: (row) => row.city,
  },
  {
    key: 'country',
    header: { fr: 'Pays', en: 'Country' },
    kind: 'text',
    width: 14,
    value: (row, lang) => countryLabel(row.country, lang),
  },
  {
    key: 'preferredChannel',
    header: { fr: 'Canal préféré', en: 'Preferred channel' },
    kind: 'text',
    width: 14,
    value: (row, lang) => channelLabel(row.preferredChannel, lang),
  },
  {
    key: 'birthDate',
    header: { fr: 'Date de naissance', en: 'Birth date' },
    kind: 'day',
    width: 14,
    value: (row) => row.birthDate,
  },
  {
    key: 'createdAt',
    header: { fr: 'Créé le', en: 'Created' },
    kind: 'date',
    width: 12,
    value: (row) => row.createdAt,
  },
  {
    key: 'updatedAt',
    header: { fr: 'Modifié le', en: 'Updated' },
    kind: 'date',
    width: 12,
    value: (row) => row.updatedAt,
  },
];

const columnOf = (key: string) =>
  tableColumns.find((column) => column.key === key)!;

/**
 * The columns of a company export (spreadsheet and printable page): the
 * company's name and identity first, then how to reach it, then its
 * business address.
 */
export const companyColumns: Column[] = [
  columnOf('id'),
  {
    key: 'organisation',
    header: { fr: 'Société / Organisme', en: 'Organisation' },
    kind: 'text',
    width: 30,
    value: (row) => row.organisation,
  },
  {
    key: 'legalName',
    header: { fr: 'Raison sociale', en: 'Legal name' },
    kind: 'text',
    width: 30,
    value: (row) => row.legalName,
  },
  {
    key: 'companyType',
    header: { fr: 'Type de société', en: 'Company type' },
    kind: 'text',
    width: 18,
    value: (row) => row.companyType,
  },
  {
    key: 'sector',
    header: { fr: 'Secteur', en: 'Sector' },
    kind: 'text',
    width: 20,
    value: (row) => row.sector,
  },
  columnOf('email'),
  columnOf('phone'),
  columnOf('fax'),
  {
    key: 'website',
    header: { fr: 'Site web', en: 'Website' },
    kind: 'text',
    width: 30,
    value: (row) => row.website,
  },
  ...['street', 'street2', 'postalCode', 'city', 'country'].map(columnOf),
  columnOf('createdAt'),
  columnOf('updatedAt'),
];

/** One merge field: its names, what it is, and its value for a record. */
export type MergeField = {
  /** The table column it repeats (`tableColumns`), or its own name when derived. */
  key: string;
  /** Its name in a Word CSV header and a DOCX template, per language. */
  name: Words;
  /** How an e-mail template writes it, `{{prenom}}`: lower case, no accents. */
  tag: string;
  /** Other names a template may use (`{{formule}}`). */
  aliases?: string[];
  /** What it is, for a field picker; the table column's header when left out. */
  label?: Words;
  /** A value it may take, for a field picker and a preview without a contact. */
  example: Words;
  /** Said when nothing fills it and the template gives no fallback. */
  fallback?: Words;
  value: (row: ExportRow, lang: Lang) => string | null;
};

/**
 * Merge fields of the Word CSV, of DOCX templates and of e-mail templates,
 * by name: a template may write `«Nom»`, `{{Nom}}`, `{{nom}}`,
 * `{{Last_name}}` or `{{prenom}}`; names are matched without case, accents,
 * spaces or underscores, in either language.
 */
export const mergeFields: MergeField[] = [
  {
    key: 'civility',
    name: { fr: 'Civilité', en: 'Civility' },
    tag: 'civilite',
    example: { fr: 'Mme', en: 'Ms' },
    value: (row, lang) => civilityLabel(row.civility, lang),
  },
  {
    key: 'title',
    name: { fr: 'Titre', en: 'Title' },
    tag: 'titre',
    example: { fr: 'Docteure', en: 'Dr' },
    value: (row) => row.title,
  },
  {
    key: 'lastName',
    name: { fr: 'Nom', en: 'Last_name' },
    tag: 'nom',
    example: { fr: 'Dupont', en: 'Dupont' },
    value: (row) => row.lastName,
  },
  {
    key: 'firstName',
    name: { fr: 'Prénom', en: 'First_name' },
    tag: 'prenom',
    example: { fr: 'Marie', en: 'Marie' },
    value: (row) => row.firstName,
  },
  {
    key: 'contactType',
    name: { fr: 'Type_de_contact', en: 'Contact_type' },
    tag: 'type_de_contact',
    example: { fr: 'Presse', en: 'Press' },
    value: (row, lang) => contactTypeLabel(row.contactType, lang),
  },
  {
    key: 'function',
    name: { fr: 'Fonction', en: 'Function' },
    tag: 'fonction',
    example: { fr: 'Rédactrice en chef', en: 'Editor-in-chief' },
    value: (row) => row.function,
  },
  {
    key: 'organisation',
    name: { fr: 'Société', en: 'Organisation' },
    tag: 'societe',
    aliases: ['Organisme', 'Company'],
    example: { fr: 'La Dépêche du Midi', en: 'La Dépêche du Midi' },
    value: (row) => row.organisation,
  },
  {
    key: 'department',
    name: { fr: 'Service', en: 'Department' },
    tag: 'service',
    example: { fr: 'Rédaction', en: 'Newsroom' },
    value: (row) => row.department,
  },
  {
    key: 'email',
    name: { fr: 'Email', en: 'Email' },
    tag: 'email',
    aliases: ['Courriel'],
    example: { fr: 'marie.dupont@example.fr', en: 'marie.dupont@example.fr' },
    value: (row) => row.email,
  },
  {
    key: 'phone',
    name: { fr: 'Téléphone', en: 'Phone' },
    tag: 'telephone',
    example: { fr: '05 61 00 00 01', en: '05 61 00 00 01' },
    // The main phone, unless it is the mobile « Mobile » already shows:
    // then the first other number, else none, so no letter repeats it.
    value: (row) =>
      row.phone !== null && row.phone === row.mobile[0]
        ? (row.office[0] ?? row.home[0] ?? row.otherPhones[0] ?? null)
        : row.phone,
  },
  {
    key: 'mobile',
    name: { fr: 'Mobile', en: 'Mobile' },
    tag: 'mobile',
    example: { fr: '06 12 34 56 78', en: '06 12 34 56 78' },
    value: (row) => row.mobile[0] ?? null,
  },
  {
    key: 'fax',
    name: { fr: 'Fax', en: 'Fax' },
    tag: 'fax',
    example: { fr: '05 61 00 00 02', en: '05 61 00 00 02' },
    value: (row) => row.fax,
  },
  {
    key: 'street',
    name: { fr: 'Adresse_1', en: 'Address_1' },
    tag: 'adresse_1',
    example: { fr: '80 avenue Jean-Baylet', en: '80 avenue Jean-Baylet' },
    value: (row) => row.street,
  },
  {
    key: 'street2',
    name: { fr: 'Adresse_2', en: 'Address_2' },
    tag: 'adresse_2',
    example: { fr: 'BP 101', en: 'BP 101' },
    value: (row) => row.street2,
  },
  {
    key: 'postalCode',
    name: { fr: 'Code_postal', en: 'Postal_code' },
    tag: 'code_postal',
    example: { fr: '31095', en: '31095' },
    value: (row) => row.postalCode,
  },
  {
    key: 'city',
    name: { fr: 'Ville', en: 'City' },
    tag: 'ville',
    example: { fr: 'Toulouse', en: 'Toulouse' },
    value: (row) => row.city,
  },
  {
    key: 'country',
    name: { fr: 'Pays', en: 'Country' },
    tag: 'pays',
    example: { fr: 'Belgique', en: 'Belgium' },
    value: (row, lang) =>
      // Letters inside the base's country leave it out, as La Poste advises.
      row.country === 'FR' ? null : countryLabel(row.country, lang),
  },
  {
    key: 'salutation',
    name: { fr: 'Formule_d_appel', en: 'Salutation' },
    tag: 'formule',
    aliases: ['Greeting'],
    label: { fr: 'Formule d’appel', en: 'Salutation' },
    example: salutations.MME,
    // Several people, or someone unknown: both forms, as a letter would.
    fallback: salutations.none,
    value: (row, lang) => salutations[row.civility ?? 'none'][lang],
  },
  {
    key: 'addressee',
    name: { fr: 'Destinataire', en: 'Addressee' },
    tag: 'destinataire',
    label: { fr: 'Destinataire', en: 'Addressee' },
    example: { fr: 'Mme Marie Dupont', en: 'Ms Marie Dupont' },
    value: (row, lang) => addressee(row, lang) || null,
  },
];

/** What a merge field is, in words: its own label, else its column's header. */
export function mergeFieldLabel(field: MergeField): Words {
  return (
    field.label ??
    tableColumns.find((column) => column.key === field.key)?.header ??
    field.name
  );
}

/** The comparison key of a field's name: no case, accents, spaces or underscores. */
const mergeFieldKey = (name: string) => fold(name).replace(/[^a-z0-9]/g, '');

const mergeFieldByKey = new Map<string, number>();
mergeFields.forEach((field, index) => {
  const names = [
    field.name.fr,
    field.name.en,
    field.tag,
    ...(field.aliases ?? []),
  ];
  for (const name of names) mergeFieldByKey.set(mergeFieldKey(name), index);
});

/**
 * The place in `mergeFields` of the field a template names by any of its
 * names (`Prénom`, `prenom`, `First_name`), or undefined for an unknown one.
 */
export function mergeFieldIndex(name: string): number | undefined {
  return mergeFieldByKey.get(mergeFieldKey(name));
}
