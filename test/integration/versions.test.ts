/** Version history and the national overview through the real server. */
import { afterEach, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../helpers/server.js";
import { connectClient, login, type Session, type TestClient } from "../helpers/clients.js";
import { appendText, fieldText } from "../helpers/ydoc.js";
import { waitFor } from "../helpers/wait.js";
import { callApi } from "../helpers/api.js";

const DOC = "svar-nordjylland";
const FIELD = "i1.hjemmel.tekst";
let server: TestServer;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
});

const api = (session: Session, method: string, path: string, body?: unknown) => callApi(server, session, method, path, body);

describe("version history", () => {
  it("snapshots, compares with a word diff and restores as a new change", async () => {
    server = await startServer();
    const coordinator = await login(server, "koordinator.nordjylland@regionssvar.dk");
    const editor = connectClient(server, await login(server, "redaktoer.aalborg@regionssvar.dk"), DOC);
    clients.push(editor);
    await waitFor(() => editor.provider.synced);
    appendText(editor.doc, FIELD, "Tilbuddet etableres efter barnets lov.");
    await waitFor(() => editor.counter.saved >= editor.counter.sent && editor.counter.sent > 0);
    const first = await api(coordinator, "POST", `/api/documents/${DOC}/versions`, { name: "Første udkast" });
    expect(first.status).toBe(201);

    appendText(editor.doc, FIELD, " Og efter serviceloven.");
    await waitFor(() => editor.counter.saved >= editor.counter.sent);
    const second = await api(coordinator, "POST", `/api/documents/${DOC}/versions`, { name: "Andet udkast" });

    const compared = await api(coordinator, "GET", `/api/documents/${DOC}/versions/${first.body.id}/compare/${second.body.id}`);
    const change = compared.body.changes.find((c: { id: string }) => c.id === FIELD);
    expect(
      change.parts
        .filter((p: { added?: boolean }) => p.added)
        .map((p: { value: string }) => p.value)
        .join(""),
    ).toContain("serviceloven");

    const view = await api(coordinator, "GET", `/api/documents/${DOC}/versions/${first.body.id}`);
    expect(view.body.html).toContain("Tilbuddet etableres efter barnets lov.");

    expect((await api(coordinator, "POST", `/api/documents/${DOC}/versions/${first.body.id}/restore`)).status).toBe(204);
    await waitFor(() => !fieldText(editor.doc, FIELD).includes("serviceloven"));
    expect(fieldText(editor.doc, FIELD)).toContain("Tilbuddet etableres efter barnets lov.");
    const list = await api(coordinator, "GET", `/api/documents/${DOC}/versions`);
    expect(list.body.versions.map((v: { name: string }) => v.name)).toContain('Før gendannelse af "Første udkast"');
  });
});

describe("national overview", () => {
  it("shows the agency all five replies and nobody else", async () => {
    server = await startServer();
    const agency = await api(await login(server, "styrelsen@regionssvar.dk"), "GET", "/api/overview");
    expect(agency.status).toBe(200);
    expect(agency.body.rows).toHaveLength(5);
    expect(agency.body.rows[0]).toMatchObject({ state: "udkast", sealed: null });
    expect(agency.body.nationalNeed).toEqual({ min: 80, max: 100 });
    expect((await api(await login(server, "redaktoer.aalborg@regionssvar.dk"), "GET", "/api/overview")).status).toBe(403);
  });
});
