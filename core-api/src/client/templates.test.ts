import { expect } from 'chai';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { describeEachDatabase } from '../test/databases.ts';
import { signedInApp } from '../test/harness.ts';
import {
  createRelaisClient,
  RelaisApiError,
  type RelaisClient,
} from './index.ts';

describeEachDatabase(
  'typed client: e-mail templates and sender addresses, against the API',
  (db) => {
    let server: Server;
    let editor: RelaisClient;
    let admin: RelaisClient;

    before(async () => {
      const h = await signedInApp(db());
      server = h.app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      const { port } = server.address() as AddressInfo;
      const clientOf = (token: string) =>
        createRelaisClient({
          baseUrl: `http://127.0.0.1:${port}`,
          getToken: () => token,
        });
      editor = clientOf(h.tokens.editor);
      admin = clientOf(h.tokens.admin);
      await editor.contacts.create({
        firstName: 'Léa',
        lastName: 'Garnier',
        emails: [{ address: 'lea.garnier@telerama.fr' }],
      });
    });
    after(() => new Promise((resolve) => server.close(resolve)));

    it('writes a template, then fills it for an e-mail’s recipients', async () => {
      const fields = await editor.emailTemplates.fields();
      expect(fields.items.map((f) => f.tag)).to.include('prenom');
      const template = await editor.emailTemplates.create({
        name: 'Remerciement',
        subject: 'Merci {{prenom|}}',
        html: '<p>{{formule}}, merci {{prenom|à vous}} !</p>',
      });
      const updated = await editor.emailTemplates.update(template.id, {
        name: 'Remerciement',
        subject: 'Merci {{prenom|}}',
        html: '<p>{{formule}}, merci {{prenom|à vous}} !</p>',
        shared: true,
        version: template.version,
      });
      expect(updated.shared).to.equal(true);
      const listed = await editor.emailTemplates.list({ q: 'remer' });
      expect(listed.items.map((t) => t.id)).to.deep.equal([template.id]);
      const filled = await editor.emailTemplates.render(template.id, [
        { email: 'lea.garnier@telerama.fr', name: 'Léa Garnier' },
      ]);
      expect(filled.subject).to.equal('Merci Léa');
      expect(filled.html).to.equal('<p>Madame, Monsieur, merci Léa !</p>');
      const preview = await editor.emailTemplates.preview({
        subject: '{{nom}}',
        html: '<p>{{prenom}}</p>',
      });
      expect(preview.html).to.equal('<p>Marie</p>');
      await editor.emailTemplates.remove(template.id);
    });

    it('raises the API’s refusal of an unknown field, named', async () => {
      const error = await editor.emailTemplates
        .create({ name: 'x', subject: 'x', html: '<p>{{age}}</p>' })
        .catch((e: unknown) => e);
      expect(error).to.be.instanceOf(RelaisApiError);
      expect((error as RelaisApiError).fieldMessage('html')).to.include('age');
    });

    it('lets an administrator grant an address that the user then sees', async () => {
      const department = await admin.departments.create({
        name: 'Presse',
        code: 'PRESSE',
      });
      const users = await admin.users.list();
      const me = users.items.find((u) => u.email.startsWith('editor-'))!;
      const moved = await admin.users.setDepartment(me.id, department.id);
      expect(moved.departmentId).to.equal(department.id);
      const sender = await admin.senderAddresses.create({
        address: 'presse@relais.example',
        displayName: 'Presse',
        departmentIds: [department.id],
        defaultForDepartmentIds: [department.id],
      });
      const mine = await editor.senderAddresses.mine();
      expect(mine.items).to.deep.equal([
        {
          id: sender.id,
          address: 'presse@relais.example',
          displayName: 'Presse',
          replyTo: null,
          isDefault: true,
        },
      ]);
      const refused = await editor.senderAddresses
        .list()
        .catch((e: unknown) => e);
      expect((refused as RelaisApiError).status).to.equal(403);
    });
  },
);
