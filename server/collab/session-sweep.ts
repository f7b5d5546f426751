/**
 * Closes websockets whose session has ended (issue 15, item 10): expired, revoked by a sign-out
 * on another instance, or ended by an operator (`npm run agency -- revoke`). Sign-out through
 * this app closes sockets at once; the sweep catches what no request here was told about, within
 * one interval. It reads each open session once per interval (a handful of rows).
 */
import type { FastifyBaseLogger } from "fastify";
import type { Store } from "../storage/types.js";

export interface SessionSweepTarget {
  /** Ids of the sessions that have open sockets on this instance. */
  openSessionIds(): string[];
  closeSessions(sessionIds: string[]): void;
}

export function startSessionSweep(store: Store, target: SessionSweepTarget, log: FastifyBaseLogger, intervalMs: number): () => void {
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const now = new Date().toISOString();
      const ended: string[] = [];
      for (const id of target.openSessionIds()) {
        const session = await store.getSession(id);
        if (!session || session.revokedAt !== null || session.expiresAt <= now) ended.push(id);
      }
      if (ended.length > 0) target.closeSessions(ended);
    } catch (error) {
      log.warn({ err: error }, "session sweep failed; trying again at the next interval");
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void sweep(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
