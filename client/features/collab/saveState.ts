/**
 * How the save state shown to the user is computed: pure functions over counters that the
 * tracker (./tracker.ts) feeds with socket events. Kept free of I/O so it can be unit-tested.
 *
 *   sent      update-bearing frames sent on the current socket (CountingWebSocket)
 *   saved     the server's last MESSAGE_SAVED count on the current socket
 *   unacked   sent frames that carry changes and are not yet covered by `saved`, with the
 *             number of local changes each carries
 *   waiting   local changes that are on no open socket: made while offline, or sent on a socket
 *             that closed before the server acknowledged them. They reach the server in the
 *             sync step 2 that the next socket sends in reply to the server's step 1 (a diff
 *             against the server's state, so it holds everything the server lacks).
 *
 * Empty frames (the sync step 2 of a client without changes) are counted, because the server
 * counts them, but never make the user wait: "Gemmer…" means real changes are unacknowledged.
 */
import { TERMINAL_CLOSE_CODES } from "../../../shared/protocol/messages.js";
import type { CountedFrame } from "./CountingWebSocket.js";

export interface SaveCounters {
  sent: number;
  saved: number;
  unacked: readonly { index: number; changes: number }[];
  waiting: number;
}

export const INITIAL_COUNTERS: SaveCounters = { sent: 0, saved: 0, unacked: [], waiting: 0 };

/** A new socket: its frames are counted from 1 again. */
export function socketOpened(c: SaveCounters): SaveCounters {
  return { sent: 0, saved: 0, unacked: [], waiting: c.waiting + c.unacked.reduce((n, f) => n + f.changes, 0) };
}

export function frameSent(c: SaveCounters, frame: CountedFrame): SaveCounters {
  let { waiting } = c;
  let changes = 0;
  if (frame.kind === "step2") {
    // The step 2 diff carries every waiting change the server lacks; if it is empty, the server
    // already had them all (a previous socket's frames were committed but not acknowledged).
    changes = frame.empty ? 0 : Math.max(1, waiting);
    waiting = 0;
  } else if (!frame.empty) {
    changes = 1;
  }
  const unacked = changes > 0 ? [...c.unacked, { index: frame.index, changes }] : c.unacked;
  return { sent: frame.index, saved: c.saved, unacked, waiting };
}

export function savedAck(c: SaveCounters, count: number): SaveCounters {
  const saved = Math.max(c.saved, Math.min(count, c.sent));
  return { ...c, saved, unacked: c.unacked.filter((f) => f.index > saved) };
}

/** The socket closed: what it did not get acknowledged waits for the next socket. */
export function socketClosed(c: SaveCounters): SaveCounters {
  return socketOpened(c);
}

/** A local change of the document; `sentNow` is false when no open socket took it. */
export function localChange(c: SaveCounters, sentNow: boolean): SaveCounters {
  return sentNow ? c : { ...c, waiting: c.waiting + 1 };
}

/** Local changes not yet acknowledged as durably saved. */
export function pendingChanges(c: SaveCounters): number {
  return c.waiting + c.unacked.reduce((n, f) => n + f.changes, 0);
}

export type ConnectionStatus = "connecting" | "connected" | "disconnected";

export interface CollabSnapshot {
  status: ConnectionStatus;
  /** The current socket has received the server's state (sync step 2). */
  synced: boolean;
  /** Some socket of this session has synced: the editor may be (or is) mounted. */
  everSynced: boolean;
  counters: SaveCounters;
  /** Close code after which the user has to act (TERMINAL_CLOSE_CODES), else null. */
  terminalCode: number | null;
  /** The server reported that it currently cannot commit (it retries; nothing is acknowledged). */
  saveHealthy: boolean;
}

export const INITIAL_SNAPSHOT: CollabSnapshot = {
  status: "connecting",
  synced: false,
  everSynced: false,
  counters: INITIAL_COUNTERS,
  terminalCode: null,
  saveHealthy: true,
};

export type SaveView =
  | { kind: "connecting" }
  | { kind: "saving"; pending: number }
  | { kind: "saved" }
  | { kind: "offline"; waiting: number }
  | { kind: "error"; code: number; pending: number };

export function computeSaveView(s: CollabSnapshot): SaveView {
  const pending = pendingChanges(s.counters);
  if (s.terminalCode !== null && TERMINAL_CLOSE_CODES.has(s.terminalCode)) return { kind: "error", code: s.terminalCode, pending };
  if (s.status !== "connected") return s.everSynced || pending > 0 ? { kind: "offline", waiting: pending } : { kind: "connecting" };
  if (pending > 0) return { kind: "saving", pending };
  if (!s.synced) return { kind: "connecting" };
  return { kind: "saved" };
}
