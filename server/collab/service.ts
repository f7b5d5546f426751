/**
 * The collaboration service of one server process: accepts authorised sockets into rooms,
 * keeps them alive, applies access changes to open connections at once, and shuts down
 * without losing a committed-to-be update.
 */
import { randomUUID } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import type { WebSocket } from "ws";
import { CloseCode, HEARTBEAT_MS, MESSAGE_HEARTBEAT } from "../../shared/protocol/messages.js";
import { EDITOR_SCHEMA_VERSION } from "../../shared/schema/version.js";
import { colorForOrganisation } from "../../shared/presence.js";
import type { AwarenessUser } from "../../shared/validation/api.js";
import { can, isFrozen } from "../access/policy.js";
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
import { FANOUT_UPDATE, LocalFanout, type ControlMessage, type Fanout } from "./fanout.js";
import type { DocumentEvent } from "../../shared/protocol/events.js";
import * as Y from "yjs";
import { DEFAULT_REFUSED_LIMITS, type RefusedLimits } from "../workflow/refused-limits.js";
import { RefusedKeeper } from "./refused-keeper.js";
import { addMissingTextNodes } from "./text-nodes.js";

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

/** MESSAGE_HEARTBEAT, encoded once. */
const HEARTBEAT_FRAME = new Uint8Array([MESSAGE_HEARTBEAT]);

export class CollabService {
  readonly rooms: RoomRegistry;
  readonly writer: UpdateWriter;
  private readonly connections = new Set<Connection>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly receiverDeps: ReceiverDeps;
  private readonly users: UserAllowance;
  private shuttingDown = false;

  private readonly freezeAcks = new Map<string, (instanceId: string) => void>();
  private readonly refused: RefusedKeeper;
  private readonly missedPings = new WeakMap<Connection, number>();

  constructor(
    private readonly store: Store,
    private readonly log: FastifyBaseLogger,
    private readonly options: CollabOptions = DEFAULT_COLLAB_OPTIONS,
    readonly fanout: Fanout = new LocalFanout(),
  ) {
    this.rooms = new RoomRegistry(store, log, options.unloadDelayMs, fanout, (room) => this.addTextNodes(room));
    this.writer = new UpdateWriter(store, log, options.writer, (healthy) => this.broadcastSaveHealth(healthy));
    this.users = new UserAllowance(options.user);
    this.refused = new RefusedKeeper(store, options.refusedLimits, log, (documentId, userId) => this.broadcastEvent(documentId, { type: "rejected-changes", userId }));
    this.receiverDeps = {
      writer: this.writer,
      documentSize: new DocumentSizeLimit(options.maxDocumentBytes),
      onRefusedUpdate: (room, connection, update) => this.refused.keep(room.documentId, connection.principal.user.id, update),
    };
    this.heartbeat = setInterval(() => this.pingAll(), options.heartbeatMs);
    this.heartbeat.unref();
  }

  /** Connects to the other instances (no-op with one instance). */
  async start(): Promise<void> {
    await this.fanout.start({
      onDocumentMessage: (documentId, kind, payload) => this.rooms.deliverRemote(documentId, kind, payload),
      onControl: (message) => this.onControl(message),
      onResubscribed: () => {
        // What was published meanwhile is lost on one side or the other: read what is committed,
        // send our own state again, and ask the others for theirs (which may not be committed yet).
        const documentIds = [...this.rooms.all()].map((room) => room.documentId);
        for (const room of this.rooms.all()) void this.rooms.catchUp(room).catch((err: unknown) => this.log.warn({ err }, "catch-up failed"));
        this.republish(documentIds);
        this.fanout.publishControl({ type: "resync", origin: this.fanout.instanceId, documentIds });
      },
    });
  }

  private onControl(message: ControlMessage): void {
    switch (message.type) {
      case "workflow":
        return this.applyWorkflowState(message.documentId, message.state);
      case "role":
        return this.applyRole(message.documentId, message.userId, message.role);
      case "sessions":
        return this.applyCloseSessions(message.sessionIds);
      case "freeze": {
        const room = this.rooms.get(message.documentId);
        if (room) room.frozen = true;
        void this.writer.drain().then(() => this.fanout.publishControl({ type: "freeze-ack", requestId: message.requestId, instanceId: this.fanout.instanceId }));
        return;
      }
      case "freeze-ack":
        return this.freezeAcks.get(message.requestId)?.(message.instanceId);
      case "event":
        if (message.origin !== this.fanout.instanceId) this.rooms.get(message.documentId)?.broadcastEvent(message.event);
        return;
      case "resync":
        if (message.origin !== this.fanout.instanceId) this.republish(message.documentIds);
        return;
    }
  }

  /** Publishes this instance's whole state of the loaded ones among `documentIds` (receivers apply only what they lack). */
  private republish(documentIds: string[]): void {
    for (const id of documentIds) {
      const room = this.rooms.get(id);
      if (room) this.fanout.publish(id, FANOUT_UPDATE, Y.encodeStateAsUpdate(room.doc));
    }
  }

  /**
   * Makes sure no instance accepts content for the document any more and that everything any
   * instance accepted is committed: with several instances, every instance that has the room
   * loaded freezes it, drains its writer and answers; this resolves when all have answered.
   */
  async freezeEverywhere(documentId: string, timeoutMs = 5000): Promise<void> {
    const room = this.rooms.get(documentId);
    if (room) room.frozen = true;
    if (!this.fanout.enabled) return this.writer.drain();
    const others = (await this.fanout.instancesWith(documentId)) - (room ? 1 : 0);
    const requestId = randomUUID();
    const acked = new Set<string>();
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("other instances did not confirm the freeze in time")), timeoutMs);
      this.freezeAcks.set(requestId, (instanceId) => {
        if (instanceId !== this.fanout.instanceId) acked.add(instanceId);
        if (acked.size >= others) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    this.fanout.publishControl({ type: "freeze", documentId, requestId });
    try {
      if (others > 0) await done;
      await this.writer.drain();
    } finally {
      this.freezeAcks.delete(requestId);
    }
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  accept(request: AcceptRequest): void {
    const { socket, principal, document, role } = request;
    const identity: AwarenessUser = {
      userId: principal.user.id,
      name: principal.user.name,
      organisation: principal.organisation.name,
      kommunekode: principal.organisation.kommunekode,
      role,
      color: colorForOrganisation(principal.organisation.kommunekode ?? principal.organisation.id),
    };
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
    this.rooms.acquire(document.id, (state) => connection.offerStoredState(state)).then(
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

  /**
   * Every HEARTBEAT_MS: a socket that answered neither of the last two pings is dead (a lost
   * network closes nothing) and is ended, which drops its person from presence. Two, not one, so
   * a peer whose event loop is busy for a moment is not cut off.
   */
  private pingAll(): void {
    for (const c of this.connections) {
      const missed = c.alive ? 0 : (this.missedPings.get(c) ?? 0) + 1;
      this.missedPings.set(c, missed);
      if (missed >= 2) {
        c.socket.terminate();
        continue;
      }
      c.alive = false;
      c.socket.ping();
      if (c.wantsAck) c.send(HEARTBEAT_FRAME);
    }
  }

  private broadcastSaveHealth(healthy: boolean): void {
    for (const room of this.rooms.all()) room.broadcastEvent({ type: "save-health", healthy });
  }

  // --- access and workflow changes take effect on open connections at once ------------------

  /** Sends a server event to everyone in the document, on every instance. */
  broadcastEvent(documentId: string, event: DocumentEvent): void {
    this.rooms.get(documentId)?.broadcastEvent(event);
    this.fanout.publishControl({ type: "event", documentId, origin: this.fanout.instanceId, event });
  }

  /** A user's role on a document changed (null: removed). Connections are downgraded or closed, on every instance. */
  setRole(documentId: string, userId: string, role: DocumentRole | null): void {
    this.applyRole(documentId, userId, role);
    this.fanout.publishControl({ type: "role", documentId, userId, role });
    this.broadcastEvent(documentId, { type: "people" });
  }

  private applyRole(documentId: string, userId: string, role: DocumentRole | null): void {
    const room = this.rooms.get(documentId);
    if (!room) return;
    for (const c of room.connections) {
      if (c.principal.user.id !== userId) continue;
      if (role === null || !can(role, "read")) c.close(CloseCode.FORBIDDEN, "access removed");
      else c.role = role;
    }
  }

  /** Closes every socket of the given sessions (sign-out, revocation), on every instance. */
  get refusedLimits(): RefusedLimits {
    return this.refused.limits;
  }

  openSessionIds(): string[] {
    return [...new Set([...this.connections].map((c) => c.principal.sessionId))];
  }

  closeSessions(sessionIds: string[]): void {
    this.applyCloseSessions(sessionIds);
    this.fanout.publishControl({ type: "sessions", sessionIds });
  }

  private applyCloseSessions(sessionIds: string[]): void {
    const ids = new Set(sessionIds);
    for (const c of this.connections) if (ids.has(c.principal.sessionId)) c.close(CloseCode.UNAUTHENTICATED, "session ended");
  }

  setWorkflowState(documentId: string, state: WorkflowState): void {
    this.applyWorkflowState(documentId, state);
    this.fanout.publishControl({ type: "workflow", documentId, state });
  }

  private applyWorkflowState(documentId: string, state: WorkflowState): void {
    const room = this.rooms.get(documentId);
    if (!room) return;
    room.frozen = isFrozen(state);
    room.broadcastEvent({ type: "workflow", state });
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
