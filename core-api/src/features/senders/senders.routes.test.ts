import { expect } from 'chai';
import { AppError } from '../../platform/http/errors.ts';
import { describeEachDatabase } from '../../test/databases.ts';
import {
  actorOf,
  ctxFor,
  requestsOf,
  signedInApp,
  type Who,
} from '../../test/harness.ts';
import { assertSenderAllowed } from './senders.service.ts';

type Harness = Awaited<ReturnType<typeof signedInApp>>;

describeEachDatabase('sender addresses and departments', (db) => {
  let h: Harness;
  let r: ReturnType<typeof requestsOf>;
  const made = async (path: string, body: object) => {
    const answer = await r.post('admin', path, body);
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    return answer.body;
  };
  const mine = async (who: Who) => {
    const answer = await r.get(who, '/api/me/sender-addresses');
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    return answer.body.items as {
      id: number;
      address: string;
      isDefault: boolean;
    }[];
  };
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.fail('should have been refused'),
      (error: unknown) => error as AppError,
    );
  let presse = 0;
  let direction = 0;

  before(async () => {
    h = await signedInApp(db());
    r = requestsOf(h);
  });

  describe('departments', () => {
    it('are created by administrators, codes in capitals and unique', async () => {
      const created = await made('/api/departments', {
        name: 'Service de presse',
        code: 'presse',
      });
      expect(created).to.include({ code: 'PRESSE', userCount: 0, version: 1 });
      presse = created.id;
      direction = (
        await made('/api/departments', { name: 'Direction', code: 'DIR' })
      ).id;
      const again = await r.post('admin', '/api/departments', {
        name: 'Presse bis',
        code: 'Presse',
      });
      expect(again.status).to.equal(409);
      expect(again.body.error.fields).to.deep.equal([
        { path: 'code', message: 'déjà pris / already taken' },
      ]);
      const bad = await r.post('admin', '/api/departments', {
        name: '',
        code: 'é!',
      });
      expect(bad.status).to.equal(400);
      expect(
        bad.body.error.fields.map((f: { path: string }) => f.path),
      ).to.have.members(['name', 'code']);
    });

    it('are refused to editors, who may read them', async () => {
      expect(
        (await r.post('editor', '/api/departments', { name: 'X', code: 'X' }))
          .status,
      ).to.equal(403);
      const list = await r.get('editor', '/api/departments');
      expect(list.status).to.equal(200);
      expect(
        list.body.items.map((d: { code: string }) => d.code),
      ).to.include.members(['PRESSE', 'DIR']);
    });

    it('are renamed with the version read, and audited', async () => {
      const renamed = await r.put('admin', `/api/departments/${direction}`, {
        name: 'Direction générale',
        code: 'DG',
        version: 1,
      });
      expect(renamed.status, JSON.stringify(renamed.body)).to.equal(200);
      expect(renamed.body).to.include({ code: 'DG', version: 2 });
      const stale = await r.put('admin', `/api/departments/${direction}`, {
        name: 'Direction',
        code: 'DG',
        version: 1,
      });
      expect(stale.status).to.equal(409);
      const audit = await db().models.AuditEvent.count({
        where: { entityType: 'department', entityId: String(direction) },
      });
      expect(audit).to.equal(2);
    });
  });

  describe('a user’s department', () => {
    it('is set by an administrator and shown in the users list', async () => {
      const set = await r.put('admin', `/api/users/${h.editor.id}/department`, {
        departmentId: presse,
      });
      expect(set.status, JSON.stringify(set.body)).to.equal(200);
      expect(set.body).to.include({ id: h.editor.id, departmentId: presse });
      const users = await r.get('admin', '/api/users');
      const editor = users.body.items.find(
        (u: { id: number }) => u.id === h.editor.id,
      );
      expect(editor.departmentId).to.equal(presse);
      const other = users.body.items.find(
        (u: { id: number }) => u.id === h.other.id,
      );
      expect(other.departmentId).to.equal(null);
    });

    it('refuses an unknown department, and editors', async () => {
      const unknown = await r.put(
        'admin',
        `/api/users/${h.editor.id}/department`,
        { departmentId: 999_999 },
      );
      expect(unknown.status).to.equal(400);
      expect(unknown.body.error.fields[0].path).to.equal('departmentId');
      expect(
        (
          await r.put('editor', `/api/users/${h.other.id}/department`, {
            departmentId: presse,
          })
        ).status,
      ).to.equal(403);
    });

    it('can be given when the account is created', async () => {
      const created = await r.post('admin', '/api/users', {
        email: 'Nouvelle@Relais.example',
        displayName: 'Nina Nouvelle',
        role: 'editor',
        departmentId: presse,
      });
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      expect(created.body.user.departmentId).to.equal(presse);
    });
  });

  describe('sender addresses', () => {
    let pressAddress = 0;
    let board = 0;
    let dormant = 0;

    before(async () => {
      pressAddress = (
        await made('/api/sender-addresses', {
          address: 'Presse@Relais.example',
          displayName: 'Service de presse',
          replyTo: 'redaction@relais.example',
          departmentIds: [presse],
          defaultForDepartmentIds: [presse],
        })
      ).id;
      board = (
        await made('/api/sender-addresses', {
          address: 'direction@relais.example',
          displayName: 'Direction',
          userIds: [h.other.id],
        })
      ).id;
      dormant = (
        await made('/api/sender-addresses', {
          address: 'ancienne@relais.example',
          displayName: 'Ancienne adresse',
          active: false,
          departmentIds: [presse],
        })
      ).id;
    });

    it('are stored in lower case with their rights', async () => {
      const read = await r.get(
        'admin',
        `/api/sender-addresses/${pressAddress}`,
      );
      expect(read.status).to.equal(200);
      expect(read.headers.etag).to.equal('"1"');
      expect(read.body).to.deep.include({
        address: 'presse@relais.example',
        displayName: 'Service de presse',
        replyTo: 'redaction@relais.example',
        active: true,
        users: [],
      });
      expect(read.body.departments).to.deep.equal([
        {
          id: presse,
          name: 'Service de presse',
          code: 'PRESSE',
          isDefault: true,
        },
      ]);
      const list = await r.get('admin', '/api/sender-addresses');
      expect(list.body.items).to.have.length(3);
    });

    it('are managed by administrators only', async () => {
      for (const answer of [
        await r.get('editor', '/api/sender-addresses'),
        await r.post('editor', '/api/sender-addresses', {
          address: 'moi@relais.example',
          displayName: 'Moi',
          userIds: [h.editor.id],
        }),
        await r.del('editor', `/api/sender-addresses/${board}`),
      ]) {
        expect(answer.status).to.equal(403);
      }
    });

    it('show each user the active ones they may use, their default first', async () => {
      expect(await mine('editor')).to.deep.equal([
        {
          id: pressAddress,
          address: 'presse@relais.example',
          displayName: 'Service de presse',
          replyTo: 'redaction@relais.example',
          isDefault: true,
        },
      ]);
      expect((await mine('other')).map((a) => a.address)).to.deep.equal([
        'direction@relais.example',
      ]);
      const all = (await mine('admin')).map((a) => a.address);
      expect(all).to.have.members([
        'presse@relais.example',
        'direction@relais.example',
      ]);
    });

    it('refuse a duplicate address, unknown grantees and a default without a grant', async () => {
      const duplicate = await r.post('admin', '/api/sender-addresses', {
        address: ' PRESSE@relais.example ',
        displayName: 'Doublon',
      });
      expect(duplicate.status).to.equal(409);
      expect(duplicate.body.error.fields[0].path).to.equal('address');
      const unknown = await r.post('admin', '/api/sender-addresses', {
        address: 'autre@relais.example',
        displayName: 'Autre',
        departmentIds: [999_999],
        userIds: [h.other.id, 888_888],
      });
      expect(unknown.status).to.equal(400);
      expect(
        unknown.body.error.fields.map((f: { path: string }) => f.path),
      ).to.deep.equal(['departmentIds.0', 'userIds.1']);
      const orphan = await r.post('admin', '/api/sender-addresses', {
        address: 'autre@relais.example',
        displayName: 'Autre',
        replyTo: 'pas une adresse',
        defaultForDepartmentIds: [presse],
      });
      expect(orphan.status).to.equal(400);
      expect(
        orphan.body.error.fields.map((f: { path: string }) => f.path),
      ).to.have.members(['replyTo', 'defaultForDepartmentIds.0']);
    });

    it('move a department’s default to the address last chosen', async () => {
      const events = await made('/api/sender-addresses', {
        address: 'evenements@relais.example',
        displayName: 'Événements',
        departmentIds: [presse],
        defaultForDepartmentIds: [presse],
      });
      const defaults = (await mine('editor')).filter((a) => a.isDefault);
      expect(defaults.map((a) => a.id)).to.deep.equal([events.id]);
      const before = await r.get(
        'admin',
        `/api/sender-addresses/${pressAddress}`,
      );
      expect(before.body.departments[0].isDefault).to.equal(false);
      await r.del('admin', `/api/sender-addresses/${events.id}`);
    });

    it('refuse a stale version, and change rights with the version read', async () => {
      const read = await r.get('admin', `/api/sender-addresses/${board}`);
      const rights = {
        active: true,
        departmentIds: [],
        defaultForDepartmentIds: [],
      };
      const changed = await r.put('admin', `/api/sender-addresses/${board}`, {
        address: 'direction@relais.example',
        displayName: 'Direction générale',
        ...rights,
        userIds: [h.other.id, h.editor.id],
        version: read.body.version,
      });
      expect(changed.status, JSON.stringify(changed.body)).to.equal(200);
      expect(
        changed.body.users.map((u: { id: number }) => u.id),
      ).to.have.members([h.other.id, h.editor.id]);
      const stale = await r.put('admin', `/api/sender-addresses/${board}`, {
        address: 'direction@relais.example',
        displayName: 'Direction',
        ...rights,
        userIds: [],
        version: read.body.version,
      });
      expect(stale.status).to.equal(409);
      expect(stale.body.error.code).to.equal('VERSION_CONFLICT');
      expect((await mine('editor')).map((a) => a.address)).to.include(
        'direction@relais.example',
      );
      const restored = await r.put('admin', `/api/sender-addresses/${board}`, {
        address: 'direction@relais.example',
        displayName: 'Direction',
        ...rights,
        userIds: [h.other.id],
        version: changed.body.version,
      });
      expect(restored.status).to.equal(200);
    });

    it('replace the whole address on change: rights left out are refused by name', async () => {
      const read = await r.get('admin', `/api/sender-addresses/${board}`);
      const partial = await r.put('admin', `/api/sender-addresses/${board}`, {
        address: 'direction@relais.example',
        displayName: 'Direction',
        version: read.body.version,
      });
      expect(partial.status).to.equal(400);
      expect(
        partial.body.error.fields.map((f: { path: string }) => f.path),
      ).to.have.members([
        'active',
        'departmentIds',
        'userIds',
        'defaultForDepartmentIds',
      ]);
      const after = await r.get('admin', `/api/sender-addresses/${board}`);
      expect(after.body.version).to.equal(read.body.version);
      expect(after.body.users.map((u: { id: number }) => u.id)).to.deep.equal(
        read.body.users.map((u: { id: number }) => u.id),
      );
    });

    it('refuse a name over several lines, which would forge mail headers', async () => {
      const single =
        'une seule ligne, sans caractère de contrôle / ' +
        'a single line, without control characters';
      const forged = await r.post('admin', '/api/sender-addresses', {
        address: 'forge@relais.example',
        displayName: 'Presse\r\nBcc: cible@ailleurs.example',
      });
      expect(forged.status).to.equal(400);
      expect(forged.body.error.fields).to.deep.equal([
        { path: 'displayName', message: single },
      ]);
      const read = await r.get('admin', `/api/sender-addresses/${board}`);
      const renamed = await r.put('admin', `/api/sender-addresses/${board}`, {
        address: 'direction@relais.example',
        displayName: 'Direction\nGénérale',
        active: read.body.active,
        departmentIds: [],
        userIds: [],
        defaultForDepartmentIds: [],
        version: read.body.version,
      });
      expect(renamed.status).to.equal(400);
      expect(renamed.body.error.fields[0].path).to.equal('displayName');
      for (const name of ['Presse\rBcc: x', 'Presse\tcom', 'Presse\u2028x']) {
        const department = await r.post('admin', '/api/departments', {
          name,
          code: 'FORGE',
        });
        expect(department.status, JSON.stringify(name)).to.equal(400);
        expect(department.body.error.fields).to.deep.equal([
          { path: 'name', message: single },
        ]);
      }
      expect(
        await db().models.SenderAddress.count({
          where: { address: 'forge@relais.example' },
        }),
      ).to.equal(0);
    });

    it('lets sends check an address: refused naming it, allowed when granted', async () => {
      const editor = ctxFor(db(), actorOf(h.editor));
      expect(
        (await assertSenderAllowed(editor, pressAddress)).address,
      ).to.equal('presse@relais.example');
      const refused = await refusal(assertSenderAllowed(editor, board));
      expect(refused).to.be.instanceOf(AppError);
      expect(refused.code).to.equal('FORBIDDEN');
      expect(refused.messageFr).to.equal(
        'Vous n’êtes pas autorisé à envoyer depuis l’adresse direction@relais.example.',
      );
      expect(refused.messageEn).to.equal(
        'You are not allowed to send from the address direction@relais.example.',
      );
      const inactive = await refusal(assertSenderAllowed(editor, dormant));
      expect(inactive.messageFr).to.include('ancienne@relais.example');
      expect(inactive.reason).to.equal('sender_inactive');
      const missing = await refusal(assertSenderAllowed(editor, 999_999));
      expect(missing.code).to.equal('NOT_FOUND');
      const admin = ctxFor(db(), actorOf(h.admin));
      expect((await assertSenderAllowed(admin, board)).id).to.equal(board);
    });

    it('follow a user moved to another department', async () => {
      await r.put('admin', `/api/users/${h.editor.id}/department`, {
        departmentId: direction,
      });
      expect(await mine('editor')).to.deep.equal([]);
      const editor = ctxFor(db(), actorOf(h.editor));
      const refused = await refusal(assertSenderAllowed(editor, pressAddress));
      expect(refused.reason).to.equal('sender_not_allowed');
      await r.put('admin', `/api/users/${h.editor.id}/department`, {
        departmentId: presse,
      });
    });

    it('keep a department with users, delete an empty one with its rights', async () => {
      const busy = await r.del('admin', `/api/departments/${presse}`);
      expect(busy.status).to.equal(409);
      expect(busy.body.error.message).to.include('Service de presse');
      const empty = await made('/api/departments', {
        name: 'Communication interne',
        code: 'COM-INT',
      });
      const granted = await r.get('admin', `/api/sender-addresses/${board}`);
      await r.put('admin', `/api/sender-addresses/${board}`, {
        address: 'direction@relais.example',
        displayName: 'Direction',
        userIds: [h.other.id],
        departmentIds: [empty.id],
        version: granted.body.version,
      });
      expect(
        (await r.del('admin', `/api/departments/${empty.id}`)).status,
      ).to.equal(204);
      const after = await r.get('admin', `/api/sender-addresses/${board}`);
      expect(after.body.departments).to.deep.equal([]);
    });

    it('delete softly: gone from everyone’s choice, kept for the record', async () => {
      expect(
        (await r.del('admin', `/api/sender-addresses/${board}`)).status,
      ).to.equal(204);
      expect(await mine('other')).to.deep.equal([]);
      expect(
        (await r.get('admin', `/api/sender-addresses/${board}`)).status,
      ).to.equal(404);
      const kept = await db().models.SenderAddress.findByPk(board, {
        paranoid: false,
      });
      expect(kept?.deletedAt).to.be.instanceOf(Date);
      const again = await r.post('admin', '/api/sender-addresses', {
        address: 'direction@relais.example',
        displayName: 'Direction, à nouveau',
      });
      expect(again.status, JSON.stringify(again.body)).to.equal(201);
      const audit = await db().models.AuditEvent.findOne({
        where: {
          entityType: 'sender_address',
          entityId: String(board),
          action: 'delete',
        },
      });
      expect(JSON.parse(audit?.beforeData ?? '{}').userIds).to.deep.equal([
        h.other.id,
      ]);
    });
  });
});
