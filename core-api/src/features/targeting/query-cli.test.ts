import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'chai';

const dataFile = (name: string) =>
  resolve(process.cwd(), '..', 'shared', 'data', 'contacts', name);

describe('relais query', function () {
  this.timeout(60_000);
  let dir: string;

  const relais = (args: string[]) => {
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
  const queryFile = (name: string, query: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(query));
    return path;
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'relais-query-'));
    const imported = relais(['import', dataFile('csv/roundcube_all.csv')]);
    expect(imported.status, imported.stderr).to.equal(0);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the count and the first rows in French, or in English', () => {
    const file = queryFile('with-email.json', {
      where: {
        op: 'and',
        items: [{ field: 'hasEmail', operator: 'is', value: true }],
      },
    });
    const french = relais(['query', '--file', file, '--channel', 'email']);
    expect(french.status, french.stderr).to.equal(0);
    expect(french.stdout).to.match(
      /^1 correspond, 0 exclu pour le canal e-mail .*1 retenu /,
    );
    expect(french.stdout).to.match(/Id +Nom +Type +Fonction +Organisation/);
    expect(french.stdout).to.include('home@example.com');

    const english = relais(['query', '--file', file, '--lang', 'en']);
    expect(english.stdout).to.match(/^1 matches \(/);
    expect(english.stdout).to.match(/Id +Name +Type +Function/);

    const json = relais(['query', '--file', file, '--json']);
    expect(JSON.parse(json.stdout).count).to.deep.equal({
      matched: 1,
      excluded: 0,
      included: 1,
    });
  });

  it("uses the file's channel unless the flag overrides it", () => {
    const file = queryFile('channel.json', {
      where: { op: 'and', items: [] },
      channel: 'email',
    });
    const own = relais(['query', '--file', file]);
    expect(own.status, own.stderr).to.equal(0);
    expect(own.stdout).to.match(/exclus? pour le canal e-mail/);
    const flag = relais(['query', '--file', file, '--channel', 'sms']);
    expect(flag.stdout).to.match(/exclus? pour le canal SMS/);
  });

  it('refuses a deeply nested file in French and English', () => {
    let group: unknown = { op: 'and', items: [] };
    for (let level = 0; level < 2_000; level += 1) {
      group = { op: 'or', items: [group] };
    }
    const file = queryFile('deep.json', { where: group });
    const deep = relais(['query', '--file', file]);
    expect(deep.status).to.equal(1);
    expect(deep.stderr).to.include('imbrication trop profonde');
    expect(deep.stderr).to.include('nested too deeply');
    expect(deep.stderr).not.to.include('Maximum call stack');
  });

  it('refuses a bad query, naming the criterion, and an unknown saved query', () => {
    const file = queryFile('bad.json', {
      where: {
        op: 'and',
        items: [{ field: 'department', operator: 'in', value: ['99'] }],
      },
    });
    const bad = relais(['query', '--file', file]);
    expect(bad.status).to.equal(1);
    expect(bad.stderr).to.include('where.items.0.value');

    const missing = relais(['query', '--saved', '999']);
    expect(missing.status).to.equal(1);
    expect(missing.stderr).to.include('introuvable');

    const neither = relais(['query']);
    expect(neither.status).to.equal(1);
    expect(neither.stderr).to.include('--file');
  });
});
