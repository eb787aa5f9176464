import { expect } from 'chai';
import { describeEachDatabase } from '../../test/databases.ts';
import { actorOf, ctxFor, signedInApp } from '../../test/harness.ts';
import { recordInteraction } from './history.service.ts';

type Harness = Awaited<ReturnType<typeof signedInApp>>;
type Who = 'editor' | 'other' | 'admin';

describeEachDatabase('contact history of interactions', (db) => {
  let h: Harness;
  const auth = (who: Who) => ({ Authorization: `Bearer ${h.tokens[who]}` });
  const get = (who: Who, path: string) => h.request.get(path).set(auth(who));
  const post = (who: Who, path: string, body: object = {}) =>
    h.request.post(path).set(auth(who)).send(body);
  const del = (who: Who, path: string) => h.request.delete(path).set(auth(who));
  const contact = async (body: object) => {
    const created = await post('editor', '/api/contacts', body);
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    return created.body.id as number;
  };
  const history = (id: number, query = '') =>
    get('editor', `/api/contacts/${id}/interactions${query}`);
  let marie = 0;
  let paul = 0;

  before(async () => {
    h = await signedInApp(db());
    marie = await contact({
      firstName: 'Marie',
      lastName: 'Dupont',
      emails: [{ address: 'marie.dupont@ladepeche.fr', isPrimary: true }],
    });
    paul = await contact({
      firstName: 'Paul',
      lastName: 'Martin',
      emails: [{ address: 'p.martin@franceinfo.fr' }],
    });
  });

  describe('POST /api/contacts/:id/interactions', () => {
    it('records a call with its author, deletable by them', async () => {
      const created = await post(
        'editor',
        `/api/contacts/${marie}/interactions`,
        {
          kind: 'call',
          occurredAt: '2026-12-01T09:30:00+01:00',
          subject: 'Relance sur le communiqué',
          link: 'https://relais.example.org/envois/12',
        },
      );
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      expect(created.body).to.include({
        contactId: marie,
        kind: 'call',
        occurredAt: '2026-12-01T08:30:00.000Z',
        source: 'portal',
        deletable: true,
      });
      expect(created.body.author).to.deep.equal({
        id: h.editor.id,
        displayName: 'Eddie Editor',
      });
      const audit = await db().models.AuditEvent.findOne({
        where: { entityType: 'interaction', entityId: String(created.body.id) },
      });
      expect(audit?.action).to.equal('create');
    });

    it('refuses a kind only features write, a bad link and a bad date, naming each', async () => {
      const refused = await post(
        'editor',
        `/api/contacts/${marie}/interactions`,
        { kind: 'send', link: 'http://plain.example.org', occurredAt: 'hier' },
      );
      expect(refused.status).to.equal(400);
      const paths = refused.body.error.fields.map(
        (f: { path: string }) => f.path,
      );
      expect(paths).to.include.members(['kind', 'link', 'occurredAt']);
    });

    it('answers 404 for an unknown contact and 401 without a session', async () => {
      const missing = await post(
        'editor',
        '/api/contacts/999999/interactions',
        {
          kind: 'note',
        },
      );
      expect(missing.status).to.equal(404);
      const anonymous = await h.request
        .post(`/api/contacts/${marie}/interactions`)
        .send({ kind: 'note' });
      expect(anonymous.status).to.equal(401);
    });
  });

  describe('GET /api/contacts/:id/interactions', () => {
    before(async () => {
      for (const [kind, day] of [
        ['note', '2026-11-20'],
        ['meeting', '2026-12-03'],
        ['note', '2026-11-25'],
      ] as const) {
        const made = await post(
          'other',
          `/api/contacts/${marie}/interactions`,
          {
            kind,
            occurredAt: `${day}T10:00:00Z`,
          },
        );
        expect(made.status, JSON.stringify(made.body)).to.equal(201);
      }
    });

    it('lists the newest first, page by page', async () => {
      const first = await history(marie, '?pageSize=2');
      expect(first.status, JSON.stringify(first.body)).to.equal(200);
      expect(first.body.total).to.equal(4);
      expect(
        first.body.items.map((i: { kind: string }) => i.kind),
      ).to.deep.equal(['meeting', 'call']);
      const second = await history(marie, '?pageSize=2&page=2');
      expect(
        second.body.items.map((i: { occurredAt: string }) => i.occurredAt),
      ).to.deep.equal(['2026-11-25T10:00:00.000Z', '2026-11-20T10:00:00.000Z']);
    });

    it('filters by kind, and refuses an unknown one', async () => {
      const notes = await history(marie, '?kind=note,call');
      expect(notes.body.total).to.equal(3);
      const bad = await history(marie, '?kind=fax');
      expect(bad.status).to.equal(400);
    });

    it('lets only the author or an administrator delete', async () => {
      const page = await history(marie, '?kind=meeting');
      const meeting = page.body.items[0];
      expect(meeting.deletable).to.equal(false);
      expect(
        (await del('editor', `/api/interactions/${meeting.id}`)).status,
      ).to.equal(403);
      expect(
        (await del('other', `/api/interactions/${meeting.id}`)).status,
      ).to.equal(204);
      const notes = await history(marie, '?kind=note');
      const note = notes.body.items[0];
      expect(
        (await del('admin', `/api/interactions/${note.id}`)).status,
      ).to.equal(204);
      expect((await history(marie)).body.total).to.equal(2);
      expect(
        (await del('admin', `/api/interactions/${note.id}`)).status,
      ).to.equal(404);
    });
  });

  describe('POST /api/interactions/log-email', () => {
    const email = {
      internetMessageId: '<CAF1234.5678@mail.ladepeche.fr>',
      subject: 'Re: Festival d’automne',
      sentAt: '2026-12-02T16:05:00Z',
      from: { address: 'Marie.Dupont@ladepeche.fr', name: 'DUPONT Marie' },
      to: [{ address: 'presse@relais.example.org' }],
      cc: [{ address: 'p.martin@franceinfo.fr' }, { address: 'x@inconnu.fr' }],
      excerpt: 'Merci pour le dossier de presse.',
    };

    it('logs one line per contact: received from the sender, sent to the others', async () => {
      const logged = await post('editor', '/api/interactions/log-email', email);
      expect(logged.status, JSON.stringify(logged.body)).to.equal(200);
      expect(logged.body.logged).to.have.deep.members([
        {
          contactId: marie,
          interactionId: logged.body.logged.find(
            (l: { contactId: number }) => l.contactId === marie,
          ).interactionId,
          kind: 'email_in',
          status: 'created',
        },
        {
          contactId: paul,
          interactionId: logged.body.logged.find(
            (l: { contactId: number }) => l.contactId === paul,
          ).interactionId,
          kind: 'email_out',
          status: 'created',
        },
      ]);
      expect(logged.body.unknownAddresses).to.have.members([
        'presse@relais.example.org',
        'x@inconnu.fr',
      ]);
      const paulHistory = await history(paul);
      expect(paulHistory.body.items[0]).to.include({
        kind: 'email_out',
        source: 'outlook',
        subject: 'Re: Festival d’automne',
        summary: 'Merci pour le dossier de presse.',
        link: '<CAF1234.5678@mail.ladepeche.fr>',
        externalId: '<CAF1234.5678@mail.ladepeche.fr>',
      });
    });

    it('changes nothing when the same e-mail is logged again', async () => {
      const before = await db().models.Interaction.count();
      const again = await post('other', '/api/interactions/log-email', email);
      expect(again.status).to.equal(200);
      expect(
        again.body.logged.map((l: { status: string }) => l.status),
      ).to.deep.equal(['existing', 'existing']);
      expect(await db().models.Interaction.count()).to.equal(before);
    });

    it('refuses an e-mail without message id or date, naming both', async () => {
      const refused = await post('editor', '/api/interactions/log-email', {
        from: { address: 'a@b.fr' },
      });
      expect(refused.status).to.equal(400);
      const paths = refused.body.error.fields.map(
        (f: { path: string }) => f.path,
      );
      expect(paths).to.include.members(['internetMessageId', 'sentAt']);
    });
  });

  describe('recordInteraction (for sends and events)', () => {
    it('joins the caller’s transaction and is idempotent on the external id', async () => {
      const ctx = ctxFor(db(), actorOf(h.admin));
      const input = {
        contactId: paul,
        kind: 'send' as const,
        source: 'send' as const,
        subject: 'Communiqué : saison 2027',
        externalId: 'send:42:recipient:7',
      };
      const first = await db().sequelize.transaction((t) =>
        recordInteraction(ctx, input, t),
      );
      const second = await recordInteraction(ctx, input);
      expect(first.created).to.equal(true);
      expect(second.created).to.equal(false);
      expect(Number(second.row.id)).to.equal(Number(first.row.id));
      // A failed caller takes its interaction with it.
      await db()
        .sequelize.transaction(async (t) => {
          await recordInteraction(ctx, { ...input, externalId: 'send:43' }, t);
          throw new Error('the send failed');
        })
        .catch(() => undefined);
      const kept = await db().models.Interaction.count({
        where: { externalId: 'send:43' },
      });
      expect(kept).to.equal(0);
    });
  });

  describe('through a contact merge', () => {
    let a = 0;
    let b = 0;
    let mergeId = 0;
    let survivor = 0;
    let merged = 0;

    before(async () => {
      a = await contact({
        firstName: 'Jean',
        lastName: 'Durand',
        emails: [{ address: 'jean.durand@lemonde.fr', isPrimary: true }],
        affiliations: [{ companyName: 'Le Monde', function: 'Grand reporter' }],
      });
      b = await contact({
        firstName: 'Jean',
        lastName: 'DURAND',
        emails: [{ address: 'jean.durand@lemonde.fr' }],
      });
      await post('editor', `/api/contacts/${a}/interactions`, { kind: 'note' });
      await post('editor', `/api/contacts/${b}/interactions`, { kind: 'call' });
      // One e-mail logged to both: the survivor keeps a single line of it.
      const logged = await post('editor', '/api/interactions/log-email', {
        internetMessageId: '<shared@lemonde.fr>',
        sentAt: '2026-12-01T10:00:00Z',
        from: { address: 'jean.durand@lemonde.fr' },
      });
      expect(logged.body.logged).to.have.length(2);

      const scan = await post('admin', '/api/duplicates/scan');
      expect(scan.status, JSON.stringify(scan.body)).to.equal(200);
      const queue = await get('admin', '/api/duplicates');
      const pair = queue.body.items.find(
        (p: { a: { id: number }; b: { id: number } }) =>
          [p.a.id, p.b.id].includes(a) && [p.a.id, p.b.id].includes(b),
      );
      const done = await post('admin', `/api/duplicates/${pair.id}/merge`);
      expect(done.status, JSON.stringify(done.body)).to.equal(200);
      ({ survivorId: survivor, mergedId: merged, mergeId } = done.body);
    });

    it('moves the merged contact’s history to the survivor', async () => {
      const kinds = (await history(survivor)).body.items
        .map((i: { kind: string }) => i.kind)
        .sort();
      expect(kinds).to.deep.equal(['call', 'email_in', 'note']);
    });

    it('moves it back when the merge is undone', async () => {
      const undone = await post('admin', `/api/merges/${mergeId}/undo`);
      expect(undone.status, JSON.stringify(undone.body)).to.equal(200);
      const own = (id: number) =>
        history(id).then((r) =>
          r.body.items.map((i: { kind: string }) => i.kind).sort(),
        );
      const survivorKinds = await own(survivor);
      const mergedKinds = await own(merged);
      expect([...survivorKinds, ...mergedKinds].sort()).to.deep.equal([
        'call',
        'email_in',
        'email_in',
        'note',
      ]);
      expect(survivorKinds).to.include('email_in');
      expect(mergedKinds).to.include('email_in');
      expect(await db().models.InteractionMergeMove.count()).to.equal(0);
    });
  });
});
