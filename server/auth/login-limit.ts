/**
 * Limits password guessing at sign-in (issue 15, item 6), in three scopes, each over a sliding
 * window: one account (the e-mail normalised as the sign-in looks it up, so padding or case does
 * not make a new key), one address, and all sign-ins of this instance together (a ceiling against
 * a spread-out attack). Only failures count against an account and an address; every attempt
 * counts against the ceiling. A refused attempt is told how long to wait.
 *
 * In memory, per instance: with several instances an attacker gets each instance's allowance,
 * which the per-account limit still keeps far below what guessing a password needs.
 */
export interface LoginLimits {
  /** Failed sign-ins per account per window. */
  perAccount: number;
  /** Failed sign-ins per address per window (a town hall behind one NAT address still fits). */
  perAddress: number;
  /** Sign-in attempts of this instance per ceiling window. */
  ceiling: number;
  windowMs: number;
  ceilingWindowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAccount: 10, perAddress: 50, ceiling: 600, windowMs: 15 * 60_000, ceilingWindowMs: 60_000 };

export type LimitScope = "account" | "address" | "ceiling";

/** The e-mail as sign-in keys and looks it up: NFKC, trimmed, lower-case. */
export function normaliseEmail(email: string): string {
  return email.normalize("NFKC").trim().toLowerCase();
}

/** Most keys a scope keeps; beyond it the oldest are forgotten (memory stays bounded). */
const MAX_KEYS = 100_000;

class SlidingCounter {
  private readonly hits = new Map<string, number[]>();
  constructor(private readonly windowMs: number) {}

  count(key: string, now: number): number {
    const list = this.hits.get(key);
    if (!list) return 0;
    while (list.length > 0 && list[0]! <= now - this.windowMs) list.shift();
    if (list.length === 0) this.hits.delete(key);
    return list.length;
  }

  /** Milliseconds until the oldest hit leaves the window. */
  waitMs(key: string, now: number): number {
    const oldest = this.hits.get(key)?.[0];
    return oldest === undefined ? 0 : Math.max(0, oldest + this.windowMs - now);
  }

  add(key: string, now: number): void {
    let list = this.hits.get(key);
    if (!list) {
      if (this.hits.size >= MAX_KEYS) this.hits.delete(this.hits.keys().next().value!);
      this.hits.set(key, (list = []));
    }
    list.push(now);
  }

  clear(key: string): void {
    this.hits.delete(key);
  }
}

export class LoginLimiter {
  private readonly accounts: SlidingCounter;
  private readonly addresses: SlidingCounter;
  private readonly all: SlidingCounter;

  constructor(private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS) {
    this.accounts = new SlidingCounter(limits.windowMs);
    this.addresses = new SlidingCounter(limits.windowMs);
    this.all = new SlidingCounter(limits.ceilingWindowMs);
  }

  /** Null if the attempt may go ahead (and counts it against the ceiling), else the scope and the wait. */
  admit(email: string, address: string, now = Date.now()): { scope: LimitScope; retryAfterMs: number } | null {
    const account = normaliseEmail(email);
    if (this.accounts.count(account, now) >= this.limits.perAccount) return { scope: "account", retryAfterMs: this.accounts.waitMs(account, now) };
    if (this.addresses.count(address, now) >= this.limits.perAddress) return { scope: "address", retryAfterMs: this.addresses.waitMs(address, now) };
    if (this.all.count("*", now) >= this.limits.ceiling) return { scope: "ceiling", retryAfterMs: this.all.waitMs("*", now) };
    this.all.add("*", now);
    return null;
  }

  /** Counts a failed attempt; returns the scope it just locked, if any. */
  failed(email: string, address: string, now = Date.now()): LimitScope | null {
    const account = normaliseEmail(email);
    this.accounts.add(account, now);
    this.addresses.add(address, now);
    if (this.accounts.count(account, now) === this.limits.perAccount) return "account";
    if (this.addresses.count(address, now) === this.limits.perAddress) return "address";
    return null;
  }

  succeeded(email: string): void {
    this.accounts.clear(normaliseEmail(email));
  }
}
