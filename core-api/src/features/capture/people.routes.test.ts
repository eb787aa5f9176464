import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { signedInApp } from '../../test/harness.ts';

type Harness = Awaited<ReturnType<typeof signedInApp>>;

describeEachDatabase('POST /api/capture/people', (db) => {
  let h: Harness;
  const auth = () => ({ Authorization: `Bearer ${h.tokens.editor}` });
  const lookUp = (addresses: unknown) =>
    h.request.post('/api/capture/people').set(auth()).send({ addresses });
  let known = 0;

  before(async () => {
    h = await signedInApp(db());
    const created = await h.request
      .post('/api/contacts')
      .set(auth())
      .send({
        firstName: 'Léa',
        lastName: 'Martin',
        contactType: 'press',
        emails: [{ address: 'lea.martin@quotidien.test' }],
        affiliations: [
          { companyName: 'Le Quotidien', function: 'Cheffe de rubrique' },
        ],
      });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    known = created.body.id;
    const list = await h.request
      .post('/api/lists')
      .set(auth())
      .send({ name: 'Presse culture', source: { kind: 'ids', ids: [known] } });
    expect(list.status, JSON.stringify(list.body)).to.equal(201);
    for (const subject of ['Premier', 'Deuxième', 'Troisième', 'Quatrième']) {
      const line = await h.request
        .post(`/api/contacts/${known}/interactions`)
        .set(auth())
        .send({ kind: 'call', subject, occurredAt: dateOf(subject) });
      expect(line.status, JSON.stringify(line.body)).to.equal(201);
    }
  });

  const dateOf = (subject: string) =>
    `2026-12-0${['Premier', 'Deuxième', 'Troisième', 'Quatrième'].indexOf(subject) + 1}T09:00:00+01:00`;

  it('gives the card of a known address and nothing for an unknown one', async () => {
    const answer = await lookUp([
      'Lea.Martin@Quotidien.test',
      'inconnu@ailleurs.test',
    ]);

    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    const [lea, stranger] = answer.body.people;
    expect(lea.address).to.equal('lea.martin@quotidien.test');
    expect(lea.contacts).to.have.length(1);
    const card = lea.contacts[0];
    expect(card.contact).to.deep.include({
      id: known,
      displayName: 'Léa Martin',
      contactType: 'press',
      company: 'Le Quotidien',
      function: 'Cheffe de rubrique',
    });
    expect(card.lists.map((l: { name: string }) => l.name)).to.deep.equal([
      'Presse culture',
    ]);
    expect(
      card.latest.map((line: { subject: string }) => line.subject),
    ).to.deep.equal(['Quatrième', 'Troisième', 'Deuxième']);
    expect(stranger).to.deep.equal({
      address: 'inconnu@ailleurs.test',
      contacts: [],
    });
  });

  it('leaves out deleted contacts', async () => {
    const other = await h.request
      .post('/api/contacts')
      .set(auth())
      .send({
        lastName: 'Parti',
        emails: [{ address: 'parti@quotidien.test' }],
      });
    await h.request.delete(`/api/contacts/${other.body.id}`).set(auth());

    const answer = await lookUp(['parti@quotidien.test']);
    expect(answer.body.people[0].contacts).to.deep.equal([]);
  });

  it('completes a contact with the address, phone and organisation it lacked', async () => {
    const created = await h.request
      .post('/api/contacts')
      .set(auth())
      .send({
        firstName: 'Marc',
        lastName: 'Lenoir',
        phones: [{ number: '06 11 22 33 44', kind: 'mobile' }],
      });
    const answer = await h.request
      .post('/api/capture/complete')
      .set(auth())
      .send({
        contactId: created.body.id,
        version: created.body.version,
        draft: {
          lastName: 'Lenoir',
          emails: [{ address: 'marc.lenoir@radio.test', isPrimary: true }],
          phones: [
            { number: '+33611223344', kind: 'mobile', isPrimary: true },
            { number: '+33140000000', kind: 'office' },
          ],
          affiliations: [
            { companyName: 'Radio Horizon', function: 'Reporter' },
          ],
        },
      });

    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    expect(answer.body.firstName).to.equal('Marc');
    expect(
      answer.body.emails.map((e: { address: string }) => e.address),
    ).to.deep.equal(['marc.lenoir@radio.test']);
    expect(
      answer.body.phones.map((p: { e164: string }) => p.e164),
    ).to.deep.equal(['+33611223344', '+33140000000']);
    expect(answer.body.affiliations[0]).to.deep.include({
      function: 'Reporter',
    });
    expect(answer.body.affiliations[0].company.name).to.equal('Radio Horizon');

    const stale = await h.request
      .post('/api/capture/complete')
      .set(auth())
      .send({
        contactId: created.body.id,
        version: created.body.version,
        draft: { emails: [{ address: 'autre@radio.test' }] },
      });
    expect(stale.status).to.equal(409);
  });

  it('names each bad address and refuses an empty request', async () => {
    const bad = await lookUp(['lea.martin@quotidien.test', 'pas une adresse']);
    expect(bad.status).to.equal(400);
    expect(
      bad.body.error.fields.map((f: { path: string }) => f.path),
    ).to.deep.equal(['addresses.1']);
    const empty = await lookUp([]);
    expect(empty.status).to.equal(400);
    expect(empty.body.error.fields[0].path).to.equal('addresses');
  });
});
