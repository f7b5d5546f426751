/**
 * A connection that went dead without closing (a lost network) is found within seconds (issue
 * 14): the server pings every socket every HEARTBEAT_MS and ends one that answered no ping, which
 * takes the person out of everyone's presence list; and it sends MESSAGE_HEARTBEAT to clients
 * that opted in, whose silence lets the browser give up on a dead connection quickly.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import { MESSAGE_AWARENESS, MESSAGE_HEARTBEAT } from "../../shared/protocol/messages.js";
import { EDITOR_SCHEMA_VERSION } from "../../shared/schema/version.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { connectClient, login, type TestClient } from "../helpers/clients.js";
import { waitFor } from "../helpers/wait.js";

const DOC = "svar-nordjylland";
let server: TestServer;
let observer: TestClient;
beforeAll(async () => {
  server = await startServer();
  observer = connectClient(server, await login(server, "redaktoer.hjoerring@regionssvar.dk"), DOC);
  await waitFor(() => observer.provider.synced);
});
afterAll(async () => {
  observer?.destroy();
  await server?.close();
});

async function rawSocket(options: { autoPong: boolean }): Promise<WebSocket> {
  const session = await login(server, "redaktoer.aalborg@regionssvar.dk");
  const socket = new WebSocket(`${server.wsUrl}/collab/${DOC}?ack=1&schema=${EDITOR_SCHEMA_VERSION}`, {
    headers: { cookie: session.cookie, origin: server.origin },
    autoPong: options.autoPong,
  });
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  return socket;
}

function announce(socket: WebSocket, clientId: number): void {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ cursor: null });
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]));
  socket.send(encoding.toUint8Array(encoder));
  awareness.destroy();
}

describe("heartbeat", () => {
  it("sends opted-in clients a heartbeat every few seconds", async () => {
    const socket = await rawSocket({ autoPong: true });
    try {
      const heard = await new Promise<number>((resolve) => {
        socket.on("message", (data: Buffer) => {
          if (data[0] === MESSAGE_HEARTBEAT) resolve(Date.now());
        });
      });
      expect(heard).toBeGreaterThan(0);
    } finally {
      socket.terminate();
    }
  });

  it("ends a socket that answers no ping and drops the person from presence", async () => {
    const socket = await rawSocket({ autoPong: false });
    const clientId = 424242;
    const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    announce(socket, clientId);
    await waitFor(() => observer.provider.awareness.getStates().has(clientId), { message: "the person appears" });
    await closed;
    // waitFor's deadline (10 s) is a hang guard; with y-websocket's own 30 s it would run out.
    await waitFor(() => !observer.provider.awareness.getStates().has(clientId), { message: "the person is dropped" });
  });
});
