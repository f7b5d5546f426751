/**
 * A cold load from a stored snapshot pushes the snapshot's bytes to a fresh client while the
 * server is still applying them to the room (the two halves of the load run side by side), and
 * nothing falls in between: what another instance accepted during the load reaches the client
 * in the answer to its sync step 1. A client that shows it has the document is not pushed it.
 * Reads of the document are held (after reading) to place events inside the load.
 */
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { MESSAGE_SYNC, SYNC_STEP_1, SYNC_STEP_2, SYNC_UPDATE } from "../../shared/protocol/messages.js";
import type { Store } from "../../server/storage/types.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { createTempPostgres } from "../helpers/postgres.js";
import { connectClient, login, type TestClient } from "../helpers/clients.js";
import { appendText, fieldText } from "../helpers/ydoc.js";
import { waitFor } from "../helpers/wait.js";

const DOC = "svar-nordjylland";
const FIELD = "i1.indsats.tekst";
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A store whose reads of DOC, once `hold()` is called, wait (after reading) until released. */
function heldReads() {
  let holding = false;
  let markRead = () => {};
  let release = () => {};
  const read = new Promise<void>((resolve) => (markRead = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const wrap = (inner: Store): Store =>
    new Proxy(inner, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop === "loadDocumentState") {
          return async (id: string) => {
            const state = await target.loadDocumentState(id);
            if (holding && id === DOC) {
              markRead();
              await released;
            }
            return state;
          };
        }
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  return { wrap, hold: () => (holding = true), read, release: () => release() };
}

/** The frames a raw socket receives, decoded as sync messages, in order. */
function syncFrames(ws: WebSocket): { type: number; payload: Uint8Array }[] {
  const frames: { type: number; payload: Uint8Array }[] = [];
  ws.on("message", (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
    const type = decoding.readVarUint(decoder);
    frames.push({ type, payload: decoding.readVarUint8Array(decoder) });
  });
  return frames;
}

/** Opens a raw socket to the document and sends a sync step 1 with the given state vector. */
async function openWithStep1(server: TestServer, email: string, stateVector: Uint8Array) {
  const session = await login(server, email);
  const ws = new WebSocket(`${server.wsUrl}/collab/${DOC}`, { headers: { origin: server.origin, cookie: session.cookie } });
  cleanup.push(() => ws.terminate());
  const frames = syncFrames(ws);
  await new Promise((resolve, reject) => (ws.once("open", resolve), ws.once("error", reject)));
  const step1 = encoding.createEncoder();
  encoding.writeVarUint(step1, MESSAGE_SYNC);
  encoding.writeVarUint(step1, SYNC_STEP_1);
  encoding.writeVarUint8Array(step1, stateVector);
  ws.send(encoding.toUint8Array(step1));
  // the server reads frames in order: once it answers a ping, it has the step 1 too
  await new Promise((resolve) => (ws.once("pong", resolve), ws.ping()));
  return frames;
}

describe("cold load from a stored snapshot", () => {
  it("pushes the snapshot to a fresh client while the room loads, then what arrived meanwhile", async () => {
    const database = await createTempPostgres();
    cleanup.push(() => database.drop());
    const config = { DATABASE_URL: database.url, REDIS_URL, REDIS_CHANNEL_PREFIX: `t${randomBytes(4).toString("hex")}` };
    const one = await startServer({ config });
    cleanup.push(() => one.close());
    const reads = heldReads();
    const two: TestServer = await startServer({ config, wrapStore: reads.wrap });
    cleanup.push(() => two.close());

    // storage holds the document as one snapshot
    const writer: TestClient = connectClient(one, await login(one, "redaktoer.aalborg@regionssvar.dk"), DOC);
    cleanup.push(() => writer.destroy());
    await waitFor(() => writer.provider.synced);
    appendText(writer.doc, FIELD, "Før indlæsningen.");
    await waitFor(() => writer.counter.saved >= writer.counter.sent);
    await one.store.compact(DOC);

    // a fresh client on the second instance: its read of the snapshot is held
    reads.hold();
    const frames = await openWithStep1(two, "redaktoer.hjoerring@regionssvar.dk", Y.encodeStateVector(new Y.Doc()));
    await reads.read;

    // meanwhile the first instance accepts an edit; the second gets it while still loading
    appendText(writer.doc, FIELD, " Under indlæsningen.");
    await waitFor(() => writer.counter.saved >= writer.counter.sent);
    const early = (two.app.collab.rooms as unknown as { early: Map<string, unknown[]> }).early;
    await waitFor(() => (early.get(DOC)?.length ?? 0) > 0, { message: "the edit reached the loading instance" });
    reads.release();

    // first the stored snapshot (without the edit made during the load: the normal path would
    // answer from the loaded room, edit included), then the edit in the answer to the step 1
    await waitFor(() => frames.some((f) => f.type === SYNC_STEP_1), { message: "joined the room" });
    const [answer] = frames.splice(0, 1);
    expect(answer?.type).toBe(SYNC_STEP_2);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, answer!.payload);
    expect(fieldText(doc, FIELD)).toBe("Før indlæsningen.");
    await waitFor(
      () => {
        for (const f of frames.splice(0)) if (f.type === SYNC_STEP_2 || f.type === SYNC_UPDATE) Y.applyUpdate(doc, f.payload);
        return fieldText(doc, FIELD) === "Før indlæsningen. Under indlæsningen.";
      },
      { message: "the client has both edits" },
    );
  });

  it("does not push the snapshot to a client whose first frame shows it has the document", async () => {
    const reads = heldReads();
    const server = await startServer({ wrapStore: reads.wrap });
    cleanup.push(() => server.close());
    const writer = connectClient(server, await login(server, "redaktoer.aalborg@regionssvar.dk"), DOC);
    cleanup.push(() => writer.destroy());
    await waitFor(() => writer.provider.synced);
    appendText(writer.doc, FIELD, "x".repeat(5000));
    await waitFor(() => writer.counter.saved >= writer.counter.sent);
    const held = Y.encodeStateAsUpdate(writer.doc);
    writer.destroy();
    await waitFor(() => server.app.collab.rooms.get(DOC) === undefined, { message: "room unloaded" });
    await server.store.compact(DOC);

    reads.hold();
    const loading = server.app.collab.rooms.acquire(DOC); // the load starts; its read is held
    await reads.read;
    const frames = await openWithStep1(server, "redaktoer.hjoerring@regionssvar.dk", Y.encodeStateVectorFromUpdate(held));
    reads.release();
    await loading;
    await waitFor(() => frames.some((f) => f.type === SYNC_STEP_2), { message: "answered" });
    expect(Math.max(...frames.map((f) => f.payload.length))).toBeLessThan(held.length / 10);
  });
});
