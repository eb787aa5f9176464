import { expect } from 'chai';
import { hashPassword, verifyPassword, generatePassword } from './passwords.ts';
import { SecretBox } from './secret-box.ts';
import {
  base32Decode,
  base32Encode,
  otpauthUrl,
  totpAt,
  verifyTotp,
} from './totp.ts';

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('Mot de passe très long');

    expect(hash).to.match(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('Mot de passe très long', hash)).to.equal(true);
    expect(await verifyPassword('mot de passe très long', hash)).to.equal(
      false,
    );
    expect(await verifyPassword('x', 'garbage')).to.equal(false);
  });

  it('salts each hash', async () => {
    expect(await hashPassword('same')).not.to.equal(await hashPassword('same'));
  });

  it('generates passwords without look-alike characters', () => {
    const password = generatePassword();
    expect(password).to.have.length(20);
    expect(password).not.to.match(/[01OIlo]/);
  });
});

describe('TOTP', () => {
  // RFC 6238 appendix B, SHA-1 seed "12345678901234567890", 8 digits.
  const seed = base32Encode(Buffer.from('12345678901234567890'));
  const vectors: [number, string][] = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
  ];

  for (const [time, code] of vectors) {
    it(`matches RFC 6238 at T=${time}`, () => {
      expect(totpAt(seed, Math.floor(time / 30), 8)).to.equal(code);
    });
  }

  it('accepts one step of clock drift and no more', () => {
    const now = 1_700_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(verifyTotp(seed, totpAt(seed, step - 1), now)).to.equal(step - 1);
    expect(verifyTotp(seed, totpAt(seed, step - 2), now)).to.equal(null);
  });

  it('round-trips base32 and builds an authenticator address', () => {
    expect(base32Decode(seed).toString()).to.equal('12345678901234567890');
    expect(otpauthUrl(seed, 'a@b.fr')).to.match(
      /^otpauth:\/\/totp\/Relais%3Aa%40b\.fr\?secret=/,
    );
  });
});

describe('SecretBox', () => {
  it('opens what it sealed and refuses a tampered or foreign box', () => {
    const box = new SecretBox('k'.repeat(32));
    const sealed = box.seal('JBSWY3DPEHPK3PXP');

    expect(sealed).not.to.include('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed)).to.equal('JBSWY3DPEHPK3PXP');
    expect(() => new SecretBox('z'.repeat(32)).open(sealed)).to.throw();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => box.open(parts.join('.'))).to.throw();
  });
});
