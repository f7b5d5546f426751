/** Polls `condition` until it is truthy or the deadline passes (no fixed sleeps in tests). */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  options: { timeoutMs?: number; intervalMs?: number; message?: string } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  let lastError: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`waitFor timed out: ${options.message ?? condition.toString().slice(0, 200)}${lastError ? ` (last error: ${String(lastError)})` : ""}`);
    }
    await sleep(options.intervalMs ?? 20);
  }
}

/** Resolves with the first emission of `event` (for EventEmitter-like objects). */
export function once<T = unknown>(emitter: { once(event: string, fn: (...args: any[]) => void): unknown }, event: string): Promise<T> {
  return new Promise((resolve) => emitter.once(event, (value: T) => resolve(value)));
}

/**
 * Waits a given time. Only for pacing a load (a typist's rhythm, a sampling interval) or letting
 * a fault last; never to wait for an outcome, which waitFor does.
 */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
