import { spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'chai';

const dataFile = (name: string) =>
  resolve(process.cwd(), '..', 'shared', 'data', 'contacts', name);

describe('relais command line', function () {
  this.timeout(60_000);
  let dir: string;

  const relais = (
    args: string[],
    env: Record<string, string | undefined> = {},
  ) => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'core-api/src/main.ts', ...args],
      {
        cwd: process.cwd(),
        env: {
          ...process.env,
          DATABASE_URL: `sqlite:${join(dir, 'cli.sqlite')}`,
          DATA_DIR: dir,
          LOG_LEVEL: 'silent',
          ...env,
        },
        encoding: 'utf8',
      },
    );

    return {
      status: result.status,
      stdout: result.stdout,
      stderr: result.stderr,
    };
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'relais-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('creates accounts and prints JSON for scripts', () => {
    const admin = relais([
      'user',
      'add',
      'chef@example.org',
      '--admin',
      '--name',
      'Cheffe',
      '--json',
    ]);
    expect(admin.status, admin.stderr).to.equal(0);
    const created = JSON.parse(admin.stdout);
    expect(created.user).to.include({
      email: 'chef@example.org',
      role: 'admin',
      mustChangePassword: true,
    });
    expect(created.oneTimePassword).to.have.length(20);

    const editor = relais([
      'user',
      'add',
      'redac@example.org',
      '--password',
      'a long enough password',
      '--as',
      'chef@example.org',
    ]);
    expect(editor.status, editor.stderr).to.equal(0);
    expect(editor.stdout).to.include('redac@example.org (editor)');
  });

  it('imports a file as a named user and finds its people', () => {
    const imported = relais([
      'import',
      dataFile('csv/roundcube_all.csv'),
      '--as',
      'chef@example.org',
      '--json',
    ]);
    expect(imported.status, imported.stderr).to.equal(0);
    const report = JSON.parse(imported.stdout);
    expect(report.created).to.be.greaterThan(0);

    const found = relais(['search', 'last nam', '--json']);
    expect(found.status, found.stderr).to.equal(0);
    expect(JSON.parse(found.stdout).items.length).to.be.greaterThan(0);
  });

  it('keeps standard output for the result: logs go to standard error', () => {
    const imported = relais(
      ['import', dataFile('csv/thunderbird_basic.csv'), '--dry-run', '--json'],
      { LOG_LEVEL: 'info' },
    );
    expect(imported.status, imported.stderr).to.equal(0);
    expect(JSON.parse(imported.stdout).counts.create).to.be.greaterThan(0);
    expect(imported.stderr).to.include('import.batch.staged');
  });

  it('writes no log lines for a person unless LOG_LEVEL asks for them', () => {
    const imported = relais(
      ['import', dataFile('csv/thunderbird_basic.csv'), '--dry-run'],
      { LOG_LEVEL: undefined },
    );
    expect(imported.status, imported.stderr).to.equal(0);
    expect(imported.stderr).to.equal('');
  });

  it('refuses an account the API would refuse, naming each field', () => {
    const refused = relais([
      'user',
      'add',
      'not-an-email',
      '--password',
      'short',
    ]);
    expect(refused.status).to.equal(1);
    expect(refused.stderr).to.include('email: adresse e-mail invalide');
    expect(refused.stderr).to.include('password: 12 caractères au moins');
    expect(refused.stderr.trim().split('\n')).to.have.length(1);
  });

  it('stops with a reason naming HOST and PORT when it cannot listen', async () => {
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    const { port } = taken.address() as AddressInfo;
    try {
      const serving = relais(['serve'], { PORT: String(port) });
      expect(serving.status).to.equal(1);
      expect(serving.stderr).to.match(/HOST, PORT.*EADDRINUSE/);
      expect(serving.stdout).not.to.include('Relais est prêt');
    } finally {
      taken.close();
    }
  });

  it('checks a search as the API does: limit and length', () => {
    const badLimit = relais(['search', 'dupont', '--limit', 'abc']);
    expect(badLimit.status).to.equal(1);
    expect(badLimit.stderr).to.include('limit:');
    const tooLong = relais(['search', 'x'.repeat(201)]);
    expect(tooLong.status).to.equal(1);
    expect(tooLong.stderr).to.include('q:');
  });

  it('checks a file without writing anything with --dry-run', () => {
    const dry = relais([
      'import',
      dataFile('csv/thunderbird_basic.csv'),
      '--dry-run',
      '--json',
    ]);
    expect(dry.status, dry.stderr).to.equal(0);
    const report = JSON.parse(dry.stdout);
    expect(report.counts.create).to.be.greaterThan(0);
    expect(report.unmapped).to.be.an('array');
    const text = relais([
      'import',
      dataFile('csv/thunderbird_basic.csv'),
      '--dry-run',
    ]);
    expect(text.stdout).to.include('rien n’a été enregistré');
    expect(text.stdout).to.include('Colonnes ignorées');
  });

  it('refuses a bulk import by an editor', () => {
    const result = relais([
      'import',
      dataFile('csv/roundcube_all.csv'),
      '--as',
      'redac@example.org',
    ]);
    expect(result.status).to.equal(1);
    expect(result.stderr.trim().split('\n')).to.have.length(1);
    expect(result.stderr).to.match(/^relais: .*another role/);
  });

  it('fails with one line and a non-zero status on bad input', () => {
    const cases: [string[], RegExp, Record<string, string>?][] = [
      [
        ['import', join(dir, 'missing.csv')],
        /impossible de lire .* \/ cannot read/,
      ],
      [['frobnicate'], /commande inconnue .* \/ unknown command/],
      [
        ['search', 'x', '--as', 'ghost@example.org'],
        /aucun compte actif .* \/ no active account/,
      ],
      [['user', 'add'], /usage/],
      [['migrate'], /DATABASE_URL/, { DATABASE_URL: 'mysql://nope' }],
    ];
    for (const [args, reason, env] of cases) {
      const result = relais(args, env);
      expect(result.status, args.join(' ')).to.equal(1);
      expect(result.stderr.trim().split('\n'), args.join(' ')).to.have.length(
        1,
      );
      expect(result.stderr).to.match(reason);
    }
  });

  it('answers the failure in JSON too when asked', () => {
    const result = relais([
      'search',
      'x',
      '--as',
      'ghost@example.org',
      '--json',
    ]);
    expect(result.status).to.equal(1);
    expect(JSON.parse(result.stdout)).to.have.property('error');
  });
});
