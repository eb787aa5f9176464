import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { Sequelize } from 'sequelize';
import {
  connectionOptions,
  databaseUrlOf,
  openDatabase,
} from '../../platform/db/database.ts';
import { migrate } from '../../platform/db/migrator.ts';
import { defineModels, type Db } from '../../platform/db/models.ts';
import { AppError } from '../../platform/http/errors.ts';
import { systemActor, type Ctx } from '../../platform/context.ts';
import { testDatabases, type TestDatabase } from '../../test/databases.ts';
import { memoryLogger } from '../../test/memory-logger.ts';
import { commitImport } from './commit.ts';
import {
  configureImportThreads,
  importThreadSettings,
  runOnThread,
} from './import-thread.ts';
import { stageImport } from './staging.ts';

/** A file of `count` people, every tenth one a second line for the one before. */
function people(count: number): Buffer {
  const lines = ['Nom;Prénom;Société;E-mail;Téléphone'];
  for (let index = 0; index < count; index++) {
    const person = index % 10 === 9 ? index - 1 : index;
    lines.push(
      `Nom${person};Prénom${person};Journal ${person % 7};` +
        `personne${person}@journal.test;01 45 ${String(10 + (person % 90))} ` +
        `${String(10 + (person % 89))} ${String(10 + (person % 83))}`,
    );
  }

  return Buffer.from(lines.join('\n'));
}

/** A file of `count` people with a line of notes each: heavier to hold. */
function annotated(count: number): Buffer {
  const lines = ['Nom;Prénom;Société;E-mail;Notes'];
  for (let index = 0; index < count; index++) {
    lines.push(
      `Nom${index};Prénom${index};Journal ${index % 7};` +
        `personne${index}@journal.test;${'vu au salon, '.repeat(8)}${index}`,
    );
  }

  return Buffer.from(lines.join('\n'));
}

/**
 * The bases an import thread can reach: a SQLite file (an in-memory base
 * is never shared with a thread), and the servers the tests are given.
 */
function threadDatabases(): TestDatabase[] {
  const folder = mkdtempSync(join(tmpdir(), 'relais-thread-'));
  let file: Sequelize | undefined;
  const servers = testDatabases()
    .map((make) => make())
    .filter((database) => database.label !== 'sqlite');

  return [
    {
      label: 'sqlite file',
      open: async () => {
        file = openDatabase(`sqlite:${join(folder, 'base.sqlite')}`);
        await migrate(file);
        return { sequelize: file, models: defineModels(file) };
      },
      close: async () => {
        await file?.close();
        rmSync(folder, { recursive: true, force: true });
      },
    },
    ...servers,
  ];
}

describe('the address of an open base, for another thread', () => {
  it('names a SQLite file, a server with its credentials, and no in-memory base', async () => {
    const memory = new Sequelize(connectionOptions('sqlite::memory:'));
    expect(databaseUrlOf(memory)).to.equal(null);
    await memory.close();

    const url = 'postgres://relais:p%40ss%3Aw%2Frd@db.example:5433/relais_prod';
    const server = new Sequelize(connectionOptions(url));
    const again = connectionOptions(databaseUrlOf(server) as string);
    expect(again).to.include({
      host: 'db.example',
      port: 5433,
      username: 'relais',
      password: 'p@ss:w/rd',
      database: 'relais_prod',
    });
    await server.close();

    const mssql = new Sequelize(
      connectionOptions(
        'mssql://sa:secret@sql.example:1433/relais?trustServerCertificate=true',
      ),
    );
    expect(
      connectionOptions(databaseUrlOf(mssql) as string).dialectOptions,
    ).to.deep.equal({
      options: { encrypt: true, trustServerCertificate: true },
    });
    await mssql.close();
  });
});

for (const database of threadDatabases()) {
  describe(`large imports on a thread of their own [${database.label}]`, function () {
    // A thread loads the API's modules again (through the TypeScript loader here).
    this.timeout(120_000);
    let db: Db;
    const settings = { ...importThreadSettings };
    const ctxOf = () => {
      const logger = memoryLogger();
      const ctx: Ctx = {
        db,
        actor: systemActor,
        log: logger.log,
        region: 'FR',
      };

      return { ctx, lines: logger.lines };
    };

    before(async () => {
      db = await database.open();
      // Every file and every commit goes to a thread, however small.
      configureImportThreads({ heapMb: 256, minBytes: 0, minRows: 0 });
    });
    after(async () => {
      configureImportThreads(settings);
      await database.close();
    });

    it('reads, matches and commits a file there as on the calling thread, its progress and log passed back', async () => {
      const { ctx, lines } = ctxOf();
      const data = people(60);
      // The same file read on the calling thread, for comparison.
      configureImportThreads({ heapMb: 0 });
      const here = await stageImport(
        ctx,
        { fileName: 'fil.csv', data },
        { wait: true },
      );
      configureImportThreads({ heapMb: 256 });
      const batch = await stageImport(
        ctx,
        { fileName: 'fil.csv', data },
        { wait: true },
      );
      expect(batch.status).to.equal('staged');
      const preview = JSON.parse(batch.report);
      expect(preview.counts).to.deep.equal(JSON.parse(here.report).counts);
      expect(preview.duplicates).to.deep.equal(
        JSON.parse(here.report).duplicates,
      );
      expect(preview.totalRows).to.equal(60);
      expect(preview.counts.merge).to.be.at.least(6);
      const rowsOf = async (batchId: number) =>
        (
          await db.models.ImportRow.findAll({
            where: { batchId },
            order: [['line', 'ASC']],
          })
        ).map((row) => [row.line, row.outcome, row.mergeLine, row.data]);
      expect(await rowsOf(batch.id)).to.deep.equal(await rowsOf(here.id));
      // The thread's log line, written to the caller's log.
      const staged = lines
        .map((line) => JSON.parse(line) as { msg: string; batchId?: number })
        .filter((line) => line.msg === 'import.batch.staged')
        .map((line) => line.batchId);
      expect(staged).to.deep.equal([here.id, batch.id]);
      await db.models.ImportRow.destroy({ where: { batchId: here.id } });
      await db.models.ImportBatch.update(
        { status: 'discarded' },
        { where: { id: here.id } },
      );

      const report = await commitImport(ctx, batch.id);
      const { create, review, merge } = preview.counts;
      expect(report).to.include({ created: create + review, merged: merge });
      const { Contact, SearchToken, ImportBatch, AuditEvent } = db.models;
      expect(await Contact.count()).to.equal(create + review);
      expect(await SearchToken.count()).to.be.greaterThan(create * 5);
      const committed = await ImportBatch.findByPk(batch.id);
      expect(committed?.status).to.equal('committed');
      expect(
        await AuditEvent.count({ where: { entityType: 'import_batch' } }),
      ).to.equal(1);

      // The phases as the status route sees them, passed back as they change.
      const phases: string[] = [];
      const recorder = {
        phase: (name: string) => phases.push(name),
        advance: () => undefined,
      };
      const again = await stageImport(
        ctx,
        { fileName: 'encore.csv', data: people(30) },
        { wait: true },
      );
      await db.models.ImportRow.destroy({ where: { batchId: again.id } });
      await runOnThread(
        ctx,
        databaseUrlOf(db.sequelize) as string,
        { kind: 'analyse', batchId: again.id, data: people(30) },
        recorder,
      );
      expect(phases).to.deep.equal(['reading', 'matching', 'writing']);
      const reread = await ImportBatch.findByPk(again.id);
      expect(reread?.status).to.equal('staged');
      expect(reread?.totalRows).to.equal(30);
      expect(
        await db.models.ImportRow.count({ where: { batchId: again.id } }),
      ).to.equal(30);
    });

    it('brings an unreadable file’s refusal back in both languages', async () => {
      const { ctx } = ctxOf();
      const failure = await stageImport(
        ctx,
        {
          fileName: 'abime.xlsx',
          data: Buffer.from('PK\u0003\u0004 pas un classeur'),
        },
        { wait: true },
      ).catch((error: unknown) => error);
      expect(failure).to.be.instanceOf(AppError);
      expect((failure as AppError).code).to.equal('IMPORT_FILE_INVALID');
      expect((failure as AppError).messageFr).to.include('abime.xlsx');
      const [batch] = await db.models.ImportBatch.findAll({
        where: { fileName: 'abime.xlsx' },
      });
      expect(batch?.status).to.equal('failed');
      expect(JSON.parse(batch?.error ?? '{}').en).to.include('abime.xlsx');
    });

    it('refuses a file that needs more memory than an import has, and the base stays as it was', async () => {
      const { ctx } = ctxOf();
      const contacts = await db.models.Contact.count();
      const staged = await stageImport(
        ctx,
        { fileName: 'petit.csv', data: people(20) },
        { wait: true },
      );
      // Too little for the thread to even start: it is cut off, not this one.
      configureImportThreads({ heapMb: 8 });
      try {
        const commit = await commitImport(ctx, staged.id).catch(
          (error: unknown) => error,
        );
        expect(commit).to.be.instanceOf(AppError);
        expect((commit as AppError).code).to.equal('PAYLOAD_TOO_LARGE');
        expect((commit as AppError).messageFr).to.include(
          'IMPORT_MEMORY_MB = 8 Mo',
        );
        const batch = await db.models.ImportBatch.findByPk(staged.id);
        expect(batch?.status).to.equal('staged');
        expect(JSON.parse(batch?.error ?? '{}').en).to.include(
          'split it into several files',
        );
        expect(await db.models.Contact.count()).to.equal(contacts);

        const read = await stageImport(
          ctx,
          { fileName: 'gros.csv', data: people(20) },
          { wait: true },
        ).catch((error: unknown) => error);
        expect((read as AppError).code).to.equal('PAYLOAD_TOO_LARGE');
        const [failed] = await db.models.ImportBatch.findAll({
          where: { fileName: 'gros.csv' },
        });
        expect(failed?.status).to.equal('failed');
        expect(
          await db.models.ImportRow.count({ where: { batchId: failed?.id } }),
        ).to.equal(0);
      } finally {
        configureImportThreads({ heapMb: 256 });
      }
      // The thread that serves the API still works: the same batch commits.
      configureImportThreads({ heapMb: 256 });
      const report = await commitImport(ctx, staged.id);
      expect(report.created + report.merged + report.updated).to.equal(20);
    });

    it('stops a file that outgrows the memory midway, before V8 would cut the thread off', async () => {
      const { ctx } = ctxOf();
      const database = databaseUrlOf(db.sequelize) as string;
      const contacts = await db.models.Contact.count();
      const seen = { phases: [] as string[], done: 0 };
      const recorder = {
        phase: (name: string) => seen.phases.push(name),
        advance: (done: number) => {
          seen.done = Math.max(seen.done, done);
        },
      };
      // Read on the calling thread first, to be read again on a small one.
      configureImportThreads({ heapMb: 0 });
      const data = annotated(60_000);
      const batch = await stageImport(
        ctx,
        { fileName: 'enorme.csv', data },
        { wait: true },
      );
      await db.models.ImportRow.destroy({ where: { batchId: batch.id } });
      await db.models.ImportBatch.update(
        { status: 'staging' },
        { where: { id: batch.id } },
      );
      try {
        // The rows kept for matching soon fill three quarters of 64 MB.
        configureImportThreads({ heapMb: 64 });
        const read = await runOnThread(
          ctx,
          database,
          { kind: 'analyse', batchId: batch.id, data },
          recorder,
        ).catch((error: unknown) => error);
        expect((read as AppError).code).to.equal('PAYLOAD_TOO_LARGE');
        expect((read as AppError).messageEn).to.include(
          'IMPORT_MEMORY_MB = 64 MB',
        );
        // Refused by the thread itself, thousands of rows in.
        expect(seen.phases).to.deep.equal(['reading']);
        expect(seen.done).to.be.greaterThan(1000);
        const failed = await db.models.ImportBatch.findByPk(batch.id);
        expect(failed?.status).to.equal('failed');
        expect(JSON.parse(failed?.error ?? '{}').fr).to.include(
          'découpez-le en plusieurs fichiers',
        );
        expect(
          await db.models.ImportRow.count({ where: { batchId: batch.id } }),
        ).to.equal(0);

        // Read with room enough, then committed with too little: rolled back.
        configureImportThreads({ heapMb: 256 });
        const staged = await stageImport(
          ctx,
          { fileName: 'lourd.csv', data: annotated(40_000) },
          { wait: true },
        );
        expect(staged.status).to.equal('staged');
        seen.phases = [];
        // A commit holds little beyond its chunk: the share allowed is
        // lowered for the first full collection to stop it.
        configureImportThreads({ heapShareAllowed: 0.01 });
        const commit = await runOnThread(
          ctx,
          database,
          { kind: 'commit', batchId: staged.id },
          recorder,
        ).catch((error: unknown) => error);
        expect((commit as AppError).code).to.equal('PAYLOAD_TOO_LARGE');
        expect(seen.phases).to.deep.equal(['committing']);
        expect(
          (await db.models.ImportBatch.findByPk(staged.id))?.status,
        ).to.equal('staged');
        expect(await db.models.Contact.count()).to.equal(contacts);
      } finally {
        configureImportThreads({ heapMb: 256, heapShareAllowed: 0.75 });
      }
    });
  });
}
