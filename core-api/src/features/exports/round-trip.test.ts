import { Writable } from 'node:stream';
import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { ctxFor } from '../../test/harness.ts';
import { presentContact } from '../contacts/contacts.presenter.ts';
import { contactInput } from '../contacts/contacts.schemas.ts';
import {
  createContact,
  deleteContact,
  loadContact,
} from '../contacts/contacts.service.ts';
import { importFile } from '../imports/imports.service.ts';
import { exportRequest } from './exports.schemas.ts';
import { prepareExport, runExport } from './exports.service.ts';

describeEachDatabase('export then re-import', (db) => {
  const ctx = () => ctxFor(db());

  async function exported(ids: number[], format: string, lang: string) {
    const plan = await prepareExport(
      ctx(),
      exportRequest.parse({
        target: { kind: 'contacts', contactIds: ids },
        format,
        lang,
      }),
    );
    const chunks: Buffer[] = [];
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    await runExport(ctx(), plan, out);

    return Buffer.concat(chunks);
  }

  for (const lang of ['fr', 'en'] as const) {
    it(`gives back every field of the minimum set from its own xlsx (${lang})`, async () => {
      const lastName = lang === 'fr' ? 'Aubrac' : 'Ashford';
      const original = await createContact(
        ctx(),
        contactInput.parse({
          civility: 'MME',
          title: 'Docteure',
          firstName: 'Hélène',
          lastName,
          contactType: 'vip',
          preferredChannel: 'post',
          emails: [
            { address: `${lastName.toLowerCase()}@exemple.fr` },
            { address: `${lastName.toLowerCase()}@perso.fr` },
          ],
          phones: [
            { number: '05 61 00 00 01', kind: 'office' },
            { number: '06 12 34 56 78', kind: 'mobile' },
            { number: '05 61 00 00 02', kind: 'fax' },
          ],
          affiliations: [
            {
              companyName: `Gazette ${lastName}`,
              function: 'Rédactrice en chef',
              department: 'Culture',
              isPrimary: true,
            },
          ],
        }),
      );
      const file = await exported([original.id], 'xlsx', lang);
      await deleteContact(ctx(), original.id);

      const dry = await importFile(ctx(), {
        fileName: 'contacts.xlsx',
        data: file,
        dryRun: true,
      });
      // Every column is read but the record's own dates, which Relais sets.
      const ignored = dry.mappings
        .flatMap((table) => table.columns)
        .filter((column) => column.key === null)
        .map((column) => column.header);
      expect(ignored).to.deep.equal(
        lang === 'fr' ? ['Créé le', 'Modifié le'] : ['Created', 'Updated'],
      );

      const report = await importFile(ctx(), {
        fileName: 'contacts.xlsx',
        data: file,
      });
      expect(report.created, JSON.stringify(report.issues)).to.equal(1);
      const { Contact } = db().models;
      const copy = await Contact.findOne({
        where: { lastName, importBatchId: report.batchId },
      });
      const card = presentContact(await loadContact(ctx(), copy!.id));
      expect(card).to.include({
        civility: 'MME',
        title: 'Docteure',
        firstName: 'Hélène',
        lastName,
        contactType: 'vip',
        preferredChannel: 'post',
      });
      expect(card.emails.map((e) => e.address)).to.have.members([
        `${lastName.toLowerCase()}@exemple.fr`,
        `${lastName.toLowerCase()}@perso.fr`,
      ]);
      expect(card.emails.find((e) => e.isPrimary)?.address).to.equal(
        `${lastName.toLowerCase()}@exemple.fr`,
      );
      const phones = card.phones.map((p) => `${p.kind} ${p.e164}`);
      expect(phones).to.include.members([
        'office +33561000001',
        'mobile +33612345678',
        'fax +33561000002',
      ]);
      expect(card.affiliations[0]).to.deep.include({
        function: 'Rédactrice en chef',
        department: 'Culture',
      });
      expect(card.affiliations[0]?.company.name).to.equal(
        `Gazette ${lastName}`,
      );
    });
  }
});
