/** `npm run audit:verify` checks the audit log's hash chain in the configured database. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../../server/storage/index.js";
import { tempDataDir } from "../helpers/tmp.js";

const data = tempDataDir();
afterAll(() => data.remove());

function run(script: string, ...args: string[]): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", script, ...args], { env: { ...process.env, DATA_DIR: data.dir }, encoding: "utf8" });
  return { status: r.status, output: r.stdout + r.stderr };
}
const verify = (...args: string[]) => run("scripts/audit-verify.ts", ...args);

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
    await tamper.kysely
      .updateTable("audit_log")
      .set({ details: JSON.stringify({ event: "forfalsket" }) })
      .where("seq", "=", 2)
      .execute();
    await tamper.close();
    const broken = verify();
    expect(broken.status).toBe(1);
    expect(broken.output).toContain("løbenummer 2");
  });

  it("says which head it checked, and with a signed exported head finds a truncated or rewritten tail", async () => {
    const fresh = tempDataDir();
    try {
      const env = { ...process.env, DATA_DIR: fresh.dir };
      const call = (script: string, ...args: string[]) => {
        const r = spawnSync(process.execPath, ["--import", "tsx", script, ...args], { env, encoding: "utf8" });
        return { status: r.status, output: r.stdout + r.stderr };
      };
      const store = await openStore({ dataDir: fresh.dir });
      for (let i = 1; i <= 4; i++)
        await store.appendAudit({ at: new Date().toISOString(), actorUserId: null, event: `e${i}`, documentId: null, details: { i } });
      await store.close();
      const headFile = join(fresh.dir, "..", `head-${Date.now()}.json`);
      expect(call("scripts/audit-export-head.ts", headFile).status).toBe(0);
      const ok = call("scripts/audit-verify.ts", "--head", headFile);
      expect(ok.status, ok.output).toBe(0);
      expect(ok.output).toContain("løbenummer 4");

      // The last two rows deleted: the chain alone still looks intact; the exported head does not.
      const cut = await openStore({ dataDir: fresh.dir });
      await cut.kysely.deleteFrom("audit_log").where("seq", ">", 2).execute();
      await cut.close();
      expect(call("scripts/audit-verify.ts").status).toBe(0);
      const truncated = call("scripts/audit-verify.ts", "--head", headFile);
      expect(truncated.status).toBe(1);
      expect(truncated.output).toContain("kortere");

      // Rewritten with recomputed hashes up to the same length: the head's hash differs.
      const rewrite = await openStore({ dataDir: fresh.dir });
      for (let i = 3; i <= 4; i++)
        await rewrite.appendAudit({ at: new Date().toISOString(), actorUserId: null, event: `forfalsket${i}`, documentId: null, details: { i } });
      await rewrite.close();
      const rewritten = call("scripts/audit-verify.ts", "--head", headFile);
      expect(rewritten.status).toBe(1);
      expect(rewritten.output).toContain("skrevet om");
    } finally {
      fresh.remove();
    }
  });
});
