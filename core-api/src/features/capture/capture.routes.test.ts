import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { signedInApp } from '../../test/harness.ts';

type Harness = Awaited<ReturnType<typeof signedInApp>>;

const body = `Bonjour,

Merci pour l’invitation, je viendrai avec un photographe.

Bien cordialement,

Marie Dupont
Rédactrice en chef adjointe – Service Culture
La Dépêche du Midi
80 avenue Jean Baylet, 31095 Toulouse Cedex 9
Tél. : 05 62 11 33 00 / Port. : 06 12 34 56 78

Le 3 déc. 2026 à 10:12, Service presse <presse@relais.example.org> a écrit :
> Tél. : 01 02 03 04 05
`;

describeEachDatabase('POST /api/capture/suggest', (db) => {
  let h: Harness;
  const suggest = (input: object, token = h.tokens.editor) =>
    h.request
      .post('/api/capture/suggest')
      .set({ Authorization: `Bearer ${token}` })
      .send(input);
  let sameMobile = 0;

  before(async () => {
    h = await signedInApp(db());
    const created = await h.request
      .post('/api/contacts')
      .set({ Authorization: `Bearer ${h.tokens.editor}` })
      .send({
        firstName: 'Marie',
        lastName: 'Dupond',
        phones: [{ number: '06 12 34 56 78', kind: 'mobile' }],
        affiliations: [{ companyName: 'La Dépêche du Midi' }],
      });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    sameMobile = created.body.id;
    // Someone else entirely, who must not be proposed.
    await h.request
      .post('/api/contacts')
      .set({ Authorization: `Bearer ${h.tokens.editor}` })
      .send({ firstName: 'Paul', lastName: 'Martin' });
  });

  it('prefills a draft from the display name and the signature', async () => {
    const answer = await suggest({
      displayName: 'DUPONT Marie',
      address: 'M.Dupont@LaDepeche.fr',
      body,
      bodyType: 'text',
    });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    const { draft, signature } = answer.body;
    expect(draft).to.deep.include({
      firstName: 'Marie',
      lastName: 'Dupont',
      origin: 'Outlook',
    });
    expect(draft.emails).to.deep.equal([
      { address: 'm.dupont@ladepeche.fr', label: 'work', isPrimary: true },
    ]);
    expect(draft.phones.map((p: { number: string }) => p.number)).to.deep.equal(
      ['+33562113300', '+33612345678'],
    );
    expect(draft.affiliations[0]).to.deep.include({
      companyName: 'La Dépêche du Midi',
      function: 'Rédactrice en chef adjointe',
    });
    expect(signature.function).to.include({ line: 8, confidence: 0.85 });
  });

  it('names the contact already in the base with the same mobile', async () => {
    const answer = await suggest({
      displayName: 'DUPONT Marie',
      address: 'm.dupont@ladepeche.fr',
      body,
    });
    const found = answer.body.possibleDuplicates;
    expect(
      found.map((d: { contact: { id: number } }) => d.contact.id),
    ).to.deep.equal([sameMobile]);
    expect(found[0].fields).to.include('phone');
  });

  it('a draft saved as a contact is then found by its address', async () => {
    const first = await suggest({
      displayName: 'Jeanne Moreau',
      address: 'jeanne.moreau@franceinter.fr',
      body: 'Bonjour,\n\nMerci.\n',
    });
    expect(first.body.possibleDuplicates).to.deep.equal([]);
    const saved = await h.request
      .post('/api/contacts')
      .set({ Authorization: `Bearer ${h.tokens.editor}` })
      .send(first.body.draft);
    expect(saved.status, JSON.stringify(saved.body)).to.equal(201);
    const again = await suggest({
      displayName: 'Moreau, Jeanne',
      address: 'jeanne.moreau@franceinter.fr',
      body: '',
    });
    const [found] = again.body.possibleDuplicates;
    expect(found.contact.id).to.equal(saved.body.id);
    expect(found.fields).to.include.members(['email', 'lastName']);
  });

  it('reads an HTML body', async () => {
    const answer = await suggest({
      displayName: 'Claire Martin',
      address: 'cmartin@liberation.fr',
      body:
        '<p>Cordialement,</p><p>Claire Martin<br>Journaliste chez Libération<br>' +
        'Tél. : 01 42 76 17 89</p>',
      bodyType: 'html',
    });
    expect(answer.body.draft.affiliations[0]).to.deep.include({
      companyName: 'Libération',
      function: 'Journaliste',
    });
  });

  it('refuses a bad address and a bad body type, naming both; 401 without a session', async () => {
    const refused = await suggest({
      address: 'pas une adresse',
      bodyType: 'rtf',
    });
    expect(refused.status).to.equal(400);
    const paths = refused.body.error.fields.map(
      (f: { path: string }) => f.path,
    );
    expect(paths).to.include.members(['address', 'bodyType']);
    const anonymous = await h.request
      .post('/api/capture/suggest')
      .send({ address: 'a@b.fr' });
    expect(anonymous.status).to.equal(401);
  });
});
