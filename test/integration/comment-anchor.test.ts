/**
 * A kommentator anchors a comment (issue 15, item 13): setting or removing the comment mark on
 * existing text is accepted from someone who may comment but not edit, saved and seen by others;
 * any other change from them (typing, another mark) still closes their socket with 4403.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CloseCode } from "../../shared/protocol/messages.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { allSaved, connectClient, login, type TestClient } from "../helpers/clients.js";
import { appendText, findTextField } from "../helpers/ydoc.js";
import { waitFor } from "../helpers/wait.js";

const DOC = "svar-nordjylland";
const FIELD = "indledning.tekst";
const THREAD = "7f3c2a9e-5b1d-4c8e-9a6f-2d4b8e1c3a57";

let server: TestServer;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
});

const textOf = (doc: Y.Doc) => (findTextField(doc, FIELD)!.get(0) as Y.XmlElement).get(0) as Y.XmlText;
const commentKeys = (doc: Y.Doc) =>
  textOf(doc)
    .toDelta()
    .flatMap((d: { attributes?: Record<string, unknown> }) => Object.keys(d.attributes ?? {}));

async function setUp(): Promise<{ coordinator: TestClient; commentator: TestClient }> {
  server = await startServer();
  const coordinator = connectClient(server, await login(server, "koordinator.nordjylland@regionssvar.dk"), DOC);
  clients.push(coordinator);
  await waitFor(() => coordinator.provider.synced);
  appendText(coordinator.doc, FIELD, "Kommunerne er enige om en fælles model.");
  await waitFor(() => allSaved(coordinator));
  const commentator = connectClient(server, await login(server, "familieambulatorium.nordjylland@regionssvar.dk"), DOC);
  clients.push(commentator);
  await waitFor(() => commentator.provider.synced && textOf(commentator.doc)?.length > 0);
  return { coordinator, commentator };
}

describe("a kommentator's comment anchor", () => {
  it("is accepted, saved and seen by others; removing it is accepted too", async () => {
    const { coordinator, commentator } = await setUp();
    // As the binding writes an overlapping mark: "comment--<hash>".
    textOf(commentator.doc).format(11, 5, { "comment--abc": { threadId: THREAD } });
    await waitFor(() => allSaved(commentator), { message: "anchor saved" });
    await waitFor(() => commentKeys(coordinator.doc).includes("comment--abc"), { message: "anchor seen by the coordinator" });
    textOf(commentator.doc).format(11, 5, { "comment--abc": null });
    await waitFor(() => allSaved(commentator) && !commentKeys(coordinator.doc).includes("comment--abc"), { message: "anchor removed" });
    expect(commentator.closeCodes).toEqual([]);
  });

  it("still refuses typing and other marks from a kommentator", async () => {
    const { coordinator, commentator } = await setUp();
    textOf(commentator.doc).format(0, 5, { bold: {} });
    await waitFor(() => commentator.closeCodes.includes(CloseCode.FORBIDDEN), { message: "bold refused" });
    const typist = connectClient(server, await login(server, "familieambulatorium.nordjylland@regionssvar.dk"), DOC);
    clients.push(typist);
    await waitFor(() => typist.provider.synced && textOf(typist.doc)?.length > 0);
    textOf(typist.doc).insert(0, "Snyd: ");
    await waitFor(() => typist.closeCodes.includes(CloseCode.FORBIDDEN), { message: "typing refused" });
    expect(textOf(coordinator.doc).toString()).not.toContain("Snyd");
    expect(commentKeys(coordinator.doc)).not.toContain("bold");
  });
});
