import { AppError } from '../../platform/http/errors.ts';
import { counted } from '../../platform/text/plural.ts';

type Window = { count: number; since: number };

/** One client's failures, overall and per address it tried. */
type ClientFailures = Window & { addresses: Map<string, Window> };

export type SignInLimits = {
  /** Failures for one address from one client before that pair waits. */
  perAddress: number;
  /** Failures from one client, all addresses together, before it waits. */
  perClient: number;
  /** Length of a counting window, and of the wait once a limit is reached. */
  windowMs: number;
  /** Most clients followed at once (bounds memory). */
  maxClients: number;
};

const defaults: SignInLimits = {
  perAddress: 10,
  perClient: 50,
  windowMs: 15 * 60_000,
  maxClients: 5_000,
};

/**
 * Slows password guessing, counting failed sign-ins per client (the request's
 * address, see TRUST_PROXY) and, inside it, per address tried: an address is
 * only ever locked for the client that guessed it, so nobody can lock someone
 * else out from elsewhere. A client also waits after too many failures over
 * all addresses, which bounds spraying one password over many accounts.
 *
 * Memory is bounded without ever forgetting a live count: each client holds
 * at most about twice `perClient` addresses, and when `maxClients` clients
 * have live failures a new client is refused until the first of them is
 * forgotten, rather than evicting someone's count (which would reset an
 * attacker's tally).
 *
 * Kept in the process: with several API instances each counts alone, which
 * still bounds guessing.
 */
export class SignInLimiter {
  private readonly clients = new Map<string, ClientFailures>();
  private readonly limits: SignInLimits;

  constructor(limits: Partial<SignInLimits> = {}) {
    this.limits = { ...defaults, ...limits };
  }

  /** Throws RATE_LIMITED, with the wait, if this attempt must not be tried. */
  check(client: string, address: string, now = Date.now()): void {
    const entry = this.live(client, now);
    if (!entry) {
      if (this.clients.size >= this.limits.maxClients) this.sweep(now);
      if (this.clients.size >= this.limits.maxClients)
        throw tooMany(this.firstFreed() - now);

      return;
    }
    if (
      now - entry.since < this.limits.windowMs &&
      entry.count >= this.limits.perClient
    )
      throw tooMany(entry.since + this.limits.windowMs - now);
    const pair = this.livePair(entry, address, now);
    if (pair && pair.count >= this.limits.perAddress)
      throw tooMany(pair.since + this.limits.windowMs - now);
  }

  fail(client: string, address: string, now = Date.now()): void {
    let entry = this.clients.get(client);
    if (!entry) {
      // check() refused new clients on a full table; only attempts running
      // side by side can get here then, and they may overshoot by a few.
      entry = { count: 0, since: now, addresses: new Map() };
      this.clients.set(client, entry);
    }
    if (now - entry.since >= this.limits.windowMs) {
      entry.count = 0;
      entry.since = now;
    }
    entry.count += 1;
    const pair = this.livePair(entry, address, now);
    if (pair) pair.count += 1;
    else entry.addresses.set(address, { count: 1, since: now });
    // Addresses whose window ended no longer count: drop them so a client
    // holds no more than its failures of the last two windows allow.
    if (entry.addresses.size > this.limits.perClient) {
      for (const [key, window] of entry.addresses)
        if (now - window.since >= this.limits.windowMs)
          entry.addresses.delete(key);
    }
  }

  /** A successful sign-in clears that address's failures for that client. */
  reset(client: string, address: string): void {
    this.clients.get(client)?.addresses.delete(address);
  }

  /** The client's entry while any of its windows is still running. */
  private live(client: string, now: number): ClientFailures | undefined {
    const entry = this.clients.get(client);
    if (!entry) return undefined;
    if (this.expired(entry, now)) {
      this.clients.delete(client);
      return undefined;
    }

    return entry;
  }

  private livePair(entry: ClientFailures, address: string, now: number) {
    const pair = entry.addresses.get(address);
    if (pair && now - pair.since >= this.limits.windowMs) {
      entry.addresses.delete(address);
      return undefined;
    }

    return pair;
  }

  private expired(entry: ClientFailures, now: number): boolean {
    return (
      now - entry.since >= this.limits.windowMs &&
      [...entry.addresses.values()].every(
        (pair) => now - pair.since >= this.limits.windowMs,
      )
    );
  }

  private sweep(now: number): void {
    for (const [client, entry] of this.clients)
      if (this.expired(entry, now)) this.clients.delete(client);
  }

  /** When the first followed client is forgotten, freeing a place. */
  private firstFreed(): number {
    let first = Infinity;
    for (const entry of this.clients.values()) {
      let last = entry.since;
      for (const pair of entry.addresses.values())
        last = Math.max(last, pair.since);
      first = Math.min(first, last);
    }

    return first + this.limits.windowMs;
  }
}

/** RATE_LIMITED saying how long to wait, in words and in `Retry-After`. */
function tooMany(waitMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const minutes = Math.ceil(seconds / 60);

  return new AppError('RATE_LIMITED', {
    fr: `Trop de tentatives de connexion. Réessayez dans ${counted('fr', minutes, 'minute', 'minutes')}.`,
    en: `Too many sign-in attempts. Retry in ${counted('en', minutes, 'minute', 'minutes')}.`,
    retryAfterSeconds: seconds,
  });
}
