import { expect } from 'chai';
import { AppError } from '../../platform/http/errors.ts';
import { SignInLimiter } from './sign-in-limiter.ts';

const minute = 60_000;

function refusal(act: () => void): AppError | null {
  try {
    act();
    return null;
  } catch (error) {
    expect(error).to.be.instanceOf(AppError);
    return error as AppError;
  }
}

describe('sign-in limiter', () => {
  it('locks an address only for the client that guessed it', () => {
    const limiter = new SignInLimiter();
    for (let i = 0; i < 10; i += 1) limiter.fail('attacker', 'target@x.fr', 0);
    const refused = refusal(() => limiter.check('attacker', 'target@x.fr', 0));
    expect(refused?.code).to.equal('RATE_LIMITED');
    expect(refusal(() => limiter.check('owner', 'target@x.fr', 0))).to.equal(
      null,
    );
  });

  it('says how long to wait, in words and seconds', () => {
    const limiter = new SignInLimiter();
    for (let i = 0; i < 10; i += 1) limiter.fail('c', 'a@x.fr', 0);
    const refused = refusal(() => limiter.check('c', 'a@x.fr', 5 * minute));
    expect(refused?.retryAfterSeconds).to.equal(600);
    expect(refused?.messageFr).to.equal(
      'Trop de tentatives de connexion. Réessayez dans 10 minutes.',
    );
    expect(refused?.messageEn).to.equal(
      'Too many sign-in attempts. Retry in 10 minutes.',
    );
    expect(refusal(() => limiter.check('c', 'a@x.fr', 15 * minute))).to.equal(
      null,
    );
  });

  it('stops a client spraying many addresses', () => {
    const limiter = new SignInLimiter({ perClient: 50 });
    for (let i = 0; i < 50; i += 1) limiter.fail('c', `user${i}@x.fr`, 0);
    expect(refusal(() => limiter.check('c', 'new@x.fr', 0))?.code).to.equal(
      'RATE_LIMITED',
    );
    expect(refusal(() => limiter.check('other', 'new@x.fr', 0))).to.equal(null);
  });

  it('never forgets a live count when flooded with other clients', () => {
    const limiter = new SignInLimiter({ maxClients: 100 });
    for (let i = 0; i < 9; i += 1) limiter.fail('attacker', 'target@x.fr', 0);
    for (let i = 0; i < 500; i += 1) {
      const client = `flood${i}`;
      if (refusal(() => limiter.check(client, 'x@x.fr', minute))) continue;
      limiter.fail(client, 'x@x.fr', minute);
    }
    limiter.fail('attacker', 'target@x.fr', 2 * minute);
    expect(
      refusal(() => limiter.check('attacker', 'target@x.fr', 2 * minute))?.code,
    ).to.equal('RATE_LIMITED');
    // The full table makes new clients wait until the first one is forgotten.
    const refused = refusal(() => limiter.check('late', 'y@x.fr', 2 * minute));
    expect(refused?.retryAfterSeconds).to.equal(13 * 60);
  });

  it('keeps an address locked after the client window restarts', () => {
    const limiter = new SignInLimiter();
    limiter.fail('c', 'other@x.fr', 0);
    for (let i = 0; i < 10; i += 1) limiter.fail('c', 'a@x.fr', 10 * minute);
    expect(
      refusal(() => limiter.check('c', 'a@x.fr', 20 * minute))?.code,
    ).to.equal('RATE_LIMITED');
  });

  it('lets a client try again once its own window has ended', () => {
    const limiter = new SignInLimiter({ perClient: 5 });
    for (let i = 0; i < 5; i += 1) limiter.fail('c', `u${i}@x.fr`, 0);
    limiter.fail('c', 'late@x.fr', 14 * minute);
    expect(refusal(() => limiter.check('c', 'n@x.fr', 16 * minute))).to.equal(
      null,
    );
  });

  it('clears an address after a successful sign-in', () => {
    const limiter = new SignInLimiter();
    for (let i = 0; i < 9; i += 1) limiter.fail('c', 'a@x.fr', 0);
    limiter.reset('c', 'a@x.fr');
    limiter.fail('c', 'a@x.fr', 0);
    expect(refusal(() => limiter.check('c', 'a@x.fr', 0))).to.equal(null);
  });
});
