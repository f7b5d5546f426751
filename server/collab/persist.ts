/**
 * Group commit of document updates, and the "saved" acknowledgement that rests on it.
 *
 * Every update-bearing frame becomes one entry in a single FIFO queue (entries without an update
 * are frames that changed nothing; they still wait their turn so acknowledgements stay in
 * order). The first entry queued opens a commit window of `commitWindowMs`; when it closes (or
 * the batch is full, or someone drains) the writer takes what has queued up, across all rooms,
 * and commits it in ONE storage transaction: a burst of typing is one fsync, not one per
 * keystroke, and the number of commits per second has a ceiling however busy the server is.
 * Only after that commit resolves are the senders told "saved". A failed commit keeps the batch
 * at the head of the queue and retries with backoff; nothing is acknowledged meanwhile and
 * nothing is lost.
 *
 * Peers do not wait for any of this: the room broadcasts before the commit.
 */
import type { FastifyBaseLogger } from "fastify";
import type { Store } from "../storage/types.js";
import type { Connection } from "./connection.js";
import type { Room } from "./room.js";
import { encodeSavedMessage } from "./encoding.js";

export interface WriterOptions {
  /** Most entries in one transaction; bounds the size of one commit. */
  maxBatchEntries: number;
  /** First retry delay after a failed commit, in ms; doubles up to maxRetryDelayMs. */
  retryDelayMs: number;
  maxRetryDelayMs: number;
  /** Compact a document's log after this many stored updates. */
  compactAfterUpdates: number;
  /**
   * How long the first queued update waits for others before its commit starts, in ms. A durable
   * commit costs the same whether it holds one update or hundreds: with SQLite an fsync that
   * blocks the event loop for 1–5 ms, and 0.5–1 ms of CPU here (docs/benchmarks.md). Gathering
   * for 50 ms caps commits at 20 per second however many people type, at the price of "saved"
   * arriving up to 50 ms later, which nobody sees (the editor holds "Gemmer…" for 600 ms anyway).
   * Peers never wait for it: the room broadcasts before the commit.
   */
  commitWindowMs: number;
  /**
   * A commit still running after this many ms (a locked or unreachable database) marks saving as
   * unhealthy, like a failed one, so editors are told; it turns healthy when a commit succeeds.
   */
  commitWarnAfterMs: number;
}

export const DEFAULT_WRITER_OPTIONS: WriterOptions = {
  maxBatchEntries: 2000,
  retryDelayMs: 50,
  maxRetryDelayMs: 2000,
  compactAfterUpdates: 500,
  commitWindowMs: 50,
  commitWarnAfterMs: 5000,
};

interface Entry {
  room: Room;
  update: Uint8Array | null;
  connection: Connection | null;
  /** The connection's update-frame count this entry completes. */
  count: number;
}

export type SaveHealthListener = (healthy: boolean) => void;

export class UpdateWriter {
  private queue: Entry[] = [];
  private flushing = false;
  /** The pending flush: a commit window (timeout) or, when draining or full, the next turn (immediate). */
  private scheduled: { timer: NodeJS.Timeout | NodeJS.Immediate; now: boolean } | null = null;
  private retryDelay: number;
  private retryTimer: NodeJS.Timeout | null = null;
  private idleWaiters: (() => void)[] = [];
  private readonly roomWaiters = new Map<Room, (() => void)[]>();
  /** False while commits are failing; the rooms tell their clients "ikke gemt". */
  healthy = true;

  constructor(
    private readonly store: Store,
    private readonly log: FastifyBaseLogger,
    private readonly options: WriterOptions,
    private readonly onHealthChange: SaveHealthListener = () => {},
  ) {
    this.retryDelay = options.retryDelayMs;
  }

  /** Queues an update (or, with `update` null, only the acknowledgement of a no-op frame). */
  enqueue(room: Room, update: Uint8Array | null, connection: Connection | null, count: number): void {
    room.pendingWrites++;
    this.queue.push({ room, update, connection, count });
    this.schedule();
  }

  get queuedEntries(): number {
    return this.queue.length;
  }

  /** Schedules a flush; `now` skips (or cuts short) the commit window. */
  private schedule(now = false): void {
    if (this.flushing || this.retryTimer) return;
    now ||= this.options.commitWindowMs <= 0 || this.queue.length >= this.options.maxBatchEntries;
    if (this.scheduled && (this.scheduled.now || !now)) return;
    if (this.scheduled) clearTimeout(this.scheduled.timer as NodeJS.Timeout);
    const run = () => void this.flush();
    this.scheduled = now ? { timer: setImmediate(run), now } : { timer: setTimeout(run, this.options.commitWindowMs), now };
  }

  private async flush(): Promise<void> {
    if (this.scheduled) {
      if (this.scheduled.now) clearImmediate(this.scheduled.timer as NodeJS.Immediate);
      else clearTimeout(this.scheduled.timer as NodeJS.Timeout);
      this.scheduled = null;
    }
    if (this.flushing || this.queue.length === 0) return this.notifyIdle();
    this.flushing = true;
    const batch = this.queue.slice(0, this.options.maxBatchEntries);
    const items = batch.filter((e) => e.update !== null).map((e) => ({ documentId: e.room.documentId, update: e.update! }));
    const hanging = setTimeout(() => this.setHealthy(false), this.options.commitWarnAfterMs);
    try {
      await this.store.appendUpdates(items);
    } catch (error) {
      clearTimeout(hanging);
      this.flushing = false;
      this.log.error({ err: error, entries: batch.length }, "commit of document updates failed; retrying");
      this.setHealthy(false);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.schedule(true);
      }, this.retryDelay);
      this.retryDelay = Math.min(this.retryDelay * 2, this.options.maxRetryDelayMs);
      return;
    }
    clearTimeout(hanging);
    this.queue.splice(0, batch.length);
    this.retryDelay = this.options.retryDelayMs;
    this.setHealthy(true);
    this.acknowledge(batch);
    this.flushing = false;
    // what queued up during the commit has waited long enough: commit it at once
    if (this.queue.length > 0) this.schedule(true);
    else this.notifyIdle();
  }

  private acknowledge(batch: Entry[]): void {
    const saved = new Map<Connection, number>();
    const compactable = new Set<Room>();
    for (const e of batch) {
      e.room.pendingWrites--;
      if (e.room.pendingWrites === 0) this.notifyRoom(e.room);
      if (e.update) {
        e.room.updatesSinceCompaction++;
        if (e.room.updatesSinceCompaction >= this.options.compactAfterUpdates) compactable.add(e.room);
      }
      if (e.connection) saved.set(e.connection, Math.max(saved.get(e.connection) ?? 0, e.count));
    }
    for (const [connection, count] of saved) if (connection.wantsAck) connection.send(encodeSavedMessage(count));
    for (const room of compactable) void this.compact(room);
  }

  /** Merges the room's log into a snapshot, off the update path (errors only delay it). */
  private compact(room: Room): Promise<void> {
    return compactRoom(this.store, this.log, room);
  }

  private setHealthy(healthy: boolean): void {
    if (this.healthy === healthy) return;
    this.healthy = healthy;
    this.onHealthChange(healthy);
  }

  private notifyIdle(): void {
    if (this.queue.length > 0 || this.flushing) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private notifyRoom(room: Room): void {
    const waiters = this.roomWaiters.get(room);
    if (!waiters) return;
    this.roomWaiters.delete(room);
    for (const w of waiters) w();
  }

  /**
   * Resolves when the room has no write queued or in flight (before unloading it). Unlike
   * drain(), other rooms' traffic cannot hold it back.
   */
  drainRoom(room: Room): Promise<void> {
    if (room.pendingWrites === 0) return Promise.resolve();
    this.schedule(true); // nobody is typing there any more: no reason to wait for company
    return new Promise((resolve) => {
      const waiters = this.roomWaiters.get(room) ?? [];
      waiters.push(resolve);
      this.roomWaiters.set(room, waiters);
    });
  }

  /** Resolves when everything queued so far is committed (shutdown, freeze). */
  drain(): Promise<void> {
    if (this.queue.length === 0 && !this.flushing) return Promise.resolve();
    if (this.queue.length > 0) this.schedule(true);
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}

/**
 * Merges a room's update log into a snapshot (one storage transaction that deletes exactly the
 * rows it merged, so it is safe beside other writers and instances). Never throws: a failed
 * compaction only means the next load reads more rows.
 */
export async function compactRoom(store: Store, log: FastifyBaseLogger, room: Room): Promise<void> {
  if (room.compacting) return;
  room.compacting = true;
  try {
    log.debug({ documentId: room.documentId }, "compaction started");
    const merged = await store.compact(room.documentId);
    log.debug({ documentId: room.documentId, merged }, "compaction committed");
    room.updatesSinceCompaction = Math.max(0, room.updatesSinceCompaction - merged);
  } catch (error) {
    log.warn({ err: error, documentId: room.documentId }, "compaction failed; will retry later");
  } finally {
    room.compacting = false;
  }
}
