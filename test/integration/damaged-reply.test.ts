/**
 * A reply damaged in storage (content the editor schema cannot hold, written before the guard
 * refused it, or by a restore from an old backup) never breaks the lists of all replies, and its
 * own pages say what is wrong in Danish (issue 15, item 2).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { startServer, type TestServer } from "../helpers/server.js";
import { login, type Session } from "../helpers/clients.js";
import { callApi } from "../helpers/api.js";
import { storedDoc } from "../reliability/support/stored.js";
import { fieldText, findTextField } from "../helpers/ydoc.js";
import { repairDocument } from "../../server/collab/repair-document.js";
import { countUnreadable } from "../../shared/content/ydoc-json.js";
import { YDOC_FRAGMENT } from "../../shared/schema/editor.js";

const DAMAGED = "svar-nordjylland";
let server: TestServer;
let coordinator: Session;
let agency: Session;

beforeAll(async () => {
  server = await startServer();
  coordinator = await login(server, "koordinator.nordjylland@regionssvar.dk");
  agency = await login(server, "styrelsen@regionssvar.dk");
  // Load (and so seed) the reply, then store a Y.Map inside one of its text fields, bypassing the guard.
  expect((await callApi(server, coordinator, "GET", `/api/documents/${DAMAGED}/completeness`)).status).toBe(200);
  const doc = await storedDoc(server.store, DAMAGED);
  const before = Y.encodeStateVector(doc);
  const field = findTextField(doc, "i1.hjemmel.tekst")!;
  const map = new Y.Map();
  map.set("x", 1);
  field.insert(0, [map as unknown as Y.XmlElement]);
  await server.store.appendUpdates([{ documentId: DAMAGED, update: Y.encodeStateAsUpdate(doc, before) }]);
});
afterAll(async () => server?.close());

describe("a reply damaged in storage", () => {
  it("leaves the lists of all replies readable", async () => {
    const list = await callApi(server, coordinator, "GET", "/api/documents");
    expect(list.status).toBe(200);
    const overview = await callApi(server, agency, "GET", "/api/overview");
    expect(overview.status).toBe(200);
    expect(JSON.stringify(overview.body)).toContain("Syddanmark");
  });

  it("still reads, checks, previews and versions without what the schema cannot hold", async () => {
    for (const path of ["", "/completeness", "/preview", "/threads", "/versions"]) {
      const result = await callApi(server, coordinator, "GET", `/api/documents/${DAMAGED}${path}`);
      expect(result.status, path).toBe(200);
    }
    const saved = await callApi(server, coordinator, "POST", `/api/documents/${DAMAGED}/versions`, { name: "Efter skaden" });
    expect(saved.status).toBeLessThan(300);
  });

  it("is repaired by the operator command, keeping every valid edit, audited", async () => {
    const damaged = await storedDoc(server.store, DAMAGED);
    expect(countUnreadable(damaged.getXmlFragment(YDOC_FRAGMENT))).toBe(1);
    const textBefore = fieldText(damaged, "indledning.tekst");
    expect(await repairDocument(server.store, DAMAGED)).toEqual({ removed: 1 });
    const repaired = await storedDoc(server.store, DAMAGED);
    expect(countUnreadable(repaired.getXmlFragment(YDOC_FRAGMENT))).toBe(0);
    expect(fieldText(repaired, "indledning.tekst")).toBe(textBefore);
    expect((await server.store.listAudit()).some((e) => e.event === "document.repaired" && e.documentId === DAMAGED)).toBe(true);
    expect(await repairDocument(server.store, DAMAGED)).toEqual({ removed: 0 });
  });
});
