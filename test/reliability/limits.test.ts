/**
 * Battery item 17: the limits (server/collab/limits.ts), each with a clear close code the editor
 * explains, and without harm to other users:
 *   - max document size: a change that would make the reply too large is refused with 4413 and
 *     stored nowhere; other clients keep working;
 *   - max connections per user: the socket beyond the limit is closed with 4429, other users are
 *     not affected, closing one lets the next in;
 *   - per-user message rate: a runaway client (three sockets typing as fast as the machine
 *     allows) is closed with 4529 ("too many messages from this user") again and again, while
 *     another user's edits keep reaching a third user as fast as before.
 * The limits are lowered for the test (config), the mechanism is the production one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { CloseCode } from "../../shared/protocol/messages.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { connectClient, login, type Session } from "../helpers/clients.js";
import { waitFor, sleep } from "../helpers/wait.js";
import { appendText, fieldText } from "../helpers/ydoc.js";
import { connectTypist, tokensInUpdate, type Typist } from "./support/typist.js";
import { storedDoc } from "./support/stored.js";

const MAX_DOCUMENT_BYTES = 512 * 1024;
const MAX_CONNECTIONS = 5;
const USER_RATE = 50;
/** Bar: another user's median latency under the flood at most this factor (plus 50 ms) of before. */
const LATENCY_FACTOR = 3;
/** Injected pace of the measured user's typing. */
const TYPE_EVERY_MS = 50;

let server: TestServer;
const sessions: Record<string, Session> = {};
const cleanup: (() => void)[] = [];
beforeAll(async () => {
  server = await startServer({
    config: { MAX_DOCUMENT_BYTES, MAX_CONNECTIONS_PER_USER: MAX_CONNECTIONS, USER_MESSAGES_PER_SECOND: USER_RATE },
  });
  for (const [k, email] of Object.entries({
    a: "redaktoer.aalborg@regionssvar.dk",
    b: "redaktoer.hjoerring@regionssvar.dk",
    c: "redaktoer.thisted@regionssvar.dk",
    d: "redaktoer.aarhus@regionssvar.dk",
    e: "redaktoer.horsens@regionssvar.dk",
  })) {
    sessions[k] = await login(server, email);
  }
});
afterAll(async () => {
  for (const c of cleanup) c();
  await waitFor(() => !server || server.app.collab.connectionCount === 0, {
    timeoutMs: 60_000,
    message: `every socket closed before the server stops (open: ${server?.app.collab.connectionCount})`,
  });
  await server?.close();
}, 180_000);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? NaN;

/** A raw socket; `admitted` resolves true at the server's first message (its sync step 1), false when closed first. */
function openRaw(session: Session, documentId: string): Promise<{ ws: WebSocket; closed: Promise<number>; admitted: Promise<boolean> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.wsUrl}/collab/${documentId}?ack=1`, { headers: { origin: server.origin, cookie: session.cookie } });
    const closed = new Promise<number>((r) => ws.once("close", (code) => r(code)));
    const admitted = Promise.race([new Promise<boolean>((r) => ws.once("message", () => r(true))), closed.then(() => false)]);
    ws.once("open", () => resolve({ ws, closed, admitted }));
    ws.once("error", reject);
  });
}

describe("limits", () => {
  it("refuses a change that would make the document too large (4413), and stores none of it", async () => {
    const writer = connectClient(server, sessions.d!, "svar-midtjylland");
    const reader = connectClient(server, sessions.e!, "svar-midtjylland");
    cleanup.push(writer.destroy, reader.destroy);
    await waitFor(() => writer.provider.synced && reader.provider.synced);
    let chunks = 0;
    while (!writer.closeCodes.includes(CloseCode.DOCUMENT_TOO_LARGE) && chunks < 100) {
      appendText(writer.doc, "i1.indsats.tekst", ` stykke${chunks} ${"x".repeat(40_000)}`);
      chunks++;
      await waitFor(() => writer.closeCodes.includes(CloseCode.DOCUMENT_TOO_LARGE) || writer.counter.saved >= writer.counter.sent, { timeoutMs: 10_000 });
    }
    expect(writer.closeCodes).toContain(CloseCode.DOCUMENT_TOO_LARGE);
    const refused = `stykke${chunks - 1} `;
    await waitFor(() => fieldText(reader.doc, "i1.indsats.tekst").includes(`stykke${chunks - 2} `));
    const stored = await storedDoc(server.store, "svar-midtjylland");
    const storedText = fieldText(stored, "i1.indsats.tekst");
    stored.destroy();
    console.log(
      `limits: document size: ${chunks - 1} chunks of 40 KB accepted, the next refused with ${CloseCode.DOCUMENT_TOO_LARGE} (limit ${MAX_DOCUMENT_BYTES / 1024} KB); refused chunk in storage: ${storedText.includes(refused)}, at the other client: ${fieldText(reader.doc, "i1.indsats.tekst").includes(refused)}`,
    );
    expect(storedText).not.toContain(refused);
    expect(fieldText(reader.doc, "i1.indsats.tekst")).not.toContain(refused);
    // the other client still edits
    appendText(reader.doc, "i1.hjemmel.tekst", " stadig muligt");
    await waitFor(() => reader.counter.saved >= reader.counter.sent);
  });

  it("closes a user's socket beyond the connection limit with 4429; others are unaffected", async () => {
    const mine = await Promise.all(Array.from({ length: MAX_CONNECTIONS }, () => openRaw(sessions.a!, "svar-nordjylland")));
    const extra = await openRaw(sessions.a!, "svar-nordjylland");
    expect(await extra.closed).toBe(CloseCode.TOO_MANY_CONNECTIONS);
    const other = await openRaw(sessions.b!, "svar-nordjylland");
    expect(other.ws.readyState).toBe(WebSocket.OPEN);
    mine[0]!.ws.close();
    await mine[0]!.closed;
    const again = await waitFor(async () => {
      const s = await openRaw(sessions.a!, "svar-nordjylland");
      return (await s.admitted) ? s : (null as null);
    });
    console.log(
      `limits: connections: ${MAX_CONNECTIONS} sockets of one user open, the next closed with ${CloseCode.TOO_MANY_CONNECTIONS}; another user connects; after one closed, a new one is let in`,
    );
    for (const s of [...mine.slice(1), other, again]) s.ws.close();
  });

  it("closes a runaway user with 4529 while another user's latency stays as before", async () => {
    const field = "i1.hjemmel.tekst";
    const b: Typist = connectTypist(server, sessions.b!, "svar-nordjylland", 100, { field });
    const c: Typist = connectTypist(server, sessions.c!, "svar-nordjylland", 101, { field });
    cleanup.push(b.destroy, c.destroy);
    const sentAt = new Map<string, number>();
    const latency: number[] = [];
    c.doc.on("update", (update: Uint8Array) => {
      const now = performance.now();
      for (const t of tokensInUpdate(update)) {
        const at = sentAt.get(t);
        if (at !== undefined) latency.push(now - at);
      }
    });
    await waitFor(() => b.allSaved() && c.provider.synced);
    const measure = async (ms: number) => {
      latency.length = 0;
      const end = Date.now() + ms;
      while (Date.now() < end) {
        sentAt.set(b.type(), performance.now());
        await sleep(TYPE_EVERY_MS);
      }
      await waitFor(() => latency.length >= sentAt.size * 0.9 || Date.now() > end + 5000);
      const result = [...latency];
      sentAt.clear();
      return result;
    };
    const before = await measure(3_000);

    const runaway = Array.from({ length: 3 }, (_, i) => connectTypist(server, sessions.a!, "svar-nordjylland", 200 + i, { field: "i1.indsats.tekst" }));
    cleanup.push(...runaway.map((r) => r.destroy));
    await waitFor(() => runaway.every((r) => r.provider.synced));
    let flooding = true;
    const flood = (async () => {
      while (flooding) {
        for (const r of runaway) for (let k = 0; k < 20; k++) if (r.provider.synced) r.type();
        await new Promise((r) => setImmediate(r));
      }
    })();
    const during = await measure(5_000);
    flooding = false;
    await flood;
    const rateClosures = runaway.reduce((n, r) => n + r.closeCodes.filter((code) => code === CloseCode.RATE_LIMITED).length, 0);
    const byUser = runaway.some((r) => r.closeReasons.includes("too many messages from this user"));
    console.log(
      `limits: message rate: runaway user (3 sockets) closed ${rateClosures} times with ${CloseCode.RATE_LIMITED} (per-user limit ${USER_RATE}/s: ${byUser}); ` +
        `another user's latency median ${median(before).toFixed(0)} → ${median(during).toFixed(0)} ms, p95 ${p95(before).toFixed(0)} → ${p95(during).toFixed(0)} ms`,
    );
    expect(rateClosures).toBeGreaterThan(0);
    expect(byUser).toBe(true);
    expect(during.length).toBeGreaterThan(0);
    expect(median(during)).toBeLessThanOrEqual(median(before) * LATENCY_FACTOR + 50);
  });
});
