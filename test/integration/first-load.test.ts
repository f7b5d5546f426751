/**
 * 100 simultaneous first connections to a new document while storage is slow: nobody is
 * answered before the document is loaded (no client ever sees an empty document as synced), the
 * template is seeded exactly once, and all clients end equal. Runs on SQLite and on PostgreSQL.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { TestServer } from "../helpers/server.js";
import { BACKENDS, startServerOn } from "../helpers/backends.js";
import { connectClient, login, type TestClient } from "../helpers/clients.js";
import { countNodes } from "../helpers/ydoc.js";
import { waitFor, sleep } from "../helpers/wait.js";
import type { Store } from "../../server/storage/types.js";

const DOC = "svar-midtjylland";
let server: TestServer;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
});

/** Injected storage latency: every load takes this much longer (a slow disk or database). */
const SLOW_LOAD_MS = 300;
function slowLoads(inner: Store): Store {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === "loadDocumentState") {
        return async (id: string) => {
          await sleep(SLOW_LOAD_MS);
          return target.loadDocumentState(id);
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

describe.each(BACKENDS)("first load under a burst of connections (%s)", (backend) => {
  it("answers nobody before the load, seeds once, and all converge", async () => {
    // one account opens all 100 sockets: lift the per-user connection limit (tested in test/reliability/limits.test.ts)
    server = await startServerOn(backend, { wrapStore: slowLoads, config: { MAX_CONNECTIONS_PER_USER: 1000 } });
    const session = await login(server, "redaktoer.aarhus@regionssvar.dk");
    let emptyWhenSynced = 0;
    for (let i = 0; i < 100; i++) {
      const c = connectClient(server, session, DOC);
      c.provider.once("sync", (synced: boolean) => {
        if (synced && countNodes(c.doc, "replyItem") === 0) emptyWhenSynced++;
      });
      clients.push(c);
    }
    await waitFor(() => clients.every((c) => c.provider.synced), { timeoutMs: 30_000 });
    console.log(`first load: 100 clients, ${emptyWhenSynced} saw an empty document when synced`);
    expect(emptyWhenSynced).toBe(0);
    const state = await server.store.loadDocumentState(DOC);
    expect(state.updates.length).toBe(1); // the seed, once
    const stored = new Y.Doc();
    Y.applyUpdate(stored, state.updates[0]!);
    const expected = Y.encodeStateVector(stored).toString();
    for (const c of clients) expect(Y.encodeStateVector(c.doc).toString()).toBe(expected);
  });
});
