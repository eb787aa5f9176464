import { expect } from 'chai';
import { Op, Sequelize, type Transaction } from 'sequelize';
import type { Ctx } from '../../platform/context.ts';
import { connectionOptions } from '../../platform/db/database.ts';
import { defineModels, type Db } from '../../platform/db/models.ts';
import { describeEachDatabase } from '../../test/databases.ts';
import { actorOf, ctxFor } from '../../test/harness.ts';
import { memoryLogger } from '../../test/memory-logger.ts';
import {
  batchSlice,
  recordInteractions,
  type InteractionBatch,
} from './history-bulk.ts';

const recipientsOfSend = 5000;

describeEachDatabase('history lines of a send, in bulk', (db) => {
  let ctx: Ctx;
  let contactIds: number[] = [];
  let companyId = 0;
  const sentAt = new Date(Date.UTC(2026, 11, 3, 8, 30, 15, 250));
  const sendOf = (
    send: number,
    ids: readonly number[],
    extra: Partial<InteractionBatch> = {},
  ): InteractionBatch => ({
    kind: 'send',
    source: 'send',
    occurredAt: sentAt,
    subject: `Communiqué n° ${send} : l’agenda de « Relais »`,
    summary: 'Envoi du communiqué de presse',
    link: `https://relais.example.org/envois/${send}`,
    label: `envoi ${send}`,
    recipients: ids.map((contactId, index) => ({
      contactId,
      companyId: index % 2 ? companyId : null,
      externalId: `send:${send}:recipient:${contactId}`,
    })),
    ...extra,
  });
  const linesOf = (send: number) =>
    db().models.Interaction.count({
      where: { link: `https://relais.example.org/envois/${send}` },
      paranoid: false,
    });
  const auditsOf = (send: number) =>
    db().models.AuditEvent.findAll({
      where: {
        entityType: 'interaction',
        summary: { [Op.like]: `%envoi ${send}` },
      },
    });

  before(async function () {
    this.timeout(60_000);
    const { User, Contact, Company } = db().models;
    const author = await User.create({
      email: 'envois@relais.example',
      displayName: 'Sophie Envois',
      role: 'editor',
      passwordHash: null,
      totpSecret: null,
      lastSignInAt: null,
    });
    ctx = ctxFor(db(), actorOf(author));
    const company = { name: 'Ouest-France', nameKey: 'ouest-france' };
    companyId = (await Company.create(company)).id;
    const contacts = await Contact.bulkCreate(
      Array.from({ length: recipientsOfSend }, (_, i) => ({
        lastName: `Destinataire${String(i).padStart(4, '0')}`,
        contactType: 'press',
      })),
    );
    contactIds = contacts.map((contact) => contact.id);
  });

  it('records 5,000 recipients in the caller’s transaction, each with every field', async function () {
    this.timeout(60_000);
    const report = await db().sequelize.transaction((t) =>
      recordInteractions(ctx, sendOf(1, contactIds), t),
    );

    expect(report).to.deep.equal({ created: recipientsOfSend, existing: 0 });
    expect(await linesOf(1)).to.equal(recipientsOfSend);
    for (const index of [0, 1, 2499, recipientsOfSend - 1]) {
      const contactId = contactIds[index] as number;
      const line = await db().models.Interaction.findOne({
        where: { contactId },
      });
      expect(line, `recipient ${index}`).to.not.equal(null);
      expect(line?.kind).to.equal('send');
      expect(line?.source).to.equal('send');
      expect(line?.occurredAt.getTime()).to.equal(sentAt.getTime());
      expect(line?.authorId).to.equal(ctx.actor.id);
      expect(line?.companyId).to.equal(index % 2 ? companyId : null);
      expect(line?.subject).to.equal(
        'Communiqué n° 1 : l’agenda de « Relais »',
      );
      expect(line?.summary).to.equal('Envoi du communiqué de presse');
      expect(line?.externalId).to.equal(`send:1:recipient:${contactId}`);
      expect(line?.createdAt).to.be.instanceOf(Date);
      expect(line?.updatedAt).to.be.instanceOf(Date);
      expect(line?.deletedAt ?? null).to.equal(null);
    }
    const audits = await auditsOf(1);
    expect(audits).to.have.length(1);
    expect(audits[0]?.actorId).to.equal(ctx.actor.id);
    expect(JSON.parse(audits[0]?.afterData ?? '{}')).to.include({
      created: recipientsOfSend,
      existing: 0,
      kind: 'send',
      occurredAt: sentAt.toISOString(),
    });
  });

  it('writes only the missing lines when called again, even for deleted ones', async function () {
    this.timeout(60_000);
    // Someone deleted one line since: a repeated send does not bring it back.
    const deleted = await db().models.Interaction.findOne({
      where: { externalId: `send:1:recipient:${contactIds[7]}` },
    });
    await deleted?.destroy();

    const again = await recordInteractions(ctx, sendOf(1, contactIds));
    expect(again).to.deep.equal({ created: 0, existing: recipientsOfSend });
    expect(await auditsOf(1)).to.have.length(1);

    // Half the recipients had the send already; the others are new to it.
    const more = await db().models.Contact.bulkCreate(
      Array.from({ length: 300 }, (_, i) => ({
        lastName: `Nouveau${i}`,
        contactType: 'press',
      })),
    );
    const mixed = [...contactIds.slice(0, 2500), ...more.map((c) => c.id)];
    const resumed = await recordInteractions(ctx, sendOf(1, mixed));
    expect(resumed).to.deep.equal({ created: 300, existing: 2500 });
    expect(await linesOf(1)).to.equal(recipientsOfSend + 300);
    expect(await auditsOf(1)).to.have.length(2);
  });

  it('writes a recipient named twice in one batch once', async () => {
    const ids = contactIds.slice(0, 3);
    const batch = sendOf(2, [...ids, ids[0] as number, ids[1] as number]);
    const report = await recordInteractions(ctx, batch);

    expect(report).to.deep.equal({ created: 3, existing: 2 });
    expect(await linesOf(2)).to.equal(3);
  });

  it('keys idempotence per contact and writes lines without an external id each time', async () => {
    const ids = contactIds.slice(10, 12);
    const shared: InteractionBatch = {
      ...sendOf(3, ids),
      recipients: ids.map((contactId) => ({
        contactId,
        externalId: 'event:9',
      })),
    };
    expect(await recordInteractions(ctx, shared)).to.deep.equal({
      created: 2,
      existing: 0,
    });
    const unnamed: InteractionBatch = {
      ...sendOf(3, ids),
      recipients: ids.map((contactId) => ({ contactId })),
    };
    await recordInteractions(ctx, unnamed);
    await recordInteractions(ctx, unnamed);

    expect(await linesOf(3)).to.equal(6);
  });

  it('leaves nothing behind when the caller’s transaction fails', async () => {
    const failure = await db()
      .sequelize.transaction(async (t) => {
        await recordInteractions(ctx, sendOf(4, contactIds.slice(0, 1200)), t);
        throw new Error('the send failed');
      })
      .catch((error: Error) => error);

    expect((failure as Error).message).to.equal('the send failed');
    expect(await linesOf(4)).to.equal(0);
    expect(await auditsOf(4)).to.have.length(0);
  });

  it('writes nothing and audits nothing for an empty batch', async () => {
    expect(await recordInteractions(ctx, sendOf(5, []))).to.deep.equal({
      created: 0,
      existing: 0,
    });
    expect(await auditsOf(5)).to.have.length(0);
  });

  it('fails whole on a recipient that is no contact', async () => {
    const failure = await recordInteractions(
      ctx,
      sendOf(6, [...contactIds.slice(0, 600), 2_000_000_000]),
    ).catch((error: Error) => error);

    expect(failure).to.be.instanceOf(Error);
    expect(await linesOf(6)).to.equal(0);
  });
});

describe('history lines of a send on SQL Server (generated T-SQL)', () => {
  // The application's own options: models defined on a connection without
  // them would name columns differently.
  const mssql = new Sequelize(
    connectionOptions('mssql://relais:x@127.0.0.1:1/relais'),
  );
  const statements: string[] = [];
  const recording = mssql as unknown as {
    query: (
      sql: string | { query: string },
      options?: { instance?: unknown },
    ) => Promise<unknown>;
  };
  // Nothing is recorded yet; an insert answers with the row it was given.
  recording.query = async (sql, options) => {
    statements.push(typeof sql === 'string' ? sql : sql.query);
    return options?.instance ? [options.instance, 1] : [];
  };
  const db = { sequelize: mssql, models: defineModels(mssql) } as Db;
  const ctx: Ctx = {
    db,
    actor: { id: 3, label: 'Sophie Envois', role: 'editor' },
    log: memoryLogger().log,
    region: 'FR',
  };

  it('looks up and writes 500 recipients a statement, without bound parameters', async () => {
    const recipients = Array.from({ length: 1200 }, (_, i) => ({
      contactId: i + 1,
      externalId: `send:8:recipient:${i + 1}`,
    }));
    await recordInteractions(
      ctx,
      {
        kind: 'send',
        source: 'send',
        occurredAt: new Date(Date.UTC(2026, 11, 3, 8, 30)),
        subject: 'L’agenda d’O’Brien',
        recipients,
      },
      {} as Transaction,
    );

    const lookups = statements.filter((sql) => sql.startsWith('SELECT'));
    const inserts = statements.filter((sql) =>
      sql.startsWith('INSERT INTO [interactions]'),
    );
    expect(lookups).to.have.length(3);
    for (const sql of lookups) {
      expect(sql).to.include('[contact_id] IN (');
      expect(sql).to.include("[external_id] IN (N'send:8:recipient:");
      // Deleted lines count too: no filter on deleted_at.
      expect(sql).not.to.include('[deleted_at]');
    }
    expect(inserts.map((sql) => sql.split('),(').length)).to.deep.equal([
      batchSlice,
      batchSlice,
      1200 - 2 * batchSlice,
    ]);
    for (const sql of inserts) {
      expect(sql).not.to.match(/\?|@\w|\$\d|`/);
      expect(sql).to.include(
        "N'send','2026-12-03 08:30:00.000 +00:00',3,N'L’agenda d’O’Brien'",
      );
    }
    const audit = statements.find((sql) =>
      sql.includes('INSERT INTO [audit_events]'),
    );
    expect(audit).to.not.equal(undefined);
    expect(statements.at(-1)).to.equal(audit);
  });
});
