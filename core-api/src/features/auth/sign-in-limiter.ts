import { AppError } from '../../platform/http/errors.ts';

/**
 * Slows password guessing: after 10 failures for one address from one client
 * within 15 minutes, that pair waits out the window. Kept in the process: with
 * several API instances each counts alone, which still bounds guessing.
 */
export class SignInLimiter {
  private readonly failures = new Map<
    string,
    { count: number; since: number }
  >();

  constructor(
    private readonly limit = 10,
    private readonly windowMs = 15 * 60_000,
  ) {}

  check(key: string, now = Date.now()): void {
    const entry = this.failures.get(key);
    if (!entry) return;
    if (now - entry.since > this.windowMs) {
      this.failures.delete(key);
      return;
    }
    if (entry.count >= this.limit) throw new AppError('RATE_LIMITED');
  }

  fail(key: string, now = Date.now()): void {
    const entry = this.failures.get(key);
    if (!entry || now - entry.since > this.windowMs)
      this.failures.set(key, { count: 1, since: now });
    else entry.count += 1;
    if (this.failures.size > 10_000)
      this.failures.delete(this.failures.keys().next().value as string);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }
}
