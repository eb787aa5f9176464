import { Op, type Transaction } from 'sequelize';
import { isAdmin, type Ctx } from '../../platform/context.ts';
import { dialectOf } from '../../platform/db/database.ts';
import { AppError, forbidden } from '../../platform/http/errors.ts';
import { inputProblems } from '../../platform/http/validate.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  contactInput,
  type ContactInputParsed,
} from '../contacts/contacts.schemas.ts';
import { insertContacts } from '../contacts/contacts.service.ts';
import { queueImportDuplicates } from '../duplicates/duplicates.service.ts';
import {
  preparePerson,
  type PersonRecord,
  type PreparedPerson,
} from '../dedup/index.ts';
import { normalisePhone } from '../../platform/text/phone.ts';
import { resolveTermPaths } from '../taxonomy/taxonomy.service.ts';
import type { ImportIssue, ImportReport } from './imports.schemas.ts';
import {
  ImportFileError,
  detectFormat,
  readContacts,
  type ImportFormat,
} from './readers/index.ts';
import type { ImportedContact } from './readers/imported-contact.ts';

const chunkSize = 500;
const maxIssues = 1000;

export type ImportRequest = {
  fileName: string;
  data: Buffer;
  dryRun?: boolean;
  format?: ImportFormat;
  /** Called after each chunk with the rows read so far. */
  onProgress?: (rowsRead: number) => void;
};

/** Rolls a dry run back once its report is written. */
class DryRunDone extends Error {}

type Pending = {
  line: number;
  input: ContactInputParsed;
  terms: ImportedContact['terms'];
};

/**
 * Imports a contact file in one transaction: every readable row goes in, each
 * unreadable one is reported with its line and reason, and a file that cannot
 * be read at all changes nothing. The whole file is audited as one batch
 * event, which its contacts point to through their import batch.
 */
export async function importFile(
  ctx: Ctx,
  request: ImportRequest,
): Promise<ImportReport> {
  if (!isAdmin(ctx.actor)) throw forbidden();
  const started = performance.now();
  const format =
    request.format ??
    detectFormat(request.fileName, request.data.subarray(0, 4096));
  const report: ImportReport = {
    batchId: null,
    fileName: request.fileName,
    format,
    dryRun: request.dryRun ?? false,
    totalRows: 0,
    created: 0,
    rejected: 0,
    warnings: 0,
    companiesCreated: 0,
    issues: [],
    issuesTruncated: false,
    duplicates: {
      withBase: 0,
      withinFile: 0,
      same: 0,
      maybe: 0,
      ambiguous: 0,
      tookMs: 0,
    },
    tookMs: 0,
  };

  try {
    await ctx.db.sequelize.transaction(async (transaction) => {
      await runImport(ctx, request, format, report, transaction);
      if (report.dryRun) throw new DryRunDone();
    });
  } catch (error) {
    if (error instanceof ImportFileError) {
      ctx.log.info({ format, reason: error.reasonEn }, 'import.batch.refused');
      throw new AppError('IMPORT_FILE_INVALID', {
        fr: `${error.fileName} : ${error.reason}`,
        en: `${error.fileName}: ${error.reasonEn}`,
      });
    }
    if (!(error instanceof DryRunDone)) throw error;
    report.batchId = null;
  }

  if (!report.dryRun && report.created >= 1000) await refreshStatistics(ctx);
  report.tookMs = Math.round(performance.now() - started);
  ctx.log.info(
    {
      batchId: report.batchId,
      format,
      rows: report.totalRows,
      created: report.created,
      rejected: report.rejected,
      dryRun: report.dryRun,
    },
    'import.batch.committed',
  );

  return report;
}

/** A new contact as the dedup engine reads it, from what was written. */
function personOf(
  id: string,
  input: ContactInputParsed,
  region: string,
): PersonRecord {
  const address =
    input.addresses.find((item) => item.isPrimary) ?? input.addresses[0];

  return {
    id,
    civility: input.civility,
    firstName: input.firstName,
    lastName: input.lastName,
    birthDate: input.birthDate?.startsWith('--') ? null : input.birthDate,
    emails: input.emails.map((email) => email.address),
    phones: input.phones.map(
      (phone) => normalisePhone(phone.number, region).e164 ?? phone.number,
    ),
    companies: input.affiliations
      .filter((affiliation) => !affiliation.endDate)
      .map((affiliation) => ({ name: affiliation.companyName ?? null })),
    city: address?.city,
    postalCode: address?.postalCode,
    street: address?.street,
  };
}

/**
 * After a large import the planner's picture of the tables is stale: without
 * fresh statistics PostgreSQL may scan the search index instead of seeking.
 * SQL Server updates its statistics itself.
 */
async function refreshStatistics(ctx: Ctx): Promise<void> {
  const dialect = dialectOf(ctx.db.sequelize);
  if (dialect === 'postgres') {
    await ctx.db.sequelize.query(
      'ANALYZE search_tokens, contacts, contact_companies, companies',
    );
  } else if (dialect === 'sqlite') {
    await ctx.db.sequelize.query('PRAGMA optimize');
  }
}

async function runImport(
  ctx: Ctx,
  request: ImportRequest,
  format: ImportFormat,
  report: ImportReport,
  transaction: Transaction,
): Promise<void> {
  const { ImportBatch, Company } = ctx.db.models;
  const batchAudit = await recordAudit(
    ctx,
    { action: 'import', entityType: 'import_batch', summary: request.fileName },
    transaction,
  );
  const batch = await ImportBatch.create(
    {
      fileName: request.fileName.slice(0, 300),
      format,
      status: 'running',
      createdById: ctx.actor.id,
      auditEventId: Number(batchAudit.id),
    },
    { transaction },
  );
  report.batchId = batch.id;

  const provenance = {
    source: `import #${batch.id} (${request.fileName})`.slice(0, 300),
    importBatchId: batch.id,
  };
  const companyCache = new Map<string, number>();
  const termCache = new Map<string, number>();
  const companiesBefore = await Company.count({ transaction });
  const addIssue = (issue: ImportIssue) => {
    if (issue.severity === 'error') report.rejected += 1;
    else report.warnings += 1;
    if (report.issues.length < maxIssues) report.issues.push(issue);
    else report.issuesTruncated = true;
  };

  // New contacts ready for matching, prepared chunk by chunk as written.
  const written: PreparedPerson[] = [];
  const write = async (chunk: Pending[]) => {
    const termIds = await resolveTermPaths(
      ctx,
      chunk.flatMap((item) => item.terms ?? []),
      transaction,
      termCache,
    );
    let cursor = 0;
    const inputs = chunk.map((item) => {
      const count = item.terms?.length ?? 0;
      const ids = termIds
        .slice(cursor, cursor + count)
        .filter((id): id is number => id !== null);
      cursor += count;

      return { ...item.input, termIds: [...new Set(ids)] };
    });
    const ids = await insertContacts(
      ctx,
      inputs,
      provenance,
      transaction,
      companyCache,
    );
    inputs.forEach((input, index) =>
      written.push(
        preparePerson(personOf(String(ids[index]), input, ctx.region)),
      ),
    );
    report.created += inputs.length;
    request.onProgress?.(report.totalRows);
  };

  // The database writes a chunk while the next one is read and checked: on
  // SQLite the writes run on a worker thread, so both cores work.
  let pending: Pending[] = [];
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    await writing;
    if (pending.length === 0) return;
    writing = write(pending);
    // Seen at the next flush; until then the failure must not count as unhandled.
    writing.catch(() => undefined);
    pending = [];
  };

  const linesWithContact = new Set<number>();
  const issuesByLine: { line: number; issue: ImportIssue }[] = [];
  try {
    await readRows();
  } finally {
    // A file that turns unreadable midway leaves no write running unawaited.
    await writing.catch(() => undefined);
  }
  await flush();
  await writing;

  async function readRows(): Promise<void> {
    for await (const row of readContacts(request.fileName, request.data, {
      format,
    })) {
      if ('issue' in row) {
        issuesByLine.push({
          line: row.line,
          issue: { ...row.issue, severity: 'error' },
        });
        continue;
      }
      report.totalRows += 1;
      linesWithContact.add(row.line);
      const { terms, externalId: _externalId, ...fields } = row.contact;
      const checked = inputProblems(contactInput, {
        ...fields,
        origin: fields.origin ?? request.fileName.slice(0, 120),
      });
      if ('problems' in checked) {
        for (const problem of checked.problems) {
          addIssue({
            line: row.line,
            field: problem.path === '(body)' ? undefined : problem.path,
            reason: problem.fr,
            reasonEn: problem.en,
            severity: 'error',
          });
        }
        continue;
      }
      pending.push({ line: row.line, input: checked.data, terms });
      if (pending.length >= chunkSize) await flush();
    }
  }

  // A reader issue on a line that still produced a contact lost one value, not the row.
  for (const { line, issue } of issuesByLine) {
    addIssue({
      ...issue,
      severity: linesWithContact.has(line) ? 'warning' : 'error',
    });
    if (!linesWithContact.has(line)) report.totalRows += 1;
  }
  report.issues.sort((a, b) => a.line - b.line);
  // TODO(#3): score rows while they are read (an incremental matcher), so the
  // check stops adding about 5 s to a 50,000-row import after the last write.
  report.duplicates = await queueImportDuplicates(
    ctx,
    batch.id,
    transaction,
    written,
  );
  report.companiesCreated =
    (await Company.count({ transaction })) - companiesBefore;

  await batch.update(
    {
      status: 'committed',
      totalRows: report.totalRows,
      createdCount: report.created,
      rejectedCount: report.rejected,
      report: JSON.stringify(report),
    },
    { transaction },
  );
  await batchAudit.update(
    {
      entityId: String(batch.id),
      afterData: JSON.stringify({
        created: report.created,
        rejected: report.rejected,
        totalRows: report.totalRows,
      }),
    },
    { transaction },
  );
}

/** The import batches, newest first. */
export async function listImports(ctx: Ctx) {
  const batches = await ctx.db.models.ImportBatch.findAll({
    where: { status: { [Op.ne]: 'running' } },
    order: [['id', 'DESC']],
    limit: 100,
  });

  return batches.map((batch) => ({
    id: batch.id,
    fileName: batch.fileName,
    format: batch.format,
    status: batch.status,
    totalRows: batch.totalRows,
    createdCount: batch.createdCount,
    rejectedCount: batch.rejectedCount,
    createdAt: batch.createdAt.toISOString(),
    report: JSON.parse(batch.report) as ImportReport,
  }));
}
