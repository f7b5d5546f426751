/**
 * Several instances on PostgreSQL + Redis, for real: two server processes share one database and
 * fan out through Redis. Clients on different instances converge, a freeze requested on one
 * instance is enforced on the other, and killing an instance loses no saved update.
 */
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { CloseCode } from "../../shared/protocol/messages.js";
import { writeReplyContent } from "../../shared/content/write.js";
import { openStore } from "../../server/storage/index.js";
import { seedDemo } from "../../server/seed/demo.js";
import { startChildServer, waitForExit, TEST_PASSWORD, type ChildServer } from "../helpers/server.js";
import { createTempPostgres } from "../helpers/postgres.js";
import { tempDataDir } from "../helpers/tmp.js";
import { connectClient, login, type Session, type TestClient } from "../helpers/clients.js";
import { appendText, fieldText } from "../helpers/ydoc.js";
import { completeReplyContentAsOf as completeReplyContent } from "../helpers/completeReply.js";
import { waitFor } from "../helpers/wait.js";
import { callApi } from "../helpers/api.js";
import { randomUUID } from "node:crypto";
import * as decoding from "lib0/decoding";
import { MESSAGE_EVENT } from "../../shared/protocol/messages.js";

const DOC = "svar-nordjylland";
const FIELD = "i1.indsats.tekst";
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

let database: { url: string; drop: () => Promise<void> };
const data = tempDataDir();
const servers: ChildServer[] = [];
const clients: TestClient[] = [];
const track = (c: TestClient) => (clients.push(c), c);

// a fresh database per test: a test that freezes the reply must not freeze the next one's
beforeEach(async () => {
  database = await createTempPostgres();
  const store = await openStore({ databaseUrl: database.url, dataDir: data.dir });
  await seedDemo(store, TEST_PASSWORD);
  await store.close();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) {
    s.process.kill("SIGKILL");
    await waitForExit(s.process);
  }
  await database.drop();
});
afterAll(() => data.remove());

async function twoInstances(): Promise<[ChildServer, ChildServer]> {
  const env = { DATABASE_URL: database.url, REDIS_URL, REDIS_CHANNEL_PREFIX: `t${randomBytes(4).toString("hex")}` };
  const pair = await Promise.all([startChildServer(data.dir, env), startChildServer(data.dir, env)]);
  servers.push(...pair);
  return pair;
}

const api = (server: ChildServer, session: Session, method: string, path: string, body?: unknown) => callApi(server, session, method, path, body);

describe("scale-out: two instances, PostgreSQL and Redis", () => {
  it("converges clients connected to different instances, awareness included", async () => {
    const [one, two] = await twoInstances();
    const a = track(connectClient(one, await login(one, "redaktoer.aalborg@regionssvar.dk"), DOC));
    const b = track(connectClient(two, await login(two, "redaktoer.hjoerring@regionssvar.dk"), DOC));
    await waitFor(() => a.provider.synced && b.provider.synced);
    appendText(a.doc, FIELD, "Fra instans ét. ");
    appendText(b.doc, FIELD, "Fra instans to. ");
    await waitFor(
      () => fieldText(a.doc, FIELD) === fieldText(b.doc, FIELD) && fieldText(a.doc, FIELD).includes("ét") && fieldText(a.doc, FIELD).includes("to"),
    );
    a.provider.awareness.setLocalStateField("cursor", { at: 1 });
    await waitFor(
      () => (b.provider.awareness.getStates().get(a.doc.clientID) as { user?: { organisation: string } } | undefined)?.user?.organisation === "Aalborg Kommune",
    );
  });

  it("enforces a freeze requested on one instance on the other", async () => {
    const [one, two] = await twoInstances();
    const editorTwo = await login(two, "redaktoer.hjoerring@regionssvar.dk");
    const writer = track(connectClient(two, editorTwo, DOC));
    await waitFor(() => writer.provider.synced);
    writeReplyContent(writer.doc, completeReplyContent("nordjylland"));
    await waitFor(() => writer.counter.saved >= writer.counter.sent);

    const coordinator = await login(one, "koordinator.nordjylland@regionssvar.dk");
    let res = await api(one, coordinator, "POST", `/api/documents/${DOC}/workflow/request-approval`, {});
    if (res.status === 409 && res.body.error.code === "warnings_unacknowledged") {
      res = await api(one, coordinator, "POST", `/api/documents/${DOC}/workflow/request-approval`, {
        acknowledgedWarnings: res.body.error.details.warnings.map((w: { ruleId: string }) => w.ruleId),
      });
    }
    expect(res.status).toBe(200);
    appendText(writer.doc, FIELD, " efter frysningen");
    await waitFor(() => writer.closeCodes.includes(CloseCode.DOCUMENT_FROZEN));
  });

  it("loses no saved update when an instance is killed", async () => {
    const [one, two] = await twoInstances();
    const a = track(connectClient(one, await login(one, "redaktoer.aalborg@regionssvar.dk"), DOC));
    const b = track(connectClient(two, await login(two, "redaktoer.thisted@regionssvar.dk"), DOC));
    await waitFor(() => a.provider.synced && b.provider.synced);
    for (let i = 0; i < 50; i++) appendText(a.doc, FIELD, ` gemt${i}`);
    await waitFor(() => a.counter.saved >= a.counter.sent);
    one.process.kill("SIGKILL");
    await waitForExit(one.process);
    const verifier = track(connectClient(two, await login(two, "koordinator.nordjylland@regionssvar.dk"), DOC));
    await waitFor(() => verifier.provider.synced);
    for (let i = 0; i < 50; i++) expect(fieldText(verifier.doc, FIELD)).toContain(` gemt${i}`);
  });

  it("relays comment and people events to clients on the other instance", async () => {
    const [one, two] = await twoInstances();
    const listener = track(connectClient(two, await login(two, "redaktoer.hjoerring@regionssvar.dk"), DOC));
    const events: { type: string; threadId?: string }[] = [];
    listener.provider.messageHandlers[MESSAGE_EVENT] = (_encoder, decoder) => void events.push(JSON.parse(decoding.readVarString(decoder)));
    await waitFor(() => listener.provider.synced);

    const author = await login(one, "redaktoer.aalborg@regionssvar.dk");
    const threadId = randomUUID();
    expect(
      (await api(one, author, "POST", `/api/documents/${DOC}/threads`, { threadId, quote: "x", blockId: null, body: "Fra instans ét", mentions: [] })).status,
    ).toBe(201);
    await waitFor(() => events.some((e) => e.type === "threads" && e.threadId === threadId));

    const coordinator = await login(one, "koordinator.nordjylland@regionssvar.dk");
    const people = await api(one, coordinator, "GET", `/api/documents/${DOC}/people`);
    const thisted = people.body.members.find((m: { email: string }) => m.email === "redaktoer.thisted@regionssvar.dk");
    expect((await api(one, coordinator, "PATCH", `/api/documents/${DOC}/members/${thisted.userId}`, { role: "kommentator" })).status).toBe(204);
    await waitFor(() => events.some((e) => e.type === "people"));
    // each event exactly once, although the instance that sent it also hears its own control message
    expect(events.filter((e) => e.type === "threads")).toHaveLength(1);
  });
});
