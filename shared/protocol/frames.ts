/**
 * Classifies the frames a client sends (message types: ./messages.ts): the update-bearing ones
 * (sync step 2 and update) are the frames the server's MESSAGE_SAVED count refers to. The
 * browser client and the tests count with these; the server counts the same frames. Pure.
 */
import * as decoding from "lib0/decoding";
import { MESSAGE_SYNC, SYNC_STEP_2, SYNC_UPDATE } from "./messages.js";

export interface UpdateFrame {
  kind: "step2" | "update";
  /** True when the frame carries no change at all (an empty Yjs update: no structs, no deletions). */
  empty: boolean;
}

/** The bytes of whatever WebSocket.send was given, or null for strings and Blobs (never update frames). */
export function frameBytes(data: unknown): Uint8Array | null {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
}

/** An empty Yjs v1 update is two zero varUints: 0 struct groups, 0 delete-set clients. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

/** Null unless the frame is update-bearing: first varUint 0 (sync), second 1 (step 2) or 2 (update). */
export function classifyOutgoingFrame(data: unknown): UpdateFrame | null {
  const bytes = frameBytes(data);
  if (!bytes) return null;
  try {
    const decoder = decoding.createDecoder(bytes);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return null;
    const sub = decoding.readVarUint(decoder);
    if (sub !== SYNC_STEP_2 && sub !== SYNC_UPDATE) return null;
    let empty = false;
    try {
      empty = isEmptyUpdate(decoding.readVarUint8Array(decoder));
    } catch {
      empty = false; // a truncated payload still counts on the server; treat it as content
    }
    return { kind: sub === SYNC_STEP_2 ? "step2" : "update", empty };
  } catch {
    return null;
  }
}

/** True if a client→server frame carries a document update (sync step 2 or update). */
export function isUpdateBearingFrame(frame: Uint8Array): boolean {
  return classifyOutgoingFrame(frame) !== null;
}
