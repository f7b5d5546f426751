/**
 * Battery item 5: the server restarts (SIGTERM, then SIGKILL) with 20 clients connected to a
 * reply that has content; the clients reconnect by themselves to the same port. Bars: duplicated
 * template blocks 0 (every client and a fresh one hold exactly the template's items, blocks and
 * fields once) and content unchanged (the same text and the same Yjs state everywhere).
 */
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { startChildServer, tempDataDir, waitForExit, type ChildServer } from "../helpers/server.js";
import { connectClient, login, type TestClient } from "../helpers/clients.js";
import { waitFor } from "../helpers/wait.js";
import { appendText, countNodes, fieldText } from "../helpers/ydoc.js";

const DOC = "svar-midtjylland";
const FIELD = "i1.indsats.tekst";
const CLIENTS = 20;
const EDITORS = ["redaktoer.aarhus@regionssvar.dk", "redaktoer.horsens@regionssvar.dk", "redaktoer.herning@regionssvar.dk"];

let server: ChildServer;
const clients: TestClient[] = [];
const data = tempDataDir();
afterAll(async () => {
  for (const c of clients) c.destroy();
  server?.process.kill("SIGKILL");
  if (server) await waitForExit(server.process);
  data.remove();
});

/** What must survive a restart unchanged: the node counts of the template and the text. */
function shape(doc: Y.Doc): string {
  return JSON.stringify({
    items: countNodes(doc, "replyItem"),
    blocks: countNodes(doc, "replyBlock"),
    fields: countNodes(doc, "textField"),
    text: fieldText(doc, FIELD),
  });
}

describe("restart with 20 clients connected", () => {
  it("keeps the template once and the content unchanged across SIGTERM and SIGKILL", async () => {
    server = await startChildServer(data.dir);
    const port = String(server.port);
    const sessions = await Promise.all(EDITORS.map((e) => login(server, e)));
    for (let i = 0; i < CLIENTS; i++) clients.push(connectClient(server, sessions[i % sessions.length]!, DOC));
    await waitFor(() => clients.every((c) => c.provider.synced), { timeoutMs: 30_000 });
    for (const [i, c] of clients.entries()) appendText(c.doc, FIELD, ` klient${i}`);
    await waitFor(() => clients.every((c) => c.counter.saved >= c.counter.sent && fieldText(c.doc, FIELD).includes(`klient${CLIENTS - 1}`)), {
      timeoutMs: 30_000,
    });
    await waitFor(() => new Set(clients.map((c) => shape(c.doc))).size === 1, { timeoutMs: 30_000, message: "all clients equal before the restarts" });
    const before = shape(clients[0]!.doc);
    const template = JSON.parse(before) as { items: number; blocks: number; fields: number };
    const results: string[] = [];

    for (const signal of ["SIGTERM", "SIGKILL"] as const) {
      server.process.kill(signal);
      const exit = await waitForExit(server.process);
      if (signal === "SIGTERM") expect(exit.code).toBe(0);
      server = await startChildServer(data.dir, { PORT: port });
      await waitFor(() => clients.every((c) => c.provider.synced && c.provider.wsconnected), { timeoutMs: 60_000, message: `clients back after ${signal}` });
      const fresh = connectClient(server, sessions[0]!, DOC);
      try {
        await waitFor(() => fresh.provider.synced, { timeoutMs: 30_000 });
        await waitFor(() => clients.every((c) => Y.encodeStateVector(c.doc).toString() === Y.encodeStateVector(fresh.doc).toString()), {
          timeoutMs: 30_000,
          message: `every client equals a fresh one after ${signal}`,
        });
        const shapes = new Set([...clients, fresh].map((c) => shape(c.doc)));
        results.push(`${signal}: ${shapes.size === 1 && shapes.has(before) ? "unchanged" : "CHANGED"}`);
        expect([...shapes], `after ${signal}: template once, content unchanged`).toEqual([before]);
      } finally {
        fresh.destroy();
      }
    }
    console.log(
      `restart: ${CLIENTS} clients, template ${template.items} items / ${template.blocks} blocks / ${template.fields} fields; ${results.join(", ")}; duplicated template blocks 0`,
    );
  }, 180_000);
});
