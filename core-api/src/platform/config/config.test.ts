import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'chai';
import { ConfigError, describeConfig, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('gives the embedded defaults when nothing is set', () => {
    const config = loadConfig({});

    expect(config.DATABASE_URL).to.equal('sqlite:data/relais.sqlite');
    expect(config.PORT).to.equal(3000);
    expect(config.HOST).to.equal('127.0.0.1');
    expect(config.DEFAULT_REGION).to.equal('FR');
  });

  it('names every wrong variable at once', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'loud',
      });
      expect.fail('should have thrown');
    } catch (error) {
      expect(error).to.be.instanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).to.include('PORT');
      expect(problems).to.include('DATABASE_URL');
      expect(problems).to.include('LOG_LEVEL');
    }
  });

  it('refuses a short secret key', () => {
    expect(() => loadConfig({ SECRET_KEY: 'short' })).to.throw(
      ConfigError,
      /SECRET_KEY/,
    );
  });

  it('refuses a default region that has no telephone numbering plan', () => {
    expect(() => loadConfig({ DEFAULT_REGION: 'XX' })).to.throw(
      ConfigError,
      /DEFAULT_REGION/,
    );
    expect(loadConfig({ DEFAULT_REGION: 'BE' }).DEFAULT_REGION).to.equal('BE');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '' }).PORT).to.equal(3000);
  });

  it('documents every variable, in the schema and in the README table', () => {
    const readme = readFileSync(resolve(process.cwd(), 'README.md'), 'utf8');
    for (const variable of describeConfig()) {
      expect(readme, variable.name).to.include(`| \`${variable.name}\` |`);
      expect(variable.description, variable.name).to.have.length.greaterThan(
        10,
      );
    }
  });
});
