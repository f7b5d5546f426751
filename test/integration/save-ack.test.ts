/**
 * The "saved" contract under a failing store: a client is never told "saved" for an update whose
 * commit failed, and the update is committed (and then acknowledged) once storage works again.
 * Runs on SQLite and on PostgreSQL.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { TestServer } from "../helpers/server.js";
import { BACKENDS, startServerOn } from "../helpers/backends.js";
import { connectClient, login, type TestClient } from "../helpers/clients.js";
import { appendText, fieldText } from "../helpers/ydoc.js";
import { waitFor } from "../helpers/wait.js";
import type { AppendItem, Store } from "../../server/storage/types.js";

const DOC = "svar-nordjylland";
const FIELD = "i1.indsats.tekst";

/** A store whose appendUpdates fails while `failing` is true (a storage outage). */
function faultyStore(inner: Store) {
  const control = { failing: false, failures: 0 };
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === "appendUpdates") {
        return async (items: AppendItem[]) => {
          if (control.failing && items.length > 0) {
            control.failures++;
            throw new Error("injected commit failure");
          }
          return target.appendUpdates(items);
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { store, control };
}

let server: TestServer;
let client: TestClient | undefined;
afterEach(async () => {
  client?.destroy();
  await server?.close();
});

describe.each(BACKENDS)("saved acknowledgement (%s)", (backend) => {
  it("is withheld while commits fail and sent once storage works again", async () => {
    let control!: { failing: boolean; failures: number };
    server = await startServerOn(backend, {
      wrapStore: (s) => {
        const f = faultyStore(s);
        control = f.control;
        return f.store;
      },
    });
    client = connectClient(server, await login(server, "redaktoer.aalborg@regionssvar.dk"), DOC);
    await waitFor(() => client!.provider.synced && client!.counter.saved >= client!.counter.sent);

    control.failing = true;
    appendText(client.doc, FIELD, "Skrevet under et udfald.");
    await waitFor(() => client!.counter.sent > client!.counter.saved);
    const sentDuringOutage = client.counter.sent;
    await waitFor(() => control.failures >= 2, { message: "the writer retries the failed commit" });
    expect(client.counter.saved).toBeLessThan(sentDuringOutage);

    control.failing = false;
    await waitFor(() => client!.counter.saved >= sentDuringOutage, { message: "saved after storage returns" });
    const state = await server.store.loadDocumentState(DOC);
    const stored = new Y.Doc();
    if (state.snapshot) Y.applyUpdate(stored, state.snapshot);
    for (const u of state.updates) Y.applyUpdate(stored, u);
    expect(fieldText(stored, FIELD)).toContain("Skrevet under et udfald.");
  });
});
