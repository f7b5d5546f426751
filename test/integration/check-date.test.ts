/**
 * A frozen or sealed reply is judged at the day it was frozen, not today (issue 18, item 1): a
 * reply that was complete and on time when it was sent for approval does not show date errors
 * ("driftsstart skal ligge efter svarets dato") when it is read later. A sealed record keeps the
 * date it was checked at.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../helpers/server.js";
import { login } from "../helpers/clients.js";
import { callApi } from "../helpers/api.js";
import { CHECK_TODAY, completeReplyContent } from "../helpers/completeReply.js";
import { coordinatorOf, fillReply, replyIdOf, submittedReply } from "../helpers/replyStates.js";
import { buildVersion } from "../../server/workflow/versions.js";
import { copenhagenToday } from "../../shared/danish.js";

const REGION = "nordjylland";
const DOC = replyIdOf(REGION);
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Freezes the reply as a request for approval on `day` would have (the version and the state), without the API's check of today. */
async function frozenOn(server: TestServer, day: string): Promise<void> {
  const document = (await server.store.getDocument(DOC))!;
  const version = await buildVersion(server.app.collab, document, "Sendt til godkendelse", "auto", null, { fromStorage: true });
  await server.store.insertVersion({ ...version, createdAt: `${day}T10:00:00.000Z` });
  await server.store.saveWorkflow({ ...(await server.store.getWorkflow(DOC)), frozenVersionId: version.id, updatedAt: `${day}T10:00:00.000Z` });
  await server.store.transitionState(DOC, ["udkast"], "til_godkendelse", `${day}T10:00:00.000Z`);
}

describe("the date a reply is judged at", () => {
  it("judges a reply sent for approval in May 2025 at that day, not today", async () => {
    server = await startServer();
    await fillReply(server, REGION, completeReplyContent(REGION)); // complete as of 20 May 2025
    const coordinator = await login(server, coordinatorOf(REGION));
    const asDraft = await callApi(server, coordinator, "GET", `/api/documents/${DOC}/completeness`);
    // Today the months of 2025 and 2026 lie in the past: the draft has date errors.
    expect(asDraft.body.findings.filter((f: { severity: string }) => f.severity === "fejl").map((f: { ruleId: string }) => f.ruleId)).toEqual(
      expect.arrayContaining(["I4.DRIFTSSTART"]),
    );

    await frozenOn(server, CHECK_TODAY);
    const frozen = await callApi(server, coordinator, "GET", `/api/documents/${DOC}/completeness`);
    expect(frozen.body.findings.filter((f: { severity: string }) => f.severity === "fejl")).toEqual([]);
    const list = await callApi(server, coordinator, "GET", "/api/documents");
    expect(list.body.documents.find((d: { id: string }) => d.id === DOC).completeness.errors).toBe(0);
    expect((await callApi(server, coordinator, "GET", `/api/documents/${DOC}`)).body.document.checkDate).toBe(CHECK_TODAY);
  });

  it("records in the seal the day the sealed text was checked at", async () => {
    server = await startServer();
    await submittedReply(server, REGION);
    const record = JSON.parse((await server.store.getSeal(DOC))!.recordJson);
    expect(record.checkedAsOf).toBe(copenhagenToday());
  });
});
