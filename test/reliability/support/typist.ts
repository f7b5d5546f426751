/**
 * A typing client whose "saved" bookkeeping is done on CONTENT: every update-bearing frame it
 * sends is decoded and the unique tokens it inserts are noted against that frame's number on that
 * socket; a MESSAGE_SAVED n marks the tokens of frames 1..n as acknowledged. A sync step 2 sent
 * after a reconnect carries everything the server lacked, so tokens resent there are
 * acknowledged with it. Nothing is ever counted as acknowledged that the server did not confirm.
 *
 * Tokens look like `c3r17` (client 3, its 17th token) and are typed as " c3r17" at the end of one
 * text field, so the stored text can be checked token by token.
 */
import WebSocket from "ws";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import { WebsocketProvider } from "y-websocket";
import { MESSAGE_EVENT, MESSAGE_HEARTBEAT, MESSAGE_SAVED, MESSAGE_SYNC, SYNC_STEP_2, SYNC_UPDATE } from "../../../shared/protocol/messages.js";
import { frameBytes } from "../../../shared/protocol/frames.js";
import { EDITOR_SCHEMA_VERSION } from "../../../shared/schema/version.js";
import type { Endpoint, Session } from "../../helpers/clients.js";
import { appendText, fieldText } from "../../helpers/ydoc.js";

export const TOKEN = /c\d+r\d+/g;

// every y-websocket provider listens for the process's exit; a test here runs dozens of them
process.setMaxListeners(Math.max(process.getMaxListeners(), 200));

/** The tokens in a text (the whole token set of a field). */
export function tokensOf(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The tokens an update inserts (its string items). */
export function tokensInUpdate(update: Uint8Array): string[] {
  const out: string[] = [];
  for (const s of Y.decodeUpdate(update).structs) {
    if (s instanceof Y.Item && s.content instanceof Y.ContentString) out.push(...tokensOf(s.content.str));
  }
  return out;
}

/** The update inside an update-bearing frame (sync step 2 or update), else null. */
function updateOfFrame(bytes: Uint8Array): Uint8Array | null {
  try {
    const d = decoding.createDecoder(bytes);
    if (decoding.readVarUint(d) !== MESSAGE_SYNC) return null;
    const sub = decoding.readVarUint(d);
    if (sub !== SYNC_STEP_2 && sub !== SYNC_UPDATE) return null;
    return decoding.readVarUint8Array(d);
  } catch {
    return null;
  }
}

export interface Typist {
  readonly index: number;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Every token this client typed. */
  readonly typed: Set<string>;
  /** Tokens the server confirmed as saved. */
  readonly acknowledged: Set<string>;
  /** Close codes of this client's sockets, in order. */
  readonly closeCodes: number[];
  /** Close reasons, in the same order. */
  readonly closeReasons: string[];
  /** Server events (MESSAGE_EVENT) received, parsed. */
  readonly events: { type: string; [k: string]: unknown }[];
  /** Update-bearing frames sent on the current socket and the server's last "saved" count. */
  readonly counter: { sent: number; saved: number };
  /** Types the next token; returns it. */
  type(): string;
  /** Connected, synced, and every frame sent on this socket acknowledged. */
  allSaved(): boolean;
  text(): string;
  destroy(): void;
}

export interface TypistOptions {
  field: string;
  /** Extra headers on the upgrade request. */
  headers?: Record<string, string>;
  connect?: boolean;
  /** Longest wait between reconnection attempts, in ms. */
  maxBackoffTime?: number;
}

export function connectTypist(endpoint: Endpoint, session: Session, documentId: string, index: number, options: TypistOptions): Typist {
  const doc = new Y.Doc();
  const typed = new Set<string>();
  const acknowledged = new Set<string>();
  const closeCodes: number[] = [];
  const closeReasons: string[] = [];
  const events: { type: string; [k: string]: unknown }[] = [];
  const counter = { sent: 0, saved: 0 };
  // tokens of each update-bearing frame on the current socket (index 0 = frame 1)
  let frames: string[][] = [];
  let ackedFrames = 0;
  const headers = { cookie: session.cookie, origin: endpoint.origin, ...options.headers };

  class TrackingSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
      frames = [];
      ackedFrames = 0;
      counter.sent = 0;
      counter.saved = 0;
    }
    override send(data: any, ...rest: any[]): void {
      const bytes = frameBytes(data);
      const update = bytes && updateOfFrame(bytes);
      if (update) {
        counter.sent++;
        frames.push(tokensInUpdate(update));
      }
      (super.send as (...args: unknown[]) => void)(data, ...rest);
    }
  }

  const provider = new WebsocketProvider(`${endpoint.wsUrl}/collab`, documentId, doc, {
    WebSocketPolyfill: TrackingSocket as unknown as typeof globalThis.WebSocket,
    params: { ack: "1", schema: String(EDITOR_SCHEMA_VERSION) },
    disableBc: true,
    connect: options.connect ?? true,
    // reconnect quickly after a restart (the default backoff grows to 2.5 s)
    maxBackoffTime: options.maxBackoffTime ?? 500,
  });
  provider.messageHandlers[MESSAGE_HEARTBEAT] = () => {};
  provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
    const n = decoding.readVarUint(decoder);
    counter.saved = Math.max(counter.saved, n);
    for (; ackedFrames < Math.min(n, frames.length); ackedFrames++) for (const t of frames[ackedFrames]!) acknowledged.add(t);
  };
  provider.messageHandlers[MESSAGE_EVENT] = (_encoder, decoder) => {
    events.push(JSON.parse(decoding.readVarString(decoder)) as { type: string });
  };
  provider.on("connection-close", (event: CloseEvent | null) => {
    if (event) {
      closeCodes.push(event.code);
      closeReasons.push(event.reason);
    }
  });

  let n = 0;
  return {
    index,
    doc,
    provider,
    typed,
    acknowledged,
    closeCodes,
    closeReasons,
    events,
    counter,
    type() {
      const token = `c${index}r${n++}`;
      typed.add(token);
      appendText(doc, options.field, ` ${token}`);
      return token;
    },
    allSaved: () => provider.wsconnected && provider.synced && counter.saved >= counter.sent,
    text: () => fieldText(doc, options.field),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Tokens of `expected` missing from `text`, and tokens that occur more than once in it. */
export function compareTokens(text: string, expected: Iterable<string>): { missing: string[]; duplicated: string[] } {
  const counts = new Map<string, number>();
  for (const t of tokensOf(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const missing = [...expected].filter((t) => !counts.has(t));
  const duplicated = [...counts].filter(([, c]) => c > 1).map(([t]) => t);
  return { missing, duplicated };
}
