import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { runCliInProcess } from '../../test/run-cli.ts';

describe('relais list', function () {
  this.timeout(60_000);
  let dir: string;
  const env = () => ({
    ...process.env,
    DATABASE_URL: `sqlite:${join(dir, 'cli.sqlite')}`,
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
  });
  const relais = (...args: string[]) => runCliInProcess(env(), args);
  const json = async (...args: string[]) => {
    const result = await relais(...args, '--json');
    expect(result.status, result.stderr).to.equal(0);
    return JSON.parse(result.stdout);
  };
  const owner = ['--as', 'proprio@example.org'];
  const colleague = ['--as', 'collegue@example.org'];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'relais-list-cli-'));
    for (const email of ['proprio@example.org', 'collegue@example.org']) {
      const added = await relais(
        'user',
        'add',
        email,
        '--password',
        'un mot de passe solide 42',
      );
      expect(added.status, added.stderr).to.equal(0);
    }
    const file = join(dir, 'presse.csv');
    writeFileSync(
      file,
      'Nom;Prénom\nMartin;Anne\nMartin;Bruno\nDurand;Chloé\n',
    );
    const imported = await relais('import', file);
    expect(imported.status, imported.stderr).to.equal(0);
    writeFileSync(
      join(dir, 'martin.json'),
      JSON.stringify({
        entity: 'contact',
        where: {
          op: 'and',
          items: [{ field: 'lastName', operator: 'eq', value: 'Martin' }],
        },
      }),
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('creates from a query, makes a colleague’s addition a request, decides it', async () => {
    const refused = await relais('list', 'create', '--name', 'Sans compte');
    expect(refused.status, 'a list belongs to an account').to.equal(1);
    expect(refused.stderr).to.include('--as');

    const list = await json(
      'list',
      'create',
      '--name',
      'Les Martin',
      '--from-query',
      join(dir, 'martin.json'),
      ...owner,
    );
    expect(list).to.include({ name: 'Les Martin', memberCount: 2 });
    const shown = await relais('list', 'show', String(list.id));
    expect(shown.stdout).to.include('Anne Martin');
    expect(shown.stdout).to.include('propriétaire : proprio');

    const durand = (await json('search', 'Durand')).items[0].id as number;
    const asked = await relais(
      'list',
      'add',
      String(list.id),
      '--contacts',
      String(durand),
      '--note',
      'à inviter',
      ...colleague,
    );
    expect(asked.status, asked.stderr).to.equal(0);
    expect(asked.stdout).to.include('Demandes envoyées au propriétaire : 1');
    expect(
      (await json('list', 'show', String(list.id))).list.memberCount,
    ).to.equal(2);

    const pending = await relais('list', 'pending', ...owner);
    expect(pending.stdout).to.include('ajouter Chloé Durand');
    expect(pending.stdout).to.include('en attente');
    const notMine = await relais(
      'list',
      'approve',
      '--all',
      String(list.id),
      ...colleague,
    );
    expect(notMine.status).to.equal(1);

    const approved = await relais(
      'list',
      'approve',
      '--all',
      String(list.id),
      ...owner,
      '--lang',
      'en',
    );
    expect(approved.status, approved.stderr).to.equal(0);
    expect(approved.stdout).to.include('add Chloé Durand');
    expect(approved.stdout).to.include('approved');
    expect(
      (await json('list', 'show', String(list.id))).list.memberCount,
    ).to.equal(3);
    const decided = await relais(
      'list',
      'requests',
      String(list.id),
      '--status',
      'all',
      ...owner,
    );
    expect(decided.stdout).to.include('« à inviter »');
    expect(decided.stdout).to.include(': appliquée');
    expect(decided.stdout).to.match(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(decided.stdout).not.to.match(/\d{4}-\d{2}-\d{2}T/);

    const history = await relais('list', 'history', String(list.id));
    expect(history.stdout).to.include('request_approved');
    expect(history.stdout).to.include('← collegue');

    const handed = await relais(
      'list',
      'hand-over',
      String(list.id),
      '--to',
      'collegue@example.org',
      ...owner,
    );
    expect(handed.status, handed.stderr).to.equal(0);
    expect(handed.stdout).to.include('propriétaire : collegue');
    const mine = await relais('list', 'ls', '--mine', ...colleague);
    expect(mine.stdout).to.include('Les Martin');
    const removed = await relais(
      'list',
      'remove',
      String(list.id),
      '--contacts',
      String(durand),
      ...colleague,
    );
    expect(removed.stdout).to.include('Appliqué : 1');
  });

  it('refuses contact ids on a list of companies, in French and English', async () => {
    const list = await json(
      'list',
      'create',
      '--name',
      'Rédactions',
      '--entity',
      'company',
      ...owner,
    );
    const mixed = await relais(
      'list',
      'add',
      String(list.id),
      '--contacts',
      '1',
      ...owner,
    );
    expect(mixed.status).to.equal(1);
    expect(mixed.stderr).to.include(
      'cette liste contient des sociétés, pas des contacts / ' +
        'this list holds companies, not contacts',
    );
    const neither = await relais('list', 'add', String(list.id), ...owner);
    expect(neither.status).to.equal(1);
    expect(neither.stderr).to.include('--companies');
    const shown = await json('list', 'show', String(list.id), ...owner);
    expect(shown.members.total).to.equal(0);
  });
});
