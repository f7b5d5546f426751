/**
 * The two wire dialects the load generator speaks, as pure encoders and one decoder.
 *
 * - "y-websocket": one socket per document; a frame is `varUint type` + body
 *   (0 sync, 1 awareness, 3 query awareness; Regionssvar adds 100 "saved" and 101 event).
 * - "hocuspocus": the same messages, each prefixed with `varString documentName` (Hocuspocus
 *   multiplexes documents over one socket), plus an auth handshake: the client sends
 *   `2 Auth, 0 Token, varString token` first and the server answers `2 Auth, 2 Authenticated`.
 *   It also sends `8 SyncStatus` after every update it applied and answers sync step 1 with
 *   step 2 and a step 1 of its own as `4 SyncReply`.
 *
 * Sync bodies are y-protocols/sync (0 step 1, 1 step 2, 2 update) in both dialects.
 */
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import * as syncProtocol from "y-protocols/sync";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";

export type Dialect = "y-websocket" | "hocuspocus";

export const MSG_SYNC = 0;
export const MSG_AWARENESS = 1;
export const MSG_AUTH = 2;
export const MSG_QUERY_AWARENESS = 3;
export const MSG_HP_SYNC_REPLY = 4;
export const MSG_HP_SYNC_STATUS = 8;
export const MSG_SAVED = 100;
export const MSG_EVENT = 101;

const HP_AUTH_TOKEN = 0;
const HP_AUTH_AUTHENTICATED = 2;

function frame(dialect: Dialect, documentName: string, type: number, body: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  if (dialect === "hocuspocus") encoding.writeVarString(e, documentName);
  encoding.writeVarUint(e, type);
  body(e);
  return encoding.toUint8Array(e);
}

export function encodeAuth(dialect: Dialect, documentName: string, token: string): Uint8Array | null {
  if (dialect !== "hocuspocus") return null;
  return frame(dialect, documentName, MSG_AUTH, (e) => {
    encoding.writeVarUint(e, HP_AUTH_TOKEN);
    encoding.writeVarString(e, token);
  });
}

export function encodeSyncStep1(dialect: Dialect, documentName: string, doc: Y.Doc): Uint8Array {
  return frame(dialect, documentName, MSG_SYNC, (e) => syncProtocol.writeSyncStep1(e, doc));
}

export function encodeUpdate(dialect: Dialect, documentName: string, update: Uint8Array): Uint8Array {
  return frame(dialect, documentName, MSG_SYNC, (e) => syncProtocol.writeUpdate(e, update));
}

export function encodeAwareness(dialect: Dialect, documentName: string, awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  return frame(dialect, documentName, MSG_AWARENESS, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients)));
}

/** What the client must do with one frame from the server. */
export type ServerMessage =
  | { kind: "sync"; subType: number; payload: Uint8Array }
  | { kind: "awareness"; payload: Uint8Array }
  | { kind: "authenticated" }
  | { kind: "denied" }
  | { kind: "saved"; count: number }
  | { kind: "ignored"; type: number };

export function decodeServerMessage(dialect: Dialect, data: Uint8Array): ServerMessage {
  const d = decoding.createDecoder(data);
  if (dialect === "hocuspocus") decoding.readVarString(d);
  const type = decoding.readVarUint(d);
  switch (type) {
    case MSG_SYNC:
    case MSG_HP_SYNC_REPLY: {
      if (type === MSG_HP_SYNC_REPLY && dialect !== "hocuspocus") return { kind: "ignored", type };
      const subType = decoding.readVarUint(d);
      return { kind: "sync", subType, payload: decoding.readVarUint8Array(d) };
    }
    case MSG_AWARENESS:
      return { kind: "awareness", payload: decoding.readVarUint8Array(d) };
    case MSG_AUTH: {
      if (dialect !== "hocuspocus") return { kind: "denied" };
      return decoding.readVarUint(d) === HP_AUTH_AUTHENTICATED ? { kind: "authenticated" } : { kind: "denied" };
    }
    case MSG_SAVED:
      return dialect === "y-websocket" ? { kind: "saved", count: decoding.readVarUint(d) } : { kind: "ignored", type };
    default:
      return { kind: "ignored", type };
  }
}

/** Answer to a server's sync step 1 (the diff the server lacks), in the server's dialect. */
export function encodeSyncStep2(dialect: Dialect, documentName: string, doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  return frame(dialect, documentName, MSG_SYNC, (e) => {
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc, stateVector));
  });
}
