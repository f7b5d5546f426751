/**
 * Access control on every HTTP request and every websocket message, with real sessions, a real
 * server and real Yjs clients.
 */
import { afterEach, describe, expect, it } from "vitest";
import { CloseCode } from "../../shared/protocol/messages.js";
import { startServer, TEST_PASSWORD, type TestServer } from "../helpers/server.js";
import { connectClient, login, type Session, type TestClient } from "../helpers/clients.js";
import { appendText, fieldText } from "../helpers/ydoc.js";
import { waitFor } from "../helpers/wait.js";
import { callApi, failedSignIn } from "../helpers/api.js";
import { storedDoc } from "../helpers/stored.js";
import type { KyselyStore } from "../../server/storage/kysely-store.js";

const DOC = "svar-nordjylland";
const FIELD = "i1.hjemmel.tekst";
const COORDINATOR = "koordinator.nordjylland@regionssvar.dk";
const EDITOR = "redaktoer.aalborg@regionssvar.dk";
const COMMENTER = "familieambulatorium.nordjylland@regionssvar.dk";
const AGENCY = "styrelsen@regionssvar.dk";

let server: TestServer;
const clients: TestClient[] = [];
const track = (c: TestClient) => (clients.push(c), c);
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
});

const api = (session: Session | null, method: string, path: string, body?: unknown, options: { csrf?: string | null } = {}) =>
  callApi(server, session, method, path, body, options);

async function userIdOf(email: string): Promise<string> {
  return (await server.store.getUserByEmail(email))!.id;
}

describe("write access over the websocket", () => {
  for (const email of [COMMENTER, AGENCY]) {
    it(`a crafted update from ${email.split("@")[0]} is refused and changes nothing`, async () => {
      server = await startServer();
      // The agency reads a draft only when the region shares it (issue 18, item 6).
      if (email === AGENCY)
        expect((await api(await login(server, COORDINATOR), "PUT", `/api/documents/${DOC}/agency-sharing`, { shared: true })).status).toBe(204);
      const editor = track(connectClient(server, await login(server, EDITOR), DOC));
      const reader = track(connectClient(server, await login(server, email), DOC));
      await waitFor(() => editor.provider.synced && reader.provider.synced);
      appendText(reader.doc, FIELD, "Må ikke komme igennem.");
      await waitFor(() => reader.closeCodes.includes(CloseCode.FORBIDDEN));
      appendText(editor.doc, FIELD, "Redaktøren skriver.");
      await waitFor(() => editor.counter.saved >= editor.counter.sent && editor.counter.sent > 0);
      expect(fieldText(editor.doc, FIELD)).not.toContain("Må ikke");
      const stored = await storedDoc(server.store, DOC);
      expect(fieldText(stored, FIELD)).not.toContain("Må ikke");
    });
  }

  it("a demoted editor's open connection stops being able to write at once", async () => {
    server = await startServer();
    const coordinator = await login(server, COORDINATOR);
    const editor = track(connectClient(server, await login(server, EDITOR), DOC));
    await waitFor(() => editor.provider.synced);
    appendText(editor.doc, FIELD, "Før. ");
    await waitFor(() => editor.counter.saved >= 1);
    const res = await api(coordinator, "PATCH", `/api/documents/${DOC}/members/${await userIdOf(EDITOR)}`, { role: "laeser" });
    expect(res.status).toBe(204);
    appendText(editor.doc, FIELD, "Efter.");
    await waitFor(() => editor.closeCodes.includes(CloseCode.FORBIDDEN), { timeoutMs: 1000 });
    const stored = await storedDoc(server.store, DOC);
    expect(fieldText(stored, FIELD)).toContain("Før.");
    expect(fieldText(stored, FIELD)).not.toContain("Efter.");
  });

  it("sign-out closes the user's open sockets", async () => {
    server = await startServer();
    const session = await login(server, EDITOR);
    const client = track(connectClient(server, session, DOC));
    await waitFor(() => client.provider.synced);
    expect((await api(session, "POST", "/api/auth/logout")).status).toBe(204);
    await waitFor(() => client.closeCodes.includes(CloseCode.UNAUTHENTICATED), { timeoutMs: 1000 });
    expect((await api(session, "GET", "/api/me")).status).toBe(401);
  });

  it("revoking all sessions closes the user's sockets on every device", async () => {
    server = await startServer();
    const laptop = await login(server, EDITOR);
    const tablet = await login(server, EDITOR);
    const onTablet = track(connectClient(server, tablet, DOC));
    await waitFor(() => onTablet.provider.synced);
    expect((await api(laptop, "POST", "/api/auth/logout-all")).status).toBe(204);
    await waitFor(() => onTablet.closeCodes.includes(CloseCode.UNAUTHENTICATED), { timeoutMs: 1000 });
    expect((await api(tablet, "GET", "/api/me")).status).toBe(401);
    expect((await server.store.listAudit()).some((e) => e.event === "auth.sessions_revoked")).toBe(true);
  });

  it("stamps the server's identity into awareness; a client cannot pose as someone else", async () => {
    server = await startServer();
    const a = track(connectClient(server, await login(server, EDITOR), DOC));
    const b = track(connectClient(server, await login(server, COORDINATOR), DOC));
    await waitFor(() => a.provider.synced && b.provider.synced);
    a.provider.awareness.setLocalStateField("user", { name: "Styrelsens direktør", organisation: "Social- og Boligstyrelsen", role: "koordinator" });
    const seen = await waitFor(() => {
      const state = b.provider.awareness.getStates().get(a.doc.clientID) as { user?: { name: string; organisation: string; role: string } } | undefined;
      return state?.user;
    });
    expect(seen.organisation).toBe("Aalborg Kommune");
    expect(seen.role).toBe("redaktoer");
    expect(seen.name).not.toBe("Styrelsens direktør");
  });
});

describe("HTTP access", () => {
  it("lists only the own region's reply, and for the agency the replies it may read", async () => {
    server = await startServer();
    const editor = await api(await login(server, EDITOR), "GET", "/api/documents");
    expect(editor.body.documents.map((d: { id: string }) => d.id)).toEqual([DOC]);
    // "Mine svar" shows where each reply stands: the seeded reply is not complete yet
    const [row] = editor.body.documents;
    expect(row.deadline).toBe("2025-05-31");
    expect(row.completeness.total).toBeGreaterThan(row.completeness.met);
    expect(row.completeness.errors).toBeGreaterThan(0);
    // No reply is submitted or shared yet: the agency follows them in the national overview.
    const agency = await login(server, AGENCY);
    expect((await api(agency, "GET", "/api/documents")).body.documents).toEqual([]);
    expect((await api(await login(server, COORDINATOR), "PUT", `/api/documents/${DOC}/agency-sharing`, { shared: true })).status).toBe(204);
    const shared = (await api(agency, "GET", "/api/documents")).body.documents;
    expect(shared.map((d: { id: string; role: string }) => [d.id, d.role])).toEqual([[DOC, "styrelse"]]);
    expect((await api(await login(server, EDITOR), "GET", "/api/documents/svar-hovedstaden")).status).toBe(403);
    expect((await api(null, "GET", "/api/documents")).status).toBe(401);
  });

  it("refuses every state-changing route without or with a wrong CSRF token", async () => {
    server = await startServer();
    const coordinator = await login(server, COORDINATOR);
    const editorId = await userIdOf(EDITOR);
    const thread = "123e4567-e89b-42d3-a456-426614174000";
    const doc = `/api/documents/${DOC}`;
    const calls: [string, string, unknown][] = [
      ["POST", "/api/auth/logout", undefined],
      ["POST", "/api/auth/logout-all", undefined],
      ["PATCH", `${doc}/members/${editorId}`, { role: "laeser" }],
      ["DELETE", `${doc}/members/${editorId}`, undefined],
      ["POST", `${doc}/invitations`, { email: "ny@example.dk", name: "Ny", organisationId: "kommune-851", role: "redaktoer" }],
      ["POST", `${doc}/threads`, { threadId: thread, quote: "x", blockId: null, body: "Hej", mentions: [] }],
      ["POST", `${doc}/threads/${thread}/messages`, { body: "Hej", mentions: [] }],
      ["PATCH", `${doc}/threads/${thread}/messages/${thread}`, { body: "Hej", mentions: [] }],
      ["DELETE", `${doc}/threads/${thread}/messages/${thread}`, undefined],
      ["POST", `${doc}/threads/${thread}/resolve`, undefined],
      ["POST", `${doc}/threads/${thread}/reopen`, undefined],
      ["POST", `${doc}/threads/${thread}/read`, undefined],
      ["POST", `${doc}/workflow/request-approval`, {}],
      ["POST", `${doc}/workflow/reopen`, { reason: "Fordi" }],
      ["POST", `${doc}/approvals`, { grundlag: "Byrådet", indholdsHash: "0".repeat(64) }],
      ["POST", `${doc}/workflow/submit`, undefined],
      ["PUT", `${doc}/workflow/internal-deadline`, { internalDeadline: "2025-05-01" }],
      ["POST", `${doc}/versions`, { name: "V" }],
      ["POST", `${doc}/versions/${thread}/restore`, undefined],
    ];
    for (const [method, path, body] of calls) {
      const missing = await api(coordinator, method, path, body, { csrf: null });
      expect(missing.status, `${method} ${path} without token`).toBe(403);
      expect(missing.body.error.code).toBe("csrf");
      expect((await api(coordinator, method, path, body, { csrf: "forged-token" })).status, `${method} ${path} wrong token`).toBe(403);
    }
    expect((await server.store.getMembership(DOC, editorId))?.role).toBe("redaktoer");
    expect((await api(coordinator, "GET", "/api/me")).status).toBe(200);
  });

  it("sets only HttpOnly, SameSite, Path=/ cookies without Domain", async () => {
    server = await startServer();
    const response = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.origin },
      body: JSON.stringify({ email: EDITOR, password: TEST_PASSWORD }),
    });
    const cookies = response.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const c of cookies) {
      expect(c).toMatch(/HttpOnly/i);
      expect(c).toMatch(/SameSite=Strict/i);
      expect(c).toMatch(/Path=\//);
      expect(c).not.toMatch(/Domain=/i);
    }
  });

  it("uses __Host- cookies with Secure when served over https", async () => {
    server = await startServer({ config: { HTTPS: true } });
    const response = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: EDITOR, password: TEST_PASSWORD }),
    });
    const cookies = response.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const c of cookies) {
      expect(c).toMatch(/^__Host-/);
      expect(c).toMatch(/Secure/i);
      expect(c).not.toMatch(/Domain=/i);
    }
  });

  it("answers a wrong password and an unknown e-mail alike, and rate-limits sign-in", async () => {
    server = await startServer();
    const attempt = (email: string) => failedSignIn(server, email);
    const wrong = await attempt(EDITOR);
    const unknown = await attempt("findes.ikke@regionssvar.dk");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    let status = 0;
    for (let i = 0; i < 20 && status !== 429; i++) status = (await attempt(EDITOR)).status;
    expect(status).toBe(429);
    const audit = await server.store.listAudit();
    expect(audit.some((e) => e.event === "auth.login_failed")).toBe(true);
  });
});

describe("invitations", () => {
  it("are single-use, set a password per the policy, and give the role", async () => {
    server = await startServer();
    const coordinator = await login(server, COORDINATOR);
    const created = await api(coordinator, "POST", `/api/documents/${DOC}/invitations`, {
      email: "ny.redaktoer@aalborg.dk",
      name: "Ny Redaktør",
      organisationId: "kommune-851",
      role: "redaktoer",
    });
    expect(created.status).toBe(201);
    const token = String(created.body.link).split("/invitation/")[1]!;
    expect((await api(null, "GET", `/api/invitations/${token}`)).body).toMatchObject({ email: "ny.redaktoer@aalborg.dk", role: "redaktoer" });

    const weak = await api(null, "POST", `/api/invitations/${token}/accept`, { password: "kort" });
    expect(weak.status).toBe(400);
    const common = await api(null, "POST", `/api/invitations/${token}/accept`, { password: "passwordpassword" });
    expect(common.status).toBe(400);
    const accepted = await api(null, "POST", `/api/invitations/${token}/accept`, { password: "lang og god adgangskode til svaret" });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user.email).toBe("ny.redaktoer@aalborg.dk");
    const again = await api(null, "POST", `/api/invitations/${token}/accept`, { password: "en anden lang adgangskode her" });
    expect(again.status).toBe(410);

    const session = await login(server, "ny.redaktoer@aalborg.dk", "lang og god adgangskode til svaret");
    const docs = await api(session, "GET", "/api/documents");
    expect(docs.body.documents[0]).toMatchObject({ id: DOC, role: "redaktoer" });
  });

  it("expire", async () => {
    server = await startServer();
    const coordinator = await login(server, COORDINATOR);
    const created = await api(coordinator, "POST", `/api/documents/${DOC}/invitations`, {
      email: "sen@aalborg.dk",
      name: "Sen",
      organisationId: "kommune-851",
      role: "kommentator",
    });
    const token = String(created.body.link).split("/invitation/")[1]!;
    const { hashToken } = await import("../../server/auth/sessions.js");
    const invitation = await server.store.getInvitationByTokenHash(hashToken(token));
    await (server.store as KyselyStore).kysely
      .updateTable("invitations")
      .set({ expires_at: "2000-01-01T00:00:00.000Z" })
      .where("id", "=", invitation!.id)
      .execute();
    expect((await api(null, "POST", `/api/invitations/${token}/accept`, { password: "lang og god adgangskode til svaret" })).status).toBe(410);
  });

  it("only a coordinator may invite", async () => {
    server = await startServer();
    const editor = await login(server, EDITOR);
    const res = await api(editor, "POST", `/api/documents/${DOC}/invitations`, {
      email: "x@aalborg.dk",
      name: "X",
      organisationId: "kommune-851",
      role: "redaktoer",
    });
    expect(res.status).toBe(403);
  });
});
