/**
 * The national overview's capacity (issue 18, item 2): only submitted replies count, drafts are
 * shown apart, and a unit two regions share (each reply names the other) counts once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../helpers/server.js";
import { login } from "../helpers/clients.js";
import { callApi } from "../helpers/api.js";
import { completeReplyContentAsOf, sharedUnitReply, withFields } from "../helpers/completeReply.js";
import { approveAll, fillReply, requestApproval, submitReply } from "../helpers/replyStates.js";

const AGENCY = "styrelsen@regionssvar.dk";
let server: TestServer;

const sharedWith = (regionId: string, partner: string) => sharedUnitReply(regionId, partner);

beforeAll(async () => {
  server = await startServer();
  await fillReply(server, "nordjylland", sharedWith("nordjylland", "midtjylland"));
  await approveAll(server, "nordjylland", await requestApproval(server, "nordjylland"));
  await submitReply(server, "nordjylland");
  await fillReply(server, "midtjylland", sharedWith("midtjylland", "nordjylland")); // the same unit, still a draft
  await fillReply(server, "syddanmark", withFields(completeReplyContentAsOf("syddanmark"), { "i1.organisering.kapacitet": 20 }));
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe("national capacity in the overview", () => {
  it("counts the submitted shared unit once and shows the drafts apart", async () => {
    const overview = await callApi(server, await login(server, AGENCY), "GET", "/api/overview");
    expect(overview.status).toBe(200);
    expect(overview.body.nationalCapacity).toBe(30);
    expect(overview.body.draftCapacity).toBe(20);
    expect(overview.body.rows.find((r: { regionId: string }) => r.regionId === "nordjylland").sealed.late).toBe(overview.body.today > overview.body.deadline);
  });
});
