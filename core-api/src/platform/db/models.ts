import {
  DataTypes,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Model,
  type ModelStatic,
  type NonAttribute,
  type Sequelize,
} from 'sequelize';
import { contactSortKeys } from '../text/name-keys.ts';

const { BIGINT, BOOLEAN, DATE, FLOAT, INTEGER, STRING, TEXT } = DataTypes;

type Row<T extends Model> = Model<
  InferAttributes<T>,
  InferCreationAttributes<T>
>;

export interface UserRow extends Row<UserRow> {
  id: CreationOptional<number>;
  email: string;
  displayName: string;
  role: 'admin' | 'editor';
  passwordHash: string | null;
  mustChangePassword: CreationOptional<boolean>;
  totpSecret: string | null;
  totpEnabled: CreationOptional<boolean>;
  totpLastStep: CreationOptional<number | null>;
  locale: CreationOptional<'fr' | 'en'>;
  active: CreationOptional<boolean>;
  lastSignInAt: Date | null;
  /** Who vouches for the account: its own password, or Entra ID. */
  identitySource: CreationOptional<'local' | 'entra'>;
  entraTenantId: CreationOptional<string | null>;
  entraObjectId: CreationOptional<string | null>;
  /** Set by an administrator: group claims no longer change the role. */
  rolePinned: CreationOptional<boolean>;
  /** The department (service) the user works in, set by an administrator. */
  departmentId: CreationOptional<number | null>;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

export interface SessionRow extends Row<SessionRow> {
  id: string;
  userId: number;
  mfaSatisfied: boolean;
  expiresAt: Date;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

export interface AuditEventRow extends Row<AuditEventRow> {
  id: CreationOptional<number>;
  occurredAt: Date;
  actorId: number | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  parentId: number | null;
  summary: string | null;
  beforeData: string | null;
  afterData: string | null;
  requestId: string | null;
}

/**
 * `staging`: being read; `staged`: a preview waiting for a decision;
 * `committing`; `committed`; `failed`; `discarded`; `undone`. `running` is
 * the single-step import of the first releases.
 */
export type ImportStatus =
  | 'staging'
  | 'staged'
  | 'committing'
  | 'running'
  | 'committed'
  | 'failed'
  | 'discarded'
  | 'undone'
  /** Read, left uncommitted past STAGED_IMPORT_TTL_DAYS: its rows are gone. */
  | 'expired';

/** What committing a staged row does. */
export type RowOutcome = 'create' | 'update' | 'merge' | 'review' | 'reject';

export interface ImportRowRow extends Row<ImportRowRow> {
  id: CreationOptional<number>;
  batchId: number;
  line: number;
  sheet: string | null;
  outcome: RowOutcome;
  contactId: number | null;
  mergeLine: number | null;
  score: number | null;
  externalId: string | null;
  data: string | null;
  issues: string | null;
  beforeData: CreationOptional<string | null>;
}

export interface ImportFileRow extends Row<ImportFileRow> {
  batchId: number;
  data: Buffer;
  size: number;
  createdAt: CreationOptional<Date>;
}

export interface MappingProfileRow extends Row<MappingProfileRow> {
  id: CreationOptional<number>;
  name: string;
  description: string | null;
  columns: string;
  version: CreationOptional<number>;
  createdById: number | null;
  updatedById: number | null;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

export interface SettingRow extends Row<SettingRow> {
  key: string;
  value: string;
  version: CreationOptional<number>;
  updatedById: number | null;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

export interface ImportBatchRow extends Row<ImportBatchRow> {
  id: CreationOptional<number>;
  fileName: string;
  format: string;
  status: ImportStatus;
  totalRows: CreationOptional<number>;
  createdCount: CreationOptional<number>;
  rejectedCount: CreationOptional<number>;
  report: CreationOptional<string>;
  createdById: number | null;
  auditEventId: number | null;
  phase: CreationOptional<string | null>;
  progressDone: CreationOptional<number>;
  progressTotal: CreationOptional<number>;
  options: CreationOptional<string>;
  error: CreationOptional<string | null>;
  committedAt: CreationOptional<Date | null>;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

export interface TermRow extends Row<TermRow> {
  id: CreationOptional<number>;
  kind: 'domain' | 'sector' | 'category';
  parentId: number | null;
  label: string;
  labelEn: string | null;
  position: CreationOptional<number>;
  version: CreationOptional<number>;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
  deletedAt: CreationOptional<Date | null>;
}

/** Columns every contact and company carries about its own history. */
type Provenance = {
  origin: string | null;
  importBatchId: number | null;
  fieldSources: CreationOptional<string>;
  version: CreationOptional<number>;
  createdById: number | null;
  updatedById: number | null;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
  deletedAt: CreationOptional<Date | null>;
};

export interface CompanyRow extends Row<CompanyRow>, Provenance {
  id: CreationOptional<number>;
  name: string;
  /** The name folded for matching (`Le Monde` → `le monde`). */
  nameKey: string;
  legalName: string | null;
  companyType: string | null;
  sectorId: number | null;
  street: string | null;
  street2: string | null;
  postalCode: string | null;
  city: string | null;
  /** The city folded for sorting (`sortKey`). */
  cityKey: CreationOptional<string | null>;
  region: string | null;
  country: string | null;
  phoneE164: string | null;
  phoneRaw: string | null;
  faxE164: string | null;
  faxRaw: string | null;
  email: string | null;
  website: string | null;
  notes: string | null;
  sector?: NonAttribute<TermRow | null>;
  socialAccounts?: NonAttribute<SocialAccountRow[]>;
  terms?: NonAttribute<TermRow[]>;
  affiliations?: NonAttribute<AffiliationRow[]>;
}

export interface ContactRow extends Row<ContactRow>, Provenance {
  id: CreationOptional<number>;
  civility: 'M' | 'MME' | null;
  title: string | null;
  firstName: string | null;
  lastName: string | null;
  /** The names folded for sorting (`sortKey`): French order on every database. */
  firstNameKey: CreationOptional<string | null>;
  lastNameKey: CreationOptional<string | null>;
  birthDate: string | null;
  contactType: string;
  preferredChannel: string | null;
  intermediaryId: number | null;
  mergedIntoId: CreationOptional<number | null>;
  intermediaryRole: string | null;
  notes: string | null;
  doNotContact: CreationOptional<boolean>;
  optOutEmail: CreationOptional<boolean>;
  optOutSms: CreationOptional<boolean>;
  optOutPost: CreationOptional<boolean>;
  optOutPhone: CreationOptional<boolean>;
  externalSource: CreationOptional<string | null>;
  externalId: CreationOptional<string | null>;
  deactivatedAt: CreationOptional<Date | null>;
  emails?: NonAttribute<EmailRow[]>;
  phones?: NonAttribute<PhoneRow[]>;
  addresses?: NonAttribute<AddressRow[]>;
  socialAccounts?: NonAttribute<SocialAccountRow[]>;
  affiliations?: NonAttribute<AffiliationRow[]>;
  terms?: NonAttribute<TermRow[]>;
  intermediary?: NonAttribute<ContactRow | null>;
}

export interface EmailRow extends Row<EmailRow> {
  id: CreationOptional<number>;
  contactId: number;
  position: number;
  address: string;
  label: string | null;
  isPrimary: boolean;
}

export interface PhoneRow extends Row<PhoneRow> {
  id: CreationOptional<number>;
  contactId: number;
  position: number;
  kind: string;
  e164: string | null;
  raw: string;
  isPrimary: boolean;
}

export interface AddressRow extends Row<AddressRow> {
  id: CreationOptional<number>;
  contactId: number;
  position: number;
  label: string | null;
  street: string | null;
  street2: string | null;
  postalCode: string | null;
  city: string | null;
  /** The city folded for sorting (`sortKey`). */
  cityKey: CreationOptional<string | null>;
  region: string | null;
  country: string | null;
  isPrimary: boolean;
}

export interface SocialAccountRow extends Row<SocialAccountRow> {
  id: CreationOptional<number>;
  contactId?: number;
  companyId?: number;
  position: number;
  network: string;
  handle: string | null;
  url: string | null;
}

export interface AffiliationRow extends Row<AffiliationRow> {
  id: CreationOptional<number>;
  contactId: number;
  companyId: number;
  position: number;
  function: string | null;
  department: string | null;
  startDate: string | null;
  endDate: string | null;
  isPrimary: boolean;
  company?: NonAttribute<CompanyRow>;
  contact?: NonAttribute<ContactRow>;
}

export interface ContactTermRow extends Row<ContactTermRow> {
  contactId: number;
  termId: number;
}

export interface CompanyTermRow extends Row<CompanyTermRow> {
  companyId: number;
  termId: number;
}

export interface SearchTokenRow extends Row<SearchTokenRow> {
  id: CreationOptional<number>;
  entityType: 'contact' | 'company';
  entityId: number;
  field: string;
  token: string;
  phonetic: string | null;
  sound: string | null;
}

export interface ContactMergeRow extends Row<ContactMergeRow> {
  id: CreationOptional<number>;
  survivorId: number;
  mergedId: number;
  pairId: number | null;
  /** JSON: the survivor as a contact input, before the merge. */
  survivorBefore: string;
  survivorVersionAfter: number;
  /** JSON: contacts whose intermediary moved from the merged contact. */
  repointedIds: string;
  mergedById: number | null;
  undoneAt: Date | null;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

export interface DuplicatePairRow extends Row<DuplicatePairRow> {
  id: CreationOptional<number>;
  contactAId: number;
  contactBId: number;
  score: number;
  outcome: 'same' | 'maybe';
  /** JSON: each field's part in the score, for the review screen. */
  evidence: string;
  status: CreationOptional<'pending' | 'not_duplicate' | 'merged'>;
  decidedById: number | null;
  decidedAt: Date | null;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobRow extends Row<JobRow> {
  id: CreationOptional<number>;
  kind: string;
  /** JSON: what the handler needs. */
  payload: string;
  status: CreationOptional<JobStatus>;
  runAt: Date;
  /** At most one waiting or running job carries a given key. */
  dedupeKey: string | null;
  attempts: CreationOptional<number>;
  maxAttempts: CreationOptional<number>;
  claimedBy: CreationOptional<string | null>;
  leaseUntil: CreationOptional<Date | null>;
  /** JSON, as the handler reports it. */
  progress: CreationOptional<string | null>;
  result: CreationOptional<string | null>;
  error: CreationOptional<string | null>;
  finishedAt: CreationOptional<Date | null>;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

export interface FeedRow extends Row<FeedRow> {
  id: CreationOptional<number>;
  name: string;
  kind: 'folder' | 'url';
  folderPath: string | null;
  filePattern: string | null;
  url: string | null;
  everyMinutes: number | null;
  /** `HH:MM`, Europe/Paris time. */
  dailyAt: string | null;
  mappingProfileId: number | null;
  deactivateMissing: boolean;
  enabled: boolean;
  nextRunAt: Date | null;
  lastRunAt: CreationOptional<Date | null>;
  lastStatus: CreationOptional<string | null>;
  lastSuccessAt: CreationOptional<Date | null>;
  lastFailureAt: CreationOptional<Date | null>;
  consecutiveFailures: CreationOptional<number>;
  lastErrorFr: CreationOptional<string | null>;
  lastErrorEn: CreationOptional<string | null>;
  version: CreationOptional<number>;
  createdById: number | null;
  updatedById: number | null;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

export interface FeedRunRow extends Row<FeedRunRow> {
  id: CreationOptional<number>;
  feedId: number;
  jobId: number | null;
  batchId: CreationOptional<number | null>;
  cause: 'schedule' | 'manual';
  status: 'running' | 'succeeded' | 'unchanged' | 'failed';
  startedAt: Date;
  finishedAt: CreationOptional<Date | null>;
  durationMs: CreationOptional<number | null>;
  /** The file name, or the address without its query. */
  source: CreationOptional<string | null>;
  bytes: CreationOptional<number | null>;
  sha256: CreationOptional<string | null>;
  /** JSON: what the import did. */
  counts: CreationOptional<string | null>;
  errorCode: CreationOptional<string | null>;
  errorFr: CreationOptional<string | null>;
  errorEn: CreationOptional<string | null>;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

export interface FeedFileRow extends Row<FeedFileRow> {
  id: CreationOptional<number>;
  feedId: number;
  fileName: string;
  size: number;
  mtimeMs: number;
  sha256: string;
  runId: number | null;
  processedAt: Date;
}

export interface FeedAllowedHostRow extends Row<FeedAllowedHostRow> {
  id: CreationOptional<number>;
  host: string;
  note: string | null;
  createdById: number | null;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

/** A saved query (issue #4): a dynamic target, its definition as JSON. */
export interface SavedQueryRow extends Row<SavedQueryRow> {
  id: CreationOptional<number>;
  name: string;
  description: string | null;
  entity: 'contact' | 'company';
  definition: string;
  ownerId: number;
  version: CreationOptional<number>;
  createdById: number | null;
  updatedById: number | null;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
  deletedAt: CreationOptional<Date | null>;
}

export type ListEntity = 'contact' | 'company';

export interface ListRow extends Row<ListRow> {
  id: CreationOptional<number>;
  name: string;
  description: string | null;
  entity: ListEntity;
  ownerId: number;
  /** JSON: the query the list was built from, kept for the record. */
  sourceDefinition: string | null;
  version: CreationOptional<number>;
  createdById: number | null;
  updatedById: number | null;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
  deletedAt: CreationOptional<Date | null>;
}

export interface ListContactRow extends Row<ListContactRow> {
  listId: number;
  contactId: number;
  /** Who added the member, or proposed it when a request brought it. */
  addedById: number | null;
  /** Who approved the request that brought the member, if one did. */
  approvedById: CreationOptional<number | null>;
  addedAt: Date;
}

export interface ListCompanyRow extends Row<ListCompanyRow> {
  listId: number;
  companyId: number;
  /** Who added the member, or proposed it when a request brought it. */
  addedById: number | null;
  /** Who approved the request that brought the member, if one did. */
  approvedById: CreationOptional<number | null>;
  addedAt: Date;
}

export interface ListChangeRequestRow extends Row<ListChangeRequestRow> {
  id: CreationOptional<number>;
  listId: number;
  action: 'add' | 'remove';
  contactId: number | null;
  companyId: number | null;
  proposedById: number;
  proposedAt: Date;
  note: string | null;
  status: CreationOptional<'pending' | 'approved' | 'rejected' | 'withdrawn'>;
  /** What approving did: `applied`, or why there was nothing left to do. */
  outcome: string | null;
  decidedById: number | null;
  /** The owner an administrator decided for, when one did. */
  decidedForId: number | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

export interface ListEventRow extends Row<ListEventRow> {
  id: CreationOptional<number>;
  listId: number;
  occurredAt: Date;
  action: string;
  actorId: number | null;
  /** The owner an administrator acted for, when one did. */
  actingForId: number | null;
  requestId: number | null;
  proposedById: number | null;
  memberCount: number | null;
  /** JSON: what else the event needs (names, member ids, notes). */
  details: string | null;
}

/** A list membership or request a contact merge moved, for its undo. */
export interface ListMergeMoveRow extends Row<ListMergeMoveRow> {
  id: CreationOptional<number>;
  mergeId: number;
  kind: 'membership' | 'request';
  listId: number;
  requestId: number | null;
  outcome: 'moved' | 'dropped' | 'withdrawn';
  addedById: number | null;
  addedAt: Date | null;
}

/** One line of a contact's history: an e-mail, a call, a note, a send. */
export interface InteractionRow extends Row<InteractionRow> {
  id: CreationOptional<number>;
  contactId: number;
  companyId: number | null;
  kind: string;
  occurredAt: Date;
  authorId: number | null;
  subject: string | null;
  summary: string | null;
  link: string | null;
  source: string;
  /** What the source calls it: logging it twice finds this row again. */
  externalId: string | null;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
  deletedAt: CreationOptional<Date | null>;
}

/** An interaction a contact merge moved to the survivor, for its undo. */
export interface InteractionMergeMoveRow extends Row<InteractionMergeMoveRow> {
  mergeId: number;
  interactionId: number;
}

/** A saved e-mail template with merge fields (issue #5). */
export interface EmailTemplateRow extends Row<EmailTemplateRow> {
  id: CreationOptional<number>;
  name: string;
  description: string | null;
  subject: string;
  /** Sanitised when saved. */
  bodyHtml: string;
  /** Null: derived from the HTML when filled. */
  bodyText: string | null;
  language: 'fr' | 'en';
  /** Everyone may use it; otherwise its owner only. */
  shared: boolean;
  ownerId: number;
  version: CreationOptional<number>;
  createdById: number | null;
  updatedById: number | null;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
  deletedAt: CreationOptional<Date | null>;
}

/** A department (service) of the organisation's own staff (R24). */
export interface DepartmentRow extends Row<DepartmentRow> {
  id: CreationOptional<number>;
  name: string;
  code: string;
  version: CreationOptional<number>;
  createdById: number | null;
  updatedById: number | null;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

/** An address mail may be sent from, and who may use it (R24). */
export interface SenderAddressRow extends Row<SenderAddressRow> {
  id: CreationOptional<number>;
  address: string;
  displayName: string;
  replyTo: string | null;
  active: boolean;
  version: CreationOptional<number>;
  createdById: number | null;
  updatedById: number | null;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
  deletedAt: CreationOptional<Date | null>;
}

/** A department or a user allowed to send from an address. */
export interface SenderGrantRow extends Row<SenderGrantRow> {
  id: CreationOptional<number>;
  senderAddressId: number;
  departmentId: number | null;
  userId: number | null;
  /** The department's default address (department grants only). */
  isDefault: boolean;
}

const noStamps = { timestamps: false } as const;

const provenance = {
  origin: { type: STRING(120) },
  importBatchId: { type: INTEGER },
  fieldSources: { type: TEXT, allowNull: false, defaultValue: '{}' },
  version: { type: INTEGER, allowNull: false, defaultValue: 1 },
  createdById: { type: INTEGER },
  updatedById: { type: INTEGER },
  createdAt: { type: DATE },
  updatedAt: { type: DATE },
  deletedAt: { type: DATE },
};

const socialFields = {
  id: { type: INTEGER, autoIncrement: true, primaryKey: true },
  position: { type: INTEGER, allowNull: false, defaultValue: 0 },
  network: { type: STRING(30), allowNull: false },
  handle: { type: STRING(200) },
  url: { type: STRING(500) },
};

/**
 * Defines the models on one connection. Models are per connection (not global
 * classes) so that tests can hold a SQLite and a PostgreSQL base side by side.
 * Models carry no business rules: services do.
 */
/** Writes a contact's name sort keys when its names are new or changed. */
function fillNameKeys(contact: ContactRow): void {
  if (
    contact.lastNameKey == null ||
    contact.firstNameKey == null ||
    contact.changed('lastName') ||
    contact.changed('firstName')
  )
    Object.assign(contact, contactSortKeys(contact));
}

export function defineModels(sequelize: Sequelize) {
  const pk = { type: INTEGER, autoIncrement: true, primaryKey: true };

  const User = sequelize.define<UserRow>(
    'User',
    {
      id: pk,
      email: { type: STRING(320), allowNull: false, unique: true },
      displayName: { type: STRING(200), allowNull: false },
      role: { type: STRING(20), allowNull: false },
      passwordHash: { type: STRING(300) },
      mustChangePassword: {
        type: BOOLEAN,
        allowNull: false,
        defaultValue: false,
      },
      totpSecret: { type: STRING(300) },
      totpEnabled: { type: BOOLEAN, allowNull: false, defaultValue: false },
      totpLastStep: { type: BIGINT },
      locale: { type: STRING(5), allowNull: false, defaultValue: 'fr' },
      active: { type: BOOLEAN, allowNull: false, defaultValue: true },
      lastSignInAt: { type: DATE },
      identitySource: {
        type: STRING(20),
        allowNull: false,
        defaultValue: 'local',
      },
      entraTenantId: { type: STRING(36) },
      entraObjectId: { type: STRING(36) },
      rolePinned: { type: BOOLEAN, allowNull: false, defaultValue: false },
      departmentId: { type: INTEGER },
      createdAt: { type: DATE },
      updatedAt: { type: DATE },
    },
    { tableName: 'users' },
  );

  const Session = sequelize.define<SessionRow>(
    'Session',
    {
      id: { type: STRING(64), primaryKey: true },
      userId: { type: INTEGER, allowNull: false },
      mfaSatisfied: { type: BOOLEAN, allowNull: false },
      expiresAt: { type: DATE, allowNull: false },
      createdAt: { type: DATE },
      updatedAt: { type: DATE },
    },
    { tableName: 'sessions' },
  );

  const AuditEvent = sequelize.define<AuditEventRow>(
    'AuditEvent',
    {
      id: { type: BIGINT, autoIncrement: true, primaryKey: true },
      occurredAt: { type: DATE, allowNull: false },
      actorId: { type: INTEGER },
      actorLabel: { type: STRING(200), allowNull: false },
      action: { type: STRING(40), allowNull: false },
      entityType: { type: STRING(40), allowNull: false },
      entityId: { type: STRING(64) },
      parentId: { type: BIGINT },
      summary: { type: STRING(500) },
      beforeData: { type: TEXT },
      afterData: { type: TEXT },
      requestId: { type: STRING(64) },
    },
    { tableName: 'audit_events', ...noStamps },
  );

  const ImportBatch = sequelize.define<ImportBatchRow>(
    'ImportBatch',
    {
      id: pk,
      fileName: { type: STRING(300), allowNull: false },
      format: { type: STRING(20), allowNull: false },
      status: { type: STRING(20), allowNull: false },
      totalRows: { type: INTEGER, allowNull: false, defaultValue: 0 },
      createdCount: { type: INTEGER, allowNull: false, defaultValue: 0 },
      rejectedCount: { type: INTEGER, allowNull: false, defaultValue: 0 },
      report: { type: TEXT, allowNull: false, defaultValue: '{}' },
      createdById: { type: INTEGER },
      auditEventId: { type: BIGINT },
      phase: { type: STRING(20) },
      progressDone: { type: INTEGER, allowNull: false, defaultValue: 0 },
      progressTotal: { type: INTEGER, allowNull: false, defaultValue: 0 },
      options: { type: TEXT, allowNull: false, defaultValue: '{}' },
      error: { type: TEXT },
      committedAt: { type: DATE },
      createdAt: { type: DATE },
      updatedAt: { type: DATE },
    },
    { tableName: 'import_batches' },
  );

  const ImportRow = sequelize.define<ImportRowRow>(
    'ImportRow',
    {
      id: pk,
      batchId: { type: INTEGER, allowNull: false },
      line: { type: INTEGER, allowNull: false },
      sheet: { type: STRING(100) },
      outcome: { type: STRING(10), allowNull: false },
      contactId: { type: INTEGER },
      mergeLine: { type: INTEGER },
      score: { type: FLOAT },
      externalId: { type: STRING(200) },
      data: { type: TEXT },
      issues: { type: TEXT },
      beforeData: { type: TEXT },
    },
    { tableName: 'import_rows', ...noStamps },
  );

  const ImportFile = sequelize.define<ImportFileRow>(
    'ImportFile',
    {
      batchId: { type: INTEGER, primaryKey: true },
      data: { type: DataTypes.BLOB, allowNull: false },
      size: { type: INTEGER, allowNull: false },
      createdAt: { type: DATE },
    },
    { tableName: 'import_files', updatedAt: false },
  );

  const MappingProfile = sequelize.define<MappingProfileRow>(
    'MappingProfile',
    {
      id: pk,
      name: { type: STRING(120), allowNull: false, unique: true },
      description: { type: STRING(500) },
      columns: { type: TEXT, allowNull: false },
      version: { type: INTEGER, allowNull: false, defaultValue: 1 },
      createdById: { type: INTEGER },
      updatedById: { type: INTEGER },
      createdAt: { type: DATE },
      updatedAt: { type: DATE },
    },
    { tableName: 'mapping_profiles' },
  );

  const Setting = sequelize.define<SettingRow>(
    'Setting',
    {
      key: { type: STRING(100), primaryKey: true },
      value: { type: TEXT, allowNull: false },
      version: { type: INTEGER, allowNull: false, defaultValue: 1 },
      updatedById: { type: INTEGER },
      createdAt: { type: DATE },
      updatedAt: { type: DATE },
    },
    { tableName: 'settings' },
  );

  const Term = sequelize.define<TermRow>(
    'Term',
    {
      id: pk,
      kind: { type: STRING(20), allowNull: false },
      parentId: { type: INTEGER },
      label: { type: STRING(200), allowNull: false },
      labelEn: { type: STRING(200) },
      position: { type: INTEGER, allowNull: false, defaultValue: 0 },
      version: { type: INTEGER, allowNull: false, defaultValue: 1 },
      createdAt: { type: DATE },
      updatedAt: { type: DATE },
      deletedAt: { type: DATE },
    },
    { tableName: 'taxonomy_terms', paranoid: true },
  );

  const Company = sequelize.define<CompanyRow>(
    'Company',
    {
      id: pk,
      name: { type: STRING(300), allowNull: false },
      nameKey: { type: STRING(300), allowNull: false },
      legalName: { type: STRING(300) },
      companyType: { type: STRING(60) },
      sectorId: { type: INTEGER },
      street: { type: STRING(300) },
      street2: { type: STRING(300) },
      postalCode: { type: STRING(20) },
      city: { type: STRING(120) },
      cityKey: { type: STRING(120) },
      region: { type: STRING(120) },
      country: { type: STRING(2) },
      phoneE164: { type: STRING(20) },
      phoneRaw: { type: STRING(60) },
      faxE164: { type: STRING(20) },
      faxRaw: { type: STRING(60) },
      email: { type: STRING(320) },
      website: { type: STRING(500) },
      notes: { type: TEXT },
      ...provenance,
    },
    { tableName: 'companies', paranoid: true },
  );

  const Contact = sequelize.define<ContactRow>(
    'Contact',
    {
      id: pk,
      civility: { type: STRING(10) },
      title: { type: STRING(120) },
      firstName: { type: STRING(120) },
      lastName: { type: STRING(120) },
      firstNameKey: { type: STRING(120) },
      lastNameKey: { type: STRING(120) },
      birthDate: { type: STRING(10) },
      contactType: { type: STRING(30), allowNull: false },
      preferredChannel: { type: STRING(20) },
      intermediaryId: { type: INTEGER },
      mergedIntoId: { type: INTEGER },
      intermediaryRole: { type: STRING(120) },
      notes: { type: TEXT },
      doNotContact: { type: BOOLEAN, allowNull: false, defaultValue: false },
      optOutEmail: { type: BOOLEAN, allowNull: false, defaultValue: false },
      optOutSms: { type: BOOLEAN, allowNull: false, defaultValue: false },
      optOutPost: { type: BOOLEAN, allowNull: false, defaultValue: false },
      optOutPhone: { type: BOOLEAN, allowNull: false, defaultValue: false },
      externalSource: { type: STRING(100) },
      externalId: { type: STRING(200) },
      deactivatedAt: { type: DATE },
      ...provenance,
    },
    {
      tableName: 'contacts',
      paranoid: true,
      // The names' sort keys follow the names on every save through the
      // model, as the services write them: a row without its keys would be
      // out of reach of targets and out of order in lists.
      hooks: {
        beforeSave: fillNameKeys,
        beforeBulkCreate: (rows) => rows.forEach(fillNameKeys),
      },
    },
  );

  const child = {
    id: pk,
    contactId: { type: INTEGER, allowNull: false },
    position: { type: INTEGER, allowNull: false, defaultValue: 0 },
  };

  const ContactEmail = sequelize.define<EmailRow>(
    'ContactEmail',
    {
      ...child,
      address: { type: STRING(320), allowNull: false },
      label: { type: STRING(20) },
      isPrimary: { type: BOOLEAN, allowNull: false, defaultValue: false },
    },
    { tableName: 'contact_emails', ...noStamps },
  );

  const ContactPhone = sequelize.define<PhoneRow>(
    'ContactPhone',
    {
      ...child,
      kind: { type: STRING(20), allowNull: false },
      e164: { type: STRING(20) },
      raw: { type: STRING(60), allowNull: false },
      isPrimary: { type: BOOLEAN, allowNull: false, defaultValue: false },
    },
    { tableName: 'contact_phones', ...noStamps },
  );

  const ContactAddress = sequelize.define<AddressRow>(
    'ContactAddress',
    {
      ...child,
      label: { type: STRING(20) },
      street: { type: STRING(300) },
      street2: { type: STRING(300) },
      postalCode: { type: STRING(20) },
      city: { type: STRING(120) },
      cityKey: { type: STRING(120) },
      region: { type: STRING(120) },
      country: { type: STRING(2) },
      isPrimary: { type: BOOLEAN, allowNull: false, defaultValue: false },
    },
    { tableName: 'contact_addresses', ...noStamps },
  );

  const ContactSocial = sequelize.define<SocialAccountRow>(
    'ContactSocial',
    { ...socialFields, contactId: { type: INTEGER, allowNull: false } },
    {
      tableName: 'contact_social_accounts',
      ...noStamps,
    },
  );
  const CompanySocial = sequelize.define<SocialAccountRow>(
    'CompanySocial',
    { ...socialFields, companyId: { type: INTEGER, allowNull: false } },
    {
      tableName: 'company_social_accounts',
      ...noStamps,
    },
  );

  const Affiliation = sequelize.define<AffiliationRow>(
    'Affiliation',
    {
      ...child,
      companyId: { type: INTEGER, allowNull: false },
      function: { type: STRING(200) },
      department: { type: STRING(200) },
      startDate: { type: STRING(10) },
      endDate: { type: STRING(10) },
      isPrimary: { type: BOOLEAN, allowNull: false, defaultValue: false },
    },
    { tableName: 'contact_companies', ...noStamps },
  );

  const ContactTerm = sequelize.define<ContactTermRow>(
    'ContactTerm',
    {
      contactId: { type: INTEGER, primaryKey: true },
      termId: { type: INTEGER, primaryKey: true },
    },
    { tableName: 'contact_terms', ...noStamps },
  );
  const CompanyTerm = sequelize.define<CompanyTermRow>(
    'CompanyTerm',
    {
      companyId: { type: INTEGER, primaryKey: true },
      termId: { type: INTEGER, primaryKey: true },
    },
    { tableName: 'company_terms', ...noStamps },
  );

  const SearchToken = sequelize.define<SearchTokenRow>(
    'SearchToken',
    {
      id: { type: BIGINT, autoIncrement: true, primaryKey: true },
      entityType: { type: STRING(10), allowNull: false },
      entityId: { type: INTEGER, allowNull: false },
      field: { type: STRING(20), allowNull: false },
      token: { type: STRING(64), allowNull: false },
      phonetic: { type: STRING(32) },
      sound: { type: STRING(32) },
    },
    { tableName: 'search_tokens', ...noStamps },
  );

  const DuplicatePair = sequelize.define<DuplicatePairRow>(
    'DuplicatePair',
    {
      id: { type: INTEGER, autoIncrement: true, primaryKey: true },
      contactAId: { type: INTEGER, allowNull: false },
      contactBId: { type: INTEGER, allowNull: false },
      score: { type: FLOAT, allowNull: false },
      outcome: { type: STRING(10), allowNull: false },
      evidence: { type: TEXT, allowNull: false, defaultValue: '[]' },
      status: { type: STRING(20), allowNull: false, defaultValue: 'pending' },
      decidedById: { type: INTEGER },
      decidedAt: { type: DATE },
      createdAt: { type: DATE },
      updatedAt: { type: DATE },
    },
    { tableName: 'duplicate_pairs' },
  );

  const ContactMerge = sequelize.define<ContactMergeRow>(
    'ContactMerge',
    {
      id: { type: INTEGER, autoIncrement: true, primaryKey: true },
      survivorId: { type: INTEGER, allowNull: false },
      mergedId: { type: INTEGER, allowNull: false },
      pairId: { type: INTEGER },
      survivorBefore: { type: TEXT, allowNull: false },
      survivorVersionAfter: { type: INTEGER, allowNull: false },
      repointedIds: { type: TEXT, allowNull: false, defaultValue: '[]' },
      mergedById: { type: INTEGER },
      undoneAt: { type: DATE },
      createdAt: { type: DATE },
      updatedAt: { type: DATE },
    },
    { tableName: 'contact_merges' },
  );

  const Job = sequelize.define<JobRow>(
    'Job',
    {
      id: pk,
      kind: { type: STRING(60), allowNull: false },
      payload: { type: TEXT, allowNull: false, defaultValue: '{}' },
      status: { type: STRING(20), allowNull: false, defaultValue: 'queued' },
      runAt: { type: DATE, allowNull: false },
      dedupeKey: { type: STRING(200) },
      attempts: { type: INTEGER, allowNull: false, defaultValue: 0 },
      maxAttempts: { type: INTEGER, allowNull: false, defaultValue: 5 },
      claimedBy: { type: STRING(100) },
      leaseUntil: { type: DATE },
      progress: { type: TEXT },
      result: { type: TEXT },
      error: { type: TEXT },
      finishedAt: { type: DATE },
      createdAt: { type: DATE },
      updatedAt: { type: DATE },
    },
    { tableName: 'jobs' },
  );

  const Feed = sequelize.define<FeedRow>(
    'Feed',
    {
      id: pk,
      name: { type: STRING(120), allowNull: false, unique: true },
      kind: { type: STRING(10), allowNull: false },
      folderPath: { type: STRING(500) },
      filePattern: { type: STRING(100) },
      url: { type: STRING(2000) },
      everyMinutes: { type: INTEGER },
      dailyAt: { type: STRING(5) },
      mappingProfileId: { type: INTEGER },
      deactivateMissing: { type: BOOLEAN, allowNull: false },
      enabled: { type: BOOLEAN, allowNull: false },
      nextRunAt: { type: DATE },
      lastRunAt: { type: DATE },
      lastStatus: { type: STRING(20) },
      lastSuccessAt: { type: DATE },
      lastFailureAt: { type: DATE },
      consecutiveFailures: {
        type: INTEGER,
        allowNull: false,
        defaultValue: 0,
      },
      lastErrorFr: { type: TEXT },
      lastErrorEn: { type: TEXT },
      version: { type: INTEGER, allowNull: false, defaultValue: 1 },
      createdById: { type: INTEGER },
      updatedById: { type: INTEGER },
      createdAt: { type: DATE },
      updatedAt: { type: DATE },
    },
    { tableName: 'import_feeds' },
  );

  const FeedRun = sequelize.define<FeedRunRow>(
    'FeedRun',
    {
      id: pk,
      feedId: { type: INTEGER, allowNull: false },
      jobId: { type: INTEGER },
      batchId: { type: INTEGER },
      cause: { type: STRING(10), allowNull: false },
      status: { type: STRING(20), allowNull: false },
      startedAt: { type: DATE, allowNull: false },
      finishedAt: { type: DATE },
      durationMs: { type: INTEGER },
      source: { type: STRING(500) },
      bytes: { type: BIGINT },
      sha256: { type: STRING(64) },
      counts: { type: TEXT },
      errorCode: { type: STRING(40) },
      errorFr: { type: TEXT },
      errorEn: { type: TEXT },
      createdAt: { type: DATE },
      updatedAt: { type: DATE },
    },
    { tableName: 'feed_runs' },
  );

  const FeedFile = sequelize.define<FeedFileRow>(
    'FeedFile',
    {
      id: pk,
      feedId: { type: INTEGER, allowNull: false },
      fileName: { type: STRING(500), allowNull: false },
      size: { type: BIGINT, allowNull: false },
      mtimeMs: { type: BIGINT, allowNull: false },
      sha256: { type: STRING(64), allowNull: false },
      runId: { type: INTEGER },
      processedAt: { type: DATE, allowNull: false },
    },
    { tableName: 'feed_files', ...noStamps },
  );

  const FeedAllowedHost = sequelize.define<FeedAllowedHostRow>(
    'FeedAllowedHost',
    {
      id: pk,
      host: { type: STRING(253), allowNull: false, unique: true },
      note: { type: STRING(200) },
      createdById: { type: INTEGER },
      createdAt: { type: DATE },
      updatedAt: { type: DATE },
    },
    { tableName: 'feed_allowed_hosts' },
  );

  const SavedQuery = sequelize.define<SavedQueryRow>(
    'SavedQuery',
    {
      id: pk,
      name: { type: STRING(200), allowNull: false },
      description: { type: STRING(2000) },
      entity: { type: STRING(10), allowNull: false },
      definition: { type: TEXT, allowNull: false },
      ownerId: { type: INTEGER, allowNull: false },
      version: { type: INTEGER, allowNull: false, defaultValue: 1 },
      createdById: { type: INTEGER },
      updatedById: { type: INTEGER },
      createdAt: { type: DATE },
      updatedAt: { type: DATE },
      deletedAt: { type: DATE },
    },
    { tableName: 'saved_queries', paranoid: true },
  );

  const List = sequelize.define<ListRow>(
    'List',
    {
      id: pk,
      name: { type: STRING(200), allowNull: false },
      description: { type: TEXT },
      entity: { type: STRING(10), allowNull: false },
      ownerId: { type: INTEGER, allowNull: false },
      sourceDefinition: { type: TEXT },
      version: { type: INTEGER, allowNull: false, defaultValue: 1 },
      createdById: { type: INTEGER },
      updatedById: { type: INTEGER },
      createdAt: { type: DATE },
      updatedAt: { type: DATE },
      deletedAt: { type: DATE },
    },
    { tableName: 'lists', paranoid: true },
  );
  const ListContact = sequelize.define<ListContactRow>(
    'ListContact',
    {
      listId: { type: INTEGER, primaryKey: true },
      contactId: { type: INTEGER, primaryKey: true },
      addedById: { type: INTEGER },
      approvedById: { type: INTEGER },
      addedAt: { type: DATE, allowNull: false },
    },
    { tableName: 'list_contacts', ...noStamps },
  );
  const ListCompany = sequelize.define<ListCompanyRow>(
    'ListCompany',
    {
      listId: { type: INTEGER, primaryKey: true },
      companyId: { type: INTEGER, primaryKey: true },
      addedById: { type: INTEGER },
      approvedById: { type: INTEGER },
      addedAt: { type: DATE, allowNull: false },
    },
    { tableName: 'list_companies', ...noStamps },
  );
  const ListChangeRequest = sequelize.define<ListChangeRequestRow>(
    'ListChangeRequest',
    {
      id: pk,
      listId: { type: INTEGER, allowNull: false },
      action: { type: STRING(10), allowNull: false },
      contactId: { type: INTEGER },
      companyId: { type: INTEGER },
      proposedById: { type: INTEGER, allowNull: false },
      proposedAt: { type: DATE, allowNull: false },
      note: { type: STRING(1000) },
      status: { type: STRING(12), allowNull: false, defaultValue: 'pending' },
      outcome: { type: STRING(20) },
      decidedById: { type: INTEGER },
      decidedForId: { type: INTEGER },
      decidedAt: { type: DATE },
      decisionNote: { type: STRING(1000) },
      createdAt: { type: DATE },
      updatedAt: { type: DATE },
    },
    { tableName: 'list_change_requests' },
  );
  const ListEvent = sequelize.define<ListEventRow>(
    'ListEvent',
    {
      id: { type: BIGINT, autoIncrement: true, primaryKey: true },
      listId: { type: INTEGER, allowNull: false },
      occurredAt: { type: DATE, allowNull: false },
      action: { type: STRING(30), allowNull: false },
      actorId: { type: INTEGER },
      actingForId: { type: INTEGER },
      requestId: { type: INTEGER },
      proposedById: { type: INTEGER },
      memberCount: { type: INTEGER },
      details: { type: TEXT },
    },
    { tableName: 'list_events', ...noStamps },
  );
  const ListMergeMove = sequelize.define<ListMergeMoveRow>(
    'ListMergeMove',
    {
      id: pk,
      mergeId: { type: INTEGER, allowNull: false },
      kind: { type: STRING(12), allowNull: false },
      listId: { type: INTEGER, allowNull: false },
      requestId: { type: INTEGER },
      outcome: { type: STRING(12), allowNull: false },
      addedById: { type: INTEGER },
      addedAt: { type: DATE },
    },
    { tableName: 'list_merge_moves', ...noStamps },
  );

  const Interaction = sequelize.define<InteractionRow>(
    'Interaction',
    {
      id: { type: BIGINT, autoIncrement: true, primaryKey: true },
      contactId: { type: INTEGER, allowNull: false },
      companyId: { type: INTEGER },
      kind: { type: STRING(20), allowNull: false },
      occurredAt: { type: DATE, allowNull: false },
      authorId: { type: INTEGER },
      subject: { type: STRING(500) },
      summary: { type: STRING(2000) },
      link: { type: STRING(1000) },
      source: { type: STRING(20), allowNull: false },
      externalId: { type: STRING(500) },
      createdAt: { type: DATE },
      updatedAt: { type: DATE },
      deletedAt: { type: DATE },
    },
    { tableName: 'interactions', paranoid: true },
  );
  const InteractionMergeMove = sequelize.define<InteractionMergeMoveRow>(
    'InteractionMergeMove',
    {
      mergeId: { type: INTEGER, primaryKey: true },
      interactionId: { type: BIGINT, primaryKey: true },
    },
    { tableName: 'interaction_merge_moves', ...noStamps },
  );

  // The version and authorship columns of a record people edit under
  // optimistic locking; fresh objects each time, as Sequelize annotates them.
  const edited = () => ({
    version: { type: INTEGER, allowNull: false, defaultValue: 1 },
    createdById: { type: INTEGER },
    updatedById: { type: INTEGER },
    createdAt: { type: DATE },
    updatedAt: { type: DATE },
  });
  const EmailTemplate = sequelize.define<EmailTemplateRow>(
    'EmailTemplate',
    {
      id: pk,
      name: { type: STRING(200), allowNull: false },
      description: { type: STRING(1000) },
      subject: { type: STRING(500), allowNull: false },
      bodyHtml: { type: TEXT, allowNull: false },
      bodyText: { type: TEXT },
      language: { type: STRING(2), allowNull: false, defaultValue: 'fr' },
      shared: { type: BOOLEAN, allowNull: false, defaultValue: false },
      ownerId: { type: INTEGER, allowNull: false },
      ...edited(),
      deletedAt: { type: DATE },
    },
    { tableName: 'email_templates', paranoid: true },
  );
  const Department = sequelize.define<DepartmentRow>(
    'Department',
    {
      id: pk,
      name: { type: STRING(200), allowNull: false },
      code: { type: STRING(20), allowNull: false },
      ...edited(),
    },
    { tableName: 'departments' },
  );
  const SenderAddress = sequelize.define<SenderAddressRow>(
    'SenderAddress',
    {
      id: pk,
      address: { type: STRING(320), allowNull: false },
      displayName: { type: STRING(200), allowNull: false },
      replyTo: { type: STRING(320) },
      active: { type: BOOLEAN, allowNull: false, defaultValue: true },
      ...edited(),
      deletedAt: { type: DATE },
    },
    { tableName: 'sender_addresses', paranoid: true },
  );
  const SenderGrant = sequelize.define<SenderGrantRow>(
    'SenderGrant',
    {
      id: pk,
      senderAddressId: { type: INTEGER, allowNull: false },
      departmentId: { type: INTEGER },
      userId: { type: INTEGER },
      isDefault: { type: BOOLEAN, allowNull: false, defaultValue: false },
    },
    { tableName: 'sender_grants', ...noStamps },
  );

  Contact.hasMany(ContactEmail, { as: 'emails', foreignKey: 'contactId' });
  Contact.hasMany(ContactPhone, { as: 'phones', foreignKey: 'contactId' });
  Contact.hasMany(ContactAddress, { as: 'addresses', foreignKey: 'contactId' });
  Contact.hasMany(ContactSocial, {
    as: 'socialAccounts',
    foreignKey: 'contactId',
  });
  Contact.hasMany(Affiliation, { as: 'affiliations', foreignKey: 'contactId' });
  Affiliation.belongsTo(Company, { as: 'company', foreignKey: 'companyId' });
  Affiliation.belongsTo(Contact, { as: 'contact', foreignKey: 'contactId' });
  Company.hasMany(Affiliation, { as: 'affiliations', foreignKey: 'companyId' });
  Company.hasMany(CompanySocial, {
    as: 'socialAccounts',
    foreignKey: 'companyId',
  });
  Company.belongsTo(Term, { as: 'sector', foreignKey: 'sectorId' });
  Contact.belongsTo(Contact, {
    as: 'intermediary',
    foreignKey: 'intermediaryId',
  });
  Contact.belongsToMany(Term, {
    as: 'terms',
    through: ContactTerm,
    foreignKey: 'contactId',
    otherKey: 'termId',
  });
  Company.belongsToMany(Term, {
    as: 'terms',
    through: CompanyTerm,
    foreignKey: 'companyId',
    otherKey: 'termId',
  });

  return {
    User,
    Session,
    AuditEvent,
    ImportBatch,
    ImportRow,
    ImportFile,
    MappingProfile,
    Setting,
    Term,
    Company,
    Contact,
    ContactEmail,
    ContactPhone,
    ContactAddress,
    ContactSocial,
    CompanySocial,
    Affiliation,
    ContactTerm,
    CompanyTerm,
    SearchToken,
    DuplicatePair,
    ContactMerge,
    Job,
    Feed,
    FeedRun,
    FeedFile,
    FeedAllowedHost,
    List,
    ListContact,
    ListCompany,
    ListChangeRequest,
    ListEvent,
    ListMergeMove,
    Interaction,
    InteractionMergeMove,
    SavedQuery,
    EmailTemplate,
    Department,
    SenderAddress,
    SenderGrant,
  };
}

export type Models = ReturnType<typeof defineModels>;

/** An open database: its connection and its models. */
export type Db = { sequelize: Sequelize; models: Models };

export type { ModelStatic };
