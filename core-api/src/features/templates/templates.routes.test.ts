import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { requestsOf, signedInApp, type Who } from '../../test/harness.ts';

type Harness = Awaited<ReturnType<typeof signedInApp>>;

const invitation = {
  name: 'Invitation point presse',
  description: 'Conférence de décembre',
  subject: 'Invitation, {{prenom|}} {{nom|}}',
  html:
    '<p>{{formule}} {{nom}},</p>' +
    '<p>Bonjour {{ Prénom | cher ami }}, de {{societe|votre rédaction}}.</p>' +
    '<p><a href="mailto:{{email}}">{{email}}</a></p>',
  language: 'fr',
};

describeEachDatabase('e-mail templates', (db) => {
  let h: Harness;
  let r: ReturnType<typeof requestsOf>;
  const created = async (who: Who, body: object) => {
    const answer = await r.post(who, '/api/email-templates', body);
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    return answer.body as { id: number; version: number; html: string };
  };
  const contact = async (body: object) => {
    const answer = await r.post('editor', '/api/contacts', body);
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    return answer.body.id as number;
  };
  const render = (id: number, emails: string[], who: Who = 'editor') =>
    r.post(who, `/api/email-templates/${id}/render`, {
      recipients: emails.map((email) => ({ email })),
    });
  let marie = 0;
  let paul = 0;
  let shared = 0;

  before(async () => {
    h = await signedInApp(db());
    r = requestsOf(h);
    const company = await r.post('editor', '/api/companies', {
      name: 'La Dépêche du Midi',
    });
    expect(company.status, JSON.stringify(company.body)).to.equal(201);
    const companyId = company.body.id as number;
    marie = await contact({
      civility: 'MME',
      firstName: 'Marie',
      lastName: 'Dupont',
      emails: [{ address: 'marie.dupont@ladepeche.fr', isPrimary: true }],
      affiliations: [{ companyId, function: 'Rédactrice en chef' }],
    });
    paul = await contact({
      civility: 'M',
      firstName: 'Paul',
      lastName: 'Martin',
      emails: [{ address: 'p.martin@ladepeche.fr' }],
      affiliations: [{ companyId, function: 'Journaliste' }],
    });
    shared = (await created('editor', { ...invitation, shared: true })).id;
  });

  describe('GET /api/email-templates/fields', () => {
    it('lists the merge fields DOCX letters use, with labels and examples', async () => {
      const answer = await r.get('other', '/api/email-templates/fields');
      expect(answer.status).to.equal(200);
      const prenom = answer.body.items.find(
        (f: { tag: string }) => f.tag === 'prenom',
      );
      expect(prenom).to.deep.equal({
        tag: 'prenom',
        names: { fr: 'Prénom', en: 'First_name' },
        label: { fr: 'Prénom', en: 'First name' },
        example: { fr: 'Marie', en: 'Marie' },
        aliases: [],
      });
      const tags = answer.body.items.map((f: { tag: string }) => f.tag);
      expect(tags).to.include.members([
        'civilite',
        'nom',
        'fonction',
        'societe',
        'formule',
      ]);
    });
  });

  describe('POST /api/email-templates', () => {
    it('saves a private template owned by its author, HTML cleaned, audited', async () => {
      const template = await created('editor', {
        ...invitation,
        name: 'Relance',
        html:
          '<p onclick="alert(1)">Bonjour {{prenom}}</p><script>alert(2)</script>' +
          '<a href="javascript:alert(3)">lien</a>',
      });
      expect(template).to.include({
        html: '<p>Bonjour {{prenom}}</p><a>lien</a>',
        shared: false,
        canEdit: true,
        language: 'fr',
        text: null,
      });
      expect(template).to.have.property('owner').that.deep.equals({
        id: h.editor.id,
        displayName: 'Eddie Editor',
      });
      expect(
        (template as unknown as { fields: string[] }).fields,
      ).to.deep.equal(['prenom', 'nom']);
      const audit = await db().models.AuditEvent.findOne({
        where: { entityType: 'email_template', entityId: String(template.id) },
      });
      expect(audit?.action).to.equal('create');
    });

    it('refuses an unknown merge field, naming it and the part it is in', async () => {
      const before = await db().models.EmailTemplate.count();
      const refused = await r.post('editor', '/api/email-templates', {
        ...invitation,
        subject: 'Bonjour {{surnom}}',
        html: '<p>{{prenom}} {{pointure|42}}</p>',
      });
      expect(refused.status).to.equal(400);
      expect(refused.body.error.message).to.include('{{surnom}}');
      const fields = refused.body.error.fields as {
        path: string;
        message: string;
      }[];
      expect(fields.map((f) => f.path)).to.deep.equal(['subject', 'html']);
      expect(fields[1]?.message).to.include('« pointure »');
      expect(fields[1]?.message).to.include('unknown merge field "pointure"');
      expect(await db().models.EmailTemplate.count()).to.equal(before);
    });

    it('refuses a body left empty by cleaning, and missing fields', async () => {
      const empty = await r.post('editor', '/api/email-templates', {
        ...invitation,
        html: '<script>alert(1)</script>',
      });
      expect(empty.status).to.equal(400);
      expect(empty.body.error.fields[0].path).to.equal('html');
      const missing = await r.post('editor', '/api/email-templates', {
        html: '<p>x</p>',
        subject: 'a\nb',
      });
      expect(missing.status).to.equal(400);
      const paths = missing.body.error.fields.map(
        (f: { path: string }) => f.path,
      );
      expect(paths).to.include.members(['name', 'subject']);
    });
  });

  describe('rights', () => {
    let privateId = 0;
    before(async () => {
      privateId = (await created('editor', { ...invitation, name: 'Perso' }))
        .id;
    });

    it('lists shared templates and the caller’s own, filtered by name', async () => {
      const mine = await r.get('editor', '/api/email-templates');
      const names = mine.body.items.map((t: { name: string }) => t.name);
      expect(names).to.include.members(['Invitation point presse', 'Perso']);
      const theirs = await r.get('other', '/api/email-templates');
      const ids = theirs.body.items.map((t: { id: number }) => t.id);
      expect(ids).to.include(shared);
      expect(ids).not.to.include(privateId);
      const filtered = await r.get('editor', '/api/email-templates?q=PERS');
      expect(
        filtered.body.items.map((t: { name: string }) => t.name),
      ).to.deep.equal(['Perso']);
      expect(filtered.body.items[0]).not.to.have.property('html');
    });

    it('hides others’ private templates; the whole list is for administrators', async () => {
      expect(
        (await r.get('other', `/api/email-templates/${privateId}`)).status,
      ).to.equal(404);
      expect(
        (await render(privateId, ['x@example.org'], 'other')).status,
      ).to.equal(404);
      expect(
        (await r.get('other', '/api/email-templates?scope=all')).status,
      ).to.equal(403);
      const all = await r.get('admin', '/api/email-templates?scope=all');
      expect(all.body.items.map((t: { id: number }) => t.id)).to.include(
        privateId,
      );
    });

    it('lets another editor use a shared template but not change or delete it', async () => {
      const read = await r.get('other', `/api/email-templates/${shared}`);
      expect(read.status).to.equal(200);
      expect(read.body.canEdit).to.equal(false);
      const changed = await r.put('other', `/api/email-templates/${shared}`, {
        ...invitation,
        version: read.body.version,
      });
      expect(changed.status).to.equal(403);
      expect(
        (await r.del('other', `/api/email-templates/${shared}`)).status,
      ).to.equal(403);
    });

    it('lets an administrator change a shared template, with the version read', async () => {
      const read = await r.get('admin', `/api/email-templates/${shared}`);
      expect(read.headers.etag).to.equal(`"${read.body.version}"`);
      const changed = await r.put('admin', `/api/email-templates/${shared}`, {
        ...invitation,
        shared: true,
        description: 'Mise à jour',
        version: read.body.version,
      });
      expect(changed.status, JSON.stringify(changed.body)).to.equal(200);
      expect(changed.body.version).to.equal(read.body.version + 1);
      expect(changed.body.updatedBy.id).to.equal(h.admin.id);
      expect(changed.body.owner.id).to.equal(h.editor.id);
    });

    it('refuses a stale version, in the body or in If-Match', async () => {
      const read = await r.get('editor', `/api/email-templates/${privateId}`);
      const first = await r.put('editor', `/api/email-templates/${privateId}`, {
        ...invitation,
        name: 'Perso',
        version: read.body.version,
      });
      expect(first.status).to.equal(200);
      const stale = await r.put('editor', `/api/email-templates/${privateId}`, {
        ...invitation,
        name: 'Perso 2',
        version: read.body.version,
      });
      expect(stale.status).to.equal(409);
      expect(stale.body.error.code).to.equal('VERSION_CONFLICT');
      const byHeader = await h.request
        .put(`/api/email-templates/${privateId}`)
        .set({ Authorization: `Bearer ${h.tokens.editor}` })
        .set('If-Match', `"${read.body.version}"`)
        .send({ ...invitation, name: 'Perso 3' });
      expect(byHeader.status).to.equal(409);
    });

    it('deletes softly, for its owner, with an audit event', async () => {
      const doomed = await created('editor', {
        ...invitation,
        name: 'Jetable',
      });
      expect(
        (await r.del('editor', `/api/email-templates/${doomed.id}`)).status,
      ).to.equal(204);
      expect(
        (await r.get('editor', `/api/email-templates/${doomed.id}`)).status,
      ).to.equal(404);
      const kept = await db().models.EmailTemplate.findByPk(doomed.id, {
        paranoid: false,
      });
      expect(kept?.deletedAt).to.be.instanceOf(Date);
      const audit = await db().models.AuditEvent.findOne({
        where: {
          entityType: 'email_template',
          entityId: String(doomed.id),
          action: 'delete',
        },
      });
      expect(audit).to.not.equal(null);
    });
  });

  describe('POST /api/email-templates/:id/render', () => {
    it('fills every field from the one known recipient, matched without case', async () => {
      const answer = await render(shared, ['Marie.Dupont@LaDepeche.fr']);
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
      expect(answer.body).to.deep.equal({
        subject: 'Invitation, Marie Dupont',
        html:
          '<p>Madame Dupont,</p><p>Bonjour Marie, de La Dépêche du Midi.</p>' +
          '<p><a href="mailto:marie.dupont@ladepeche.fr">marie.dupont@ladepeche.fr</a></p>',
        text:
          'Madame Dupont,\n\nBonjour Marie, de La Dépêche du Midi.\n\n' +
          'marie.dupont@ladepeche.fr',
        recipients: [{ email: 'Marie.Dupont@LaDepeche.fr', contactId: marie }],
        fallbacks: [],
      });
    });

    it('with several recipients fills shared values and falls back on the others', async () => {
      const answer = await render(shared, [
        'marie.dupont@ladepeche.fr',
        'p.martin@ladepeche.fr',
      ]);
      expect(answer.status).to.equal(200);
      expect(answer.body.subject).to.equal('Invitation,');
      expect(answer.body.html).to.equal(
        '<p>Madame, Monsieur ,</p><p>Bonjour cher ami, de La Dépêche du Midi.</p>' +
          '<p><a href="mailto:"></a></p>',
      );
      expect(answer.body.fallbacks).to.have.members([
        'prenom',
        'nom',
        'formule',
        'email',
      ]);
      expect(answer.body.recipients).to.deep.equal([
        { email: 'marie.dupont@ladepeche.fr', contactId: marie },
        { email: 'p.martin@ladepeche.fr', contactId: paul },
      ]);
    });

    it('counts an unknown recipient as sharing nothing', async () => {
      const answer = await render(shared, [
        'marie.dupont@ladepeche.fr',
        'inconnu@example.org',
      ]);
      expect(answer.body.html).to.include(
        'Bonjour cher ami, de votre rédaction.',
      );
      expect(answer.body.fallbacks).to.include('societe');
      expect(answer.body.recipients[1]).to.deep.equal({
        email: 'inconnu@example.org',
        contactId: null,
      });
      const alone = await render(shared, ['inconnu@example.org']);
      expect(alone.body.html).to.include('<p>Madame, Monsieur ,</p>');
    });

    it('escapes what contacts hold, and drops a link their data would make unsafe', async () => {
      await contact({
        firstName: '<img src=x onerror=alert(1)>',
        lastName: '"><script>alert(2)</script>',
        emails: [{ address: 'pirate@example.org' }],
        affiliations: [
          { companyName: 'Piraterie', function: 'javascript:alert(3)' },
        ],
      });
      const template = await created('editor', {
        ...invitation,
        name: 'Piège',
        html: '<p title="{{nom}}">{{prenom}} {{nom}}</p><a href="{{fonction}}">fonction</a>',
      });
      const answer = await render(template.id, ['pirate@example.org']);
      expect(answer.status).to.equal(200);
      expect(answer.body.html).to.equal(
        '<p title="&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;">' +
          '&lt;img src=x onerror=alert(1)&gt; "&gt;&lt;script&gt;alert(2)&lt;/script&gt;</p>' +
          '<a>fonction</a>',
      );
      expect(answer.body.subject).to.equal(
        'Invitation, <img src=x onerror=alert(1)> "><script>alert(2)</script>',
      );
    });

    it('refuses an empty or oversized list of recipients and bad addresses', async () => {
      const none = await r.post(
        'editor',
        `/api/email-templates/${shared}/render`,
        {
          recipients: [],
        },
      );
      expect(none.status).to.equal(400);
      const bad = await render(shared, ['pas-une-adresse']);
      expect(bad.status).to.equal(400);
      expect(bad.body.error.fields[0].path).to.equal('recipients.0.email');
      const many = await render(
        shared,
        Array.from({ length: 501 }, (_, i) => `r${i}@example.org`),
      );
      expect(many.status).to.equal(400);
    });
  });

  describe('POST /api/email-templates/preview', () => {
    it('fills a draft for a contact, and says what cleaning took out', async () => {
      const answer = await r.post('other', '/api/email-templates/preview', {
        subject: 'Pour {{prenom}}',
        html: '<p style="position:fixed">{{civilite}} {{nom}}</p><script>x</script>',
        contactId: paul,
      });
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
      expect(answer.body).to.deep.include({
        subject: 'Pour Paul',
        html: '<p>M. Martin</p>',
        text: 'M. Martin',
        fallbacks: [],
        contactId: paul,
      });
      expect(answer.body.removed).to.include.members([
        '<script>',
        'style: position',
      ]);
    });

    it('shows examples without a contact, in the template’s language', async () => {
      const answer = await r.post('other', '/api/email-templates/preview', {
        subject: '{{formule}}',
        html: '<p>{{civilite}} {{prenom}}</p>',
        language: 'en',
      });
      expect(answer.body.subject).to.equal('Dear Madam');
      expect(answer.body.html).to.equal('<p>Ms Marie</p>');
    });

    it('refuses an unknown field and an unknown contact', async () => {
      const unknown = await r.post('other', '/api/email-templates/preview', {
        html: '<p>{{inconnu}}</p>',
      });
      expect(unknown.status).to.equal(400);
      expect(unknown.body.error.fields[0].path).to.equal('html');
      const missing = await r.post('other', '/api/email-templates/preview', {
        html: '<p>x</p>',
        contactId: 999_999,
      });
      expect(missing.status).to.equal(404);
    });
  });
});
