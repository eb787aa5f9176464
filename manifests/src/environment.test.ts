import { expect } from 'chai';
import {
  EnvironmentError,
  parseEnvironment,
  readEnvironment,
} from './environment.ts';
import { environmentPath } from './cli.ts';
import { clone, shippedEnvironment } from './test-support.ts';

describe('manifests: environment configuration', () => {
  const local = shippedEnvironment('local');
  const raw = { ...local, nameSuffix: undefined, accentColor: '#1F5FAD' };

  const problemsOf = (value: unknown) => {
    try {
      parseEnvironment(value, 'test');
    } catch (error) {
      expect(error).to.be.instanceOf(EnvironmentError);
      return (error as EnvironmentError).problems;
    }
    return [];
  };

  it('reads both shipped environment files', () => {
    const production = readEnvironment(environmentPath('production.example'));
    expect(production.name).to.equal('production');
    expect(production.baseUrl).to.equal('https://relais.example.org');
    expect(local.name).to.equal('local');
  });

  it('takes plain http only for 127.0.0.1 or localhost', () => {
    const loopback = { ...raw, baseUrl: 'http://127.0.0.1:3000/' };
    expect(parseEnvironment(loopback, 'test').baseUrl).to.equal(
      'http://127.0.0.1:3000',
    );
    const [problem] = problemsOf({
      ...raw,
      baseUrl: 'http://relais.example.org',
    });
    expect(problem).to.match(/^baseUrl: .*https:\/\//);
    expect(problemsOf({ ...raw, baseUrl: 'ftp://localhost' })[0]).to.match(
      /^baseUrl/,
    );
    expect(
      problemsOf({ ...raw, baseUrl: 'https://x.example.org/?a=1' })[0],
    ).to.match(/^baseUrl: .*\?/);
  });

  it('names every wrong field at once', () => {
    const wrong = clone(raw) as Record<string, unknown>;
    wrong.appId = 'not-a-guid';
    wrong.apiClientId = '1234';
    wrong.version = '1.0';
    wrong.accentColor = 'blue';
    wrong.developer = { ...local.developer, privacyUrl: 'http://example.org' };
    wrong.extra = true;
    const paths = problemsOf(wrong).map((problem) => problem.split(':')[0]);
    expect(paths).to.have.members([
      'appId',
      'apiClientId',
      'version',
      'accentColor',
      'developer.privacyUrl',
      '(racine / root)',
    ]);
  });

  it('lower-cases ids and refuses a reserved or malformed name', () => {
    const upper = { ...raw, appId: raw.appId.toUpperCase() };
    expect(parseEnvironment(upper, 'test').appId).to.equal(raw.appId);
    expect(problemsOf({ ...raw, name: 'generator' })[0]).to.match(/^name/);
    expect(problemsOf({ ...raw, name: 'Prod 1' })[0]).to.match(/^name/);
  });

  it('reports an unreadable file with its path', () => {
    expect(() => readEnvironment('/nonexistent/env.json'))
      .to.throw(EnvironmentError)
      .with.property('message')
      .that.contains('/nonexistent/env.json');
  });
});
