/** `npm run audit:verify` checks the audit log's hash chain in the configured database. */
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../../server/storage/index.js";
import { tempDataDir } from "../helpers/tmp.js";

const data = tempDataDir();
afterAll(() => data.remove());

function verify(): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts"], { env: { ...process.env, DATA_DIR: data.dir }, encoding: "utf8" });
  return { status: r.status, output: r.stdout + r.stderr };
}

describe("audit:verify", () => {
  it("passes an intact chain and detects an edited row", async () => {
    const store = await openStore({ dataDir: data.dir });
    for (const event of ["auth.login", "role.changed", "approval.given"]) {
      await store.appendAudit({ at: new Date().toISOString(), actorUserId: null, event, documentId: null, details: { event } });
    }
    await store.close();
    const intact = verify();
    expect(intact.status, intact.output).toBe(0);
    expect(intact.output).toContain("3 hændelser");

    const tamper = await openStore({ dataDir: data.dir });
    await tamper.kysely.updateTable("audit_log").set({ details: JSON.stringify({ event: "forfalsket" }) }).where("seq", "=", 2).execute();
    await tamper.close();
    const broken = verify();
    expect(broken.status).toBe(1);
    expect(broken.output).toContain("løbenummer 2");
  });
});
