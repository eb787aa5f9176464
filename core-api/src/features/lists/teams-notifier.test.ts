import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { MsalGraphTokenSource } from '../../platform/auth/entra/graph-token-source.ts';
import { SigningKeys } from '../../platform/auth/entra/signing-keys.ts';
import type { UserRow } from '../../platform/db/models.ts';
import { GraphActivityFeed } from '../../platform/graph/activity-feed.ts';
import { parseInput } from '../../platform/http/validate.ts';
import type { JobQueue } from '../../platform/jobs/queue.ts';
import { runJobNow } from '../../platform/jobs/worker.ts';
import { describeEachDatabase } from '../../test/databases.ts';
import { startGraphPeer, type GraphPeer } from '../../test/graph-peer.ts';
import { actorOf, ctxFor } from '../../test/harness.ts';
import { memoryLogger } from '../../test/memory-logger.ts';
import { startOidcIssuer, type OidcIssuer } from '../../test/oidc-issuer.ts';
import { changeMembers } from './list-changes.ts';
import { setRequestNotifier } from './list-notify.ts';
import { listInput, memberChange } from './lists.schemas.ts';
import { createList } from './lists.service.ts';
import {
  listDeepLink,
  teamsNotifyHandler,
  teamsNotifyJob,
  teamsRequestNotifier,
  type TeamsNotifyDeps,
} from './teams-notifier.ts';

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(
    Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'),
  );
}

describeEachDatabase('Teams notification of list owners', (db) => {
  let issuer: OidcIssuer;
  let peer: GraphPeer;
  let deps: TeamsNotifyDeps;
  let owner: UserRow;
  let englishOwner: UserRow;
  let localOwner: UserRow;
  let proposer: UserRow;
  let contactIds: number[] = [];
  const clientId = randomUUID();
  const clientSecret = `secret-${randomUUID()}`;
  const teamsAppId = randomUUID();
  const ownerOid = randomUUID();
  const logs = memoryLogger();

  const ctx = (user: UserRow) => ctxFor(db(), actorOf(user));
  const newList = async (user: UserRow, name: string) =>
    createList(
      ctx(user),
      parseInput(listInput, {
        name,
        source: { kind: 'ids', ids: [contactIds[0]] },
      }),
    );
  /** The proposer asks for one addition; returns the job queued for it. */
  async function propose(listId: number, contactId: number) {
    const report = await changeMembers(
      ctx(proposer),
      listId,
      'add',
      parseInput(memberChange, { entity: 'contact', ids: [contactId] }),
    );
    expect(report.mode).to.equal('requested');
    const job = await db().models.Job.findOne({
      where: { kind: teamsNotifyJob },
      order: [['id', 'DESC']],
    });

    return { report, job: job! };
  }
  const run = (jobId: number) =>
    runJobNow(
      { db: db(), log: logs.log, config: { DEFAULT_REGION: 'FR' } },
      { [teamsNotifyJob]: teamsNotifyHandler(deps) },
      jobId,
    );
  const jobRow = async (id: number) => (await db().models.Job.findByPk(id))!;

  before(async () => {
    issuer = await startOidcIssuer();
    peer = await startGraphPeer(issuer.ca);
    issuer.register({
      clientId,
      clientSecret,
      audiences: [clientId],
      appRoles: ['TeamsActivity.Send'],
    });
    deps = {
      teamsAppId,
      feed: new GraphActivityFeed({ baseUrl: peer.url, ca: issuer.ca.caPem }),
      tokens: new MsalGraphTokenSource({
        authority: issuer.url,
        tenantIds: issuer.tenantIds,
        clientId,
        clientSecret,
        ca: issuer.ca.caPem,
        keys: new SigningKeys({ authority: issuer.url, ca: issuer.ca.caPem }),
      }),
    };
    const { User, Contact } = db().models;
    const make = (email: string, extra: Partial<UserRow> = {}) =>
      User.create({
        email,
        displayName: email.split('@')[0]!,
        role: 'editor',
        passwordHash: null,
        totpSecret: null,
        lastSignInAt: null,
        ...extra,
      });
    owner = await make('claire.dupont@contoso.example', {
      displayName: 'Claire Dupont',
      identitySource: 'entra',
      entraTenantId: issuer.tenantIds[0],
      entraObjectId: ownerOid,
    });
    englishOwner = await make('jane.doe@contoso.example', {
      displayName: 'Jane Doe',
      locale: 'en',
      identitySource: 'entra',
      entraTenantId: issuer.tenantIds[0],
      entraObjectId: randomUUID(),
    });
    localOwner = await make('local.owner@relais.test');
    proposer = await make('paul.martin@contoso.example', {
      displayName: 'Paul Martin',
    });
    const contacts = await Contact.bulkCreate(
      ['Martin', 'Bernard', 'Durand', 'Petit', 'Moreau', 'Laurent'].map(
        (lastName) => ({ lastName, contactType: 'press' as const }),
      ),
    );
    contactIds = contacts.map((contact) => contact.id);
    setRequestNotifier(teamsRequestNotifier());
  });

  after(async () => {
    setRequestNotifier();
    await peer.close();
    await issuer.close();
  });

  it('sends the owner a Teams notification with an app token, pointing at the list', async () => {
    const list = await newList(owner, 'Presse régionale');
    const calls = peer.calls.length;
    const { job } = await propose(list.id, contactIds[1]!);
    expect(job.status).to.equal('queued');

    expect(await run(job.id)).to.equal(true);
    expect((await jobRow(job.id)).status).to.equal('done');
    expect(peer.calls).to.have.length(calls + 1);
    const call = peer.calls.at(-1)!;
    expect(call.path).to.equal(
      `/v1.0/users/${ownerOid}/teamwork/sendActivityNotification`,
    );
    const token = claimsOf(call.authorization!.slice('Bearer '.length));
    expect(token).to.deep.include({
      aud: 'https://graph.microsoft.com',
      appid: clientId,
      tid: issuer.tenantIds[0],
      roles: ['TeamsActivity.Send'],
    });
    expect(call.body).to.deep.equal({
      topic: {
        source: 'text',
        value: 'Presse régionale',
        webUrl: listDeepLink(teamsAppId, list.id),
      },
      activityType: 'changeRequested',
      previewText: {
        content:
          'Paul Martin propose une modification de la liste « Presse régionale ».',
      },
      templateParameters: [
        { name: 'proposer', value: 'Paul Martin' },
        { name: 'count', value: '1' },
        { name: 'list', value: 'Presse régionale' },
      ],
      teamsAppId,
    });
    expect(decodeURIComponent(listDeepLink(teamsAppId, list.id))).to.equal(
      `https://teams.microsoft.com/l/entity/${teamsAppId}/mesListes?context=` +
        `{"subEntityId":"liste-${list.id}"}`,
    );
    const exchange = issuer.requests.filter((r) => r.method === 'POST').at(-1);
    expect(exchange?.form).to.include({
      grant_type: 'client_credentials',
      client_id: clientId,
    });
  });

  it('writes the preview in the owner’s language', async () => {
    const list = await newList(englishOwner, 'Regional press');
    const { job } = await propose(list.id, contactIds[2]!);
    await run(job.id);

    expect(peer.calls.at(-1)?.body?.previewText).to.deep.equal({
      content: 'Paul Martin proposes a change to the list “Regional press”.',
    });
  });

  it('waits as long as Graph asks when it throttles, the request untouched', async () => {
    const list = await newList(owner, 'Radios');
    const { job, report } = await propose(list.id, contactIds[3]!);
    peer.answerNext({ status: 429, headers: { 'retry-after': '120' } });
    const before = Date.now();
    await run(job.id);

    const settled = await jobRow(job.id);
    expect(settled.status).to.equal('done');
    const again = await db().models.Job.findOne({
      where: { kind: teamsNotifyJob },
      order: [['id', 'DESC']],
    });
    expect(again!.id).to.not.equal(job.id);
    expect(again!.status).to.equal('queued');
    expect(JSON.parse(again!.payload)).to.include({
      listId: list.id,
      throttled: 1,
    });
    const wait = again!.runAt.getTime() - before;
    expect(wait).to.be.within(115_000, 125_000);
    const request = await db().models.ListChangeRequest.findByPk(
      report.requests[0],
    );
    expect(request?.status).to.equal('pending');
  });

  it('tries again later when Graph fails, and gives up at once when it refuses', async () => {
    const list = await newList(owner, 'Télévisions');
    const failing = await propose(list.id, contactIds[4]!);
    peer.answerNext({
      status: 500,
      body: { error: { code: 'generalException' } },
    });
    await run(failing.job.id);
    const retried = await jobRow(failing.job.id);
    expect(retried.status).to.equal('queued');
    expect(retried.attempts).to.equal(1);
    expect(retried.runAt.getTime()).to.be.greaterThan(Date.now());

    const refused = await propose(list.id, contactIds[5]!);
    peer.answerNext({
      status: 403,
      body: { error: { code: 'Forbidden', message: 'Missing role' } },
    });
    await run(refused.job.id);
    const given = await jobRow(refused.job.id);
    expect(given.status).to.equal('failed');
    expect(given.error).to.match(/403 Forbidden/);
  });

  it('skips an owner without an Entra ID identity, logging no personal data', async () => {
    const list = await newList(localOwner, 'Liste confidentielle');
    const calls = peer.calls.length;
    const { job } = await propose(list.id, contactIds[1]!);
    const lines = logs.lines.length;
    await run(job.id);

    expect(peer.calls).to.have.length(calls);
    expect(JSON.parse((await jobRow(job.id)).result ?? 'null')).to.deep.equal({
      sent: false,
      reason: 'owner_without_entra',
    });
    const logged = logs.lines.slice(lines).join('\n');
    expect(logged).to.contain('owner_without_entra');
    for (const secret of ['Liste confidentielle', 'Paul Martin', 'local.owner'])
      expect(logged).to.not.contain(secret);
  });

  it('never fails the change request when the notification cannot be queued', async () => {
    const list = await newList(owner, 'Agences');
    const broken = {
      enqueue: async () => {
        throw new Error('queue unreachable');
      },
    } as unknown as JobQueue;
    setRequestNotifier(teamsRequestNotifier(broken));
    try {
      const report = await changeMembers(
        ctx(proposer),
        list.id,
        'add',
        parseInput(memberChange, { entity: 'contact', ids: [contactIds[2]] }),
      );
      expect(report.mode).to.equal('requested');
      expect(report.requests).to.have.length(1);
    } finally {
      setRequestNotifier(teamsRequestNotifier());
    }
  });

  it('does not announce requests decided before the notification leaves', async () => {
    const list = await newList(owner, 'Magazines');
    const { job, report } = await propose(list.id, contactIds[3]!);
    await db().models.ListChangeRequest.update(
      { status: 'approved', decidedAt: new Date(), decidedById: owner.id },
      { where: { id: report.requests } },
    );
    const calls = peer.calls.length;
    await run(job.id);

    expect(peer.calls).to.have.length(calls);
    expect(JSON.parse((await jobRow(job.id)).result ?? 'null')).to.include({
      reason: 'already_decided',
    });
  });
});
