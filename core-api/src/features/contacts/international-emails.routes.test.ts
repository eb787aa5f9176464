import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { ctxFor, signedInApp } from '../../test/harness.ts';
import { importFile } from '../imports/imports.service.ts';

const csv = (lines: string[]) => Buffer.from(lines.join('\n'));

describeEachDatabase('internationalised email addresses', (db) => {
  let h: Awaited<ReturnType<typeof signedInApp>>;
  const auth = () => ({ Authorization: `Bearer ${h.tokens.editor}` });
  const create = (body: object) =>
    h.request.post('/api/contacts').set(auth()).send(body);
  const addressesOf = async (id: number) =>
    (
      await db().models.ContactEmail.findAll({
        where: { contactId: id },
        order: [['id', 'ASC']],
      })
    ).map((email) => email.address);

  before(async () => {
    h = await signedInApp(db());
  });

  it('stores an accented address once normalised, the domain in Unicode', async () => {
    const created = await create({
      firstName: 'Élise',
      lastName: 'Marchand',
      emails: [
        // Decomposed accents, upper case: as some mail clients copy them.
        { address: ' E\u0301lise@Socie\u0301te\u0301.FR ' },
        { address: 'presse@xn--socit-esab.fr' },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect(await addressesOf(created.body.id)).to.deep.equal([
      'élise@société.fr',
      'presse@société.fr',
    ]);
    expect(
      created.body.emails.map((email: { address: string }) => email.address),
    ).to.deep.equal(['élise@société.fr', 'presse@société.fr']);
  });

  it('still refuses garbage, naming the field in both languages', async () => {
    const refused = await create({
      lastName: 'Fautif',
      emails: [
        { address: 'jean dupont@exemple.fr' },
        { address: 'jean@exemple' },
        { address: 'jean@@société.fr' },
      ],
    });
    expect(refused.status).to.equal(400);
    expect(refused.body.error.fields).to.deep.equal(
      [0, 1, 2].map((index) => ({
        path: `emails.${index}.address`,
        message: 'adresse e-mail invalide / invalid email address',
      })),
    );
  });

  it('accepts one on a company', async () => {
    const company = await h.request.post('/api/companies').set(auth()).send({
      name: 'Société Générale de Presse',
      email: 'Rédaction@Société.fr',
    });
    expect(company.status, JSON.stringify(company.body)).to.equal(201);
    expect(company.body.email).to.equal('rédaction@société.fr');
  });

  it('finds a contact by either form of its domain, older records included', async () => {
    const created = await create({
      lastName: 'Ancien',
      emails: [{ address: 'paul@exemple.fr' }],
    });
    // Saved by an earlier release, which kept the domain as typed (`xn--`).
    await db().models.ContactEmail.update(
      { address: 'paul@xn--rdaction-b1a.fr' },
      { where: { contactId: created.body.id } },
    );
    const found = await h.request
      .post('/api/capture/people')
      .set(auth())
      .send({ addresses: ['Paul@Rédaction.fr'] });
    expect(found.status, JSON.stringify(found.body)).to.equal(200);
    expect(found.body.people[0].address).to.equal('paul@rédaction.fr');
    expect(
      found.body.people[0].contacts.map(
        (card: { contact: { id: number } }) => card.contact.id,
      ),
    ).to.deep.equal([created.body.id]);
  });

  it('merges an imported row whose domain is written `xn--` into the contact', async () => {
    const first = await importFile(ctxFor(db()), {
      fileName: 'idn-1.csv',
      data: csv([
        'Nom;Prénom;Média;E-mail',
        'Lefèvre;Noémie;Télé Région;noémie.lefèvre@télé-région.fr',
      ]),
    });
    expect(first.created, JSON.stringify(first)).to.equal(1);
    const second = await importFile(ctxFor(db()), {
      fileName: 'idn-2.csv',
      data: csv([
        'Nom;Prénom;Média;E-mail',
        'Lefèvre;Noémie;Télé Région;NOÉMIE.LEFÈVRE@xn--tl-rgion-b1abc.fr',
      ]),
    });
    expect(second, JSON.stringify(second)).to.include({ created: 0 });
    const stored = await db().models.ContactEmail.findAll({
      where: { address: ['noémie.lefèvre@télé-région.fr'] },
    });
    expect(stored).to.have.length(1);
    expect(
      await db().models.ContactEmail.count({
        where: { address: 'noémie.lefèvre@xn--tl-rgion-b1abc.fr' },
      }),
    ).to.equal(0);
  });
});
