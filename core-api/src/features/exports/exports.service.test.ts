import { Writable } from 'node:stream';
import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { ctxFor } from '../../test/harness.ts';
import { AppError } from '../../platform/http/errors.ts';
import { contactInput } from '../contacts/contacts.schemas.ts';
import { createContact, deleteContact } from '../contacts/contacts.service.ts';
import { exportRequest } from './exports.schemas.ts';
import { prepareExport, runExport } from './exports.service.ts';

describeEachDatabase('export service', (db) => {
  const ids: number[] = [];

  before(async () => {
    const ctx = ctxFor(db());
    for (let index = 0; index < 25; index++) {
      const contact = await createContact(
        ctx,
        contactInput.parse({
          lastName: `Nom${String(index).padStart(2, '0')}`,
          firstName: 'Jeanne',
          emails: [{ address: `jeanne${index}@exemple.fr` }],
        }),
      );
      ids.push(contact.id);
    }
  });

  it('reads the target in batches and writes every contact once, in order', async () => {
    const ctx = ctxFor(db());
    const plan = await prepareExport(
      ctx,
      exportRequest.parse({
        target: { kind: 'contacts', contactIds: ids },
        format: 'word-csv',
      }),
    );
    let text = '';
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        text += chunk.toString('utf8');
        done();
      },
    });
    const rows = await runExport(ctx, plan, out, { batchSize: 4 });
    expect(rows).to.equal(25);
    const names = text
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.split(';')[2]);
    expect(names).to.have.length(25);
    expect(new Set(names).size).to.equal(25);
  });

  it('audits an interrupted export with the rows it wrote, not zero', async () => {
    const ctx = ctxFor(db());
    const plan = await prepareExport(
      ctx,
      exportRequest.parse({
        target: { kind: 'contacts', contactIds: ids },
        format: 'word-csv',
      }),
    );
    let received = '';
    let writes = 0;
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        writes += 1;
        // The header, two batches, then the reader hangs up.
        if (writes === 4) {
          this.destroy();
          return done();
        }
        received += chunk.toString('utf8');
        done();
      },
    });
    const failure = await runExport(ctx, plan, out, { batchSize: 4 }).catch(
      (error: unknown) => error,
    );
    expect(failure).to.be.instanceOf(Error);
    const lines = received.split('\r\n').slice(1, -1);
    expect(lines).to.have.length(8);
    // The two batches it took, and the third it hung up on: 12, not 0.
    const written = 12;
    const event = await db().models.AuditEvent.findOne({
      where: { action: 'export' },
      order: [['id', 'DESC']],
    });
    expect(event?.summary).to.equal(
      `export word-csv : ${written} contacts, 0 exclu pour le canal ` +
        'Courrier — interrompu',
    );
    expect(JSON.parse(event!.afterData!)).to.include({
      rows: written,
      completed: false,
    });
  });

  for (const format of ['html', 'xlsx', 'docx-letters', 'vcard4'] as const) {
    it(`records a cut ${format} export as interrupted, and fails`, async () => {
      const ctx = ctxFor(db());
      const plan = await prepareExport(
        ctx,
        exportRequest.parse({
          target: { kind: 'contacts', contactIds: ids },
          format,
        }),
      );
      let writes = 0;
      const out = new Writable({
        highWaterMark: 16,
        write(_chunk, _encoding, done) {
          writes += 1;
          // The reader hangs up after the first chunks.
          if (writes === 2) this.destroy();
          done();
        },
      });
      const failure = await runExport(ctx, plan, out, { batchSize: 2 }).catch(
        (error: unknown) => error,
      );
      expect(failure).to.be.instanceOf(Error);
      const event = await db().models.AuditEvent.findOne({
        where: { action: 'export' },
        order: [['id', 'DESC']],
      });
      expect(event?.summary).to.match(
        new RegExp(`^export ${format} : \\d+ contacts?\\b.* — interrompu$`),
      );
      expect(JSON.parse(event!.afterData!)).to.include({ completed: false });
    });
  }

  it('refuses chosen contacts that are unknown or deleted, naming them', async () => {
    const ctx = ctxFor(db());
    const gone = await createContact(
      ctx,
      contactInput.parse({ lastName: 'Parti', firstName: 'Jean' }),
    );
    await deleteContact(ctx, gone.id);
    const unknown = 990_000 + gone.id;
    const refusal = await prepareExport(
      ctx,
      exportRequest.parse({
        target: { kind: 'contacts', contactIds: [ids[0]!, gone.id, unknown] },
        format: 'xlsx',
      }),
    ).catch((error: unknown) => error);
    expect(refusal).to.be.instanceOf(AppError);
    expect(refusal).to.include({ code: 'NOT_FOUND' });
    expect((refusal as AppError).messageFr).to.equal(
      `2 contacts introuvables ou supprimés : ${gone.id}, ${unknown}.`,
    );
    expect((refusal as AppError).messageEn).to.equal(
      `2 unknown or deleted contacts: ${gone.id}, ${unknown}.`,
    );
  });
});
