/**
 * Rooms live only while used: after the last client leaves and its writes are committed, the
 * room is unloaded, also while other rooms keep writing; a later client gets it back from storage.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../helpers/server.js";
import { connectClient, login, type TestClient } from "../helpers/clients.js";
import { appendText, fieldText } from "../helpers/ydoc.js";
import { waitFor, sleep } from "../helpers/wait.js";

let server: TestServer;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
});

describe("room lifecycle", () => {
  it("unloads an idle room while another room keeps writing, and reloads it from storage", async () => {
    server = await startServer();
    const north = await login(server, "redaktoer.aalborg@regionssvar.dk");
    const capital = await login(server, "redaktoer.koebenhavn@regionssvar.dk");
    const busy = connectClient(server, capital, "svar-hovedstaden");
    const idle = connectClient(server, north, "svar-nordjylland");
    clients.push(busy, idle);
    await waitFor(() => busy.provider.synced && idle.provider.synced);
    appendText(idle.doc, "i1.hjemmel.tekst", "Gemt før lukning.");
    await waitFor(() => idle.counter.saved >= idle.counter.sent);
    idle.destroy();

    let typing = true;
    const loop = (async () => {
      for (let i = 0; typing && i < 2000; i++) {
        appendText(busy.doc, "i1.hjemmel.tekst", "x");
        await sleep(2);
      }
    })();
    await waitFor(() => server.app.collab.rooms.get("svar-nordjylland") === undefined, { message: "idle room unloaded" });
    expect(server.app.collab.rooms.get("svar-hovedstaden")).toBeDefined();
    typing = false;
    await loop;

    const again = connectClient(server, north, "svar-nordjylland");
    clients.push(again);
    await waitFor(() => again.provider.synced && fieldText(again.doc, "i1.hjemmel.tekst").includes("Gemt før lukning."));
    busy.destroy();
    again.destroy();
    await waitFor(() => server.app.collab.rooms.loadedCount === 0, { message: "all rooms unloaded" });
  });

  it("serves a fresh client the stored snapshot after a cold load, and what changed after it", async () => {
    server = await startServer();
    const north = await login(server, "redaktoer.aalborg@regionssvar.dk");
    const first = connectClient(server, north, "svar-nordjylland");
    clients.push(first);
    await waitFor(() => first.provider.synced);
    appendText(first.doc, "i1.hjemmel.tekst", "Før genindlæsning.");
    await waitFor(() => first.counter.saved >= first.counter.sent);
    first.destroy();
    await waitFor(() => server.app.collab.rooms.get("svar-nordjylland") === undefined, { message: "room unloaded" });
    await server.store.compact("svar-nordjylland"); // storage now holds one snapshot and no rows

    const reader = connectClient(server, north, "svar-nordjylland");
    clients.push(reader);
    await waitFor(() => reader.provider.synced);
    expect(fieldText(reader.doc, "i1.hjemmel.tekst")).toContain("Før genindlæsning.");
    appendText(reader.doc, "i1.hjemmel.tekst", " Efter.");
    await waitFor(() => reader.counter.saved >= reader.counter.sent);

    const late = connectClient(server, north, "svar-nordjylland");
    clients.push(late);
    await waitFor(() => late.provider.synced);
    expect(fieldText(late.doc, "i1.hjemmel.tekst")).toContain("Før genindlæsning. Efter.");
  });
});
