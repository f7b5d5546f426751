/**
 * The repair of workflow transitions a crash interrupted (server/ops/recover-workflow.ts), found
 * by the kill -9 cycles of items 1 and 2, here deterministic: each of the four half-done states
 * a kill can leave is written into storage, and a server starting on it repairs it before its
 * first request. With REDIS_URL (other instances may be mid-transition) a young half-done state
 * is left alone at start.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { municipalitiesOf } from "../../shared/regions.js";
import { openStore } from "../../server/storage/index.js";
import { seedDemo } from "../../server/seed/demo.js";
import type { Store } from "../../server/storage/types.js";
import { startServer, TEST_PASSWORD, tempDataDir, type TestServer } from "../helpers/server.js";

const data = tempDataDir();
let server: TestServer | undefined;
afterAll(async () => {
  await server?.close();
  data.remove();
});

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const HASH = "a".repeat(64);

async function frozenVersion(store: Store, documentId: string): Promise<string> {
  const id = randomUUID();
  await store.insertVersion({
    id,
    documentId,
    name: "Sendt til godkendelse",
    kind: "auto",
    createdBy: null,
    createdAt: new Date().toISOString(),
    stateUpdate: new Uint8Array([0, 0]),
    contentJson: "{}",
    indholdsHash: HASH,
  });
  return id;
}

async function approve(store: Store, documentId: string, kommunekoder: string[]): Promise<void> {
  const coordinator = (await store.getUserByEmail("koordinator.nordjylland@regionssvar.dk"))!;
  for (const kommunekode of kommunekoder) {
    await store.insertApproval({
      id: randomUUID(),
      documentId,
      kommunekode,
      userId: coordinator.id,
      createdAt: new Date().toISOString(),
      grundlag: "Byrådsbeslutning",
      indholdsHash: HASH,
      discardedAt: null,
      flag: null,
      decision: null,
    });
  }
}

describe("recovery of interrupted workflow transitions", () => {
  it("repairs each half-done transition at start", async () => {
    const store = await openStore({ dataDir: data.dir });
    await seedDemo(store, TEST_PASSWORD);
    const now = () => new Date().toISOString();
    // 1. request for approval killed after the state changed: til_godkendelse without a frozen version
    await store.transitionState("svar-nordjylland", ["udkast"], "til_godkendelse", now());
    // 2. reopen killed after the state changed: udkast, still a frozen version and approvals
    const v2 = await frozenVersion(store, "svar-hovedstaden");
    await store.saveWorkflow({ ...(await store.getWorkflow("svar-hovedstaden")), frozenVersionId: v2, updatedAt: now() });
    await approve(store, "svar-hovedstaden", [municipalitiesOf("hovedstaden")[0]!.code]);
    // 3. last approval given, killed before the state followed: til_godkendelse, every kommune approved
    const v3 = await frozenVersion(store, "svar-sjaelland");
    await store.transitionState("svar-sjaelland", ["udkast"], "til_godkendelse", now());
    await store.saveWorkflow({ ...(await store.getWorkflow("svar-sjaelland")), frozenVersionId: v3, updatedAt: now() });
    await approve(
      store,
      "svar-sjaelland",
      municipalitiesOf("sjaelland").map((m) => m.code),
    );
    // 4. sealed, killed before the state followed: godkendt with a seal
    const v4 = await frozenVersion(store, "svar-syddanmark");
    await store.transitionState("svar-syddanmark", ["udkast"], "godkendt", now());
    await store.saveWorkflow({ ...(await store.getWorkflow("svar-syddanmark")), frozenVersionId: v4, updatedAt: now() });
    await store.insertSeal({
      documentId: "svar-syddanmark",
      recordJson: "{}",
      indholdsHash: HASH,
      forseglingsHash: HASH,
      sealedAt: now(),
      pdf: new Uint8Array([1]),
      docx: new Uint8Array([2]),
    });
    await store.close();

    // several instances: a young half-done transition may still be running elsewhere
    const shared = await startServer({ dataDir: data.dir, config: { REDIS_URL, REDIS_CHANNEL_PREFIX: `t${randomBytes(4).toString("hex")}` } });
    expect((await shared.store.getDocument("svar-nordjylland"))!.state).toBe("til_godkendelse");
    await shared.close();

    server = await startServer({ dataDir: data.dir });
    const s = server.store;
    expect((await s.getDocument("svar-nordjylland"))!.state).toBe("udkast");
    expect((await s.getWorkflow("svar-hovedstaden")).frozenVersionId).toBeNull();
    expect(await s.listApprovals("svar-hovedstaden")).toEqual([]);
    expect((await s.getDocument("svar-sjaelland"))!.state).toBe("godkendt");
    expect((await s.getDocument("svar-syddanmark"))!.state).toBe("indsendt");
    const repairs = (await s.listAudit()).filter((e) => e.event === "workflow.recovered").map((e) => `${e.documentId}: ${String(e.details.repair)}`);
    console.log(`workflow recovery at start: ${repairs.join(", ")}; with REDIS_URL a young one is left for its instance`);
    expect(repairs).toHaveLength(4);
  });
});
