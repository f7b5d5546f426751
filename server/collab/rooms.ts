/**
 * The rooms loaded in this process: loads each document once even when many clients connect at
 * the same moment (they share one pending load), and unloads a room after its last client left
 * and its writes are committed.
 */
import type { FastifyBaseLogger } from "fastify";
import type { Store } from "../storage/types.js";
import { isFrozen } from "../access/policy.js";
import { loadDocument } from "./load.js";
import { REMOTE_ORIGIN, Room, type RoomPublisher } from "./room.js";
import { FANOUT_AWARENESS, FANOUT_UPDATE, LocalFanout, type Fanout } from "./fanout.js";
import { compactRoom } from "./persist.js";

/**
 * Fewest stored updates since the last snapshot for which unloading compacts the log: below
 * this, replaying the rows at the next load costs less than rewriting the snapshot now.
 */
const COMPACT_ON_UNLOAD_MIN_UPDATES = 50;

type RemoteMessage = { kind: number; payload: Uint8Array };

/** Awareness ids remembered per document (a few hundred people's sessions; an id is 4 bytes and a user id). */
const MAX_AWARENESS_IDS_PER_DOCUMENT = 10_000;

export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  /** Who wants the stored document's bytes while it loads (see loadDocument's onWholeState). */
  private readonly wholeStateListeners = new Map<string, Set<(state: Uint8Array) => void>>();
  /** Messages from other instances that arrived while the document was loading. */
  private readonly early = new Map<string, RemoteMessage[]>();
  private readonly publisher: RoomPublisher;
  private readonly awarenessUsers = new Map<string, Map<number, string>>();

  constructor(
    private readonly store: Store,
    private readonly log: FastifyBaseLogger,
    /** How long an empty room stays loaded, in ms (a quick reconnect then needs no reload). */
    private readonly unloadDelayMs: number,
    private readonly fanout: Fanout = new LocalFanout(),
    /** Runs once per load, after the room exists and before anyone is answered (server-side repairs). */
    private readonly afterLoad: (room: Room) => void = () => {},
  ) {
    this.publisher = {
      update: (documentId, update) => fanout.publish(documentId, FANOUT_UPDATE, update),
      awareness: (documentId, update) => fanout.publish(documentId, FANOUT_AWARENESS, update),
    };
  }

  /** Awareness client id → user, per document, for as long as this process runs (see Room). */
  private awarenessUsersOf(documentId: string): Map<number, string> {
    let users = this.awarenessUsers.get(documentId);
    if (!users) this.awarenessUsers.set(documentId, (users = new Map()));
    // Bounded: ids are random per browser session, so old ones only age; forget the oldest.
    while (users.size > MAX_AWARENESS_IDS_PER_DOCUMENT) users.delete(users.keys().next().value!);
    return users;
  }

  get(documentId: string): Room | undefined {
    return this.rooms.get(documentId);
  }

  get loadedCount(): number {
    return this.rooms.size;
  }

  all(): IterableIterator<Room> {
    return this.rooms.values();
  }

  /**
   * The loaded room, loading it first if needed. Concurrent callers share one load. A caller that
   * has to wait for the load may pass `onWholeState`: it gets the stored document as soon as it
   * is read, if storage holds it as one snapshot (not called when the room is already loaded).
   */
  acquire(documentId: string, onWholeState?: (state: Uint8Array) => void): Promise<Room> {
    const room = this.rooms.get(documentId);
    if (room) {
      room.cancelUnload();
      return Promise.resolve(room);
    }
    let pending = this.loading.get(documentId);
    if (!pending) {
      this.wholeStateListeners.set(documentId, new Set());
      pending = this.load(documentId).finally(() => {
        this.loading.delete(documentId);
        this.wholeStateListeners.delete(documentId);
      });
      this.loading.set(documentId, pending);
    }
    if (onWholeState) this.wholeStateListeners.get(documentId)?.add(onWholeState);
    return pending;
  }

  private async load(documentId: string): Promise<Room> {
    const row = await this.store.getDocument(documentId);
    if (!row) throw new Error(`document ${documentId} does not exist`);
    // Subscribe before reading storage: what other instances publish meanwhile is kept and
    // applied after the load, so nothing falls between the read and the subscription.
    if (this.fanout.enabled) {
      this.early.set(documentId, []);
      await this.fanout.subscribe(documentId);
    }
    try {
      const { doc, storedUpdates, wholeState } = await loadDocument(this.store, documentId, row.regionId, (state) => {
        for (const listener of this.wholeStateListeners.get(documentId) ?? []) listener(state);
      });
      const awarenessUsers = this.awarenessUsersOf(documentId);
      const room = new Room(
        documentId,
        row.regionId,
        doc,
        { frozen: isFrozen(row.state), storedUpdates, wholeState, awarenessUsers },
        this.fanout.enabled ? this.publisher : null,
      );
      this.rooms.set(documentId, room);
      for (const m of this.early.get(documentId) ?? []) this.onRemote(room, m);
      this.afterLoad(room);
      this.log.debug({ documentId }, "room loaded");
      return room;
    } catch (error) {
      if (this.fanout.enabled) await this.fanout.unsubscribe(documentId);
      throw error;
    } finally {
      this.early.delete(documentId);
    }
  }

  /** A message another instance published for a document (dropped if it is not loaded here). */
  deliverRemote(documentId: string, kind: number, payload: Uint8Array): void {
    const room = this.rooms.get(documentId);
    if (room) return this.onRemote(room, { kind, payload });
    this.early.get(documentId)?.push({ kind, payload });
  }

  private onRemote(room: Room, message: RemoteMessage): void {
    try {
      if (message.kind === FANOUT_UPDATE) room.applyRemoteUpdate(message.payload);
      else if (message.kind === FANOUT_AWARENESS) room.applyRemoteAwareness(message.payload);
      if (room.doc.store.pendingStructs !== null) void this.catchUp(room);
    } catch (error) {
      this.log.warn({ err: error, documentId: room.documentId }, "unreadable message from another instance");
    }
  }

  /** Re-reads a loaded document from storage (after a gap in the fan-out); Yjs skips what it has. */
  async catchUp(room: Room): Promise<void> {
    const state = await this.store.loadDocumentState(room.documentId);
    if (this.rooms.get(room.documentId) !== room) return;
    room.doc.transact(() => {
      if (state.snapshot) room.applyRemoteUpdate(state.snapshot);
      for (const update of state.updates) room.applyRemoteUpdate(update);
    }, REMOTE_ORIGIN);
  }

  /**
   * Call when a connection left; unloads the room once it is empty and its writes are committed.
   * A room that leaves a long update log behind is compacted first, so the next client to open
   * it (a cold load) reads one snapshot instead of replaying hundreds of keystrokes.
   */
  releaseIfEmpty(room: Room, waitForWrites: () => Promise<void>): void {
    if (room.connections.size > 0) return;
    room.scheduleUnload(this.unloadDelayMs, () => {
      void waitForWrites()
        .then(() =>
          room.connections.size === 0 && room.updatesSinceCompaction >= COMPACT_ON_UNLOAD_MIN_UPDATES ? compactRoom(this.store, this.log, room) : undefined,
        )
        .then(() => {
          if (room.connections.size > 0 || room.pendingWrites > 0 || this.rooms.get(room.documentId) !== room) return;
          this.rooms.delete(room.documentId);
          room.destroy();
          if (this.fanout.enabled) void this.fanout.unsubscribe(room.documentId);
          this.log.debug({ documentId: room.documentId }, "room unloaded");
        });
    });
  }

  /** Unloads every room (shutdown); callers commit pending writes first. */
  unloadAll(): void {
    for (const room of this.rooms.values()) room.destroy();
    this.rooms.clear();
  }
}
