/**
 * The rooms loaded in this process: loads each document once even when many clients connect at
 * the same moment (they share one pending load), and unloads a room after its last client left
 * and its writes are committed.
 */
import type { FastifyBaseLogger } from "fastify";
import type { Store } from "../storage/types.js";
import { isFrozen } from "../access/policy.js";
import { loadDocument } from "./load.js";
import { Room } from "./room.js";

export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();

  constructor(
    private readonly store: Store,
    private readonly log: FastifyBaseLogger,
    /** How long an empty room stays loaded, in ms (a quick reconnect then needs no reload). */
    private readonly unloadDelayMs: number,
  ) {}

  get(documentId: string): Room | undefined {
    return this.rooms.get(documentId);
  }

  get loadedCount(): number {
    return this.rooms.size;
  }

  all(): IterableIterator<Room> {
    return this.rooms.values();
  }

  /** The loaded room, loading it first if needed. Concurrent callers share one load. */
  acquire(documentId: string): Promise<Room> {
    const room = this.rooms.get(documentId);
    if (room) {
      room.cancelUnload();
      return Promise.resolve(room);
    }
    let pending = this.loading.get(documentId);
    if (!pending) {
      pending = this.load(documentId).finally(() => this.loading.delete(documentId));
      this.loading.set(documentId, pending);
    }
    return pending;
  }

  private async load(documentId: string): Promise<Room> {
    const row = await this.store.getDocument(documentId);
    if (!row) throw new Error(`document ${documentId} does not exist`);
    const { doc, storedUpdates } = await loadDocument(this.store, documentId, row.regionId);
    const room = new Room(documentId, row.regionId, doc, { frozen: isFrozen(row.state), storedUpdates });
    this.rooms.set(documentId, room);
    this.log.debug({ documentId }, "room loaded");
    return room;
  }

  /** Call when a connection left; unloads the room once it is empty and its writes are committed. */
  releaseIfEmpty(room: Room, waitForWrites: () => Promise<void>): void {
    if (room.connections.size > 0) return;
    room.scheduleUnload(this.unloadDelayMs, () => {
      void waitForWrites().then(() => {
        if (room.connections.size > 0 || room.pendingWrites > 0 || this.rooms.get(room.documentId) !== room) return;
        this.rooms.delete(room.documentId);
        room.destroy();
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
