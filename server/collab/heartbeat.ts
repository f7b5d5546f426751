/**
 * Keeps sockets honest: every interval, a socket that answered neither of the last two pings is
 * dead (a lost network closes nothing) and is ended, which drops its person from presence. Two,
 * not one, so a peer whose event loop is busy for a moment is not cut off. Clients that asked for
 * events also get MESSAGE_HEARTBEAT, which their offline signal watches.
 */
import { MESSAGE_HEARTBEAT } from "../../shared/protocol/messages.js";
import type { Connection } from "./connection.js";

/** MESSAGE_HEARTBEAT, encoded once. */
const HEARTBEAT_FRAME = new Uint8Array([MESSAGE_HEARTBEAT]);

/** Pings `connections` every `intervalMs`; clear the returned timer to stop. */
export function startHeartbeat(connections: Iterable<Connection>, intervalMs: number): NodeJS.Timeout {
  const missedPings = new WeakMap<Connection, number>();
  const timer = setInterval(() => {
    for (const c of connections) {
      const missed = c.alive ? 0 : (missedPings.get(c) ?? 0) + 1;
      missedPings.set(c, missed);
      if (missed >= 2) {
        c.socket.terminate();
        continue;
      }
      c.alive = false;
      c.socket.ping();
      if (c.wantsAck) c.send(HEARTBEAT_FRAME);
    }
  }, intervalMs);
  timer.unref();
  return timer;
}
