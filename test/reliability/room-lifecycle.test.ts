/**
 * Battery item 14: document lifecycle at volume. Rooms are opened and closed over real
 * websockets, one new reply each, with every tenth load failing in storage (the client is closed
 * with 4503). Bars: after the server has been idle, 0 rooms loaded, no timer left behind (live
 * Timeout objects, unref'd ones included, back at the level before the run), heap after GC within
 * 10 % of before. Short form 1,000 rooms; long form (RELIABILITY_LONG=1) 10,000.
 */
import { afterAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { CloseCode } from "../../shared/protocol/messages.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { login, type Session } from "../helpers/clients.js";
import { waitFor } from "../helpers/wait.js";
import type { KyselyStore } from "../../server/storage/kysely-store.js";
import type { Store } from "../../server/storage/types.js";
import { form } from "./support/form.js";
import { collectGarbage } from "./support/faults.js";
import { MB } from "./support/proc.js";
import { liveTimers, trackTimers } from "./support/timers.js";

const ROOMS = form(1_000, 10_000);
const WARMUP = 100;
const CONCURRENCY = 20;
const HEAP_BAR = 0.1;

let server: TestServer;
afterAll(async () => server?.close());

/** Loads of every tenth document fail (a storage error while reading it). */
function failingLoads(inner: Store): Store {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === "loadDocumentState") {
        return async (id: string) => {
          if (id.startsWith("livscyklus-") && Number(id.slice("livscyklus-".length)) % 10 === 0) throw new Error("injected load failure");
          return target.loadDocumentState(id);
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

const timers = liveTimers;

/** Opens a socket to the document, waits for the server's first message or close, closes. */
function visit(session: Session, documentId: string): Promise<"loaded" | "load-failed"> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.wsUrl}/collab/${documentId}`, { headers: { origin: server.origin, cookie: session.cookie } });
    let done = false;
    ws.once("message", () => {
      done = true;
      ws.close();
      resolve("loaded");
    });
    ws.once("close", (code) => {
      if (done) return;
      if (code === CloseCode.LOAD_FAILED) resolve("load-failed");
      else reject(new Error(`${documentId}: closed with ${code}`));
    });
    ws.once("error", (e) => !done && reject(e));
  });
}

describe("room lifecycle at volume", () => {
  it(
    `opens and closes ${ROOMS} rooms (10 % failing to load) and leaves nothing behind`,
    async () => {
      trackTimers();
      let real!: KyselyStore;
      server = await startServer({
        config: { LOG_LEVEL: "fatal" }, // the injected load failures would log 1 error each
        wrapStore: (s) => {
          real = s as KyselyStore;
          return failingLoads(s);
        },
      });
      const session = await login(server, "redaktoer.aalborg@regionssvar.dk");
      const now = new Date().toISOString();
      const total = ROOMS + WARMUP;
      await real.kysely.transaction().execute(async (tx) => {
        for (let first = 0; first < total; first += 500) {
          const ids = Array.from({ length: Math.min(500, total - first) }, (_, i) => `livscyklus-${first + i}`);
          await tx
            .insertInto("documents")
            .values(
              ids.map((id) => ({
                id,
                region_id: "nordjylland",
                title: id,
                template_id: "sbst-fornyet-behandling-2025",
                template_version: 1,
                state: "udkast",
                created_at: now,
                updated_at: now,
              })),
            )
            .execute();
          await tx
            .insertInto("memberships")
            .values(ids.map((id) => ({ document_id: id, user_id: session.userId, role: "redaktoer" })))
            .execute();
        }
      });
      const rooms = server.app.collab.rooms;
      const outcomes = { loaded: 0, "load-failed": 0 };
      const run = async (from: number, to: number) => {
        let next = from;
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (next < to) outcomes[await visit(session, `livscyklus-${next++}`)]++;
          }),
        );
      };
      await run(ROOMS, total); // warm-up: the last WARMUP documents
      await waitFor(() => rooms.loadedCount === 0, { timeoutMs: 30_000, message: "idle after warm-up" });
      collectGarbage();
      const heapBefore = process.memoryUsage().heapUsed;
      const timersBefore = timers();
      outcomes.loaded = 0;
      outcomes["load-failed"] = 0;
      const started = Date.now();
      let peakLoaded = 0;
      const peak = setInterval(() => (peakLoaded = Math.max(peakLoaded, rooms.loadedCount)), 50);
      await run(0, ROOMS);
      clearInterval(peak);
      const seconds = (Date.now() - started) / 1000;
      await waitFor(() => rooms.loadedCount === 0, { timeoutMs: 60_000, message: "every room unloaded after idle" });
      await waitFor(() => server.app.collab.writer.queuedEntries === 0);
      collectGarbage();
      const heapAfter = process.memoryUsage().heapUsed;
      const timersAfter = timers();
      const growth = (heapAfter - heapBefore) / heapBefore;
      console.log(
        `room lifecycle: ${ROOMS} rooms opened and closed in ${seconds.toFixed(0)} s (${outcomes.loaded} loaded, ${outcomes["load-failed"]} failed to load → 4503), ` +
          `at most ${peakLoaded} loaded at once; after idle: ${rooms.loadedCount} loaded, timers ${timersBefore} → ${timersAfter}, ` +
          `heap after GC ${(heapBefore / MB).toFixed(1)} → ${(heapAfter / MB).toFixed(1)} MB (${(growth * 100).toFixed(1)} %, bar ${HEAP_BAR * 100} %)`,
      );
      expect(outcomes["load-failed"]).toBe(ROOMS / 10);
      expect(outcomes.loaded).toBe(ROOMS - ROOMS / 10);
      expect(rooms.loadedCount).toBe(0);
      expect(timersAfter).toBeLessThanOrEqual(timersBefore);
      expect(growth).toBeLessThanOrEqual(HEAP_BAR);
    },
    form(180_000, 1_200_000),
  );
});
