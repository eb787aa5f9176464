import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { requestsOf, signedInApp } from '../../test/harness.ts';

type Harness = Awaited<ReturnType<typeof signedInApp>>;

describeEachDatabase('what contact and company cards need', (db) => {
  let h: Harness;
  let api: ReturnType<typeof requestsOf>;

  before(async () => {
    h = await signedInApp(db());
    api = requestsOf(h);
  });

  describe('POST /api/contacts/possible-duplicates', () => {
    let known: number;
    let outlet: number;

    before(async () => {
      const created = await api.post('editor', '/api/contacts', {
        firstName: 'Mérovée',
        lastName: 'Leroux',
        emails: [{ address: 'merovee.leroux@lemonde.test' }],
        phones: [{ number: '+33612345678', kind: 'mobile' }],
        affiliations: [{ companyName: 'Le Monde', function: 'Reporter' }],
      });
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      known = created.body.id;
      outlet = created.body.affiliations[0].company.id;
    });

    it('finds a contact by a phone typed the French way and a sound-alike surname', async () => {
      const answer = await api.post(
        'editor',
        '/api/contacts/possible-duplicates',
        {
          firstName: 'Merovee',
          lastName: 'Lerou',
          phones: [{ number: '06.12.34.56.78', kind: 'mobile' }],
          affiliations: [{ companyId: outlet }],
        },
      );

      expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
      const [first] = answer.body.items;
      expect(first.contact.id).to.equal(known);
      expect(first.contact.displayName).to.equal('Mérovée Leroux');
      expect(first.fields).to.include('phone');
      expect(first.outcome).to.be.oneOf(['same', 'maybe']);
    });

    it('names the contact holding the same address, whatever the name', async () => {
      const answer = await api.post(
        'editor',
        '/api/contacts/possible-duplicates',
        { emails: [{ address: 'Merovee.Leroux@LeMonde.test' }] },
      );

      expect(
        answer.body.items.map((i: { contact: { id: number } }) => i.contact.id),
      ).to.deep.equal([known]);
    });

    it('answers an empty list for a person the base does not hold', async () => {
      const answer = await api.post(
        'editor',
        '/api/contacts/possible-duplicates',
        { firstName: 'Anatole', lastName: 'Quintard-Zébulon' },
      );

      expect(answer.status).to.equal(200);
      expect(answer.body.items).to.deep.equal([]);
    });

    it('refuses a draft with nothing to recognise, naming the field', async () => {
      const answer = await api.post(
        'editor',
        '/api/contacts/possible-duplicates',
        { title: 'Docteur', emails: [{ address: 'pas une adresse' }] },
      );

      expect(answer.status).to.equal(400);
      const paths = answer.body.error.fields.map(
        (f: { path: string }) => f.path,
      );
      expect(paths).to.include.members(['emails.0.address']);
    });

    it('leaves deleted contacts out', async () => {
      const gone = await api.post('editor', '/api/contacts', {
        lastName: 'Disparu',
        emails: [{ address: 'disparu@exemple.test' }],
      });
      await api.del('editor', `/api/contacts/${gone.body.id}`);
      const answer = await api.post(
        'editor',
        '/api/contacts/possible-duplicates',
        { emails: [{ address: 'disparu@exemple.test' }] },
      );

      expect(answer.body.items).to.deep.equal([]);
    });
  });

  describe('POST /api/companies/possible-duplicates', () => {
    let monde: number;
    let diplo: number;

    before(async () => {
      const created = await api.post('editor', '/api/companies', {
        name: 'Le Monde',
        email: 'redaction@lemonde.test',
        website: 'https://www.lemonde.test/',
        phone: '01 57 28 20 00',
      });
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      monde = created.body.id;
      diplo = (
        await api.post('editor', '/api/companies', {
          name: 'Le Monde diplomatique',
        })
      ).body.id;
    });

    const check = async (body: object) => {
      const answer = await api.post(
        'editor',
        '/api/companies/possible-duplicates',
        body,
      );
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200);

      return answer.body.items as {
        company: { id: number; name: string };
        outcome: string;
        fields: string[];
      }[];
    };

    it('calls the variants of one outlet the same company', async () => {
      for (const name of ['LE MONDE SA', 'Journal Le Monde', 'le monde']) {
        const items = await check({ name });
        const found = items.find((item) => item.company.id === monde);
        expect(found, name).to.deep.include({ outcome: 'same' });
        expect(found?.fields, name).to.deep.equal(['name']);
        // The contacts above brought a second « Le Monde »: both are the same.
        expect(items[0]?.outcome, name).to.equal('same');
        expect(items.at(-1)?.outcome, name).to.equal('maybe');
      }
    });

    it('shows another title sharing the words only as worth a look', async () => {
      const items = await check({ name: 'Le Monde' });
      const other = items.find((item) => item.company.id === diplo);

      expect(other).to.deep.include({ outcome: 'maybe', fields: ['name'] });
    });

    it('finds the company by its website host, address or phone', async () => {
      const items = await check({
        name: 'Société éditrice du quotidien',
        website: 'http://lemonde.test/international',
        email: 'Redaction@LeMonde.test',
        phone: '+33 1 57 28 20 00',
      });

      expect(items).to.have.length(1);
      expect(items[0]).to.deep.include({ outcome: 'maybe' });
      expect(items[0]?.company.id).to.equal(monde);
      expect(items[0]?.fields.sort()).to.deep.equal([
        'email',
        'phone',
        'website',
      ]);
    });

    it('finds nothing for an outlet the base does not hold', async () => {
      expect(await check({ name: 'Ouest-France' })).to.deep.equal([]);
    });

    it('refuses a company without a name, naming the field', async () => {
      const answer = await api.post(
        'editor',
        '/api/companies/possible-duplicates',
        { name: ' ' },
      );

      expect(answer.status).to.equal(400);
      expect(answer.body.error.fields[0].path).to.equal('name');
    });
  });

  describe('GET /api/companies/:id/audit', () => {
    it('tells who created, changed, deleted and restored a company', async () => {
      const created = await api.post('editor', '/api/companies', {
        name: 'Radio Horizon',
        city: 'Lyon',
      });
      const id = created.body.id;
      const saved = await h.request
        .put(`/api/companies/${id}`)
        .set({ Authorization: `Bearer ${h.tokens.editor}`, 'If-Match': '"1"' })
        .send({ name: 'Radio Horizon', city: 'Villeurbanne' });
      expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
      expect(saved.headers.etag).to.equal('"2"');
      const stale = await api.put('editor', `/api/companies/${id}`, {
        name: 'Radio Horizon',
        city: 'Bron',
        version: 1,
      });
      expect(stale.status).to.equal(409);
      expect(stale.body.error.code).to.equal('VERSION_CONFLICT');
      expect((await api.del('editor', `/api/companies/${id}`)).status).to.equal(
        204,
      );
      expect(
        (await api.post('admin', `/api/companies/${id}/restore`)).status,
      ).to.equal(200);

      const audit = await api.get('editor', `/api/companies/${id}/audit`);
      expect(audit.status).to.equal(200);
      type Event = {
        action: string;
        actorLabel: string;
        before: { city?: string } | null;
        after: { city?: string; version?: number } | null;
      };
      const events = audit.body.items as Event[];
      expect(events.map((e) => e.action)).to.deep.equal([
        'restore',
        'delete',
        'update',
        'create',
      ]);
      const update = events[2] as Event;
      expect(update.before?.city).to.equal('Lyon');
      expect(update.after).to.deep.include({
        city: 'Villeurbanne',
        version: 2,
      });
      expect(update.actorLabel).to.be.a('string').and.not.equal('');
    });

    it('answers 404 for a company that does not exist', async () => {
      const audit = await api.get('editor', '/api/companies/999999/audit');

      expect(audit.status).to.equal(404);
    });
  });

  describe('GET /api/contacts/:id/lists and /api/companies/:id/lists', () => {
    it('names the live lists a record belongs to, with their owner', async () => {
      const contact = await api.post('editor', '/api/contacts', {
        lastName: 'Membre',
      });
      const company = await api.post('editor', '/api/companies', {
        name: 'Agence Membre',
      });
      const make = async (name: string, entity: string, ids: number[]) =>
        (
          await api.post('editor', '/api/lists', {
            name,
            entity,
            source: { kind: 'ids', ids },
          })
        ).body.id as number;
      await make('Vœux 2027', 'contact', [contact.body.id]);
      const gone = await make('Ancienne', 'contact', [contact.body.id]);
      await make('Agences', 'company', [company.body.id]);
      await api.del('editor', `/api/lists/${gone}`);

      const ofContact = await api.get(
        'editor',
        `/api/contacts/${contact.body.id}/lists`,
      );
      const ofCompany = await api.get(
        'editor',
        `/api/companies/${company.body.id}/lists`,
      );

      expect(ofContact.status).to.equal(200);
      expect(
        ofContact.body.items.map((l: { name: string }) => l.name),
      ).to.deep.equal(['Vœux 2027']);
      expect(ofContact.body.items[0].ownerName).to.equal(h.editor.displayName);
      expect(
        ofCompany.body.items.map((l: { name: string }) => l.name),
      ).to.deep.equal(['Agences']);
      expect(
        (await api.get('editor', '/api/contacts/999999/lists')).status,
      ).to.equal(404);
    });
  });
});
