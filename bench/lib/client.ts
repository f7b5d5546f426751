/**
 * The load generator's client: a real Y.Doc and a real Awareness behind one `ws` socket, speaking
 * y-websocket or Hocuspocus (protocol.ts). Leaner than y-websocket's WebsocketProvider (no
 * reconnect, no broadcast channel, no timers besides Awareness's own), so one process can hold
 * a thousand of them; every wait is bounded by a deadline.
 */
import WebSocket from "ws";
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import { decodeServerMessage, encodeAuth, encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, type Dialect } from "./protocol.js";

export interface ClientTarget {
  url: string;
  dialect: Dialect;
  documentName: string;
  /** Upgrade request headers (Regionssvar: session cookie and Origin). */
  headers: Record<string, string>;
}

export class BenchClient {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  synced = false;
  /** Regionssvar's "saved" count for this socket (ack=1). */
  saved = 0;
  /** Called after an update from the server was applied to `doc`. */
  onRemoteUpdate: (() => void) | null = null;
  private ws: WebSocket | null = null;
  private onSynced: (() => void) | null = null;

  constructor(
    readonly target: ClientTarget,
    doc: Y.Doc = new Y.Doc(),
  ) {
    this.doc = doc;
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.send(encodeUpdate(this.target.dialect, this.target.documentName, update));
    });
    this.awareness.on("update", ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin !== "local") return;
      this.send(encodeAwareness(this.target.dialect, this.target.documentName, this.awareness, added.concat(updated, removed)));
    });
  }

  /** Opens the socket and resolves once the server answered our sync step 1 (synced). */
  connect(timeoutMs = 30_000): Promise<void> {
    const { dialect, documentName } = this.target;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${documentName}: not synced within ${timeoutMs} ms`)), timeoutMs);
      const ws = new WebSocket(this.target.url, { headers: this.target.headers, perMessageDeflate: false });
      ws.binaryType = "nodebuffer";
      this.ws = ws;
      this.onSynced = () => {
        clearTimeout(timer);
        resolve();
      };
      ws.on("open", () => {
        const auth = encodeAuth(dialect, documentName, "bench");
        if (auth) ws.send(auth);
        ws.send(encodeSyncStep1(dialect, documentName, this.doc));
        this.awareness.setLocalState({ user: { name: "bench" }, cursor: null });
      });
      ws.on("message", (data: Buffer) => this.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
      ws.on("unexpected-response", (_req, res) => {
        clearTimeout(timer);
        reject(new Error(`${documentName}: upgrade refused with HTTP ${res.statusCode}`));
      });
      ws.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      ws.on("close", (code) => {
        clearTimeout(timer);
        if (!this.synced) reject(new Error(`${documentName}: closed with ${code} before sync`));
      });
    });
  }

  private receive(data: Uint8Array): void {
    const { dialect, documentName } = this.target;
    const m = decodeServerMessage(dialect, data);
    switch (m.kind) {
      case "sync":
        if (m.subType === syncProtocol.messageYjsSyncStep1) {
          this.send(encodeSyncStep2(dialect, documentName, this.doc, m.payload));
          return;
        }
        Y.applyUpdate(this.doc, m.payload, this);
        if (m.subType === syncProtocol.messageYjsSyncStep2 && !this.synced) {
          this.synced = true;
          this.onSynced?.();
        }
        this.onRemoteUpdate?.();
        return;
      case "awareness":
        awarenessProtocol.applyAwarenessUpdate(this.awareness, m.payload, this);
        return;
      case "saved":
        this.saved = m.count;
        return;
      case "denied":
        this.ws?.close();
        return;
      default:
        return;
    }
  }

  private send(message: Uint8Array): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(message);
  }

  /** Closes the socket; resolves when it is closed (or after 5 s, terminated). */
  close(): Promise<void> {
    this.awareness.destroy();
    const ws = this.ws;
    this.ws = null;
    if (!ws || ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        ws.terminate();
        resolve();
      }, 5000);
      ws.once("close", () => {
        clearTimeout(timer);
        resolve();
      });
      ws.close();
    });
  }
}

/** Connects clients with at most `concurrency` handshakes in flight (a burst of 1,000 upgrades measures nothing useful). */
export async function connectAll(clients: BenchClient[], concurrency = 50, timeoutMs = 60_000): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < clients.length) {
      const c = clients[next++]!;
      await c.connect(timeoutMs);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, clients.length) }, worker));
}

export async function closeAll(clients: BenchClient[]): Promise<void> {
  await Promise.all(clients.map((c) => c.close()));
}
