/**
 * Battery item 2: the kill -9 cycles of item 1 against PostgreSQL, with PostgreSQL itself
 * crashed (`pg_ctl stop -m immediate`, crash recovery at the next start) and restarted while the
 * server keeps running and clients keep typing. The test runs its own PostgreSQL cluster on a
 * free port, so the machine's shared server is never stopped; where the PostgreSQL binaries are
 * missing it uses the shared server and leaves PostgreSQL restarts out (the figure says so).
 * Also: the server refuses to start on a database with `synchronous_commit` or `fsync` off.
 * Short form 3 cycles; long form (RELIABILITY_LONG=1) 20 cycles.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { tempDataDir } from "../helpers/tmp.js";
import { createTempPostgres } from "../helpers/postgres.js";
import { openStore } from "../../server/storage/index.js";
import { form, testSeed } from "./support/form.js";
import { runKillCycles, type KillKind } from "./support/kill-cycles.js";
import { startPgCluster, type PgCluster } from "./support/pg-cluster.js";

const CYCLES = form(3, 20);
const CLIENTS = form(10, 20);
const SEED = testSeed();
const data = tempDataDir();
let cluster: PgCluster | null = null;
let shared: { url: string; drop: () => Promise<void> } | null = null;
let databaseUrl = "";

beforeAll(async () => {
  cluster = await startPgCluster();
  if (cluster) databaseUrl = await cluster.createDatabase("regionssvar_kill");
  else {
    shared = await createTempPostgres();
    databaseUrl = shared.url;
  }
}, 120_000);
afterAll(async () => {
  await cluster?.remove();
  await shared?.drop();
  data.remove();
});

async function query(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** Opens the store as the server does at boot (buildApp → openStore); resolves with the refusal. */
async function refusedStart(url: string): Promise<string> {
  try {
    const store = await openStore({ databaseUrl: url, dataDir: data.dir });
    await store.close();
    return "started";
  } catch (error) {
    return String(error);
  }
}

describe(`kill -9 cycles on PostgreSQL (seed ${SEED})`, () => {
  it("refuses to start when synchronous_commit or fsync is off", async () => {
    const dbName = new URL(databaseUrl).pathname.slice(1);
    await query(databaseUrl, `ALTER DATABASE ${dbName} SET synchronous_commit = off`);
    const syncOff = await refusedStart(databaseUrl);
    // this session starts with the database's synchronous_commit=off: commit the reset durably
    // before the cluster is crashed below
    await query(databaseUrl, `SET synchronous_commit = on; ALTER DATABASE ${dbName} RESET synchronous_commit`);
    expect(syncOff).toMatch(/synchronous_commit is "off"/);
    let fsyncChecked = "not checked (shared PostgreSQL server)";
    if (cluster) {
      await cluster.crash();
      await cluster.start({ fsync: "off" });
      const fsyncOff = await refusedStart(databaseUrl);
      await cluster.crash();
      await cluster.start();
      expect(fsyncOff).toMatch(/fsync is "off"/);
      fsyncChecked = "refused";
    }
    console.log(`PostgreSQL durability at boot: synchronous_commit=off refused, fsync=off ${fsyncChecked}`);
  }, 120_000);

  it(
    `loses no acknowledged edit over ${CYCLES} kills with ${CLIENTS} clients`,
    async () => {
      const kinds: KillKind[] = cluster ? ["database-restart", "workflow", "compaction", "random"] : ["random", "workflow", "compaction"];
      const figures = await runKillCycles({
        backend: { dataDir: data.dir, databaseUrl },
        env: { DATABASE_URL: databaseUrl },
        cycles: CYCLES,
        clients: CLIENTS,
        seed: SEED,
        kinds,
        restartDatabase: async () => {
          await cluster!.crash();
          await cluster!.start();
        },
        convergeTimeoutMs: form(45_000, 90_000),
      });
      console.log(
        `kill -9 on PostgreSQL: ${figures.cycles} cycles (${figures.kills.random} random, ${figures.kills["database-restart"]} after a PostgreSQL crash and restart under load, ` +
          `${figures.kills.compaction} at a compaction, ${figures.compactionsInterrupted} of them before its commit, ${figures.kills.workflow} in a workflow transition → ${JSON.stringify(figures.workflowOutcomes)}), ` +
          `${CLIENTS} clients, ${figures.typed} tokens typed, ${figures.acknowledged} acknowledged, ${figures.lost} lost, seed ${SEED}` +
          (cluster ? "" : " (shared PostgreSQL: no PostgreSQL restarts)"),
      );
      expect(figures.lost).toBe(0);
      expect(figures.acknowledged).toBeGreaterThan(0);
    },
    form(300_000, 1_800_000),
  );
});
