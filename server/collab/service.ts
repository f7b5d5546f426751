/**
 * The collaboration service of one server process, and the one door to it for the rest of the
 * server: accepts authorised sockets into rooms (connection → receiver → room → writer), reads
 * documents for checks and versions (read.ts), passes access and workflow changes to every
 * instance (cluster.ts), and shuts down without losing an update it accepted.
 */
import type { FastifyBaseLogger } from "fastify";
import type { WebSocket } from "ws";
import { CloseCode, HEARTBEAT_MS } from "../../shared/protocol/messages.js";
import { EDITOR_SCHEMA_VERSION } from "../../shared/schema/version.js";
import type { Principal } from "../auth/principal.js";
import type { DocumentRole, DocumentRow, Store, WorkflowState } from "../storage/types.js";
import { CloseError, Connection, DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from "./connection.js";
import { encodeAwarenessMessage, encodeEventMessage, encodeSyncStep1 } from "./encoding.js";
import { UpdateWriter, DEFAULT_WRITER_OPTIONS, type WriterOptions } from "./persist.js";
import { handleFrame, type ReceiverDeps } from "./receiver.js";
import { RoomRegistry } from "./rooms.js";
import { DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_USER_LIMITS, DocumentSizeLimit, UserAllowance, type UserLimits } from "./limits.js";
import type { Room } from "./room.js";
import { changeAsServer } from "./repair.js";
import { LocalFanout, type Fanout } from "./fanout.js";
import type { DocumentEvent } from "../../shared/protocol/events.js";
import type * as Y from "yjs";
import { DEFAULT_REFUSED_LIMITS, type RefusedLimits } from "../workflow/refused-limits.js";
import { RefusedKeeper } from "./refused-keeper.js";
import { addMissingTextNodes } from "./text-nodes.js";
import { startHeartbeat } from "./heartbeat.js";
import { ClusterControl } from "./cluster.js";
import { readFromStorage, readLive, type DocumentReader, type DocumentRef } from "./read.js";
import { extractReplyContent } from "../../shared/content/extract.js";
import type { ReplyContent } from "../../shared/template/types.js";
import { awarenessIdentity } from "./identity.js";

export interface CollabOptions {
  /** Ping interval in ms; a peer that has not answered the previous ping is dropped. */
  heartbeatMs: number;
  /** How much of the changes refused after the freeze is kept (see refused-limits.ts). */
  refusedLimits: RefusedLimits;
  /** How long an empty room stays loaded, in ms. */
  unloadDelayMs: number;
  connection: ConnectionLimits;
  writer: WriterOptions;
  /** Sockets and message rate per user (server/collab/limits.ts). */
  user: UserLimits;
  /** Largest encoded document, in bytes. */
  maxDocumentBytes: number;
}

export const DEFAULT_COLLAB_OPTIONS: CollabOptions = {
  heartbeatMs: HEARTBEAT_MS,
  refusedLimits: DEFAULT_REFUSED_LIMITS,
  unloadDelayMs: 5_000,
  connection: DEFAULT_CONNECTION_LIMITS,
  writer: DEFAULT_WRITER_OPTIONS,
  user: DEFAULT_USER_LIMITS,
  maxDocumentBytes: DEFAULT_MAX_DOCUMENT_BYTES,
};

export interface AcceptRequest {
  socket: WebSocket;
  principal: Principal;
  document: DocumentRow;
  role: DocumentRole;
  wantsAck: boolean;
  schemaVersion: number | undefined;
}

export class CollabService implements DocumentReader {
  readonly rooms: RoomRegistry;
  readonly writer: UpdateWriter;
  private readonly connections = new Set<Connection>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly receiverDeps: ReceiverDeps;
  private readonly users: UserAllowance;
  private shuttingDown = false;

  private readonly cluster: ClusterControl;
  private readonly refused: RefusedKeeper;

  constructor(
    private readonly store: Store,
    private readonly log: FastifyBaseLogger,
    private readonly options: CollabOptions = DEFAULT_COLLAB_OPTIONS,
    readonly fanout: Fanout = new LocalFanout(),
  ) {
    this.rooms = new RoomRegistry(store, log, options.unloadDelayMs, fanout, (room) => this.addTextNodes(room));
    this.writer = new UpdateWriter(store, log, options.writer, (healthy) => this.broadcastSaveHealth(healthy));
    this.users = new UserAllowance(options.user);
    this.cluster = new ClusterControl(this.rooms, this.connections, this.writer, fanout, log);
    this.refused = new RefusedKeeper(store, options.refusedLimits, log, (documentId, userId) =>
      this.broadcastEvent(documentId, { type: "rejected-changes", userId }),
    );
    this.receiverDeps = {
      writer: this.writer,
      documentSize: new DocumentSizeLimit(options.maxDocumentBytes),
      onRefusedUpdate: (room, connection, update) => this.refused.keep(room.documentId, connection.principal.user.id, update),
    };
    this.heartbeat = startHeartbeat(this.connections, options.heartbeatMs);
  }

  get refusedLimits(): RefusedLimits {
    return this.refused.limits;
  }

  openSessionIds(): string[] {
    return [...new Set([...this.connections].map((c) => c.principal.sessionId))];
  }

  /** Connects to the other instances (no-op with one instance). */
  start(): Promise<void> {
    return this.cluster.start();
  }

  /** Sends a server event to everyone in the document, on every instance. */
  broadcastEvent(documentId: string, event: DocumentEvent): void {
    this.cluster.broadcastEvent(documentId, event);
  }

  /** A user's role on a document changed (null: removed). Connections are downgraded or closed, on every instance. */
  setRole(documentId: string, userId: string, role: DocumentRole | null): void {
    this.cluster.setRole(documentId, userId, role);
  }

  /** Everyone holding `role` on a document lost it; their sockets close, on every instance. */
  revokeRole(documentId: string, role: DocumentRole): void {
    this.cluster.revokeRole(documentId, role);
  }

  /** Closes every socket of the given sessions (sign-out, revocation), on every instance. */
  closeSessions(sessionIds: string[]): void {
    this.cluster.closeSessions(sessionIds);
  }

  /** Locks or unlocks the text on every instance and tells everyone in the document. */
  setWorkflowState(documentId: string, state: WorkflowState): void {
    this.cluster.setWorkflowState(documentId, state);
  }

  /**
   * Makes sure no instance accepts content for the document any more and that everything any
   * instance accepted is committed (freeze.ts).
   */
  freezeEverywhere(documentId: string, timeoutMs = 5000): Promise<void> {
    return this.cluster.freezer.freezeEverywhere(documentId, timeoutMs);
  }

  // --- reading a document, for code outside collab/ (read.ts) ------------------------------

  read<T>(document: DocumentRef, read: (doc: Y.Doc) => T): Promise<T> {
    return readLive(this.store, this.rooms, document, read);
  }

  readCommitted<T>(document: DocumentRef, read: (doc: Y.Doc) => T): Promise<T> {
    return readFromStorage(this.store, document, read);
  }

  readContent(document: DocumentRef): Promise<ReplyContent> {
    return this.read(document, extractReplyContent);
  }

  /** Resolves when every update accepted so far is committed. */
  commitPending(): Promise<void> {
    return this.writer.drain();
  }

  get loadedRoomCount(): number {
    return this.rooms.loadedCount;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  accept(request: AcceptRequest): void {
    const { socket, principal, document, role } = request;
    const identity = awarenessIdentity(principal, role);
    const userId = principal.user.id;
    const counted = this.users.open(userId);
    const connection = new Connection(
      socket,
      principal,
      role,
      identity,
      request.wantsAck,
      this.options.connection,
      (c, e) => this.onConnectionError(c, e),
      () => this.users.takeFrame(userId),
    );
    this.connections.add(connection);
    socket.on("close", () => {
      if (counted) this.users.close(userId);
      this.onClose(connection);
    });
    socket.on("error", (err) => this.log.debug({ err }, "socket error"));
    if (this.shuttingDown) return connection.close(CloseCode.SERVICE_RESTART, "server is restarting");
    if (!counted) return connection.close(CloseCode.TOO_MANY_CONNECTIONS, "too many open connections for this user");
    if (request.schemaVersion !== undefined && request.schemaVersion < EDITOR_SCHEMA_VERSION) {
      return connection.close(CloseCode.SCHEMA_OUTDATED, "editor schema outdated; reload the page");
    }
    this.rooms
      .acquire(document.id, (state) => connection.offerStoredState(state))
      .then(
        (room) => this.join(room, connection),
        (error: unknown) => {
          this.log.error({ err: error, documentId: document.id }, "could not load document");
          connection.close(CloseCode.LOAD_FAILED, "document could not be loaded");
        },
      );
  }

  private join(room: Room, connection: Connection): void {
    if (connection.closed) return this.rooms.releaseIfEmpty(room, () => this.writer.drainRoom(room));
    room.join(connection);
    connection.start((c, frame) => handleFrame(this.receiverDeps, room, c, frame));
    connection.send(encodeSyncStep1(room.doc));
    const states = [...room.awareness.getStates().keys()];
    if (states.length > 0) connection.send(encodeAwarenessMessage(room.awareness, states));
    if (connection.wantsAck && !this.writer.healthy) connection.send(encodeEventMessage({ type: "save-health", healthy: false }));
  }

  private onConnectionError(connection: Connection, error: unknown): void {
    if (error instanceof CloseError) {
      this.log.info({ userId: connection.principal.user.id, code: error.code, reason: error.message }, "closing connection");
      return connection.close(error.code, error.message);
    }
    this.log.error({ err: error, userId: connection.principal.user.id }, "error while handling a frame");
    connection.close(CloseCode.INTERNAL_ERROR, "internal error");
  }

  private onClose(connection: Connection): void {
    connection.closed = true;
    this.connections.delete(connection);
    for (const room of this.rooms.all()) {
      if (!room.connections.has(connection)) continue;
      room.leave(connection);
      this.rooms.releaseIfEmpty(room, () => this.writer.drainRoom(room));
    }
  }

  /** Older replies: every empty textblock gets its text before anyone types (text-nodes.ts). */
  private addTextNodes(room: Room): void {
    if (room.frozen) return;
    const update = changeAsServer(room.doc, () => addMissingTextNodes(room.doc));
    if (update) this.writer.enqueue(room, update, null, 0);
  }

  private broadcastSaveHealth(healthy: boolean): void {
    for (const room of this.rooms.all()) room.broadcastEvent({ type: "save-health", healthy });
  }

  /**
   * Changes a document as the server (restore of a version): loads the room if needed, applies
   * the change as one transaction that every client receives, and commits it before resolving.
   */
  async applyServerChange(documentId: string, change: (doc: Y.Doc) => void): Promise<void> {
    const room = await this.rooms.acquire(documentId);
    try {
      const update = changeAsServer(room.doc, () => change(room.doc));
      if (update) this.writer.enqueue(room, update, null, 0);
      await this.writer.drain();
    } finally {
      this.rooms.releaseIfEmpty(room, () => this.writer.drainRoom(room));
    }
  }

  /**
   * Stops accepting, closes every socket with 1012 (clients reconnect elsewhere or later and
   * resend whatever was not acknowledged), then commits what is queued.
   */
  async shutdown(timeoutMs = 10_000): Promise<void> {
    this.shuttingDown = true;
    clearInterval(this.heartbeat);
    for (const c of this.connections) c.close(CloseCode.SERVICE_RESTART, "server is restarting");
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
    await Promise.race([this.writer.drain(), timeout]);
    this.rooms.unloadAll();
    await this.fanout.close();
  }
}
