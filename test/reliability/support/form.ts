/**
 * Short or long form of the reliability battery: `npm test` runs the short form, `npm run
 * test:nightly` sets RELIABILITY_LONG=1 for the long form (see docs/reliability.md).
 */
export const LONG = process.env.RELIABILITY_LONG === "1";

/** The short-form value, or the long-form one under RELIABILITY_LONG=1. */
export function form<T>(short: T, long: T): T {
  return LONG ? long : short;
}

/** Seed of a randomised test: TEST_SEED replays one, otherwise time-based (always printed). */
export function testSeed(): number {
  return Number(process.env.TEST_SEED ?? Date.now() % 1_000_000);
}

/** A timeout for vitest in ms, with room for a loaded machine. */
export function budget(shortMs: number, longMs: number): number {
  return form(shortMs, longMs);
}
