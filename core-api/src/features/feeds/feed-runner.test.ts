import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { systemActor, type Ctx } from '../../platform/context.ts';
import type { FeedRow } from '../../platform/db/models.ts';
import { parseInput } from '../../platform/http/validate.ts';
import { describeEachDatabase } from '../../test/databases.ts';
import { memoryLogger } from '../../test/memory-logger.ts';
import { allowHost } from './allowed-hosts.service.ts';
import { runFeed, type FeedRunDeps } from './feed-runner.ts';
import { feedInput } from './feeds.schemas.ts';
import { createFeed, listAlerts, presentRun } from './feeds.service.ts';
import { feedHost, startTestServer, tableResolver } from './test-server.ts';

const header = 'Identifiant;Civilité;Prénom;Nom;Email;Société';
const anne = 'A1;Mme;Anne;Lefèvre;anne.lefevre@exemple.fr;Le Progrès';
const bruno = 'A2;M.;Bruno;Martin;bruno.martin@exemple.fr;Ouest-France';
const brunoMoved =
  'A2;M.;Bruno;Martin;bruno.martin@ouest-france.fr;Ouest-France';
const chloe = 'A3;Mme;Chloé;Durand;chloe.durand@exemple.fr;La Dépêche';
const denis = 'F1;M.;Denis;Roux;denis.roux@exemple.fr;Sud Ouest';
const elise = 'F2;Mme;Élise;Faure;elise.faure@exemple.fr;Le Télégramme';
const elise2 = 'F2;Mme;Élise;Faure;elise.faure@letelegramme.fr;Le Télégramme';
const fanny = 'F3;Mme;Fanny;Girard;fanny.girard@exemple.fr;Nice-Matin';
const csv = (...rows: string[]) => `${[header, ...rows].join('\n')}\n`;

describeEachDatabase('feed runs', (db) => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let feedsDir: string;
  let deps: FeedRunDeps;
  let served = csv(anne, bruno, chloe);
  const { log, lines } = memoryLogger();
  const ctx = (): Ctx => ({
    db: db(),
    log,
    actor: systemActor,
    region: 'FR',
  });
  const url = (path: string, host = feedHost) =>
    `https://${host}:${server.port}${path}`;
  const newFeed = async (fields: Record<string, unknown>) => {
    const dto = await createFeed(
      ctx(),
      parseInput(feedInput, {
        schedule: { kind: 'every', minutes: 60 },
        ...fields,
      }),
      feedsDir,
    );
    return (await db().models.Feed.findByPk(dto.id)) as FeedRow;
  };
  const run = async (feed: FeedRow) =>
    presentRun(
      await runFeed(ctx(), (await feed.reload()) as FeedRow, deps, {
        cause: 'manual',
      }),
    );
  const contact = (feedId: number, externalId: string) =>
    db().models.Contact.findOne({
      where: { externalSource: `feed:${feedId}`, externalId },
      include: ['emails'],
      paranoid: false,
    });

  before(async () => {
    server = await startTestServer();
    server.routes.set('/contacts.csv', (_request, response) => {
      response.setHeader('content-type', 'text/csv; charset=utf-8');
      response.end(served);
    });
    server.routes.set('/broken.csv', (_request, response) => {
      response.statusCode = 503;
      response.end('maintenance');
    });
    feedsDir = mkdtempSync(join(tmpdir(), 'relais-feeds-'));
    deps = {
      feedsDir,
      fetch: {
        resolve: tableResolver({ [feedHost]: ['127.0.0.1'] }),
        ca: server.ca,
      },
      settleMs: 0,
    };
    await allowHost(ctx(), { host: feedHost, note: 'serveur de test' });
  });
  after(async () => {
    await server.close();
    rmSync(feedsDir, { recursive: true, force: true });
  });

  it('imports a file served over HTTPS, then updates and deactivates on the next run', async () => {
    const feed = await newFeed({
      name: 'CRM partenaire',
      kind: 'url',
      url: url('/contacts.csv?token=t0k3n'),
      deactivateMissing: true,
    });

    const first = await run(feed);
    expect(first.status, JSON.stringify(first.error)).to.equal('succeeded');
    expect(first.counts).to.include({ rows: 3, created: 3, deactivated: 0 });
    expect(first.source).to.equal(url('/contacts.csv'));
    expect(first.batchId).to.be.a('number');

    served = csv(anne, brunoMoved);
    const second = await run(feed);
    expect(second.status, JSON.stringify(second.error)).to.equal('succeeded');
    expect(second.counts).to.include({ created: 0, deactivated: 1 });
    expect(second.counts?.updated).to.be.at.least(1);

    const gone = await contact(feed.id, 'A3');
    expect(gone?.deactivatedAt).to.be.instanceOf(Date);
    expect(gone?.deletedAt).to.equal(null);
    const moved = await contact(feed.id, 'A2');
    expect(moved?.emails?.map((email) => email.address)).to.include(
      'bruno.martin@ouest-france.fr',
    );
    expect((await contact(feed.id, 'A1'))?.deactivatedAt).to.equal(null);

    const third = await run(feed);
    expect(third.status).to.equal('unchanged');
    expect(third.batchId).to.equal(null);
  });

  it('records a failure on the run and the feed, in the audit and the log', async () => {
    const feed = await newFeed({
      name: 'Annuaire en panne',
      kind: 'url',
      url: url('/broken.csv?key=secret'),
    });
    const before = lines.length;

    const failed = await run(feed);
    expect(failed.status).to.equal('failed');
    expect(failed.error?.code).to.equal('HTTP_STATUS');
    expect(failed.error?.fr).to.include('503');
    expect(failed.error?.en).to.include('503');
    await feed.reload();
    expect(feed.consecutiveFailures).to.equal(1);
    expect(feed.lastFailureAt).to.be.instanceOf(Date);
    expect(feed.lastErrorFr).to.include('503');

    const audit = await db().models.AuditEvent.findOne({
      where: { action: 'feed.run.failed', entityId: String(feed.id) },
    });
    expect(audit?.entityType).to.equal('feed');
    const logged = lines
      .slice(before)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.msg === 'feed.run.failed');
    expect(logged).to.include({
      level: 50,
      feedId: feed.id,
      errorCode: 'HTTP_STATUS',
    });
    expect(lines.slice(before).join('')).not.to.match(
      /secret|broken|feeds\.relais/,
    );

    await run(feed);
    const alerts = await listAlerts(ctx());
    expect(alerts.find((alert) => alert.feedId === feed.id)).to.include({
      consecutiveFailures: 2,
      feedName: 'Annuaire en panne',
    });

    await feed.update({ url: url('/contacts.csv') });
    expect((await run(feed)).status).to.be.oneOf(['succeeded', 'unchanged']);
    await feed.reload();
    expect(feed.consecutiveFailures).to.equal(0);
    expect(feed.lastErrorFr).to.equal(null);
    expect(
      (await listAlerts(ctx())).map((alert) => alert.feedId),
    ).not.to.include(feed.id);
  });

  it('refuses an address on the server’s own network unless its host is allowed', async () => {
    const feed = await newFeed({
      name: 'Boucle locale',
      kind: 'url',
      url: `https://127.0.0.1:${server.port}/contacts.csv`,
    });
    const hits = server.hits.length;
    const refused = await run(feed);
    expect(refused.error?.code).to.equal('ADDRESS_REFUSED');
    expect(server.hits.length).to.equal(hits);
  });

  it('reads each new or changed file of a folder once', async () => {
    const folder = join(feedsDir, 'crm');
    mkdirSync(folder, { recursive: true });
    const put = (name: string, content: string, minutesAgo: number) => {
      const path = join(folder, name);
      writeFileSync(path, content);
      const when = new Date(Date.now() - minutesAgo * 60_000);
      utimesSync(path, when, when);
    };
    put('export-1.csv', csv(denis, elise), 30);
    put('notes.txt', 'pas un export', 30);
    const feed = await newFeed({
      name: 'Dépôt CRM',
      kind: 'folder',
      folderPath: 'crm',
      filePattern: 'export-*.csv',
    });

    const first = await run(feed);
    expect(first.status, JSON.stringify(first.error)).to.equal('succeeded');
    expect(first.source).to.equal('export-1.csv');
    expect(first.counts).to.include({ created: 2 });
    expect((await run(feed)).status).to.equal('unchanged');

    // Touched, same content: remembered by its hash, not read again.
    put('export-1.csv', csv(denis, elise), 10);
    expect((await run(feed)).status).to.equal('unchanged');

    put('export-2.csv', csv(denis, elise2, fanny), 5);
    put('export-3.csv', csv(denis), 4);
    const second = await run(feed);
    expect(second.source).to.equal('export-2.csv');
    expect(second.counts).to.include({ created: 1 });
    await feed.reload();
    expect(feed.nextRunAt!.getTime() - Date.now()).to.be.below(61_000);
    expect((await run(feed)).source).to.equal('export-3.csv');

    const files = await db().models.FeedFile.findAll({
      where: { feedId: feed.id },
    });
    expect(files.map((file) => file.fileName).sort()).to.deep.equal([
      'export-1.csv',
      'export-2.csv',
      'export-3.csv',
    ]);
  });

  it('reads a file rewritten within the same second, by its content', async () => {
    const folder = join(feedsDir, 'meme-seconde');
    mkdirSync(folder, { recursive: true });
    const path = join(folder, 'export.csv');
    const when = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    const put = (content: string) => {
      writeFileSync(path, content);
      utimesSync(path, when, when);
    };
    const gilles = 'G1;M.;Gilles;Petit;gilles.petit@exemple.fr;Var-Matin';
    put(csv(gilles));
    const feed = await newFeed({
      name: 'Réécrit',
      kind: 'folder',
      folderPath: 'meme-seconde',
    });
    expect((await run(feed)).counts).to.include({ created: 1 });

    // Same name, size and second: only the content tells the new version.
    const fixed = csv(gilles.replace('Petit', 'Petiz'));
    expect(fixed.length).to.equal(csv(gilles).length);
    put(fixed);
    const second = await run(feed);
    expect(second.status, JSON.stringify(second.error)).to.equal('succeeded');
    expect(second.counts).to.include({ updated: 1 });
    expect((await contact(feed.id, 'G1'))?.lastName).to.equal('Petiz');
    expect((await run(feed)).status).to.equal('unchanged');
  });

  it('remembers a file it could not import, and alerts once', async () => {
    const folder = join(feedsDir, 'vrac');
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'photo.csv'),
      Buffer.from([0xff, 0xd8, 0xff, 0, 1, 2]),
    );
    const feed = await newFeed({
      name: 'Dépôt en vrac',
      kind: 'folder',
      folderPath: 'vrac',
    });
    const refused = await run(feed);
    expect(refused.status).to.equal('failed');
    expect(refused.error?.code).to.equal('IMPORT_REFUSED');
    expect((await run(feed)).status).to.equal('unchanged');
  });

  it('reads a file again after a failure of its own, not after a refusal', async () => {
    const folder = join(feedsDir, 'reprise');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'gros.csv'), csv(anne, bruno, chloe));
    const feed = await newFeed({
      name: 'Reprise',
      kind: 'folder',
      folderPath: 'reprise',
    });
    const crashing: FeedRunDeps = {
      ...deps,
      pipeline: async () => {
        throw new Error('database went away');
      },
    };
    const crashed = presentRun(
      await runFeed(ctx(), feed, crashing, { cause: 'schedule' }),
    );
    expect(crashed.error).to.include({ code: 'INTERNAL' });
    expect(crashed.error?.en).not.to.include('database');
    const small: FeedRunDeps = {
      ...deps,
      fetch: { ...deps.fetch, maxBytes: 10 },
    };
    const tooLarge = presentRun(
      await runFeed(ctx(), feed, small, { cause: 'schedule' }),
    );
    expect(tooLarge.error).to.include({ code: 'TOO_LARGE' });
    expect(tooLarge.source).to.equal('gros.csv');
    // Refused for its size: remembered, not read again.
    expect((await run(feed)).status).to.equal('unchanged');
  });

  it('fails a folder feed whose folder left FEEDS_DIR through a link', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'relais-outside-'));
    try {
      const feed = await newFeed({
        name: 'Lien sortant',
        kind: 'folder',
        folderPath: 'sortie',
      });
      symlinkSync(outside, join(feedsDir, 'sortie'));
      const refused = await run(feed);
      expect(refused.error?.code).to.equal('FOLDER_REFUSED');
      const missing = await newFeed({
        name: 'Dossier absent',
        kind: 'folder',
        folderPath: 'absent',
      });
      expect((await run(missing)).error?.code).to.equal('FOLDER_UNREADABLE');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
