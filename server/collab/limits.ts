/**
 * Per-user and per-document limits of the collaboration endpoint (battery item 17). Each limit is
 * far above what people do, so only scripts and accidents reach it; when one is reached the
 * socket is closed with a close code the editor explains (shared/protocol/messages.ts):
 *
 *   too many sockets of one user      TOO_MANY_CONNECTIONS (4429, terminal: close other tabs, reload)
 *   too many frames from one user     RATE_LIMITED (4529, transient: the editor reconnects and resends)
 *   the document would grow too large DOCUMENT_TOO_LARGE (4413, terminal: the refused change stays in the editor)
 *
 * Connection counts and message rates are per instance (several instances each allow as much).
 */
import * as Y from "yjs";

export interface UserLimits {
  /** Open collaboration sockets per user: one per open reply per browser tab. */
  maxConnections: number;
  /** Sustained frames per second per user, across all their sockets (keystrokes, cursor moves). */
  framesPerSecond: number;
  /** Burst of a user's token bucket, in frames (a reconnect resends a backlog at once). */
  frameBurst: number;
}

export const DEFAULT_USER_LIMITS: UserLimits = { maxConnections: 30, framesPerSecond: 400, frameBurst: 2000 };

/** Largest encoded document (Yjs state with its history), in bytes; a complete reply is ~100 KB. */
export const DEFAULT_MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/** A token bucket: `rate` tokens per second up to `burst`. */
export class TokenBucket {
  private tokens: number;
  private last = Date.now();
  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }
  take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Open sockets and the shared message budget of each user on this instance. */
export class UserAllowance {
  private readonly users = new Map<string, { connections: number; bucket: TokenBucket }>();
  constructor(private readonly limits: UserLimits) {}

  /** Counts a new socket of the user; false (and nothing counted) when the user has too many. */
  open(userId: string): boolean {
    const user = this.users.get(userId) ?? { connections: 0, bucket: new TokenBucket(this.limits.framesPerSecond, this.limits.frameBurst) };
    if (user.connections >= this.limits.maxConnections) return false;
    user.connections++;
    this.users.set(userId, user);
    return true;
  }

  close(userId: string): void {
    const user = this.users.get(userId);
    if (!user) return;
    if (--user.connections <= 0) this.users.delete(userId);
  }

  /** Takes one frame from the user's budget; false when the user sends too fast. */
  takeFrame(userId: string): boolean {
    return this.users.get(userId)?.bucket.take() ?? true;
  }
}

/**
 * Keeps each document below `maxBytes`. Encoding a large document costs milliseconds, so the size
 * is tracked as the last exact size plus the bytes of every update since (an upper bound) and
 * measured again only when that bound crosses the limit, at most once a second per document.
 */
export class DocumentSizeLimit {
  private readonly sizes = new WeakMap<Y.Doc, { bound: number; measuredAt: number }>();
  constructor(readonly maxBytes: number) {}

  admits(doc: Y.Doc, update: Uint8Array): boolean {
    let size = this.sizes.get(doc);
    if (!size) {
      size = { bound: Y.encodeStateAsUpdate(doc).length, measuredAt: Date.now() };
      this.sizes.set(doc, size);
    }
    if (size.bound + update.length > this.maxBytes && Date.now() - size.measuredAt >= 1000) {
      size.bound = Y.encodeStateAsUpdate(doc).length;
      size.measuredAt = Date.now();
    }
    if (size.bound + update.length > this.maxBytes) return false;
    size.bound += update.length;
    return true;
  }
}
