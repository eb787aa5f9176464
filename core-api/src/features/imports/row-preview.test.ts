import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { ctxFor, signedInApp } from '../../test/harness.ts';
import { loadContact } from '../contacts/contacts.service.ts';

const csv = (lines: string[]) => Buffer.from(lines.join('\n'));

type Row = {
  line: number;
  issues: { field?: string; reason: string; reasonEn: string }[];
  phones: { number: string; display: string; e164: string | null }[];
  terms: string[];
  contact: Record<string, unknown>;
};

describeEachDatabase('what an import’s preview shows', (db) => {
  let h: Awaited<ReturnType<typeof signedInApp>>;
  const admin = () => ({ Authorization: `Bearer ${h.tokens.admin}` });
  const stageAndRead = async (fileName: string, lines: string[]) => {
    const staged = await h.request
      .post('/api/imports')
      .query({ fileName })
      .set(admin())
      .type('application/octet-stream')
      .send(csv(lines));
    expect(staged.status, JSON.stringify(staged.body)).to.equal(202);
    for (let attempt = 0; attempt < 200; attempt++) {
      const batch = await h.request
        .get(`/api/imports/${staged.body.id}`)
        .set(admin());
      if (batch.body.status !== 'staging') break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const rows = await h.request
      .get(`/api/imports/${staged.body.id}/rows`)
      .set(admin());
    expect(rows.status, JSON.stringify(rows.body)).to.equal(200);

    return { id: staged.body.id as number, rows: rows.body.items as Row[] };
  };

  before(async () => {
    h = await signedInApp(db());
    await db().models.Term.create({
      kind: 'domain',
      label: 'Culture',
      labelEn: null,
      parentId: null,
    });
  });

  it('warns of phones and French postal codes it cannot verify, naming them', async () => {
    const { id, rows } = await stageAndRead('verifier.csv', [
      'Nom;Prénom;Téléphone;Portable;Code postal;Ville;Pays',
      'Durand;Chloé;01 02 03 04 05;12 34;750;Paris;',
      'Smith;John;+44 20 7946 0958;;SW1A 1AA;London;Royaume-Uni',
      'Morel;Théo;;0612345678;96100;Ailleurs;France',
      'Roux;Aimée;;;33000;Bordeaux;France',
    ]);
    const [chloe, john, theo, aimee] = rows;
    expect(
      chloe?.issues.map((issue) => [issue.field, issue.reason]),
    ).to.deep.equal([
      [
        'phones',
        'Ligne 2 : numéro de téléphone non reconnu « 12 34 » : gardé tel quel, ' +
          'non vérifié',
      ],
      [
        'addresses',
        'Ligne 2 : code postal français invalide « 750 » (non importé) : cinq ' +
          'chiffres d’un département existant attendus',
      ],
    ]);
    expect(chloe?.issues[1]?.reasonEn).to.equal(
      'Line 2: invalid French postal code "750" (not imported): five digits of ' +
        'an existing department expected',
    );
    expect(john?.issues).to.deep.equal([]);
    expect(theo?.issues.map((issue) => issue.reason)).to.deep.equal([
      'Ligne 4 : code postal français invalide « 96100 » (non importé) : cinq ' +
        'chiffres d’un département existant attendus',
    ]);
    expect(aimee?.issues).to.deep.equal([]);

    const committed = await h.request
      .post(`/api/imports/${id}/commit`)
      .set(admin());
    expect(committed.status, JSON.stringify(committed.body)).to.equal(200);
    const stored = await db().models.Contact.findOne({
      where: { lastName: 'Durand' },
    });
    const card = await loadContact(ctxFor(db()), stored?.id as number);
    expect(card.addresses?.map((address) => address.postalCode)).to.deep.equal([
      null,
    ]);
    expect(card.phones?.map((phone) => [phone.raw, phone.e164])).to.deep.equal([
      ['01 02 03 04 05', '+33102030405'],
      ['12 34', null],
    ]);
  });

  it('shows phones and terms as they will be stored, not as typed', async () => {
    const { rows } = await stageAndRead('afficher.csv', [
      'Nom;Prénom;Téléphone;Portable;Domaine;Catégories',
      'Lefèvre;Anne;0102030405;+447911123456;culture > Musique;VIP',
      'Blanc;Léa;;12 34;;',
    ]);
    const [anne, lea] = rows;
    expect(anne?.phones).to.deep.equal([
      {
        number: '0102030405',
        display: '01 02 03 04 05',
        e164: '+33102030405',
        kind: 'office',
      },
      {
        number: '+447911123456',
        display: '+44 7911 123456',
        e164: '+447911123456',
        kind: 'mobile',
      },
    ]);
    expect(anne?.terms).to.deep.equal(['Culture › Musique', 'VIP']);
    expect(anne?.contact).to.not.have.property('termIds');
    expect(anne?.contact.phones).to.deep.equal(anne?.phones);
    expect(lea?.phones).to.deep.equal([
      { number: '12 34', display: '12 34', e164: null, kind: 'mobile' },
    ]);
  });
});
