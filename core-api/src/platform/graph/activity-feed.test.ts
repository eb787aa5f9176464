import { expect } from 'chai';
import { startOidcIssuer, type OidcIssuer } from '../../test/oidc-issuer.ts';
import { startGraphPeer, type GraphPeer } from '../../test/graph-peer.ts';
import {
  GraphActivityFeed,
  retryAfterSeconds,
  type ActivityNotification,
} from './activity-feed.ts';

const activity: ActivityNotification = {
  topic: {
    source: 'text',
    value: 'Presse régionale',
    webUrl: 'https://teams.microsoft.com/l/entity/app/mesListes',
  },
  activityType: 'changeRequested',
  previewText: { content: 'Paul propose une modification.' },
  templateParameters: [{ name: 'count', value: '1' }],
  teamsAppId: 'c5a00d4a-9bd5-47b0-ba05-d9150004ba61',
};

describe('Graph activity feed', () => {
  let issuer: OidcIssuer;
  let peer: GraphPeer;
  let feed: GraphActivityFeed;

  before(async () => {
    // Only for its certificate authority: the peer serves HTTPS with it.
    issuer = await startOidcIssuer();
    peer = await startGraphPeer(issuer.ca);
    feed = new GraphActivityFeed({ baseUrl: peer.url, ca: issuer.ca.caPem });
  });

  after(async () => {
    await peer.close();
    await issuer.close();
  });

  it('posts the notification to the user’s activity feed with the bearer token', async () => {
    const outcome = await feed.notify('app-token', 'owner-oid', activity);

    expect(outcome).to.deep.equal({ kind: 'sent' });
    const call = peer.calls.at(-1);
    expect(call).to.deep.include({
      method: 'POST',
      path: '/v1.0/users/owner-oid/teamwork/sendActivityNotification',
      authorization: 'Bearer app-token',
      contentType: 'application/json',
    });
    expect(call?.body).to.deep.equal(activity);
  });

  it('reads throttling and its delay, in seconds or as a date', async () => {
    peer.answerNext(
      { status: 429, headers: { 'retry-after': '17' } },
      { status: 503, headers: { 'retry-after': '5' } },
    );

    expect(await feed.notify('t', 'u', activity)).to.deep.equal({
      kind: 'throttled',
      status: 429,
      retryAfterS: 17,
    });
    expect(await feed.notify('t', 'u', activity)).to.deep.include({
      kind: 'throttled',
      retryAfterS: 5,
    });
    const now = Date.parse('2026-12-04T10:00:00Z');
    expect(retryAfterSeconds('Fri, 04 Dec 2026 10:01:30 GMT', now)).to.equal(
      90,
    );
    expect(retryAfterSeconds(undefined)).to.equal(60);
  });

  it('tells a refusal for good from a failure worth another attempt', async () => {
    peer.answerNext(
      { status: 403, body: { error: { code: 'Forbidden', message: 'no' } } },
      { status: 500, body: { error: { code: 'generalException' } } },
      { status: 401 },
    );

    expect(await feed.notify('t', 'u', activity)).to.deep.equal({
      kind: 'refused',
      status: 403,
      code: 'Forbidden',
    });
    expect(await feed.notify('t', 'u', activity)).to.deep.include({
      kind: 'failed',
      status: 500,
    });
    expect(await feed.notify('t', 'u', activity)).to.deep.include({
      kind: 'failed',
      status: 401,
    });
  });

  it('reports an unreachable Graph as a failure, not a crash', async () => {
    const closed = new GraphActivityFeed({
      baseUrl: 'https://127.0.0.1:1',
      ca: issuer.ca.caPem,
      timeoutMs: 2000,
    });

    const outcome = await closed.notify('t', 'u', activity);
    expect(outcome).to.include({ kind: 'failed', status: null });
  });

  it('refuses plain http: the token would travel in clear', async () => {
    const clear = new GraphActivityFeed({ baseUrl: 'http://127.0.0.1:9' });

    const outcome = await clear.notify('t', 'u', activity);
    expect(outcome).to.include({ kind: 'failed' });
    expect((outcome as { reason: string }).reason).to.match(/https/);
  });
});
