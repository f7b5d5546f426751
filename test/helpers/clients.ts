/**
 * Real clients for tests: sign in over HTTP, then a stock y-websocket WebsocketProvider over a
 * real websocket (the `ws` package, with the session cookie and an Origin header, as a browser).
 */
import WebSocket from "ws";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import { WebsocketProvider } from "y-websocket";
import { MESSAGE_HEARTBEAT, MESSAGE_SAVED } from "../../shared/protocol/messages.js";
import { isUpdateBearingFrame } from "../../shared/protocol/frames.js";
import { EDITOR_SCHEMA_VERSION } from "../../shared/schema/version.js";
import { TEST_PASSWORD } from "./server.js";

export interface Endpoint {
  baseUrl: string;
  wsUrl: string;
  origin: string;
}

export interface Session {
  cookie: string; // the Cookie header value (session + csrf cookies)
  csrfToken: string;
  userId: string;
}

function cookiesFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

export async function login(server: Endpoint, email: string, password = TEST_PASSWORD): Promise<Session> {
  const response = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.origin },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login of ${email} failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { csrfToken: string; user: { id: string } };
  return { cookie: cookiesFrom(response), csrfToken: body.csrfToken, userId: body.user.id };
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Update-bearing frames sent on the current socket, and the server's last "saved" count. */
  counter: { sent: number; saved: number };
  closeCodes: number[];
  destroy: () => void;
}

export interface ClientOptions {
  ack?: boolean;
  origin?: string | null;
  schemaVersion?: number;
  connect?: boolean;
  doc?: Y.Doc;
}

export function connectClient(server: Endpoint, session: Session | null, documentId: string, options: ClientOptions = {}): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const counter = { sent: 0, saved: 0 };
  const closeCodes: number[] = [];
  const headers: Record<string, string> = {};
  if (session) headers.cookie = session.cookie;
  const origin = options.origin === undefined ? server.origin : options.origin;
  if (origin !== null) headers.origin = origin;

  class TestSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
      counter.sent = 0;
      counter.saved = 0;
    }
    override send(data: any, ...rest: any[]): void {
      if (data instanceof Uint8Array && isUpdateBearingFrame(data)) counter.sent++;
      (super.send as (...args: unknown[]) => void)(data, ...rest);
    }
  }

  const params: Record<string, string> = {};
  if (options.ack !== false) params.ack = "1";
  params.schema = String(options.schemaVersion ?? EDITOR_SCHEMA_VERSION);
  const provider = new WebsocketProvider(`${server.wsUrl}/collab`, documentId, doc, {
    WebSocketPolyfill: TestSocket as unknown as typeof globalThis.WebSocket,
    params,
    disableBc: true,
    connect: options.connect ?? true,
  });
  provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
    counter.saved = decoding.readVarUint(decoder);
  };
  provider.messageHandlers[MESSAGE_HEARTBEAT] = () => {};
  provider.on("connection-close", (event: CloseEvent | null) => {
    if (event) closeCodes.push(event.code);
  });
  return {
    doc,
    provider,
    counter,
    closeCodes,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** True when every update-bearing frame this client sent on its socket is acknowledged as saved. */
export function allSaved(client: TestClient): boolean {
  return client.provider.wsconnected && client.provider.synced && client.counter.saved >= client.counter.sent;
}
