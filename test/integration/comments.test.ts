/**
 * Comment threads: stored on the server, anchored by a mark in the text, live for everyone.
 */
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import { MESSAGE_EVENT } from "../../shared/protocol/messages.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { connectClient, login, type Session, type TestClient } from "../helpers/clients.js";
import { appendText, fieldText, findTextField } from "../helpers/ydoc.js";
import { waitFor } from "../helpers/wait.js";
import { callApi } from "../helpers/api.js";
import { seededRandom } from "../helpers/random.js";

const DOC = "svar-nordjylland";
const FIELD = "i1.indsats.tekst";
const EDITORS = ["redaktoer.aalborg@regionssvar.dk", "redaktoer.hjoerring@regionssvar.dk", "redaktoer.thisted@regionssvar.dk"];

let server: TestServer;
const clients: TestClient[] = [];
const track = (c: TestClient) => (clients.push(c), c);
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
});

const api = (session: Session, method: string, path: string, body?: unknown) => callApi(server, session, method, path, body);

function textNode(doc: Y.Doc): Y.XmlText {
  const paragraph = findTextField(doc, FIELD)!.get(0) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

/** Marks `word` (first occurrence) with a comment mark, as the editor does. */
function anchor(doc: Y.Doc, word: string, threadId: string): void {
  const text = textNode(doc);
  const at = text
    .toString()
    .replace(/<[^>]+>/g, "")
    .indexOf(word);
  text.format(at, word.length, { comment: { threadId } });
}

function anchoredText(doc: Y.Doc, threadId: string): string {
  return (textNode(doc).toDelta() as { insert: string; attributes?: Record<string, { threadId?: string }> }[])
    .filter((op) => Object.entries(op.attributes ?? {}).some(([k, v]) => k.startsWith("comment") && v?.threadId === threadId))
    .map((op) => op.insert)
    .join("");
}

describe("comment threads", () => {
  it("stay on their words through 200 random concurrent edits by 3 clients", async () => {
    server = await startServer();
    const sessions = await Promise.all(EDITORS.map((e) => login(server, e)));
    const peers = sessions.map((s) => track(connectClient(server, s, DOC)));
    await waitFor(() => peers.every((p) => p.provider.synced));
    appendText(peers[0]!.doc, FIELD, "Familieambulatoriet og tilbuddet aftaler en fælles plan for kvinden.");
    await waitFor(() => peers.every((p) => fieldText(p.doc, FIELD).includes("fælles plan")));
    const threadId = randomUUID();
    anchor(peers[0]!.doc, "fælles plan", threadId);
    expect(
      (
        await api(sessions[0]!, "POST", `/api/documents/${DOC}/threads`, {
          threadId,
          quote: "fælles plan",
          blockId: "i1.indsats",
          body: "Skal vi præcisere?",
          mentions: [],
        })
      ).status,
    ).toBe(201);
    await waitFor(() => peers.every((p) => anchoredText(p.doc, threadId) === "fælles plan"));

    const seed = Number(process.env.TEST_SEED ?? Date.now() % 100000);
    const random = seededRandom(seed);
    for (let i = 0; i < 200; i++) {
      const text = textNode(peers[i % 3]!.doc);
      const content = text.toString().replace(/<[^>]+>/g, "");
      const start = content.indexOf("fælles plan");
      const end = start + "fælles plan".length;
      const before = random() < 0.5;
      const at = before ? Math.floor(random() * (start + 1)) : end + Math.floor(random() * (content.length - end + 1));
      // explicit empty attributes: the new text is outside every mark, even right at the range's end
      if (random() < 0.7 || content.length < 80) text.insert(at, "x", {});
      else if (before ? at < start : at > end) text.delete(at - 1, 1);
      if (i % 20 === 0) await new Promise((r) => setImmediate(r));
    }
    await waitFor(() => peers.every((p) => fieldText(p.doc, FIELD) === fieldText(peers[0]!.doc, FIELD)), { message: `converged (seed ${seed})` });
    for (const p of peers) expect(anchoredText(p.doc, threadId), `seed ${seed}`).toBe("fælles plan");
    // an edit inside the range stays inside the thread
    const text = textNode(peers[1]!.doc);
    text.insert(
      text
        .toString()
        .replace(/<[^>]+>/g, "")
        .indexOf("fælles plan") + "fælles".length,
      " og god",
    );
    await waitFor(() => peers.every((p) => anchoredText(p.doc, threadId) === "fælles og god plan"));
    const threads = await api(sessions[1]!, "GET", `/api/documents/${DOC}/threads`);
    expect(threads.body.threads[0]).toMatchObject({ id: threadId, orphaned: false, quote: "fælles plan", blockId: "i1.indsats" });
  });

  it("orphans a thread whose text is deleted and keeps its quote", async () => {
    server = await startServer();
    const session = await login(server, EDITORS[0]!);
    const peer = track(connectClient(server, session, DOC));
    await waitFor(() => peer.provider.synced);
    appendText(peer.doc, FIELD, "Dette afsnit slettes snart.");
    const threadId = randomUUID();
    anchor(peer.doc, "slettes", threadId);
    await api(session, "POST", `/api/documents/${DOC}/threads`, { threadId, quote: "slettes", blockId: "i1.indsats", body: "Slet ikke dette.", mentions: [] });
    const text = textNode(peer.doc);
    text.delete(0, text.length);
    await waitFor(() => peer.counter.saved >= peer.counter.sent);
    const threads = await api(session, "GET", `/api/documents/${DOC}/threads`);
    expect(threads.body.threads[0]).toMatchObject({ id: threadId, orphaned: true, quote: "slettes" });
  });

  it("refuses a reader's comment and stores HTML as plain text", async () => {
    server = await startServer();
    const reader = await login(server, "styrelsen@regionssvar.dk");
    const editor = await login(server, EDITORS[0]!);
    const attempt = await api(reader, "POST", `/api/documents/${DOC}/threads`, {
      threadId: randomUUID(),
      quote: "x",
      blockId: null,
      body: "Hej",
      mentions: [],
    });
    expect(attempt.status).toBe(403);
    const threadId = randomUUID();
    const html = `<img src=x onerror="alert(1)"><script>alert(2)</script>`;
    await api(editor, "POST", `/api/documents/${DOC}/threads`, { threadId, quote: "x", blockId: null, body: html, mentions: ["kommune-860"] });
    const threads = await api(editor, "GET", `/api/documents/${DOC}/threads`);
    expect(threads.body.threads[0].messages[0].body).toBe(html);
    expect(threads.body.threads[0].messages[0].mentions).toEqual([{ id: "kommune-860", name: "Hjørring Kommune" }]);
    const mentioned = await api(await login(server, EDITORS[1]!), "GET", `/api/documents/${DOC}/threads`);
    expect(mentioned.body.threads[0].mentionsMe).toBe(true);
  });

  it("delivers a new comment live to another client and lets the author resolve it", async () => {
    server = await startServer();
    const a = await login(server, EDITORS[0]!);
    const b = await login(server, EDITORS[1]!);
    const other = track(connectClient(server, b, DOC));
    const events: { type: string; threadId?: string }[] = [];
    other.provider.messageHandlers[MESSAGE_EVENT] = (_e, decoder) => {
      events.push(JSON.parse(decoding.readVarString(decoder)));
    };
    await waitFor(() => other.provider.synced);
    const threadId = randomUUID();
    await api(a, "POST", `/api/documents/${DOC}/threads`, { threadId, quote: "x", blockId: null, body: "Ny tråd", mentions: [] });
    await waitFor(() => events.some((e) => e.type === "threads" && e.threadId === threadId));
    expect((await api(b, "POST", `/api/documents/${DOC}/threads/${threadId}/messages`, { body: "Svar fra Hjørring", mentions: [] })).status).toBe(201);
    expect((await api(a, "POST", `/api/documents/${DOC}/threads/${threadId}/resolve`)).status).toBe(204);
    const seen = await api(b, "GET", `/api/documents/${DOC}/threads`);
    expect(seen.body.threads[0]).toMatchObject({ status: "resolved", resolvedBy: { organisation: "Aalborg Kommune" } });
    expect(seen.body.threads[0].messages).toHaveLength(2);
  });
});
