/**
 * A loaded document: its Y.Doc, awareness, and the connections in it. The room broadcasts each
 * change once-encoded to every peer; it knows nothing about sockets, storage or HTTP.
 */
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { Connection } from "./connection.js";
import { CloseError } from "./connection.js";
import { CloseCode } from "../../shared/protocol/messages.js";
import { encodeAwarenessMessage, encodeEventMessage, encodeSyncStep2, encodeSyncStep2FromUpdate, encodeUpdateMessage } from "./encoding.js";
import { ProtectedIds } from "./guard.js";
import type { SharedType } from "./shared-type.js";

export interface RoomLimits {
  /** Largest awareness state (JSON) one client may publish, in bytes: a name, a cursor, a selection. */
  maxAwarenessStateBytes: number;
}

export const DEFAULT_ROOM_LIMITS: RoomLimits = { maxAwarenessStateBytes: 8 * 1024 };

/** Origin of changes that came from another server instance (already persisted there). */
export const REMOTE_ORIGIN = Symbol("remote");

/** Where a room sends what it accepted, for other instances (no-op with one instance). */
export interface RoomPublisher {
  update(documentId: string, update: Uint8Array): void;
  awareness(documentId: string, update: Uint8Array): void;
}

/** An update that carries nothing (no structs, empty delete set). */
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

export class Room {
  readonly connections = new Set<Connection>();
  readonly awareness: awarenessProtocol.Awareness;
  /** The skeleton clients may not touch; rebuilt when the server itself changes structure. */
  guard: ProtectedIds;
  /** Origin of the last transaction that changed the doc (to tell no-ops from changes). */
  lastChangeOrigin: unknown = null;
  /** Writes of this room queued or in flight; the room is unloaded only when this is 0. */
  pendingWrites = 0;
  /** Update rows in storage since the last compaction. */
  updatesSinceCompaction: number;
  compacting = false;
  /** Content is frozen (til godkendelse, godkendt, indsendt): content updates are refused. */
  frozen: boolean;
  private readonly awarenessOwners = new Map<number, Connection>();
  /**
   * Who first used each awareness client id of this document. Another person may not take an id
   * over after its owner disconnected (their carets and place in the presence list would be the
   * squatter's); the same person reconnecting keeps it. Kept by the registry across reloads.
   */
  private readonly awarenessUsers: Map<number, string>;
  /** Types changed by the last client transaction, for repairs (see repair.ts). */
  private changedTypes: Map<SharedType, Set<string | null>> | null = null;
  private unloadTimer: NodeJS.Timeout | null = null;
  /**
   * The sync step 2 a client with an empty state vector gets (every fresh page load), kept until
   * the document changes: encoding a long document costs milliseconds, and after a cold load
   * storage has just handed us exactly these bytes.
   */
  private wholeStateStep2: Uint8Array | null;
  /** The state vector right after the stored snapshot was applied (null when not loaded from one). */
  private readonly loadedStateVector: Uint8Array | null;
  /** Whether anything changed the document after it was loaded. */
  private changedSinceLoad = false;

  constructor(
    readonly documentId: string,
    readonly regionId: string,
    readonly doc: Y.Doc,
    options: { frozen: boolean; storedUpdates: number; wholeState?: Uint8Array | null; awarenessUsers?: Map<number, string> },
    private readonly publisher: RoomPublisher | null = null,
    private readonly limits: RoomLimits = DEFAULT_ROOM_LIMITS,
  ) {
    this.frozen = options.frozen;
    this.awarenessUsers = options.awarenessUsers ?? new Map();
    this.updatesSinceCompaction = options.storedUpdates;
    this.wholeStateStep2 = options.wholeState ? encodeSyncStep2FromUpdate(options.wholeState) : null;
    this.loadedStateVector = options.wholeState ? Y.encodeStateVector(doc) : null;
    this.guard = ProtectedIds.fromDoc(doc);
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null); // the server has no cursor of its own
    doc.on("update", this.onDocUpdate);
    doc.on("afterTransaction", this.onAfterTransaction);
    this.awareness.on("update", this.onAwarenessUpdate);
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.lastChangeOrigin = origin;
    this.wholeStateStep2 = null;
    this.changedSinceLoad = true;
    // other instances first: their clients then wait for one Redis hop, not for our sends too
    if (origin !== REMOTE_ORIGIN) this.publisher?.update(this.documentId, update);
    const message = encodeUpdateMessage(update);
    for (const c of this.connections) if (c !== origin) c.send(message);
  };

  private readonly onAfterTransaction = (transaction: Y.Transaction): void => {
    if (this.connections.has(transaction.origin as Connection)) {
      this.changedTypes = transaction.changed.size > 0 ? new Map(transaction.changed) : null;
    }
  };

  /**
   * The answer to a client's sync step 1: what the document has that the client lacks. A client
   * that was pushed the stored snapshot during the load and says it has nothing (its step 1 was
   * sent before the push arrived) lacks only what the room got after that snapshot.
   */
  syncStep2(stateVector: Uint8Array, clientHasNothing: boolean, clientHasStoredState: boolean): Uint8Array {
    if (clientHasNothing && clientHasStoredState && this.loadedStateVector) {
      // unchanged: an empty update, rather than the whole delete set again
      return this.changedSinceLoad ? encodeSyncStep2(this.doc, this.loadedStateVector) : encodeSyncStep2FromUpdate(EMPTY_UPDATE);
    }
    if (!clientHasNothing) return encodeSyncStep2(this.doc, stateVector);
    this.wholeStateStep2 ??= encodeSyncStep2(this.doc, stateVector);
    return this.wholeStateStep2;
  }

  takeChangedTypes(): Map<SharedType, Set<string | null>> | null {
    const changed = this.changedTypes;
    this.changedTypes = null;
    return changed;
  }

  private readonly onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    const changed = added.concat(updated, removed);
    if (changed.length === 0) return;
    const message = encodeAwarenessMessage(this.awareness, changed);
    for (const c of this.connections) c.send(message);
    if (origin !== REMOTE_ORIGIN && this.publisher) {
      this.publisher.awareness(this.documentId, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    }
  };

  join(connection: Connection): void {
    this.cancelUnload();
    this.connections.add(connection);
  }

  leave(connection: Connection): void {
    this.connections.delete(connection);
    const clients = [...connection.awarenessClients];
    for (const id of clients) if (this.awarenessOwners.get(id) === connection) this.awarenessOwners.delete(id);
    if (clients.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, clients, null);
  }

  /**
   * Applies a client's awareness update after stamping the server's identity of that client into
   * every state (`user`), so nobody can pose as someone else, and dropping entries for client
   * ids another connection speaks for.
   */
  applyClientAwareness(connection: Connection, update: Uint8Array): void {
    const decoder = decoding.createDecoder(update);
    const encoder = encoding.createEncoder();
    const count = decoding.readVarUint(decoder);
    const entries: { clientId: number; clock: number; state: string }[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      if (json.length > this.limits.maxAwarenessStateBytes) throw new CloseError(CloseCode.MALFORMED_MESSAGE, "awareness state too large");
      const owner = this.awarenessOwners.get(clientId);
      if (owner && owner !== connection) continue;
      const firstUser = this.awarenessUsers.get(clientId);
      if (firstUser !== undefined && firstUser !== connection.principal.user.id) continue;
      const state = JSON.parse(json) as unknown;
      if (state !== null && (typeof state !== "object" || Array.isArray(state)))
        throw new CloseError(CloseCode.MALFORMED_MESSAGE, "awareness state is not an object");
      const stamped = state === null ? null : { ...(state as Record<string, unknown>), user: connection.identity };
      entries.push({ clientId, clock, state: JSON.stringify(stamped) });
    }
    encoding.writeVarUint(encoder, entries.length);
    for (const e of entries) {
      encoding.writeVarUint(encoder, e.clientId);
      encoding.writeVarUint(encoder, e.clock);
      encoding.writeVarString(encoder, e.state);
      this.awarenessOwners.set(e.clientId, connection);
      this.awarenessUsers.set(e.clientId, connection.principal.user.id);
      connection.awarenessClients.add(e.clientId);
    }
    if (entries.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encoding.toUint8Array(encoder), connection);
  }

  /** An update another instance accepted (and persisted): apply, pass to own clients, do not persist. */
  applyRemoteUpdate(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
  }

  applyRemoteAwareness(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN);
  }

  /** Sends a server event to every connection that opted in. */
  broadcastEvent(event: unknown): void {
    const message = encodeEventMessage(event);
    for (const c of this.connections) if (c.wantsAck) c.send(message);
  }

  scheduleUnload(delayMs: number, unload: () => void): void {
    this.cancelUnload();
    this.unloadTimer = setTimeout(() => {
      this.unloadTimer = null;
      unload();
    }, delayMs);
    this.unloadTimer.unref();
  }

  cancelUnload(): void {
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    this.unloadTimer = null;
  }

  destroy(): void {
    this.cancelUnload();
    this.doc.off("update", this.onDocUpdate);
    this.doc.off("afterTransaction", this.onAfterTransaction);
    this.awareness.off("update", this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
