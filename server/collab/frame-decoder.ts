/**
 * The one decoder of what a client sends (message types: shared/protocol/messages.ts). Pure:
 * it reads the frame's envelope and hands back its payload; what the payload may do is decided
 * by the receiver. Anything unreadable throws a MalformedFrame with the reason the socket is
 * closed with.
 */
import * as decoding from "lib0/decoding";
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, SYNC_STEP_1, SYNC_STEP_2, SYNC_UPDATE } from "../../shared/protocol/messages.js";

export type ClientFrame =
  | { type: "sync-step-1"; stateVector: Uint8Array }
  /** Sync step 2 or update: both carry a Yjs update and both count for "saved". */
  | { type: "update"; update: Uint8Array }
  | { type: "awareness"; update: Uint8Array }
  | { type: "query-awareness" };

export class MalformedFrame extends Error {}

export function decodeClientFrame(frame: Uint8Array): ClientFrame {
  const decoder = decoding.createDecoder(frame);
  const messageType = readUint(decoder, "unreadable message type");
  switch (messageType) {
    case MESSAGE_SYNC: {
      const subType = readUint(decoder, "truncated sync message");
      const payload = readPayload(decoder);
      if (subType === SYNC_STEP_1) return { type: "sync-step-1", stateVector: payload };
      if (subType === SYNC_STEP_2 || subType === SYNC_UPDATE) return { type: "update", update: payload };
      throw new MalformedFrame(`unknown sync message ${subType}`);
    }
    case MESSAGE_AWARENESS:
      return { type: "awareness", update: readPayload(decoder) };
    case MESSAGE_QUERY_AWARENESS:
      return { type: "query-awareness" };
    default:
      throw new MalformedFrame(`unknown message type ${messageType}`);
  }
}

/** A sync step 1 whose state vector is empty: the client has nothing yet. False for anything else. */
export function isEmptySyncStep1(frame: Uint8Array): boolean {
  try {
    const decoded = decodeClientFrame(frame);
    return decoded.type === "sync-step-1" && decoded.stateVector.length === 1 && decoded.stateVector[0] === 0;
  } catch {
    return false; // malformed: the receiver will say so once the room is ready
  }
}

function readUint(decoder: decoding.Decoder, reason: string): number {
  try {
    return decoding.readVarUint(decoder);
  } catch {
    throw new MalformedFrame(reason);
  }
}

function readPayload(decoder: decoding.Decoder): Uint8Array {
  try {
    return decoding.readVarUint8Array(decoder);
  } catch {
    throw new MalformedFrame("truncated message");
  }
}
