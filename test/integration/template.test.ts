/**
 * The template is the server's: clients cannot remove or add structure, typed fields are
 * repaired to valid values, and the completeness check sees what is typed over the websocket.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CloseCode } from "../../shared/protocol/messages.js";
import { YDOC_FRAGMENT } from "../../shared/schema/editor.js";
import { fieldsMap, setScalarField } from "../../shared/content/fields.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { connectClient, login, type Session, type TestClient } from "../helpers/clients.js";
import { appendText, countNodes, findTextField } from "../helpers/ydoc.js";
import { waitFor } from "../helpers/wait.js";

const DOC = "svar-nordjylland";
let server: TestServer;
const clients: TestClient[] = [];
const track = (c: TestClient) => (clients.push(c), c);
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
});

async function completeness(session: Session) {
  const response = await fetch(`${server.baseUrl}/api/documents/${DOC}/completeness`, { headers: { cookie: session.cookie } });
  return (await response.json()) as { ok: boolean; findings: { ruleId: string }[] };
}

function storedDoc(state: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
  for (const u of state.updates) Y.applyUpdate(doc, u);
  return doc;
}

describe("template protection", () => {
  it("refuses an update that deletes a protected block; the document keeps it", async () => {
    server = await startServer();
    const a = track(connectClient(server, await login(server, "redaktoer.aalborg@regionssvar.dk"), DOC));
    const b = track(connectClient(server, await login(server, "redaktoer.hjoerring@regionssvar.dk"), DOC));
    await waitFor(() => a.provider.synced && b.provider.synced);
    const blocks = countNodes(a.doc, "replyBlock");
    const item = a.doc.getXmlFragment(YDOC_FRAGMENT).get(2) as Y.XmlElement;
    item.delete(0, 1); // a protected block with its heading
    await waitFor(() => a.closeCodes.includes(CloseCode.INVALID_CONTENT));
    appendText(b.doc, "i1.hjemmel.tekst", "Stadig gyldig.");
    await waitFor(() => b.counter.saved >= b.counter.sent && b.counter.sent > 0);
    expect(countNodes(b.doc, "replyBlock")).toBe(blocks);
    expect(countNodes(storedDoc(await server.store.loadDocumentState(DOC)), "replyBlock")).toBe(blocks);
  });

  it("refuses new top-level content and unknown node types", async () => {
    server = await startServer();
    const session = await login(server, "redaktoer.aalborg@regionssvar.dk");
    const top = track(connectClient(server, session, DOC));
    await waitFor(() => top.provider.synced);
    top.doc.getXmlFragment(YDOC_FRAGMENT).insert(0, [new Y.XmlElement("paragraph")]);
    await waitFor(() => top.closeCodes.includes(CloseCode.INVALID_CONTENT));

    const evil = track(connectClient(server, session, DOC));
    await waitFor(() => evil.provider.synced);
    const field = findTextField(evil.doc, "i1.hjemmel.tekst")!;
    field.insert(0, [new Y.XmlElement("script")]);
    await waitFor(() => evil.closeCodes.includes(CloseCode.INVALID_CONTENT));
    const stored = storedDoc(await server.store.loadDocumentState(DOC));
    expect(countNodes(stored, "script")).toBe(0);
    expect(countNodes(stored, "replyItem")).toBe(countNodes(evil.doc, "replyItem"));
    expect(
      stored
        .getXmlFragment(YDOC_FRAGMENT)
        .toArray()
        .every((n) => (n as Y.XmlElement).nodeName === "replyItem"),
    ).toBe(true);
  });

  it("repairs a typed field written with a value of the wrong type", async () => {
    server = await startServer();
    const a = track(connectClient(server, await login(server, "redaktoer.aalborg@regionssvar.dk"), DOC));
    const b = track(connectClient(server, await login(server, "redaktoer.hjoerring@regionssvar.dk"), DOC));
    await waitFor(() => a.provider.synced && b.provider.synced);
    fieldsMap(a.doc).set("i4.driftsstart", 42);
    fieldsMap(a.doc).set("ukendt.felt", "x");
    await waitFor(() => !fieldsMap(b.doc).has("i4.driftsstart") && !fieldsMap(b.doc).has("ukendt.felt") && !fieldsMap(a.doc).has("ukendt.felt"));
    setScalarField(a.doc, "i4.driftsstart", "2027-03");
    await waitFor(() => fieldsMap(b.doc).get("i4.driftsstart") === "2027-03");
  });

  it("repairs a text field emptied by concurrent deletions", async () => {
    server = await startServer();
    const a = track(connectClient(server, await login(server, "redaktoer.aalborg@regionssvar.dk"), DOC));
    await waitFor(() => a.provider.synced);
    const field = findTextField(a.doc, "i1.hjemmel.tekst")!;
    field.delete(0, field.length);
    await waitFor(() => findTextField(a.doc, "i1.hjemmel.tekst")!.length === 1);
    expect((findTextField(a.doc, "i1.hjemmel.tekst")!.get(0) as Y.XmlElement).nodeName).toBe("paragraph");
  });
});

describe("completeness over the API", () => {
  it("reflects edits made over the websocket", async () => {
    server = await startServer();
    const session = await login(server, "redaktoer.aalborg@regionssvar.dk");
    const before = await completeness(session);
    expect(before.ok).toBe(false);
    expect(before.findings.some((f) => f.ruleId === "I4.DRIFTSSTART")).toBe(true);
    const a = track(connectClient(server, session, DOC));
    await waitFor(() => a.provider.synced);
    setScalarField(a.doc, "i4.driftsstart", "2099-01");
    await waitFor(async () => !(await completeness(session)).findings.some((f) => f.ruleId === "I4.DRIFTSSTART"));
  });
});
