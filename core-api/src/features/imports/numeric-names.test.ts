import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { ctxFor, signedInApp } from '../../test/harness.ts';
import { importFile } from './imports.service.ts';

const csv = (lines: string[]) => Buffer.from(lines.join('\n'));

/**
 * Names no French sound key reads (digits) gave a row no name to be looked
 * up or grouped by: the same file imported twice created its rows again.
 */
describeEachDatabase('re-importing rows with numeric names', (db) => {
  const file = csv([
    'Nom;Prénom;Média;Code postal;Ville',
    '123;Jean;Radio 123;75001;Paris',
    'Marchal;2024;La Gazette du Nord;59000;Lille',
    '007;;Agence 007;13001;Marseille',
    '42;42;Le Quotidien 42;69002;Lyon',
  ]);
  const count = () => db().models.Contact.count();

  it('merges each row into the contact the first import created', async () => {
    const ctx = ctxFor(db());
    const first = await importFile(ctx, {
      fileName: 'chiffres.csv',
      data: file,
    });
    expect(first.counts, JSON.stringify(first)).to.include({ create: 4 });
    expect(await count()).to.equal(4);

    const second = await importFile(ctx, {
      fileName: 'chiffres.csv',
      data: file,
    });
    expect(second.counts, JSON.stringify(second)).to.include({
      create: 0,
      review: 0,
      merge: 4,
    });
    expect(second.created).to.equal(0);
    expect(await count()).to.equal(4);
  });

  it('finds such duplicates in a whole-base scan', async () => {
    const h = await signedInApp(db());
    const created = await h.request
      .post('/api/contacts')
      .set({ Authorization: `Bearer ${h.tokens.editor}` })
      .send({
        lastName: '123',
        firstName: 'Jean',
        affiliations: [{ companyName: 'Radio 123' }],
        addresses: [{ postalCode: '75001', city: 'Paris' }],
      });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const scan = await h.request
      .post('/api/duplicates/scan')
      .set({ Authorization: `Bearer ${h.tokens.admin}` });
    expect(scan.status).to.equal(200);
    const queue = await h.request
      .get('/api/duplicates')
      .set({ Authorization: `Bearer ${h.tokens.editor}` });
    const pair = queue.body.items.find(
      (p: { a: { id: number }; b: { id: number } }) =>
        [p.a.id, p.b.id].includes(created.body.id),
    );
    expect(pair, JSON.stringify(queue.body)).to.not.equal(undefined);
    expect(pair.outcome).to.equal('same');
  });
});
