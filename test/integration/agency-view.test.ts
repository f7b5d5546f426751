/**
 * What Social- og Boligstyrelsen sees (issue 18, item 6). Before submission: the state, the
 * completeness progress and the deadline in the national overview, and nothing of the text.
 * A region's coordinator may share the draft early (audited) and stop again, which closes the
 * agency's open sockets. After submission the text follows. The kommuner's comment threads and
 * the people of a reply never reach the agency.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../helpers/server.js";
import { connectClient, login, type Session } from "../helpers/clients.js";
import { callApi } from "../helpers/api.js";
import { waitFor } from "../helpers/wait.js";
import { CloseCode } from "../../shared/protocol/messages.js";
import { coordinatorOf, fillReply, replyIdOf, submittedReply } from "../helpers/replyStates.js";

const AGENCY = "styrelsen@regionssvar.dk";
const DRAFT = "syddanmark";
const SUBMITTED = "nordjylland";
let server: TestServer;
let agency: Session;
let coordinator: Session;

beforeAll(async () => {
  server = await startServer();
  await fillReply(server, DRAFT);
  await submittedReply(server, SUBMITTED);
  agency = await login(server, AGENCY);
  coordinator = await login(server, coordinatorOf(DRAFT));
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const get = (who: Session, path: string) => callApi(server, who, "GET", path);
const share = (shared: boolean, who = coordinator) => callApi(server, who, "PUT", `/api/documents/${replyIdOf(DRAFT)}/agency-sharing`, { shared });
const rowOf = async (regionId: string) => (await get(agency, "/api/overview")).body.rows.find((r: { regionId: string }) => r.regionId === regionId);
const TEXT_ROUTES = ["", "/completeness", "/preview", "/workflow", "/versions"];
const INTERNAL_ROUTES = ["/threads", "/people"];

/** Opens the agency's socket and says how it ended: synced, or refused at the door. */
async function agencySocket(regionId: string) {
  const client = connectClient(server, agency, replyIdOf(regionId));
  const outcome = await waitFor(() => (client.provider.synced ? "synced" : client.closeCodes.length > 0 ? "refused" : undefined), {
    message: "the agency's socket synced or was refused",
  });
  return { client, outcome };
}

describe("the agency before submission", () => {
  it("sees the state, the progress and the deadline, and nothing of the text", async () => {
    const row = await rowOf(DRAFT);
    expect(row).toMatchObject({ state: "udkast", readable: false, capacity: null });
    expect(row.progress["1"].total).toBeGreaterThan(0);
    expect((await get(agency, "/api/overview")).body.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const path of [...TEXT_ROUTES, ...INTERNAL_ROUTES]) expect((await get(agency, `/api/documents/${replyIdOf(DRAFT)}${path}`)).status, path).toBe(403);
    expect((await get(agency, "/api/documents")).body.documents.map((d: { id: string }) => d.id)).toEqual([replyIdOf(SUBMITTED)]);
    const { client, outcome } = await agencySocket(DRAFT);
    client.destroy();
    expect(outcome).toBe("refused");
  });

  it("reads the draft while the region shares it, never the comments, and loses it at once when sharing stops", async () => {
    expect((await share(true, await login(server, "redaktoer.odense@regionssvar.dk"))).status).toBe(403);
    expect((await share(true)).status).toBe(204);
    expect(await rowOf(DRAFT)).toMatchObject({ readable: true });
    expect((await get(agency, `/api/documents/${replyIdOf(DRAFT)}`)).body.document.role).toBe("styrelse");
    for (const path of TEXT_ROUTES) expect((await get(agency, `/api/documents/${replyIdOf(DRAFT)}${path}`)).status, path).toBe(200);
    for (const path of INTERNAL_ROUTES) expect((await get(agency, `/api/documents/${replyIdOf(DRAFT)}${path}`)).status, path).toBe(403);
    expect((await get(coordinator, `/api/documents/${replyIdOf(DRAFT)}/workflow`)).body.sharedWithAgency).toBe(true);

    const { client, outcome } = await agencySocket(DRAFT);
    try {
      expect(outcome).toBe("synced");
      expect((await share(false)).status).toBe(204);
      await waitFor(() => client.closeCodes.includes(CloseCode.FORBIDDEN), { message: "the agency's socket closes when sharing stops" });
    } finally {
      client.destroy();
    }
    expect((await get(agency, `/api/documents/${replyIdOf(DRAFT)}`)).status).toBe(403);
    const events = (await server.store.listAudit()).filter((e) => e.documentId === replyIdOf(DRAFT)).map((e) => e.event);
    expect(events.filter((e) => e.startsWith("agency."))).toEqual(["agency.draft_shared", "agency.draft_unshared"]);
  });
});

describe("the agency after submission", () => {
  it("reads the submitted reply and its seal, never the comments or the people", async () => {
    expect(await rowOf(SUBMITTED)).toMatchObject({ state: "indsendt", readable: true });
    for (const path of [...TEXT_ROUTES, "/final"]) expect((await get(agency, `/api/documents/${replyIdOf(SUBMITTED)}${path}`)).status, path).toBe(200);
    for (const path of INTERNAL_ROUTES) expect((await get(agency, `/api/documents/${replyIdOf(SUBMITTED)}${path}`)).status, path).toBe(403);
    const submittedCoordinator = await login(server, coordinatorOf(SUBMITTED));
    const again = await callApi(server, submittedCoordinator, "PUT", `/api/documents/${replyIdOf(SUBMITTED)}/agency-sharing`, { shared: false });
    expect(again.status).toBe(409);
  });
});
