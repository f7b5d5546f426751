/**
 * Decodes one frame from a client and does what it asks, after checking the connection's
 * CURRENT role and the room's CURRENT lock state (both can change while the socket is open).
 * Anything malformed or not allowed throws a CloseError; the connection closes, nothing else.
 */
import * as Y from "yjs";
import { isCommentAnchorOnly } from "./comment-marks.js";
import * as awarenessProtocol from "y-protocols/awareness";
import { CloseCode } from "../../shared/protocol/messages.js";
import { decodeClientFrame, MalformedFrame, type ClientFrame } from "./frame-decoder.js";
import { can } from "../access/policy.js";
import { CloseError, type Connection } from "./connection.js";
import { encodeAwarenessMessage } from "./encoding.js";
import { decodeUpdate, findStructureViolation, isNoOpUpdate, type DecodedUpdate } from "./guard.js";
import { findSchemaViolation } from "./schema-guard.js";
import type { UpdateWriter } from "./persist.js";
import type { Room } from "./room.js";
import { repairAfterClientUpdate } from "./repair.js";
import type { DocumentSizeLimit } from "./limits.js";

export interface ReceiverDeps {
  writer: UpdateWriter;
  /** Keeps documents below their maximum size. */
  documentSize: DocumentSizeLimit;
  /** Called with an editor's update refused because the text is frozen, so it is kept, never lost. */
  onRefusedUpdate: (room: Room, connection: Connection, update: Uint8Array) => void;
}

export function handleFrame(deps: ReceiverDeps, room: Room, connection: Connection, frame: Uint8Array): void {
  let decoded: ClientFrame;
  try {
    decoded = decodeClientFrame(frame);
  } catch (error) {
    if (error instanceof MalformedFrame) throw new CloseError(CloseCode.MALFORMED_MESSAGE, error.message);
    throw error;
  }
  switch (decoded.type) {
    case "sync-step-1":
      return answerSyncStep1(room, connection, decoded.stateVector);
    case "update":
      return handleClientUpdate(deps, room, connection, decoded.update);
    case "awareness":
      return handleAwareness(room, connection, decoded.update);
    case "query-awareness":
      connection.send(encodeAwarenessMessage(room.awareness, [...room.awareness.getStates().keys()]));
  }
}

function answerSyncStep1(room: Room, connection: Connection, stateVector: Uint8Array): void {
  let clients: number;
  try {
    clients = Y.decodeStateVector(stateVector).size;
  } catch {
    throw new CloseError(CloseCode.MALFORMED_MESSAGE, "malformed state vector");
  }
  connection.send(room.syncStep2(stateVector, clients === 0, connection.receivedStoredState));
  connection.receivedStoredState = false; // only its first step 1 crossed the push
}

function handleClientUpdate(deps: ReceiverDeps, room: Room, connection: Connection, update: Uint8Array): void {
  const count = ++connection.updateFrames;
  let decoded: DecodedUpdate;
  try {
    decoded = decodeUpdate(update);
  } catch {
    throw new CloseError(CloseCode.MALFORMED_MESSAGE, "malformed update");
  }
  // A kommentator may anchor comments (a comment mark is not an edit), and nothing more.
  const mayEdit = can(connection.role, "edit") || (can(connection.role, "comment") && !room.frozen && isCommentAnchorOnly(room.doc, decoded));
  if (!mayEdit || room.frozen) {
    if (isNoOpUpdate(room.doc, decoded)) {
      deps.writer.enqueue(room, null, connection, count);
      return;
    }
    if (!mayEdit) throw new CloseError(CloseCode.FORBIDDEN, "your role may not edit this document");
    deps.onRefusedUpdate(room, connection, update);
    throw new CloseError(CloseCode.DOCUMENT_FROZEN, "the document is locked for approval");
  }
  const violation = findStructureViolation(decoded, room.guard) ?? findSchemaViolation(decoded, room.doc);
  if (violation) throw new CloseError(CloseCode.INVALID_CONTENT, violation);
  if (!deps.documentSize.admits(room.doc, update)) throw new CloseError(CloseCode.DOCUMENT_TOO_LARGE, "the document would exceed its maximum size");

  room.lastChangeOrigin = null;
  try {
    Y.applyUpdate(room.doc, update, connection);
  } catch {
    throw new CloseError(CloseCode.MALFORMED_MESSAGE, "update could not be applied");
  }
  const changed = room.lastChangeOrigin === connection;
  // Structs waiting for missing dependencies live only in memory: store the raw update anyway,
  // so what the client was told is saved can be replayed after a crash.
  const pending = room.doc.store.pendingStructs !== null || room.doc.store.pendingDs !== null;
  deps.writer.enqueue(room, changed || pending ? update : null, connection, count);
  if (changed) repairAfterClientUpdate(room, deps.writer);
}

function handleAwareness(room: Room, connection: Connection, update: Uint8Array): void {
  try {
    room.applyClientAwareness(connection, update);
  } catch (error) {
    if (error instanceof CloseError) throw error;
    throw new CloseError(CloseCode.MALFORMED_MESSAGE, "malformed awareness update");
  }
}

export type { awarenessProtocol };
