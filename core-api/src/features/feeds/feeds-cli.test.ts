import { spawn } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { runCliInProcess } from '../../test/run-cli.ts';

describe('relais feed and relais worker', function () {
  this.timeout(60_000);
  let dir: string;
  const env = () => ({
    ...process.env,
    DATABASE_URL: `sqlite:${join(dir, 'cli.sqlite')}`,
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
  });
  const relais = (...args: string[]) => runCliInProcess(env(), args);

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'relais-feed-cli-'));
    mkdirSync(join(dir, 'feeds', 'depot'), { recursive: true });
    const file = join(dir, 'feeds', 'depot', 'presse.csv');
    writeFileSync(file, 'Nom;Prénom;Email\nBlanc;Inès;ines.blanc@exemple.fr\n');
    const old = new Date(Date.now() - 60_000);
    utimesSync(file, old, old);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('adds a folder feed as the API would, lists, runs it, shows its runs', async () => {
    const refused = await relais(
      'feed',
      'add',
      'Dehors',
      '--folder',
      '../..',
      '--every',
      '30',
    );
    expect(refused.status).to.equal(1);
    expect(refused.stderr).to.include('folderPath');

    const added = await relais(
      'feed',
      'add',
      'Dépôt presse',
      '--folder',
      'depot',
      '--pattern',
      '*.csv',
      '--every',
      '30',
      '--json',
    );
    expect(added.status, added.stderr).to.equal(0);
    const feed = JSON.parse(added.stdout);
    expect(feed).to.include({ name: 'Dépôt presse', kind: 'folder' });

    const list = await relais('feed', 'list');
    expect(list.stdout).to.include('Dépôt presse');
    expect(list.stdout).to.include('toutes les 30 min');

    const run = await relais('feed', 'run', String(feed.id));
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.match(/succeeded .*presse\.csv : lignes 1, créés 1/);

    const runs = await relais('feed', 'runs', String(feed.id), '--json');
    const page = JSON.parse(runs.stdout);
    expect(page.items).to.have.length(1);
    expect(page.items[0]).to.include({ status: 'succeeded', cause: 'manual' });
  });

  it('runs the worker alone and stops it cleanly', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'core-api/src/main.ts', 'worker'],
      { cwd: process.cwd(), env: env(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`no start: ${output}`)),
        30_000,
      );
      child.stdout.on('data', () => {
        if (output.includes('tâches de fond démarrées')) {
          clearTimeout(timer);
          ready();
        }
      });
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    const exit = new Promise<string>((done) =>
      child.on('exit', (code, signal) => done(`${code} ${signal}`)),
    );
    child.kill('SIGTERM');
    expect(await exit, errors).to.equal('0 null');
  });
});
