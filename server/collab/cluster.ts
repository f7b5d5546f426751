/**
 * What one instance tells the others, and what it does when told: access and workflow changes
 * take effect on open connections at once (on every instance), server events reach everyone in
 * a document, the freeze is confirmed by every instance that has the room, and after a lost
 * subscription each instance republishes its state. With one instance the fanout is local and
 * all of this stays in the process.
 */
import type { FastifyBaseLogger } from "fastify";
import * as Y from "yjs";
import { CloseCode } from "../../shared/protocol/messages.js";
import type { DocumentEvent } from "../../shared/protocol/events.js";
import { can, isFrozen } from "../access/policy.js";
import type { DocumentRole, WorkflowState } from "../storage/types.js";
import type { Connection } from "./connection.js";
import { FANOUT_UPDATE, type ControlMessage, type Fanout } from "./fanout.js";
import { FreezeCoordinator } from "./freeze.js";
import type { UpdateWriter } from "./persist.js";
import type { RoomRegistry } from "./rooms.js";

export class ClusterControl {
  readonly freezer: FreezeCoordinator;

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly connections: ReadonlySet<Connection>,
    writer: UpdateWriter,
    private readonly fanout: Fanout,
    private readonly log: FastifyBaseLogger,
  ) {
    this.freezer = new FreezeCoordinator(rooms, writer, fanout);
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
      case "role-revoked":
        return this.applyRoleRevoked(message.documentId, message.role);
      case "sessions":
        return this.applyCloseSessions(message.sessionIds);
      case "freeze":
        return this.freezer.onFreezeRequest(message.documentId, message.requestId);
      case "freeze-ack":
        return this.freezer.onFreezeAck(message.requestId, message.instanceId);
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

  /** Everyone holding `role` on a document lost it (the agency, when a draft stops being shared), on every instance. */
  revokeRole(documentId: string, role: DocumentRole): void {
    this.applyRoleRevoked(documentId, role);
    this.fanout.publishControl({ type: "role-revoked", documentId, role });
  }

  private applyRoleRevoked(documentId: string, role: DocumentRole): void {
    for (const c of this.rooms.get(documentId)?.connections ?? []) if (c.role === role) c.close(CloseCode.FORBIDDEN, "access removed");
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
}
