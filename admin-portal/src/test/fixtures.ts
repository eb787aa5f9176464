import {
  companyDto,
  contactDto,
  duplicatePairDto,
  importBatchDto,
  importRowDto,
  userDto,
  type CompanyDto,
  type ContactDto,
  type DuplicatePairDto,
  type ImportBatchDto,
  type ImportRowDto,
  type SearchHit,
  type UserDto,
} from 'core-api/client';

/** An administrator, as `auth.session()` describes one. */
export function buildUser(overrides: Partial<UserDto> = {}): UserDto {
  return userDto.parse({
    id: 3,
    email: 'claire.admin@relais.test',
    displayName: 'Claire Admin',
    role: 'admin',
    locale: 'fr',
    totpEnabled: true,
    mustChangePassword: false,
    active: true,
    lastSignInAt: '2026-12-01T08:00:00Z',
    ...overrides,
  });
}

/**
 * A contact with every attribute set (and deleted, opted out and marked
 * do-not-contact, so every warning shows), checked by the API's own schema.
 */
export function buildFullContact(
  overrides: Partial<ContactDto> = {},
): ContactDto {
  return contactDto.parse({
    id: 42,
    displayName: 'Docteure Camille Durand-Lefèvre',
    civility: 'MME',
    title: 'Docteure',
    firstName: 'Camille',
    lastName: 'Durand-Lefèvre',
    birthDate: '1975-07-14',
    contactType: 'press',
    preferredChannel: 'sms',
    origin: 'Import Excel presse 2026',
    intermediary: {
      id: 88,
      displayName: 'Paul Martin',
      role: 'Attaché de presse',
    },
    notes: 'Préfère être appelée le matin.\nJamais le vendredi.',
    doNotContact: true,
    optOut: { email: false, sms: true, post: true, phone: false },
    emails: [
      {
        id: 1,
        address: 'camille.durand@quotidien.test',
        label: 'work',
        isPrimary: true,
      },
      { id: 2, address: 'camille@perso.test', label: 'home', isPrimary: false },
    ],
    phones: [
      {
        id: 1,
        kind: 'mobile',
        e164: '+33612345678',
        raw: '06.12.34.56.78',
        display: '06 12 34 56 78',
        isPrimary: true,
      },
      {
        id: 2,
        kind: 'office',
        e164: '+33140000000',
        raw: '01 40 00 00 00',
        display: '01 40 00 00 00',
        isPrimary: false,
      },
      {
        id: 3,
        kind: 'fax',
        e164: null,
        raw: 'standard poste 12',
        display: 'standard poste 12',
        isPrimary: false,
      },
    ],
    addresses: [
      {
        id: 1,
        label: 'work',
        street: '12 rue de la Paix',
        street2: 'Bâtiment B',
        postalCode: '75002',
        city: 'Paris',
        region: 'Île-de-France',
        country: 'FR',
        isPrimary: true,
      },
    ],
    socialAccounts: [
      {
        id: 1,
        network: 'linkedin',
        handle: 'camille-durand',
        url: 'https://www.linkedin.com/in/camille-durand',
      },
      {
        id: 2,
        network: 'mastodon',
        handle: '@camille@piaille.test',
        url: null,
      },
      { id: 3, network: 'other', handle: 'piège', url: 'javascript:alert(1)' },
    ],
    affiliations: [
      {
        id: 1,
        company: { id: 5, name: 'Le Quotidien du Midi' },
        function: 'Rédactrice en chef',
        department: 'Économie',
        startDate: '2019-09-01',
        endDate: null,
        isPrimary: true,
        current: true,
      },
      {
        id: 2,
        company: { id: 6, name: 'Radio Horizon' },
        function: 'Chroniqueuse',
        department: 'Matinale',
        startDate: '2012-01-15',
        endDate: '2018-06-30',
        isPrimary: false,
        current: false,
      },
    ],
    terms: [
      { id: 10, kind: 'domain', label: 'Culture', parentId: null },
      { id: 11, kind: 'domain', label: 'Cinéma', parentId: 10 },
      { id: 20, kind: 'sector', label: 'Médias', parentId: null },
      { id: 30, kind: 'category', label: 'Vœux 2027', parentId: null },
    ],
    fieldSources: {
      lastName: { source: 'import:12', at: '2026-03-02T08:15:00Z' },
      emails: { source: 'outlook', at: '2026-07-10T16:45:00Z' },
    },
    importBatchId: 12,
    version: 7,
    createdAt: '2026-03-02T08:15:00Z',
    updatedAt: '2026-07-10T16:45:00Z',
    deletedAt: '2026-11-20T09:00:00Z',
    deactivatedAt: '2026-11-21T07:30:00Z',
    ...overrides,
  });
}

/** A company with every attribute set and two linked contacts. */
export function buildFullCompany(
  overrides: Partial<CompanyDto> = {},
): CompanyDto {
  return companyDto.parse({
    id: 5,
    name: 'Le Quotidien du Midi',
    legalName: 'SAS Éditions du Midi',
    companyType: 'Presse quotidienne régionale',
    sector: { id: 20, label: 'Médias' },
    street: '8 allée Jean Jaurès',
    street2: 'Immeuble Le Phare',
    postalCode: '31000',
    city: 'Toulouse',
    region: 'Occitanie',
    country: 'FR',
    phone: {
      e164: '+33561000000',
      raw: '05.61.00.00.00',
      display: '05 61 00 00 00',
    },
    fax: {
      e164: '+33561000001',
      raw: '05 61 00 00 01',
      display: '05 61 00 00 01',
    },
    email: 'redaction@quotidien.test',
    website: 'https://quotidien.test/',
    notes: 'Bouclage à 22 h.',
    origin: 'Saisie manuelle',
    socialAccounts: [
      { id: 4, network: 'bluesky', handle: 'quotidien.test', url: null },
    ],
    terms: [
      { id: 30, kind: 'category', label: 'Presse régionale', parentId: null },
    ],
    contacts: [
      {
        id: 42,
        displayName: 'Camille Durand-Lefèvre',
        contactType: 'press',
        function: 'Rédactrice en chef',
        current: true,
      },
      {
        id: 43,
        displayName: 'Jean Dupont',
        contactType: 'partner',
        function: null,
        current: false,
      },
    ],
    fieldSources: { website: { source: 'user:3', at: '2026-05-04T10:00:00Z' } },
    version: 2,
    createdAt: '2026-01-10T07:30:00Z',
    updatedAt: '2026-05-04T10:00:00Z',
    deletedAt: null,
    ...overrides,
  });
}

/** A search hit. */
export function buildHit(overrides: Partial<SearchHit> = {}): SearchHit {
  return {
    type: 'contact',
    id: 42,
    displayName: 'Camille Durand-Lefèvre',
    subtitle: 'Rédactrice en chef, Le Quotidien du Midi',
    match: 'exact',
    score: 1,
    ...overrides,
  };
}

/**
 * A pending pair of the duplicate queue (Camille Durand-Lefèvre twice),
 * checked by the API's own schema; `a` and `b` are merged into the defaults.
 */
export function buildPair(
  overrides: Partial<Omit<DuplicatePairDto, 'a' | 'b'>> & {
    a?: Partial<DuplicatePairDto['a']>;
    b?: Partial<DuplicatePairDto['b']>;
  } = {},
): DuplicatePairDto {
  const { a, b, ...rest } = overrides;

  return duplicatePairDto.parse({
    id: 7,
    score: 18.46,
    outcome: 'same',
    status: 'pending',
    evidence: [
      { field: 'lastName', agreement: 'exact', weight: 6.2 },
      { field: 'firstName', agreement: 'close', weight: 4 },
      { field: 'email', agreement: 'exact', weight: 9 },
      { field: 'birthDate', agreement: 'different', weight: -5.5 },
    ],
    decidedAt: null,
    merge: null,
    a: {
      id: 42,
      displayName: 'Camille Durand-Lefèvre',
      birthDate: '1975-07-14',
      emails: ['camille.durand@quotidien.test'],
      phones: ['+33612345678'],
      organisations: ['Le Quotidien du Midi'],
      city: 'Paris',
      ...a,
    },
    b: {
      id: 57,
      displayName: 'Camile Durand-Lefevre',
      birthDate: '1975-04-07',
      emails: ['camille.durand@quotidien.test'],
      phones: [],
      organisations: [],
      city: null,
      ...b,
    },
    ...rest,
  });
}

/** The preview of a small press file: a column changed, one row rejected. */
export function buildPreview(
  overrides: Partial<NonNullable<ImportBatchDto['preview']>> = {},
): NonNullable<ImportBatchDto['preview']> {
  return {
    totalRows: 20,
    counts: { create: 12, update: 2, merge: 3, review: 2, reject: 1 },
    warnings: 4,
    issues: [],
    issuesTruncated: false,
    mappings: [
      {
        sheet: 'Presse',
        columns: [
          { index: 0, header: 'Nom', suggested: 'lastName', key: 'lastName' },
          {
            index: 1,
            header: 'Prénom',
            suggested: 'firstName',
            key: 'firstName',
          },
          {
            index: 2,
            header: 'Société ',
            suggested: 'company',
            key: 'company',
          },
          { index: 3, header: 'Portable', suggested: null, key: null },
        ],
      },
    ],
    duplicates: {
      withBase: 2,
      withinFile: 1,
      mergedInFile: 1,
      mergedWithBase: 2,
    },
    tookMs: 80,
    ...overrides,
  };
}

/** An import batch, staged by default, checked by the API's own schema. */
export function buildBatch(
  overrides: Partial<ImportBatchDto> = {},
): ImportBatchDto {
  return importBatchDto.parse({
    id: 5,
    fileName: 'fichier_presse.xlsx',
    format: 'xlsx',
    status: 'staged',
    phase: null,
    progress: { done: 20, total: 20 },
    totalRows: 20,
    createdCount: 0,
    rejectedCount: 1,
    options: {},
    createdAt: '2026-12-04T09:30:00Z',
    committedAt: null,
    error: null,
    preview: buildPreview(),
    result: null,
    ...overrides,
  });
}

/** A staged row, checked by the API's own schema. */
export function buildRow(overrides: Partial<ImportRowDto> = {}): ImportRowDto {
  return importRowDto.parse({
    line: 7,
    sheet: null,
    outcome: 'create',
    contactId: null,
    mergeLine: null,
    score: null,
    externalId: null,
    label: 'Jean Dupont · Le Monde · jean.dupont@lemonde.test',
    contact: null,
    issues: [],
    pairs: [],
    ...overrides,
  });
}
