import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { signedInApp } from '../../test/harness.ts';

type Harness = Awaited<ReturnType<typeof signedInApp>>;

const fullContact = {
  civility: 'MME',
  title: 'Docteure',
  firstName: 'Éloïse',
  lastName: 'Lefèvre',
  birthDate: '1980-02-29',
  contactType: 'press',
  preferredChannel: 'email',
  origin: 'Salon du livre 2026',
  notes: 'Préfère être contactée le matin.',
  optOut: { email: false, sms: true, post: false, phone: false },
  emails: [
    { address: ' Eloise.Lefevre@Exemple.fr ', label: 'work' },
    { address: 'eloise@perso.fr', label: 'home', isPrimary: true },
  ],
  phones: [
    { number: '06 12 34 56 78', kind: 'mobile' },
    { number: '01.23.45.67.89', kind: 'office' },
    { number: '01 23 45 67 00', kind: 'fax' },
  ],
  addresses: [
    {
      street: '12 rue de l’Église',
      postalCode: '31000',
      city: 'Toulouse',
      country: 'FR',
    },
  ],
  socialAccounts: [
    { network: 'linkedin', url: 'https://www.linkedin.com/in/eloise-lefevre' },
  ],
  affiliations: [
    {
      companyName: 'La Dépêche du Midi',
      function: 'Rédactrice en chef',
      startDate: '2020-01-01',
    },
    {
      companyName: 'Le Monde',
      function: 'Pigiste',
      startDate: '2012-05-01',
      endDate: '2019-12-31',
    },
  ],
};

describeEachDatabase('contacts API', (db) => {
  let h: Harness;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  before(async () => {
    h = await signedInApp(db());
  });

  it('creates a contact with every attribute and reads it back', async () => {
    const created = await h.request
      .post('/api/contacts')
      .set(auth(h.tokens.editor))
      .send(fullContact);
    expect(created.status, JSON.stringify(created.body)).to.equal(201);

    const response = await h.request
      .get(`/api/contacts/${created.body.id}`)
      .set(auth(h.tokens.editor));
    expect(response.status).to.equal(200);
    expect(response.headers.etag).to.equal('"1"');
    const contact = response.body;
    expect(contact).to.include({
      displayName: 'Éloïse Lefèvre',
      civility: 'MME',
      title: 'Docteure',
      birthDate: '1980-02-29',
      contactType: 'press',
      preferredChannel: 'email',
      origin: 'Salon du livre 2026',
      doNotContact: false,
      version: 1,
    });
    expect(contact.optOut).to.deep.equal({
      email: false,
      sms: true,
      post: false,
      phone: false,
    });
    expect(
      contact.emails.map((e: { address: string; isPrimary: boolean }) => [
        e.address,
        e.isPrimary,
      ]),
    ).to.deep.equal([
      ['eloise.lefevre@exemple.fr', false],
      ['eloise@perso.fr', true],
    ]);
    expect(
      contact.phones.map(
        (p: { e164: string; kind: string; display: string }) => [
          p.kind,
          p.e164,
          p.display,
        ],
      ),
    ).to.deep.equal([
      ['mobile', '+33612345678', '06 12 34 56 78'],
      ['office', '+33123456789', '01 23 45 67 89'],
      ['fax', '+33123456700', '01 23 45 67 00'],
    ]);
    expect(contact.phones[1].raw).to.equal('01.23.45.67.89');
    expect(contact.addresses[0]).to.include({
      city: 'Toulouse',
      postalCode: '31000',
      isPrimary: true,
    });
    expect(contact.socialAccounts[0]).to.include({ network: 'linkedin' });
    expect(contact.affiliations).to.have.length(2);
    expect(contact.affiliations[0]).to.include({
      function: 'Rédactrice en chef',
      current: true,
      isPrimary: true,
    });
    expect(contact.affiliations[1]).to.include({
      function: 'Pigiste',
      current: false,
      endDate: '2019-12-31',
    });
    expect(contact.fieldSources.lastName.source).to.equal(
      'saisie (Eddie Editor)',
    );
    expect(contact.fieldSources.emails).to.have.property('at');
  });

  it('links the companies named in affiliations and lists the contact on their card', async () => {
    const search = await h.request
      .get('/api/search')
      .query({ q: 'depeche midi', type: 'company' })
      .set(auth(h.tokens.editor));
    expect(search.body.items).to.have.length(1);

    const company = await h.request
      .get(`/api/companies/${search.body.items[0].id}`)
      .set(auth(h.tokens.editor));
    expect(company.body.name).to.equal('La Dépêche du Midi');
    expect(
      company.body.contacts.map((c: { displayName: string }) => c.displayName),
    ).to.include('Éloïse Lefèvre');
  });

  it('refuses bad input with a 400 naming every bad field', async () => {
    const response = await h.request
      .post('/api/contacts')
      .set(auth(h.tokens.editor))
      .send({
        lastName: 'Martin',
        contactType: 'journalist',
        birthDate: '1980-02-31',
        emails: [{ address: 'not-an-email' }],
        affiliations: [{ function: 'Rédacteur' }],
        civility: 'Sir',
      });

    expect(response.status).to.equal(400);
    expect(response.body.error.code).to.equal('VALIDATION_FAILED');
    const paths = response.body.error.fields.map(
      (f: { path: string }) => f.path,
    );
    expect(paths).to.include.members([
      'contactType',
      'birthDate',
      'emails.0.address',
      'affiliations.0.companyId',
      'civility',
    ]);
    expect(response.body.error.requestId).to.be.a('string');
  });

  it('refuses a birth date in the future or before 1900', async () => {
    const reasons: Record<string, string> = {
      '2030-01-01':
        'date de naissance dans le futur / birth date in the future',
      '1800-01-01':
        'date de naissance antérieure à 1900 / birth date before 1900',
      '1980-02-31': 'date impossible / impossible date',
    };
    for (const [birthDate, reason] of Object.entries(reasons)) {
      const response = await h.request
        .post('/api/contacts')
        .set(auth(h.tokens.editor))
        .send({ lastName: 'Martin', birthDate });
      expect(response.status, birthDate).to.equal(400);
      expect(response.body.error.fields).to.deep.equal([
        { path: 'birthDate', message: reason },
      ]);
    }
    for (const birthDate of ['1900-01-01', '--02-29']) {
      const response = await h.request
        .post('/api/contacts')
        .set(auth(h.tokens.editor))
        .send({ lastName: 'Martin', birthDate });
      expect(response.status, birthDate).to.equal(201);
    }
  });

  it('words each field problem in French and English', async () => {
    const response = await h.request
      .post('/api/contacts')
      .set(auth(h.tokens.editor))
      .send({ lastName: 42, civility: 'Sir' });

    expect(response.status).to.equal(400);
    const messages = Object.fromEntries(
      response.body.error.fields.map((f: { path: string; message: string }) => [
        f.path,
        f.message,
      ]),
    );
    // Worded for people, not zod's « Entrée invalide : chaîne de caractères
    // attendu, nombre reçu ».
    expect(messages.lastName).to.equal('texte attendu / text expected');
    expect(messages.civility).to.match(
      /^valeur non prévue : une de « M », .* attendue \/ unexpected value: one of "M", .* expected$/,
    );
  });

  it('refuses control characters, NUL included, naming the field', async () => {
    const response = await h.request
      .post('/api/contacts')
      .set(auth(h.tokens.editor))
      .send({ lastName: 'Mar\u0000tin', notes: 'deux\nlignes' });

    expect(response.status).to.equal(400);
    expect(response.body.error.fields).to.deep.equal([
      {
        path: 'lastName',
        message:
          'caractère de contrôle interdit / control character not allowed',
      },
    ]);
  });

  it('drops bidirectional overrides and other invisible characters from names', async () => {
    const response = await h.request
      .post('/api/contacts')
      .set(auth(h.tokens.editor))
      .send({
        firstName: '\u202eL\u200béa',
        lastName: 'Mar\u2066tin\u2069',
        affiliations: [
          { companyName: 'La\u202e Dépêche', function: '\u202dRédactrice' },
        ],
        notes: 'Bonjour',
      });

    expect(response.status).to.equal(201);
    expect(response.body.firstName).to.equal('Léa');
    expect(response.body.lastName).to.equal('Martin');
    expect(response.body.affiliations[0].function).to.equal('Rédactrice');
    expect(response.body.affiliations[0].company.name).to.equal('La Dépêche');
  });

  it('refuses a name made only of invisible characters', async () => {
    const response = await h.request
      .post('/api/contacts')
      .set(auth(h.tokens.editor))
      .send({ lastName: '\u202e\u2066', emails: [{ address: 'a@b.fr' }] });

    expect(response.status).to.equal(400);
    expect(
      response.body.error.fields.map((f: { path: string }) => f.path),
    ).to.deep.equal(['lastName']);
  });

  it('answers in English when asked', async () => {
    const response = await h.request
      .post('/api/contacts')
      .set(auth(h.tokens.editor))
      .set('Accept-Language', 'en-GB')
      .send({ contactType: 'press' });

    expect(response.status).to.equal(400);
    expect(response.body.error.message).to.equal('Some fields are invalid.');
    expect(response.body.error.fields[0].path).to.equal('lastName');
  });

  it('refuses a contact that is its own intermediary or names an unknown one', async () => {
    const unknown = await h.request
      .post('/api/contacts')
      .set(auth(h.tokens.editor))
      .send({ lastName: 'Assistant', intermediaryId: 999999 });
    expect(unknown.status).to.equal(400);
    expect(unknown.body.error.fields[0].path).to.equal('intermediaryId');
  });

  it('detects a concurrent edit: the second writer gets a 409, not an overwrite', async () => {
    const created = await h.request
      .post('/api/contacts')
      .set(auth(h.tokens.editor))
      .send({ lastName: 'Concurrent', firstName: 'Paul' });
    const id = created.body.id;
    const base = { lastName: 'Concurrent', version: 1 };

    const first = await h.request
      .put(`/api/contacts/${id}`)
      .set(auth(h.tokens.editor))
      .send({ ...base, firstName: 'Paula' });
    expect(first.status).to.equal(200);
    expect(first.body.version).to.equal(2);
    expect(first.headers.etag).to.equal('"2"');

    const second = await h.request
      .put(`/api/contacts/${id}`)
      .set(auth(h.tokens.other))
      .send({ ...base, firstName: 'Pauline' });
    expect(second.status).to.equal(409);
    expect(second.body.error.code).to.equal('VERSION_CONFLICT');

    const stored = await h.request
      .get(`/api/contacts/${id}`)
      .set(auth(h.tokens.editor));
    expect(stored.body.firstName).to.equal('Paula');
  });

  it('accepts the version in If-Match', async () => {
    const created = await h.request
      .post('/api/contacts')
      .set(auth(h.tokens.editor))
      .send({ lastName: 'Etag' });
    const response = await h.request
      .put(`/api/contacts/${created.body.id}`)
      .set(auth(h.tokens.editor))
      .set('If-Match', '"7"')
      .send({ lastName: 'Etag', version: 1 });
    expect(response.status).to.equal(409);
  });

  it('takes the version from If-Match alone, as the ETag of a GET gives it', async () => {
    const created = await h.request
      .post('/api/contacts')
      .set(auth(h.tokens.editor))
      .send({ lastName: 'Etiquette' });
    const read = await h.request
      .get(`/api/contacts/${created.body.id}`)
      .set(auth(h.tokens.editor));
    const updated = await h.request
      .put(`/api/contacts/${created.body.id}`)
      .set(auth(h.tokens.editor))
      .set('If-Match', read.headers.etag as string)
      .send({ lastName: 'Etiquette', firstName: 'Eve' });
    expect(updated.status, JSON.stringify(updated.body)).to.equal(200);
    expect(updated.headers.etag).to.equal('"2"');
    const stale = await h.request
      .put(`/api/contacts/${created.body.id}`)
      .set(auth(h.tokens.editor))
      .set('If-Match', read.headers.etag as string)
      .send({ lastName: 'Etiquette' });
    expect(stale.status).to.equal(409);
  });

  it('refuses a body that is not JSON with a 415', async () => {
    const response = await h.request
      .post('/api/contacts')
      .set(auth(h.tokens.editor))
      .type('form')
      .send('lastName=Formulaire');
    expect(response.status).to.equal(415);
    expect(response.body.error.code).to.equal('UNSUPPORTED_MEDIA_TYPE');
  });

  it('records who changed which field, when, with the before and after', async () => {
    const created = await h.request
      .post('/api/contacts')
      .set(auth(h.tokens.editor))
      .send({ lastName: 'Audité', emails: [{ address: 'a@b.fr' }] });
    const id = created.body.id;
    await h.request
      .put(`/api/contacts/${id}`)
      .set(auth(h.tokens.other))
      .send({
        lastName: 'Audité',
        firstName: 'Anne',
        emails: [{ address: 'a@b.fr' }],
        version: 1,
      });

    const trail = await h.request
      .get(`/api/contacts/${id}/audit`)
      .set(auth(h.tokens.editor));
    expect(trail.status).to.equal(200);
    const [update, create] = trail.body.items;
    expect(create).to.include({
      action: 'create',
      actorLabel: 'Eddie Editor',
      entityType: 'contact',
    });
    expect(update).to.include({
      action: 'update',
      actorLabel: 'Olga Other',
      summary: 'firstName',
    });
    expect(update.before.firstName).to.equal(null);
    expect(update.after.firstName).to.equal('Anne');

    const contact = await h.request
      .get(`/api/contacts/${id}`)
      .set(auth(h.tokens.editor));
    expect(contact.body.fieldSources.firstName.source).to.equal(
      'saisie (Olga Other)',
    );
    expect(contact.body.fieldSources.lastName.source).to.equal(
      'saisie (Eddie Editor)',
    );
  });

  it('deletes softly; only an administrator restores', async () => {
    const created = await h.request
      .post('/api/contacts')
      .set(auth(h.tokens.editor))
      .send({ lastName: 'Effacé' });
    const id = created.body.id;

    expect(
      (await h.request.delete(`/api/contacts/${id}`).set(auth(h.tokens.editor)))
        .status,
    ).to.equal(204);
    expect(
      (await h.request.get(`/api/contacts/${id}`).set(auth(h.tokens.editor)))
        .status,
    ).to.equal(410);
    const hidden = await h.request
      .get('/api/search')
      .query({ q: 'efface' })
      .set(auth(h.tokens.editor));
    expect(
      hidden.body.items.map((hit: { id: number }) => hit.id),
    ).not.to.include(id);

    const seenByAdmin = await h.request
      .get(`/api/contacts/${id}`)
      .set(auth(h.tokens.admin));
    expect(seenByAdmin.body.deletedAt).to.be.a('string');
    const deletedList = await h.request
      .get('/api/contacts')
      .query({ deleted: 'only' })
      .set(auth(h.tokens.admin));
    expect(deletedList.body.items.map((c: { id: number }) => c.id)).to.include(
      id,
    );

    expect(
      (
        await h.request
          .post(`/api/contacts/${id}/restore`)
          .set(auth(h.tokens.editor))
      ).status,
    ).to.equal(403);
    const restored = await h.request
      .post(`/api/contacts/${id}/restore`)
      .set(auth(h.tokens.admin));
    expect(restored.status).to.equal(200);
    expect(restored.body.deletedAt).to.equal(null);
    const found = await h.request
      .get('/api/search')
      .query({ q: 'efface' })
      .set(auth(h.tokens.editor));
    expect(found.body.items.map((hit: { id: number }) => hit.id)).to.include(
      id,
    );
  });

  it('lists contacts by page, sorted either way', async () => {
    for (const lastName of ['Zola', 'Aubert', 'Moulin']) {
      await h.request
        .post('/api/contacts')
        .set(auth(h.tokens.editor))
        .send({ lastName });
    }
    const asc = await h.request
      .get('/api/contacts')
      .query({ pageSize: 2, sort: 'lastName' })
      .set(auth(h.tokens.editor));
    expect(asc.body.items).to.have.length(2);
    expect(asc.body.items[0].lastName).to.equal('Aubert');
    expect(asc.body.total).to.be.greaterThan(3);

    const desc = await h.request
      .get('/api/contacts')
      .query({ sort: 'lastName', order: 'desc' })
      .set(auth(h.tokens.editor));
    expect(desc.body.items[0].lastName).to.equal('Zola');

    const bad = await h.request
      .get('/api/contacts')
      .query({ pageSize: 1000, sort: 'password' })
      .set(auth(h.tokens.editor));
    expect(bad.status).to.equal(400);
    expect(
      bad.body.error.fields.map((f: { path: string }) => f.path),
    ).to.have.members(['pageSize', 'sort']);
  });
});
