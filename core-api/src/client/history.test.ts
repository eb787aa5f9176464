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
  'typed client: history and capture, against the API',
  (db) => {
    let server: Server;
    let client: RelaisClient;
    let contactId = 0;

    before(async () => {
      const h = await signedInApp(db());
      server = h.app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      const { port } = server.address() as AddressInfo;
      client = createRelaisClient({
        baseUrl: `http://127.0.0.1:${port}`,
        getToken: () => h.tokens.editor,
      });
      contactId = (
        await client.contacts.create({
          firstName: 'Léa',
          lastName: 'Garnier',
          emails: [{ address: 'lea.garnier@telerama.fr' }],
        })
      ).id;
    });
    after(() => new Promise((resolve) => server.close(resolve)));

    it('adds, lists, filters and deletes interactions', async () => {
      const note = await client.history.add(contactId, {
        kind: 'note',
        summary: 'Préfère être contactée le matin.',
      });
      await client.history.add(contactId, { kind: 'call' });
      const calls = await client.history.list(contactId, { kind: 'call' });
      expect(calls.items.map((i) => i.kind)).to.deep.equal(['call']);
      await client.history.remove(note.id);
      expect((await client.history.list(contactId)).total).to.equal(1);
    });

    it('logs an e-mail once, and suggests a contact from another', async () => {
      const email = {
        internetMessageId: '<abc@telerama.fr>',
        sentAt: '2026-12-04T08:00:00Z',
        from: { address: 'lea.garnier@telerama.fr' },
      };
      const first = await client.history.logEmail(email);
      const again = await client.history.logEmail(email);
      expect(first.logged[0]?.status).to.equal('created');
      expect(again.logged[0]?.status).to.equal('existing');
      const suggestion = await client.capture.suggest({
        displayName: 'Garnier, Léa',
        address: 'lea.garnier@telerama.fr',
        body: 'Merci !\n\n--\nLéa Garnier\nCritique cinéma\nTélérama\n',
      });
      expect(suggestion.draft.affiliations?.[0]?.companyName).to.equal(
        'Télérama',
      );
      expect(suggestion.possibleDuplicates[0]?.contact.id).to.equal(contactId);
    });

    it('raises the API’s error with its fields', async () => {
      const error = await client.history
        .add(contactId, { kind: 'note', link: 'ftp://x' })
        .catch((e: unknown) => e);
      expect(error).to.be.instanceOf(RelaisApiError);
      expect((error as RelaisApiError).fieldMessage('link')).to.match(/https/);
    });
  },
);
