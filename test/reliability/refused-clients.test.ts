/**
 * Battery item 10: a client with an older editor schema, and an update containing an unknown
 * node type, are accepted 0 times: the documented close codes (4426 SCHEMA_OUTDATED, 4422
 * INVALID_CONTENT), the editor's message with "Genindlæs siden", and the stored document
 * byte for byte unchanged.
 */
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CloseCode } from "../../shared/protocol/messages.js";
import { EDITOR_SCHEMA_VERSION } from "../../shared/schema/version.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { connectClient, login } from "../helpers/clients.js";
import { waitFor } from "../helpers/wait.js";
import { appendText, findTextField } from "../helpers/ydoc.js";
import { terminalInfo } from "../../client/features/collab/SaveIndicator.js";
import { da } from "../../client/i18n/da.js";
import { storedDoc } from "./support/stored.js";

const DOC = "svar-syddanmark";
let server: TestServer;
afterAll(async () => server?.close());

async function storedState(): Promise<string> {
  const doc = await storedDoc(server.store, DOC);
  const state = Buffer.from(Y.encodeStateAsUpdate(doc)).toString("base64");
  doc.destroy();
  return state;
}

describe("refused clients", () => {
  it("refuses an outdated editor and an unknown node type; the stored document is unchanged", async () => {
    server = await startServer();
    const session = await login(server, "redaktoer.odense@regionssvar.dk");
    const honest = connectClient(server, session, DOC);
    await waitFor(() => honest.provider.synced);
    appendText(honest.doc, "i1.hjemmel.tekst", " før");
    await waitFor(() => honest.counter.saved >= honest.counter.sent);
    honest.destroy();
    await waitFor(() => server.app.collab.writer.queuedEntries === 0);
    const before = await storedState();

    const outdated = connectClient(server, session, DOC, { schemaVersion: EDITOR_SCHEMA_VERSION - 1 });
    outdated.doc.getText("gammel").insert(0, "fra en gammel editor");
    await waitFor(() => outdated.closeCodes.includes(CloseCode.SCHEMA_OUTDATED));
    outdated.destroy();

    const evil = connectClient(server, session, DOC);
    await waitFor(() => evil.provider.synced);
    findTextField(evil.doc, "i1.hjemmel.tekst")!.insert(0, [new Y.XmlElement("iframe")]);
    await waitFor(() => evil.closeCodes.includes(CloseCode.INVALID_CONTENT));
    evil.destroy();
    await waitFor(() => server.app.collab.writer.queuedEntries === 0);
    const after = await storedState();

    const outdatedInfo = terminalInfo(CloseCode.SCHEMA_OUTDATED);
    const invalidInfo = terminalInfo(CloseCode.INVALID_CONTENT);
    console.log(
      `refused clients: outdated editor closed with ${CloseCode.SCHEMA_OUTDATED} ("${outdatedInfo.message}" + "${da.save.reload}"), ` +
        `unknown node type closed with ${CloseCode.INVALID_CONTENT} ("${invalidInfo.message}"); accepted 0, stored document ${after === before ? "unchanged" : "CHANGED"}`,
    );
    expect(after).toBe(before);
    expect(outdatedInfo.action).toBe("reload");
    expect(invalidInfo.action).toBe("reload");
    expect(da.save.reload).toBe("Genindlæs siden");
  });
});
