/**
 * kill -9 of the server while 10 clients type: every edit a client was told is saved must be in
 * the document after a restart. Each client types unique tokens and notes, for every
 * update-bearing frame, which tokens it contained; a "saved n" acknowledgement marks the tokens
 * of frames 1..n as acknowledged. After the crash and restart, a fresh client checks that every
 * acknowledged token is present (content, not counts).
 */
import { afterEach, describe, expect, it } from "vitest";
import { startChildServer, tempDataDir, waitForExit, type ChildServer } from "../helpers/server.js";
import { connectClient, login, type TestClient } from "../helpers/clients.js";
import { appendText, fieldText } from "../helpers/ydoc.js";
import { waitFor, sleep } from "../helpers/wait.js";

const DOC = "svar-nordjylland";
const FIELD = "i1.indsats.tekst";
const EDITORS = ["redaktoer.aalborg@regionssvar.dk", "redaktoer.hjoerring@regionssvar.dk", "koordinator.nordjylland@regionssvar.dk"];

let child: ChildServer | undefined;
const clients: TestClient[] = [];
const data = tempDataDir();
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
  child?.process.kill("SIGKILL");
});

describe("crash safety", () => {
  it("keeps every acknowledged edit across kill -9", async () => {
    child = await startChildServer(data.dir);
    const sessions = await Promise.all(EDITORS.map((e) => login(child!, e)));
    const acknowledged = new Set<string>();
    const typists = Array.from({ length: 10 }, (_, i) => {
      const client = connectClient(child!, sessions[i % sessions.length]!, DOC);
      clients.push(client);
      // frame number → tokens typed since the previous frame
      const framesTokens = new Map<number, string[]>();
      let unsent: string[] = [];
      client.doc.on("update", (_u: Uint8Array, origin: unknown) => {
        if (origin === client.provider || !client.provider.wsconnected) return;
        // y-websocket sends a local update synchronously in its own update handler; ours runs
        // after it (registered later), so the frame just counted carries these tokens
        framesTokens.set(client.counter.sent, [...(framesTokens.get(client.counter.sent) ?? []), ...unsent]);
        unsent = [];
      });
      return {
        client,
        type(token: string) {
          unsent.push(token);
          appendText(client.doc, FIELD, ` ${token}`);
        },
        collectAcknowledged() {
          for (const [frame, tokens] of framesTokens) if (frame <= client.counter.saved && frame > 0) tokens.forEach((t) => acknowledged.add(t));
        },
      };
    });
    await waitFor(() => typists.every((t) => t.client.provider.synced));

    let n = 0;
    const deadline = Date.now() + 1500;
    while (Date.now() < deadline) {
      for (const [i, t] of typists.entries()) t.type(`k${i}-${n}`);
      n++;
      typists.forEach((t) => t.collectAcknowledged());
      await new Promise((r) => setImmediate(r));
      if (n % 10 === 0) await sleep(5);
    }
    typists.forEach((t) => t.collectAcknowledged());
    child.process.kill("SIGKILL");
    await waitForExit(child.process);
    typists.forEach((t) => t.collectAcknowledged());
    for (const c of clients.splice(0)) c.destroy();
    expect(acknowledged.size).toBeGreaterThan(0);

    child = await startChildServer(data.dir);
    const verifier = connectClient(child, await login(child, EDITORS[0]!), DOC);
    clients.push(verifier);
    await waitFor(() => verifier.provider.synced);
    const text = fieldText(verifier.doc, FIELD);
    const present = new Set(text.split(/\s+/));
    const lost = [...acknowledged].filter((t) => !present.has(t));
    console.log(`crash test: ${n} rounds, ${acknowledged.size} acknowledged tokens, ${lost.length} lost`);
    expect(lost).toEqual([]);
  });

  it("shuts down on SIGTERM: sockets closed with 1012, exit 0, and the client's edits arrive after the restart", async () => {
    const dir = tempDataDir();
    try {
      child = await startChildServer(dir.dir);
      const port = child.port;
      const session = await login(child, EDITORS[0]!);
      const client = connectClient(child, session, DOC);
      clients.push(client);
      await waitFor(() => client.provider.synced);
      for (let i = 0; i < 20; i++) appendText(client.doc, FIELD, ` sigterm${i}`);
      child.process.kill("SIGTERM");
      const exit = await waitForExit(child.process);
      expect(exit.code).toBe(0);
      await waitFor(() => client.closeCodes.includes(1012));

      // same port: the provider reconnects by itself (1012 is not terminal) and resends what the
      // server had not acknowledged, in its sync step 2
      child = await startChildServer(dir.dir, { PORT: String(port) });
      await waitFor(() => client.provider.synced && client.counter.saved >= client.counter.sent, { timeoutMs: 20_000 });
      const verifier = connectClient(child, await login(child, EDITORS[1]!), DOC);
      clients.push(verifier);
      await waitFor(() => verifier.provider.synced);
      for (let i = 0; i < 20; i++) expect(fieldText(verifier.doc, FIELD)).toContain(` sigterm${i}`);
    } finally {
      dir.remove();
    }
  });
});
