/**
 * Replies created before the binding's fix have empty paragraphs without a text, where two people
 * typing the first characters at once would each create their own (issue 14). The server gives
 * every empty textblock its text when it loads such a reply, before anyone is answered.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { YDOC_FRAGMENT, YDOC_META } from "../../shared/schema/editor.js";
import { buildSeedDocJSON } from "../../shared/template/seed.js";
import { TEMPLATE } from "../../shared/template/definition.js";
import type { PMNodeJSON } from "../../shared/template/types.js";
import { textblocksWithoutText } from "../../server/collab/text-nodes.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { connectClient, login } from "../helpers/clients.js";
import { waitFor } from "../helpers/wait.js";

const DOC = "svar-gammel";
let server: TestServer;
beforeAll(async () => (server = await startServer()));
afterAll(async () => server?.close());

/** The template as the first version stored it: elements only, no text in empty paragraphs. */
function oldStyleReply(): Uint8Array {
  const doc = new Y.Doc();
  const build = (node: PMNodeJSON): Y.XmlElement => {
    const element = new Y.XmlElement(node.type);
    for (const [key, value] of Object.entries(node.attrs ?? {})) element.setAttribute(key, value as string);
    element.insert(0, (node.content ?? []).map(build));
    return element;
  };
  doc.transact(() => {
    doc.getXmlFragment(YDOC_FRAGMENT).insert(0, (buildSeedDocJSON().content ?? []).map(build));
    doc.getMap(YDOC_META).set("templateId", TEMPLATE.templateId);
    doc.getMap(YDOC_META).set("templateVersion", TEMPLATE.version);
  });
  return Y.encodeStateAsUpdate(doc);
}

describe("an older reply's empty paragraphs", () => {
  it("get their text when the server loads the reply", async () => {
    const now = new Date().toISOString();
    await server.store.insertDocument({
      id: DOC,
      regionId: "nordjylland",
      title: "Gammelt svar",
      templateId: TEMPLATE.templateId,
      templateVersion: TEMPLATE.version,
      state: "udkast",
      createdAt: now,
      updatedAt: now,
    });
    const old = oldStyleReply();
    const probe = new Y.Doc();
    Y.applyUpdate(probe, old);
    expect(textblocksWithoutText(probe).length).toBeGreaterThan(20);
    expect(await server.store.seedIfEmpty(DOC, old)).toBe(true);
    const session = await login(server, "koordinator.nordjylland@regionssvar.dk");
    await server.store.upsertMembership({ documentId: DOC, userId: session.userId, role: "koordinator" });
    const client = connectClient(server, session, DOC);
    try {
      await waitFor(() => client.provider.synced);
      await waitFor(() => textblocksWithoutText(client.doc).length === 0, { message: "every empty paragraph has its text" });
    } finally {
      client.destroy();
    }
  });
});
