/**
 * The demo can finish the flow (issue 17): in the demo region the README's seeded accounts alone
 * take the reply from draft to "Indsendt" (every kommune has a seeded editor), and the README
 * lists exactly those accounts.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { municipalitiesOf } from "../../shared/regions.js";
import { DEMO_REGION_ID, demoAccounts } from "../../server/seed/demo.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { login } from "../helpers/clients.js";
import { callApi } from "../helpers/api.js";
import { fillReply, replyIdOf, requestApproval, submitReply } from "../helpers/replyStates.js";

let server: TestServer;
afterEach(async () => server?.close());

const editorsOfDemoRegion = () => demoAccounts().filter((a) => a.regionId === DEMO_REGION_ID && a.role === "redaktoer");

describe("the demo region", () => {
  it("has a seeded editor in every kommune, and the README lists each of them", () => {
    const kommuner = new Set(editorsOfDemoRegion().map((a) => a.organisationId));
    expect([...kommuner].sort()).toEqual(
      municipalitiesOf(DEMO_REGION_ID)
        .map((m) => `kommune-${m.code}`)
        .sort(),
    );
    const readme = readFileSync("README.md", "utf8");
    for (const account of editorsOfDemoRegion()) expect(readme).toContain(`\`${account.email}\``);
  });

  it("reaches Indsendt with the seeded accounts alone", async () => {
    server = await startServer();
    await fillReply(server, DEMO_REGION_ID);
    const hash = await requestApproval(server, DEMO_REGION_ID);
    for (const account of editorsOfDemoRegion()) {
      const editor = await login(server, account.email);
      const result = await callApi(server, editor, "POST", `/api/documents/${replyIdOf(DEMO_REGION_ID)}/approvals`, {
        grundlag: "Kommunalbestyrelsens beslutning",
        indholdsHash: hash,
      });
      expect(result.status, account.email).toBeLessThan(300);
    }
    await submitReply(server, DEMO_REGION_ID);
    expect((await server.store.getDocument(replyIdOf(DEMO_REGION_ID)))?.state).toBe("indsendt");
  });
});
