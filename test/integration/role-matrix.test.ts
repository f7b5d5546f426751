/**
 * The role matrix, table-driven: for every role × every route and every websocket message type,
 * allowed actions get past access control and forbidden ones are refused (403 / close code)
 * with the document unchanged. "Allowed" means the access check passed; the action may still
 * meet a business rule (409: e.g. the reply is not complete yet), which is not an access matter.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import { CloseCode, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, SYNC_STEP_1, SYNC_UPDATE } from "../../shared/protocol/messages.js";
import type { Action } from "../../server/access/policy.js";
import { startServer, tempDataDir, TEST_PASSWORD, type TestServer } from "../helpers/server.js";
import { hashPassword } from "../../server/auth/passwords.js";
import { sessionFrom, ssoSignIn, startOidcProvider, writeProvidersFile, type TestProvider } from "../helpers/oidc.js";
import { freePort } from "../helpers/ports.js";
import { login, type Session } from "../helpers/clients.js";
import { callApi } from "../helpers/api.js";
import { waitFor } from "../helpers/wait.js";

const DOC = "svar-nordjylland";
type PasswordWho = "koordinator" | "redaktoer" | "kommentator" | "laeser" | "styrelse" | "anden_region";
/** People created by single sign-on (issue 17): one given a role by the coordinator, one not (yet). */
type SsoWho = "sso_redaktoer" | "sso_uden_rolle";
type Who = PasswordWho | SsoWho;
const EMAIL: Record<PasswordWho, string> = {
  koordinator: "koordinator.nordjylland@regionssvar.dk",
  redaktoer: "redaktoer.aalborg@regionssvar.dk",
  kommentator: "familieambulatorium.nordjylland@regionssvar.dk",
  laeser: "laeser.nordjylland@regionssvar.dk",
  // The agency on a draft the region shares with it (issue 18, item 6; not shared: test/integration/agency-view.test.ts).
  styrelse: "styrelsen@regionssvar.dk",
  anden_region: "redaktoer.koebenhavn@regionssvar.dk",
};
const ALLOWED: Record<Who, ReadonlySet<Action>> = {
  koordinator: new Set(["read", "readInternal", "edit", "comment", "manage"]),
  redaktoer: new Set(["read", "readInternal", "edit", "comment", "approve"]),
  kommentator: new Set(["read", "readInternal", "comment"]),
  laeser: new Set(["read", "readInternal"]),
  styrelse: new Set(["read"]),
  anden_region: new Set(),
  sso_redaktoer: new Set(["read", "readInternal", "edit", "comment", "approve"]),
  sso_uden_rolle: new Set(),
};
const WHO: Who[] = [...(Object.keys(EMAIL) as PasswordWho[]), "sso_redaktoer", "sso_uden_rolle"];
/** Refused at the door: no role on this reply at all. */
const outsider = (who: Who) => who === "anden_region" || who === "sso_uden_rolle";

let server: TestServer;
const sessions = {} as Record<Who, Session>;
let versionId = "";
let memberId = "";

let idp: TestProvider;
let temp: { dir: string; remove: () => void };

beforeAll(async () => {
  const port = await freePort();
  idp = await startOidcProvider({ redirectUris: [`http://127.0.0.1:${port}/api/auth/oidc/kommune-login/callback`] });
  temp = tempDataDir();
  const file = writeProvidersFile(temp.dir, [
    {
      id: "kommune-login",
      name: "Kommunelogin",
      issuer: idp.issuer,
      clientId: "regionssvar",
      clientSecret: "hemmelighed-til-test",
      emailDomains: { "morsoe.dk": "kommune-773" },
      allowInsecureHttp: true,
    },
  ]);
  server = await startServer({ port, config: { OIDC_PROVIDERS_FILE: file } });
  // A reader of the region: a member of the familieambulatorium with the role "laeser".
  const laeser = {
    id: randomUUID(),
    email: EMAIL.laeser,
    name: "Læser",
    organisationId: "familieambulatorium-nordjylland",
    createdAt: new Date().toISOString(),
  };
  await server.store.insertUser({ ...laeser, passwordHash: await hashPassword(TEST_PASSWORD) });
  await server.store.upsertMembership({ documentId: DOC, userId: laeser.id, role: "laeser" });
  for (const who of Object.keys(EMAIL) as PasswordWho[]) sessions[who] = await login(server, EMAIL[who]);
  for (const [who, sub] of [
    ["sso_redaktoer", "sso-1"],
    ["sso_uden_rolle", "sso-2"],
  ] as const) {
    idp.accounts.set(sub, { email: `${sub}@morsoe.dk`, email_verified: true, name: `Sso ${sub}` });
    sessions[who] = await sessionFrom(server, (await ssoSignIn(server, "kommune-login", sub)).sessionCookie!);
  }
  await call("koordinator", "POST", `/api/documents/${DOC}/invitations`, {
    email: "sso-1@morsoe.dk",
    name: "Sso 1",
    organisationId: "kommune-773",
    role: "redaktoer",
  });
  const created = await call("koordinator", "POST", `/api/documents/${DOC}/versions`, { name: "Matrix" });
  versionId = created.body.id;
  expect((await call("koordinator", "PUT", `/api/documents/${DOC}/agency-sharing`, { shared: true })).status).toBe(204);
  memberId = (await server.store.getUserByEmail(EMAIL.kommentator))!.id;
});
afterAll(async () => {
  await server?.close();
  await idp?.close();
  temp?.remove();
});

const call = (who: Who, method: string, path: string, body?: unknown) => callApi(server, sessions[who], method, path, body);

interface RouteCase {
  action: Action;
  method: string;
  path: () => string;
  body?: () => unknown;
}

const ROUTES: RouteCase[] = [
  { action: "read", method: "GET", path: () => `/api/documents/${DOC}` },
  { action: "read", method: "GET", path: () => `/api/documents/${DOC}/completeness` },
  { action: "read", method: "GET", path: () => `/api/documents/${DOC}/preview` },
  { action: "readInternal", method: "GET", path: () => `/api/documents/${DOC}/people` },
  { action: "readInternal", method: "GET", path: () => `/api/documents/${DOC}/threads` },
  { action: "read", method: "GET", path: () => `/api/documents/${DOC}/workflow` },
  { action: "read", method: "GET", path: () => `/api/documents/${DOC}/versions` },
  { action: "read", method: "GET", path: () => `/api/documents/${DOC}/versions/${versionId}` },
  { action: "read", method: "GET", path: () => `/api/documents/${DOC}/rejected-changes` },
  {
    action: "comment",
    method: "POST",
    path: () => `/api/documents/${DOC}/threads`,
    body: () => ({ threadId: randomUUID(), quote: "x", blockId: null, body: "Matrix", mentions: [] }),
  },
  { action: "approve", method: "POST", path: () => `/api/documents/${DOC}/approvals`, body: () => ({ grundlag: "Byrådet", indholdsHash: "0".repeat(64) }) },
  {
    action: "manage",
    method: "POST",
    path: () => `/api/documents/${DOC}/invitations`,
    body: () => ({ email: `${randomUUID()}@aalborg.dk`, name: "Ny", organisationId: "kommune-851", role: "kommentator" }),
  },
  { action: "manage", method: "PATCH", path: () => `/api/documents/${DOC}/members/${memberId}`, body: () => ({ role: "kommentator" }) },
  { action: "manage", method: "POST", path: () => `/api/documents/${DOC}/versions`, body: () => ({ name: "Matrix" }) },
  { action: "manage", method: "PUT", path: () => `/api/documents/${DOC}/workflow/internal-deadline`, body: () => ({ internalDeadline: "2025-05-15" }) },
  { action: "manage", method: "PUT", path: () => `/api/documents/${DOC}/agency-sharing`, body: () => ({ shared: true }) },
  { action: "manage", method: "POST", path: () => `/api/documents/${DOC}/workflow/request-approval`, body: () => ({}) },
  { action: "manage", method: "POST", path: () => `/api/documents/${DOC}/workflow/reopen`, body: () => ({ reason: "Matrix" }) },
  { action: "manage", method: "POST", path: () => `/api/documents/${DOC}/workflow/submit` },
  { action: "manage", method: "POST", path: () => `/api/documents/${DOC}/versions/${versionId}/restore` },
];

describe("role matrix: HTTP routes", () => {
  for (const who of WHO) {
    it(`${who}`, async () => {
      const wrong: string[] = [];
      for (const route of ROUTES) {
        const stateBefore = (await server.store.getDocument(DOC))!.state;
        const res = await call(who, route.method, route.path(), route.body?.());
        const allowed = ALLOWED[who].has(route.action);
        const refused = res.status === 403;
        if (allowed === refused || res.status === 401 || res.status >= 500) wrong.push(`${route.method} ${route.path()} (${route.action}) → ${res.status}`);
        if (refused) expect((await server.store.getDocument(DOC))!.state).toBe(stateBefore);
      }
      expect(wrong).toEqual([]);
    });
  }
});

function frame(type: number, build: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  build(e);
  return encoding.toUint8Array(e);
}

/** A real update that writes a unique journal number, so its arrival in storage can be checked by content. */
const updateFrame = (jnr: string) => {
  const doc = new Y.Doc();
  doc.getMap("fields").set("hoved.jnr", jnr);
  return frame(MESSAGE_SYNC, (e) => (encoding.writeVarUint(e, SYNC_UPDATE), encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc))));
};

const MESSAGES: { name: string; action: Action; frame: (jnr: string) => Uint8Array }[] = [
  {
    name: "sync step 1",
    action: "read",
    frame: () => frame(MESSAGE_SYNC, (e) => (encoding.writeVarUint(e, SYNC_STEP_1), encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc())))),
  },
  { name: "awareness", action: "read", frame: () => frame(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, new Uint8Array([0]))) },
  { name: "query awareness", action: "read", frame: () => frame(MESSAGE_QUERY_AWARENESS, () => {}) },
  { name: "update", action: "edit", frame: updateFrame },
];

/**
 * Whether a stored row (snapshot or update) carries this journal number. Checked in the bytes, as
 * each frame comes from a fresh Y.Doc, so concurrent map writes would hide it in the merged state.
 */
async function stored(jnr: string): Promise<boolean> {
  const state = await server.store.loadDocumentState(DOC);
  return [state.snapshot, ...state.updates].some((row) => row !== null && Buffer.from(row).includes(jnr));
}

/** Waits until an accepted update is committed, so no write is still pending when the next case looks at storage. */
const committed = (jnr: string) => waitFor(async () => (await stored(jnr)) || undefined, { message: `update ${jnr} committed` });

/**
 * Opens a socket, waits for the server's sync step 1 (the room is loaded and frames are handled
 * from now on), sends one frame and a ping. Frames are handled in order before the ping is read,
 * so a pong means the frame was accepted; a refused frame closes the socket first.
 */
async function outcome(who: Who, data: Uint8Array): Promise<number | "open" | "refused"> {
  const ws = new WebSocket(`${server.wsUrl}/collab/${DOC}`, { headers: { origin: server.origin, cookie: sessions[who].cookie } });
  const ready = await new Promise<boolean>((resolve) => {
    ws.once("message", () => resolve(true));
    ws.once("unexpected-response", () => resolve(false));
    ws.once("error", () => resolve(false));
  });
  if (!ready) return "refused";
  const closed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
  const ponged = new Promise<"open">((resolve) => ws.once("pong", () => resolve("open")));
  ws.send(data);
  ws.ping();
  const result = await Promise.race([closed, ponged]);
  ws.terminate();
  return result;
}

describe("role matrix: websocket messages", () => {
  for (const who of WHO) {
    it(`${who}`, async () => {
      for (const m of MESSAGES) {
        const jnr = `matrix-${randomUUID()}`;
        const result = await outcome(who, m.frame(jnr));
        if (outsider(who)) {
          expect(result, m.name).toBe("refused");
          continue;
        }
        if (ALLOWED[who].has(m.action)) {
          expect(result, `${who} ${m.name}`).toBe("open");
          if (m.action === "edit") await committed(jnr);
        } else {
          expect(result, `${who} ${m.name}`).toBe(CloseCode.FORBIDDEN);
          // A refused update is never queued. Commits are in order, so once a later allowed update
          // is stored, the refused one would have been stored before it if it had been queued.
          const later = `matrix-after-${randomUUID()}`;
          expect(await outcome("koordinator", updateFrame(later))).toBe("open");
          await committed(later);
          expect(await stored(jnr), `${who} ${m.name}: refused update never stored`).toBe(false);
        }
      }
    });
  }
});
