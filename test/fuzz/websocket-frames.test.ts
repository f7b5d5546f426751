/**
 * Hostile frames on the collaboration endpoint: random bytes, mutated valid frames, truncated
 * varints, huge lengths, wrong message types, updates that reference structs that do not exist.
 * Known Yjs crash and loop reproductions (yjs issues 479, 498 and 687) are sent first. The server
 * runs in its own process (so the load generator's work is not counted against it); it never
 * crashes, its event loop (measured inside it, through the V8 inspector) never stalls for a
 * second, an offending socket is closed, its heap after GC stays bounded, and an honest client in
 * the same room keeps working. FUZZ_FRAMES
 * raises the count (the long form of the reliability battery, RELIABILITY_LONG=1, sends
 * 1,000,000); several sockets are fuzzed at once, each with its own generator seeded from
 * TEST_SEED=<n>, which replays a run.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import { MESSAGE_AWARENESS, MESSAGE_SYNC, SYNC_STEP_1, SYNC_STEP_2, SYNC_UPDATE } from "../../shared/protocol/messages.js";
import { startChildServer, tempDataDir, waitForExit, type ChildServer } from "../helpers/server.js";
import { connectClient, login, type Session, type TestClient } from "../helpers/clients.js";
import { appendText, fieldText } from "../helpers/ydoc.js";
import { seededRandom } from "../helpers/random.js";
import { waitFor } from "../helpers/wait.js";
import { attachInspector, INSPECT_ENV, type Inspector } from "../reliability/support/inspector.js";

const SEED = Number(process.env.TEST_SEED ?? Date.now() % 1_000_000);
const LONG = process.env.RELIABILITY_LONG === "1";
const FRAMES = Number(process.env.FUZZ_FRAMES ?? (LONG ? 1_000_000 : 20_000));
/** Sockets fuzzed at once. */
const CONCURRENT = 8;
/** Bar: growth of the heap after GC over the whole run. */
const HEAP_BAR_MB = 32;

/**
 * Known reproductions of Yjs decoder crashes and infinite loops, sent as update, sync step 2 and
 * state-vector payloads: yjs#479 (garbage that looped lib0's readVarUint), yjs#498 (an empty
 * update), yjs#687 (run-length encodings claiming billions of structs or updates; the byte strings
 * of yjs's tests/limits.tests.js).
 */
const KNOWN_REPRODUCTIONS: [string, Uint8Array][] = [
  ["yjs#479", new Uint8Array(Buffer.from("garbagedoc", "base64"))],
  ["yjs#498", new Uint8Array()],
  ["yjs#687 structs", new Uint8Array([0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 1, 2, 0, 0, 22, 2, 0, 0, 1, 253, 255, 255, 255, 255, 127, 0, 0])],
  [
    "yjs#687 updates v1",
    new Uint8Array([
      228, 156, 16, 0, 5, 255, 255, 5, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 237, 0, 0, 0, 1, 1, 0, 254, 184, 194, 233, 173, 135, 217, 18, 0, 0, 1, 1, 255, 237, 246,
    ]),
  ],
  [
    "yjs#687 updates v2",
    new Uint8Array([
      228, 149, 0, 0, 1, 24, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 237, 1, 190, 130, 227, 195, 28, 1, 2, 228, 149, 0, 0, 1, 24, 0, 0, 1, 24, 0, 0, 1, 0, 1, 237, 0,
    ]),
  ],
  [
    "yjs#687 gc length",
    new Uint8Array([
      143, 1, 128, 0, 0, 0, 1, 170, 1, 0, 1, 2, 0, 0, 22, 2, 0, 229, 196, 67, 20, 231, 166, 139, 147, 174, 181, 253, 93, 232, 38, 154, 138, 89, 0, 49, 213, 15,
      18, 1, 48, 0, 0, 0,
    ]),
  ],
  [
    "yjs#687 over limit",
    new Uint8Array([
      0, 1, 35, 0, 0, 0, 1, 2, 129, 0, 0, 16, 0, 199, 220, 0, 196, 122, 128, 0, 65, 171, 234, 214, 0, 1, 0, 0, 1, 0, 0, 132, 0, 0, 16, 255, 199, 220, 255, 0, 0,
      0,
    ]),
  ],
];
const DOC = "svar-nordjylland";
/** Deadline for the server to close a socket after its hostile burst (not a sleep: usually ~1 ms). */
const CLOSE_DEADLINE_MS = 2000;

let server: ChildServer;
let inspector: Inspector;
let session: Session;
let honest: TestClient;
const data = tempDataDir();
beforeAll(async () => {
  // one account plays every attacker here: lift the per-user limits so the frames reach the
  // decoder (the limits themselves are tested in test/reliability/limits.test.ts)
  server = await startChildServer(data.dir, { USER_MESSAGES_PER_SECOND: "1000000", MAX_CONNECTIONS_PER_USER: "100000", ...INSPECT_ENV });
  inspector = await attachInspector(server);
  session = await login(server, "redaktoer.aalborg@regionssvar.dk");
  honest = connectClient(server, await login(server, "redaktoer.hjoerring@regionssvar.dk"), DOC);
  await waitFor(() => honest.provider.synced);
});
afterAll(async () => {
  honest?.destroy();
  inspector?.close();
  server?.process.kill("SIGKILL");
  if (server) await waitForExit(server.process);
  data.remove();
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
  it(
    "survives hostile frames: no crash, no stall, offenders closed, honest clients unaffected",
    async () => {
      const doc = new Y.Doc();
      doc.getText("x").insert(0, "gyldig");
      const valid = message(MESSAGE_SYNC, SYNC_UPDATE, Y.encodeStateAsUpdate(doc));
      // the server's own event-loop delay histogram, inside the server process
      await inspector.evaluate(
        `(() => { const h = process.getBuiltinModule("node:perf_hooks").monitorEventLoopDelay({ resolution: 10 }); h.enable(); globalThis.fuzzDelay = h; return true; })()`,
      );
      const before = await inspector.memoryAfterGc();
      let sent = 0;
      let closedByServer = 0;
      /** Sends frames on one socket until the server closes it (or the deadline passes); true if the server closed it. */
      const burst = async (frames: () => Uint8Array | null): Promise<boolean> => {
        const ws = await openSocket();
        const closed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
        for (let f = frames(); f && ws.readyState === WebSocket.OPEN; f = frames(), sent++) ws.send(f);
        const timeout = new Promise<number>((resolve) => setTimeout(() => resolve(-1), CLOSE_DEADLINE_MS));
        const code = await Promise.race([closed, timeout]);
        ws.terminate();
        if (code !== -1) closedByServer++;
        return code !== -1;
      };
      // the known reproductions, each as update, sync step 2 and state vector: refused (socket
      // closed) or, where the bytes happen to be a harmless valid V1 message, handled; never a hang
      const known: string[] = [];
      for (const [name, payload] of KNOWN_REPRODUCTIONS) {
        const outcomes: string[] = [];
        for (const frame of [
          message(MESSAGE_SYNC, SYNC_UPDATE, payload),
          message(MESSAGE_SYNC, SYNC_STEP_2, payload),
          message(MESSAGE_SYNC, SYNC_STEP_1, payload),
        ]) {
          let once = false;
          outcomes.push((await burst(() => (once ? null : ((once = true), frame)))) ? "closed" : "handled");
        }
        known.push(`${name} ${outcomes.join("/")}`);
      }
      // random hostile frames, a burst of 5 per socket (the first offending one closes it), several sockets at once
      await Promise.all(
        Array.from({ length: CONCURRENT }, async (_, w) => {
          const random = seededRandom(SEED * CONCURRENT + w);
          while (sent < FRAMES) {
            let n = 0;
            await burst(() => (n++ < 5 && sent < FRAMES ? hostileFrame(random, valid) : null));
          }
        }),
      );
      const maxStallMs = (await inspector.evaluate<number>("globalThis.fuzzDelay.max")) / 1e6;
      expect(server.process.exitCode, "the server process is alive").toBeNull();
      const after = await inspector.memoryAfterGc();
      const rssGrowthMb = (after.rss - before.rss) / 1024 / 1024;
      const heapGrowthMb = (after.heapUsed - before.heapUsed) / 1024 / 1024;
      console.log(
        `websocket fuzz: ${sent} frames (first the known Yjs reproductions as update/step 2/state vector: ${known.join(", ")}), ${closedByServer} sockets closed by the server, ` +
          `server's longest event-loop delay ${maxStallMs.toFixed(0)} ms, its heap after GC ${heapGrowthMb >= 0 ? "+" : ""}${heapGrowthMb.toFixed(1)} MB (bar ${HEAP_BAR_MB}) and RSS after GC ${rssGrowthMb >= 0 ? "+" : ""}${rssGrowthMb.toFixed(1)} MB, seed ${SEED}`,
      );
      expect(maxStallMs, `replay with TEST_SEED=${SEED}`).toBeLessThan(1000);
      expect(closedByServer).toBeGreaterThan(0);
      expect(heapGrowthMb).toBeLessThan(HEAP_BAR_MB);

      appendText(honest.doc, "i1.hjemmel.tekst", " stadig i live");
      await waitFor(() => honest.counter.saved >= honest.counter.sent);
      const fresh = connectClient(server, session, DOC);
      try {
        await waitFor(() => fresh.provider.synced && fieldText(fresh.doc, "i1.hjemmel.tekst").includes("stadig i live"));
      } finally {
        fresh.destroy();
      }
    },
    LONG ? 3_600_000 : 180_000,
  );
});
