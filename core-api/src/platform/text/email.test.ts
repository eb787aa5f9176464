import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { domainToUnicode } from 'node:url';
import { expect } from 'chai';
import { askedByStoredForm, emailForms, normaliseEmail } from './email.ts';

/** A shared list of addresses (Mailgun's, Wikipedia's), one a line, `#` for comments. */
const addressList = (name: string) =>
  readFileSync(
    join(import.meta.dirname, '../../../../../shared/data/email/misc', name),
    'utf8',
  )
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));

describe('email addresses', () => {
  it('accepts internationalised addresses, domain kept in Unicode', () => {
    expect(normaliseEmail('contact@société.fr')).to.equal('contact@société.fr');
    expect(normaliseEmail(' Élise@Exemple.FR ')).to.equal('élise@exemple.fr');
    expect(normaliseEmail('иван@пример.рф')).to.equal('иван@пример.рф');
    expect(normaliseEmail('jean.dupont+presse@lemonde.fr')).to.equal(
      'jean.dupont+presse@lemonde.fr',
    );
    expect(normaliseEmail("o'neill@rte.ie")).to.equal("o'neill@rte.ie");
  });

  it('writes one address one way: NFC, lower case, `xn--` read back', () => {
    const decomposed = 'e\u0301lise@socie\u0301te\u0301.fr';
    expect(normaliseEmail(decomposed)).to.equal('élise@société.fr');
    expect(normaliseEmail('CONTACT@XN--SOCIT-ESAB.FR')).to.equal(
      'contact@société.fr',
    );
    expect(normaliseEmail('иван@xn--e1afmkfd.xn--p1ai')).to.equal(
      'иван@пример.рф',
    );
    // Full-width letters, as some Asian keyboards type them.
    expect(normaliseEmail('jean@ｅｘｅｍｐｌｅ.fr')).to.equal(
      'jean@exemple.fr',
    );
  });

  it('reads `xn--` labels as Node’s own IDNA does', () => {
    for (const domain of [
      'xn--socit-esab.fr',
      'xn--e1afmkfd.xn--p1ai',
      'xn--r8jz45g.xn--zckzah',
      'xn--zca.de',
      'xn--mnchen-3ya.de',
      'xn--bcher-kva.example',
      'xn--ls8h.la',
    ]) {
      expect(normaliseEmail(`a@${domain}`)).to.equal(
        `a@${domainToUnicode(domain)}`,
      );
    }
  });

  it('refuses what is not an address', () => {
    for (const garbage of [
      '',
      'jean',
      'jean@',
      '@lemonde.fr',
      'jean@@lemonde.fr',
      'jean dupont@lemonde.fr',
      'jean..dupont@lemonde.fr',
      '.jean@lemonde.fr',
      'jean.@lemonde.fr',
      'jean@lemonde',
      'jean@localhost',
      'jean@lemonde..fr',
      'jean@-lemonde.fr',
      'jean@lemonde.fr.',
      'jean@lemonde.123',
      'jean@1.2.3.4',
      'jean@[1.2.3.4]',
      'jean@le_monde.fr',
      'jean@lemonde.fr/x',
      'jean@lemonde.fr:25',
      'jean@xn--zz.fr',
      '"jean"@lemonde.fr',
      'jean@lemonde.fr>',
      'jean,marie@lemonde.fr',
      `${'a'.repeat(65)}@lemonde.fr`,
      `jean@${'a'.repeat(64)}.fr`,
    ]) {
      expect(normaliseEmail(garbage), garbage).to.equal(null);
    }
  });

  it('accepts every dot-atom address of the shared valid list, and every internationalised one', () => {
    const valid = addressList('flanker_mailbox_valid.txt');
    const international = valid.filter((line) => /[^\x00-\x7f]/.test(line));
    expect(international).to.have.length.greaterThan(5);
    for (const address of international) {
      expect(normaliseEmail(address), address).to.be.a('string');
    }
    expect(normaliseEmail('Dörte@Sörensen.example.com')).to.equal(
      'dörte@sörensen.example.com',
    );
    // Left out on purpose: quoted local parts and comments (pasting slips in
    // a contact file far more often than addresses), IP literals, and
    // domains with no dot or a top level that is no name (`@com`, `.123`).
    const dotAtoms = valid.filter((line) =>
      /^[^\s"()<>@]+@[^\s"()<>@[\]]+\.[a-z]{2,}$/i.test(line),
    );
    expect(dotAtoms).to.have.length.greaterThan(70);
    for (const address of dotAtoms) {
      expect(normaliseEmail(address), address).to.be.a('string');
    }
  });

  it('refuses every address of the shared invalid list', () => {
    const invalid = addressList('flanker_mailbox_invalid.txt');
    expect(invalid).to.have.length.greaterThan(50);
    for (const address of invalid) {
      expect(normaliseEmail(address), address).to.equal(null);
    }
  });

  it('gives every stored form to look an address up by', () => {
    expect(emailForms('Contact@Société.fr')).to.deep.equal([
      'contact@société.fr',
      'contact@xn--socit-esab.fr',
    ]);
    expect(emailForms('contact@xn--socit-esab.fr')).to.deep.equal([
      'contact@société.fr',
      'contact@xn--socit-esab.fr',
    ]);
    expect(emailForms('Jean@LeMonde.fr')).to.deep.equal(['jean@lemonde.fr']);
    expect(emailForms(' Pas Une Adresse ')).to.deep.equal(['pas une adresse']);
    expect([
      ...askedByStoredForm(['contact@société.fr', 'jean@lemonde.fr']),
    ]).to.deep.equal([
      ['contact@société.fr', ['contact@société.fr']],
      ['contact@xn--socit-esab.fr', ['contact@société.fr']],
      ['jean@lemonde.fr', ['jean@lemonde.fr']],
    ]);
  });
});
