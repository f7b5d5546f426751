/**
 * Battery item 18: the disk fills up or the database is locked by someone else while clients
 * type. SQLite "disk full" is a `max_page_count` at the current size on the server's own
 * connection (every commit fails with SQLITE_FULL); "locked" is another connection holding the
 * write lock (BEGIN IMMEDIATE) on SQLite, and `LOCK TABLE doc_updates` on PostgreSQL (commits
 * hang). Bars: no "saved" while the fault lasts, every client told saving has problems, the
 * event loop never stalls for a second, and once the fault is gone everything is saved with
 * nothing lost.
 */
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterEach, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import pg from "pg";
import { sql } from "kysely";
import { startServer, type TestServer } from "../helpers/server.js";
import { login } from "../helpers/clients.js";
import { createTempPostgres } from "../helpers/postgres.js";
import { waitFor, sleep } from "../helpers/wait.js";
import { fieldText } from "../helpers/ydoc.js";
import { DEFAULT_WRITER_OPTIONS } from "../../server/collab/persist.js";
import { SQLITE_FILE } from "../../server/storage/index.js";
import type { KyselyStore } from "../../server/storage/kysely-store.js";
import { compareTokens, connectTypist, tokensOf, type Typist } from "./support/typist.js";
import { storedDoc } from "./support/stored.js";

const DOC = "svar-nordjylland";
const FIELD = "i1.indsats.tekst";
/** Injected: how long each fault lasts once every client has been told. */
const FAULT_MS = 2_000;
/** The writer reports a hanging commit after this long (shortened from 5 s for the test). */
const COMMIT_WARN_MS = 1_000;
/** Injected typing pace, and typing before each fault. */
const TICK_MS = 50;
const BEFORE_FAULT_MS = 300;
const STALL_BAR_MS = 1_000;
const EDITORS = [
  "redaktoer.aalborg@regionssvar.dk",
  "redaktoer.hjoerring@regionssvar.dk",
  "redaktoer.thisted@regionssvar.dk",
  "koordinator.nordjylland@regionssvar.dk",
];

let server: TestServer | undefined;
let realStore: KyselyStore;
const typists: Typist[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const t of typists.splice(0)) t.destroy();
  await server?.close();
  server = undefined;
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(config: Record<string, string> = {}): Promise<TestServer> {
  server = await startServer({
    config,
    wrapStore: (s) => {
      realStore = s as KyselyStore;
      return s;
    },
    deps: { collabOptions: { writer: { ...DEFAULT_WRITER_OPTIONS, commitWarnAfterMs: COMMIT_WARN_MS } } },
  });
  const sessions = await Promise.all(EDITORS.map((e) => login(server!, e)));
  for (let i = 0; i < EDITORS.length; i++) typists.push(connectTypist(server, sessions[i]!, DOC, i, { field: FIELD }));
  await waitFor(() => typists.every((t) => t.allSaved()), { timeoutMs: 20_000 });
  return server;
}

/** Types throughout `inject` … `clear`, checks the bars, returns the figure. */
async function underFault(name: string, inject: () => Promise<void>, clear: () => Promise<void>): Promise<string> {
  const s = server!;
  let typing = true;
  const loop = (async () => {
    while (typing) {
      for (const t of typists) t.type();
      await sleep(TICK_MS);
    }
  })();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  try {
    await sleep(BEFORE_FAULT_MS);
    delay.enable();
    await inject();
    await waitFor(() => typists.every((t) => t.events.some((e) => e.type === "save-health" && e.healthy === false)), {
      timeoutMs: 15_000,
      message: `${name}: every client told saving has problems`,
    });
    const saved = typists.map((t) => t.counter.saved);
    await sleep(FAULT_MS);
    const ackedDuringFault = typists.filter((t, i) => t.counter.saved > saved[i]!).length;
    await clear();
    typing = false;
    await loop;
    await waitFor(() => typists.every((t) => t.allSaved() && t.events.at(-1)?.type === "save-health" && t.events.at(-1)?.healthy === true), {
      timeoutMs: 30_000,
      message: `${name}: everything saved once the fault is gone`,
    });
    delay.disable();
    const doc = await storedDoc(s.store, DOC);
    const stored = fieldText(doc, FIELD);
    doc.destroy();
    const typed = new Set(typists.flatMap((t) => [...t.typed]));
    const { missing, duplicated } = compareTokens(stored, typed);
    const stallMs = delay.max / 1e6;
    expect(ackedDuringFault, `${name}: clients acknowledged during the fault`).toBe(0);
    expect(missing, `${name}: tokens missing after recovery`).toEqual([]);
    expect(duplicated).toEqual([]);
    expect(stallMs, `${name}: longest event-loop stall`).toBeLessThan(STALL_BAR_MS);
    for (const t of typists) t.events.length = 0;
    return `${name}: acknowledged during the fault 0, all clients told, longest stall ${stallMs.toFixed(0)} ms, ${tokensOf(stored).length} tokens stored, missing 0`;
  } finally {
    typing = false;
    await loop;
    delay.disable();
  }
}

describe("disk full and database locked", () => {
  it("SQLite: disk full, then locked by another connection", async () => {
    const s = await start();
    const full = await underFault(
      "SQLite disk full",
      async () => {
        const pages = (await sql<{ page_count: number }>`pragma page_count`.execute(realStore.kysely)).rows[0]!.page_count;
        await sql.raw(`pragma max_page_count = ${pages}`).execute(realStore.kysely);
      },
      async () => {
        await sql.raw(`pragma max_page_count = 4294967294`).execute(realStore.kysely);
      },
    );
    const other = new Database(join(s.dataDir, SQLITE_FILE));
    const locked = await underFault(
      "SQLite locked",
      async () => {
        other.exec("BEGIN IMMEDIATE");
        other.prepare("update documents set title = title where id = ?").run(DOC);
      },
      async () => {
        other.exec("ROLLBACK");
      },
    );
    other.close();
    console.log(`storage faults: ${full}; ${locked}`);
  }, 120_000);

  it("PostgreSQL: doc_updates locked by another session", async () => {
    const database = await createTempPostgres();
    cleanups.push(() => database.drop());
    await start({ DATABASE_URL: database.url });
    const other = new pg.Client({ connectionString: database.url });
    other.on("error", () => {});
    await other.connect();
    cleanups.push(() => other.end());
    const locked = await underFault(
      "PostgreSQL locked",
      async () => {
        await other.query("BEGIN");
        await other.query("LOCK TABLE doc_updates IN ACCESS EXCLUSIVE MODE");
      },
      async () => {
        await other.query("ROLLBACK");
      },
    );
    console.log(`storage faults: ${locked}`);
  }, 120_000);
});
