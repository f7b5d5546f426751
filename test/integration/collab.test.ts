/**
 * The collaboration endpoint end to end: a real server on port 0, real y-websocket providers
 * over real websockets, on each storage backend (SQLite, and PostgreSQL on a fresh database).
 */
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import { CloseCode, MESSAGE_SYNC, SYNC_UPDATE } from "../../shared/protocol/messages.js";
import type { TestServer } from "../helpers/server.js";
import { BACKENDS, startServerOn } from "../helpers/backends.js";
import { allSaved, connectClient, login, type TestClient } from "../helpers/clients.js";
import { appendText, countNodes, fieldText } from "../helpers/ydoc.js";
import { waitFor } from "../helpers/wait.js";
import { storedDoc } from "../helpers/stored.js";

const DOC = "svar-nordjylland";
const EDITOR_A = "redaktoer.aalborg@regionssvar.dk";
const EDITOR_B = "redaktoer.hjoerring@regionssvar.dk";
const FIELD = "i1.hjemmel.tekst";

let server: TestServer;
const clients: TestClient[] = [];
const track = (c: TestClient) => (clients.push(c), c);

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
});

/** Opens a raw websocket and resolves with the HTTP status of a refused upgrade, or 101. */
function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on("open", () => {
      ws.close();
      resolve(101);
    });
    ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    ws.on("error", () => resolve(-1));
  });
}

describe.each(BACKENDS)("collaboration endpoint (%s)", (backend) => {
  it("two clients converge on concurrent edits and a late joiner gets the full state", async () => {
    server = await startServerOn(backend);
    const a = track(connectClient(server, await login(server, EDITOR_A), DOC));
    const b = track(connectClient(server, await login(server, EDITOR_B), DOC));
    await waitFor(() => a.provider.synced && b.provider.synced);
    expect(countNodes(a.doc, "replyItem")).toBeGreaterThan(0);

    // concurrent: both type before seeing each other's change
    appendText(a.doc, FIELD, "Aalborg skriver. ");
    appendText(b.doc, FIELD, "Hjørring skriver. ");
    await waitFor(() => fieldText(a.doc, FIELD) === fieldText(b.doc, FIELD) && fieldText(a.doc, FIELD).length > 30);
    const text = fieldText(a.doc, FIELD);
    expect(text).toContain("Aalborg skriver.");
    expect(text).toContain("Hjørring skriver.");

    const late = track(connectClient(server, await login(server, "koordinator.nordjylland@regionssvar.dk"), DOC));
    await waitFor(() => late.provider.synced && fieldText(late.doc, FIELD) === text);
    expect(Y.encodeStateVector(late.doc)).toEqual(Y.encodeStateVector(a.doc));
  });

  it("acknowledges an update as saved only after it is committed, and it survives a restart", async () => {
    server = await startServerOn(backend);
    const a = track(connectClient(server, await login(server, EDITOR_A), DOC));
    await waitFor(() => a.provider.synced);
    appendText(a.doc, FIELD, "Gemt tekst.");
    await waitFor(() => allSaved(a) && a.counter.sent > 0);
    const stored = await storedDoc(server.store, DOC);
    expect(fieldText(stored, FIELD)).toContain("Gemt tekst.");
  });

  it("refuses an upgrade without a session, with a foreign, null or missing Origin, before 101", async () => {
    server = await startServerOn(backend);
    const session = await login(server, EDITOR_A);
    const url = `${server.wsUrl}/collab/${DOC}`;
    expect(await upgradeStatus(url, { origin: server.origin })).toBe(401);
    expect(await upgradeStatus(url, { origin: "https://evil.example", cookie: session.cookie })).toBe(403);
    expect(await upgradeStatus(url, { origin: "null", cookie: session.cookie })).toBe(403);
    expect(await upgradeStatus(url, { cookie: session.cookie })).toBe(403);
    expect(await upgradeStatus(url, { origin: server.origin, cookie: session.cookie })).toBe(101);
  });

  it("refuses another region's document", async () => {
    server = await startServerOn(backend);
    const session = await login(server, EDITOR_A);
    const status = await upgradeStatus(`${server.wsUrl}/collab/svar-hovedstaden`, { origin: server.origin, cookie: session.cookie });
    expect(status).toBe(403);
  });

  it("closes only the connection that sends a malformed frame; the room lives on", async () => {
    server = await startServerOn(backend);
    const a = track(connectClient(server, await login(server, EDITOR_A), DOC));
    const b = track(connectClient(server, await login(server, EDITOR_B), DOC));
    await waitFor(() => a.provider.synced && b.provider.synced);

    const session = await login(server, EDITOR_B);
    const raw = new WebSocket(`${server.wsUrl}/collab/${DOC}`, { headers: { origin: server.origin, cookie: session.cookie } });
    await new Promise((r) => raw.once("open", r));
    const closed = new Promise<number>((r) => raw.once("close", (code) => r(code)));
    // a sync update whose payload length claims far more bytes than follow
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_UPDATE);
    encoding.writeVarUint(e, 1_000_000);
    encoding.writeUint8(e, 1);
    raw.send(encoding.toUint8Array(e));
    expect(await closed).toBe(CloseCode.MALFORMED_MESSAGE);

    appendText(a.doc, FIELD, "Stadig i live.");
    await waitFor(() => fieldText(b.doc, FIELD).includes("Stadig i live."));
  });

  it("refuses a frame above the size limit with 1009", async () => {
    server = await startServerOn(backend, { config: { WS_MAX_FRAME_BYTES: 64 * 1024 } });
    const session = await login(server, EDITOR_A);
    const raw = new WebSocket(`${server.wsUrl}/collab/${DOC}`, { headers: { origin: server.origin, cookie: session.cookie } });
    await new Promise((r) => raw.once("open", r));
    const closed = new Promise<number>((r) => raw.once("close", (code) => r(code)));
    raw.send(new Uint8Array(200 * 1024));
    expect(await closed).toBe(1009);
  });

  it("refuses a client with an older editor schema", async () => {
    server = await startServerOn(backend);
    const a = track(connectClient(server, await login(server, EDITOR_A), DOC, { schemaVersion: 0 }));
    await waitFor(() => a.closeCodes.includes(CloseCode.SCHEMA_OUTDATED));
  });

  it("seeds the template exactly once when 20 clients connect to a new document at the same moment", async () => {
    server = await startServerOn(backend);
    const sessions = await Promise.all([EDITOR_A, EDITOR_B].map((e) => login(server, e)));
    const many = Array.from({ length: 20 }, (_, i) => track(connectClient(server, sessions[i % 2]!, "svar-nordjylland")));
    await waitFor(() => many.every((c) => c.provider.synced));
    const counts = many.map((c) => countNodes(c.doc, "replyItem"));
    expect(new Set(counts).size).toBe(1);
    const state = await server.store.loadDocumentState(DOC);
    const stored = new Y.Doc();
    for (const u of state.updates) Y.applyUpdate(stored, u);
    expect(countNodes(stored, "replyItem")).toBe(counts[0]);
    expect(countNodes(stored, "textField")).toBe(countNodes(many[0]!.doc, "textField"));
  });
});
