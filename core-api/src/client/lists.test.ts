import { expect } from 'chai';
import { createRelaisClient } from './index.ts';

describe('typed client: lists', () => {
  const sent: { method: string; url: string; body: unknown }[] = [];
  const client = createRelaisClient({
    baseUrl: 'http://127.0.0.1:3000',
    getToken: () => 'jeton',
    fetch: async (input, init = {}) => {
      sent.push({
        method: init.method ?? 'GET',
        url: String(input),
        body:
          init.body === undefined ? undefined : JSON.parse(String(init.body)),
      });
      return Response.json({ ok: true });
    },
  });
  beforeEach(() => {
    sent.length = 0;
  });

  it('sends member changes and bulk decisions to the list’s own paths', async () => {
    await client.lists.addMembers(4, {
      entity: 'contact',
      ids: [1, 2],
      note: 'salon',
    });
    await client.lists.approve(4, { requestIds: [9] });
    await client.lists.reject(4);
    expect(sent).to.deep.equal([
      {
        method: 'POST',
        url: 'http://127.0.0.1:3000/api/lists/4/members/add',
        body: { entity: 'contact', ids: [1, 2], note: 'salon' },
      },
      {
        method: 'POST',
        url: 'http://127.0.0.1:3000/api/lists/4/requests/approve',
        body: { requestIds: [9] },
      },
      {
        method: 'POST',
        url: 'http://127.0.0.1:3000/api/lists/4/requests/reject',
        body: {},
      },
    ]);
  });

  it('reads pending requests, the badge count and a history page', async () => {
    await client.lists.pending({ scope: 'all', page: 2 });
    await client.lists.pendingCount();
    await client.lists.history(7, { pageSize: 20 });
    expect(sent.map((s) => `${s.method} ${s.url}`)).to.deep.equal([
      'GET http://127.0.0.1:3000/api/lists/pending?scope=all&page=2',
      'GET http://127.0.0.1:3000/api/me/pending-requests/count',
      'GET http://127.0.0.1:3000/api/lists/7/history?pageSize=20',
    ]);
  });
});
