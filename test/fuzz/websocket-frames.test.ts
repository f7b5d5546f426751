/**
 * Hostile frames on the collaboration endpoint: random bytes, mutated valid frames, truncated
 * varints, huge lengths, wrong message types, updates that reference structs that do not exist.
 * The process never crashes, the event loop never stalls for a second, an offending socket is
 * closed, and an honest client in the same room keeps working. FUZZ_FRAMES raises the count;
 * TEST_SEED=<n> replays a run.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import { MESSAGE_AWARENESS, MESSAGE_SYNC, SYNC_STEP_1, SYNC_UPDATE } from "../../shared/protocol/messages.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { connectClient, login, type Session, type TestClient } from "../helpers/clients.js";
import { appendText, fieldText } from "../helpers/ydoc.js";
import { seededRandom } from "../helpers/random.js";
import { waitFor } from "../helpers/wait.js";

const SEED = Number(process.env.TEST_SEED ?? Date.now() % 1_000_000);
const FRAMES = Number(process.env.FUZZ_FRAMES ?? 20_000);
const DOC = "svar-nordjylland";
/** Deadline for the server to close a socket after its hostile burst (not a sleep: usually ~1 ms). */
const CLOSE_DEADLINE_MS = 2000;

let server: TestServer;
let session: Session;
let honest: TestClient;
beforeAll(async () => {
  server = await startServer();
  session = await login(server, "redaktoer.aalborg@regionssvar.dk");
  honest = connectClient(server, await login(server, "redaktoer.hjoerring@regionssvar.dk"), DOC);
  await waitFor(() => honest.provider.synced);
});
afterAll(async () => {
  honest?.destroy();
  await server?.close();
});

function message(type: number, sub: number | null, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  if (sub !== null) encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** A real update of a foreign document: its structs reference parents this document lacks. */
function foreignUpdate(random: () => number): Uint8Array {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, "x".repeat(1 + Math.floor(random() * 20)));
  doc.getMap("fields").set("i4.driftsstart", random() < 0.5 ? "2030-01" : 7);
  return Y.encodeStateAsUpdate(doc);
}

function hostileFrame(random: () => number, valid: Uint8Array): Uint8Array {
  const kind = Math.floor(random() * 8);
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
  switch (kind) {
    case 0:
      return bytes(1 + Math.floor(random() * 64)); // random bytes
    case 1: {
      const m = valid.slice(); // mutated valid frame
      for (let i = 0; i < 1 + random() * 4; i++) m[Math.floor(random() * m.length)] = Math.floor(random() * 256);
      return m;
    }
    case 2:
      return valid.slice(0, Math.max(1, Math.floor(random() * valid.length))); // truncated
    case 3: {
      const e = encoding.createEncoder(); // a length that claims gigabytes
      encoding.writeVarUint(e, MESSAGE_SYNC);
      encoding.writeVarUint(e, SYNC_UPDATE);
      encoding.writeVarUint(e, 2 ** 31);
      return encoding.toUint8Array(e);
    }
    case 4:
      return message(Math.floor(random() * 1000) + 4, null, bytes(8)); // unknown message type
    case 5:
      return message(MESSAGE_SYNC, SYNC_UPDATE, foreignUpdate(random)); // missing structs
    case 6:
      return message(MESSAGE_AWARENESS, null, bytes(16)); // garbage awareness
    default:
      return message(MESSAGE_SYNC, SYNC_STEP_1, bytes(Math.floor(random() * 12))); // bad state vector
  }
}

function openSocket(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.wsUrl}/collab/${DOC}`, { headers: { origin: server.origin, cookie: session.cookie } });
    ws.once("open", () => resolve(ws));
    ws.once("error", reject);
  });
}

describe(`websocket frame fuzz (seed ${SEED})`, () => {
  it("survives hostile frames: no crash, no stall, offenders closed, honest clients unaffected", async () => {
    const random = seededRandom(SEED);
    const doc = new Y.Doc();
    doc.getText("x").insert(0, "gyldig");
    const valid = message(MESSAGE_SYNC, SYNC_UPDATE, Y.encodeStateAsUpdate(doc));
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const rssBefore = process.memoryUsage().rss;
    let sent = 0;
    let closedByServer = 0;
    while (sent < FRAMES) {
      const ws = await openSocket();
      const closed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
      // a burst of frames per socket: the first offending one closes it
      for (let i = 0; i < 5 && ws.readyState === WebSocket.OPEN; i++, sent++) ws.send(hostileFrame(random, valid));
      const timeout = new Promise<number>((resolve) => setTimeout(() => resolve(-1), CLOSE_DEADLINE_MS));
      const code = await Promise.race([closed, timeout]);
      if (code !== -1) closedByServer++;
      ws.terminate();
    }
    delay.disable();
    const maxStallMs = delay.max / 1e6;
    const rssGrowthMb = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
    console.log(`websocket fuzz: ${sent} frames, ${closedByServer} sockets closed by the server, max event-loop delay ${maxStallMs.toFixed(0)} ms, RSS growth ${rssGrowthMb.toFixed(1)} MB, seed ${SEED}`);
    expect(maxStallMs, `replay with TEST_SEED=${SEED}`).toBeLessThan(1000);
    expect(closedByServer).toBeGreaterThan(0);

    appendText(honest.doc, "i1.hjemmel.tekst", " stadig i live");
    await waitFor(() => honest.counter.saved >= honest.counter.sent);
    const fresh = connectClient(server, session, DOC);
    try {
      await waitFor(() => fresh.provider.synced && fieldText(fresh.doc, "i1.hjemmel.tekst").includes("stadig i live"));
    } finally {
      fresh.destroy();
    }
  });
});
