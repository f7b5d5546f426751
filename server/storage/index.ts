/**
 * Opens the configured store: PostgreSQL when DATABASE_URL is set, otherwise embedded SQLite
 * under DATA_DIR. Durability settings are enforced here, at open, for both.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Kysely, PostgresDialect, sql } from "kysely";
import { KyselyStore } from "./kysely-store.js";
import { SqliteThread } from "./sqlite-worker.js";
import { SqliteThreadDialect } from "./sqlite-dialect.js";
import type { Tables } from "./schema.js";

export interface StoreOptions {
  /** postgres://… to use PostgreSQL; otherwise SQLite. */
  databaseUrl?: string | undefined;
  /** Directory of the SQLite file (created if missing). */
  dataDir: string;
  /** SQLite file name inside dataDir; ":memory:" is refused (it is not durable). */
  sqliteFile?: string;
}

export const SQLITE_FILE = "regionssvar.sqlite";
/** How long a SQLite statement waits for a lock held by another connection, in ms. */
export const SQLITE_BUSY_TIMEOUT_MS = 100;

export async function openStore(options: StoreOptions): Promise<KyselyStore> {
  const store = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openSqlite(options);
  try {
    // checked before anything is written
    if (store.dialect === "postgres") await assertPostgresDurable(store.kysely);
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/**
 * SQLite runs in a thread of its own (sqlite-thread.mjs), which owns the only connection: every
 * commit and its fsync happen there, and the event loop goes on relaying edits meanwhile.
 */
async function openSqlite(options: StoreOptions): Promise<KyselyStore> {
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, options.sqliteFile ?? SQLITE_FILE);
  const thread = await SqliteThread.open(file, SQLITE_BUSY_TIMEOUT_MS);
  const db = new Kysely<Tables>({ dialect: new SqliteThreadDialect(thread) });
  return new KyselyStore(db, "sqlite", undefined, (items) => thread.append(items));
}

async function openPostgres(url: string): Promise<KyselyStore> {
  // Loaded only when PostgreSQL is used: the driver is large, and most installations run SQLite.
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // bigint (int8) as number: sequence numbers stay far below 2^53.
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client's connection can drop (database restart, failover). Without a listener that
  // 'error' event would crash the process; the pool replaces the client on next use instead.
  pool.on("error", () => {});
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return new KyselyStore(db, "postgres");
}

/**
 * A server that acknowledges saves must not run on a database that may lose commits, so it
 * refuses to start (rather than warn) when `fsync` is off or `synchronous_commit` is off: with
 * either, a commit that returned can vanish in a crash. Every other synchronous_commit value
 * (on, local, remote_write, remote_apply) flushes the commit to the local WAL first.
 */
async function assertPostgresDurable(db: Kysely<Tables>): Promise<void> {
  const durable: Record<string, string[]> = { fsync: ["on"], synchronous_commit: ["on", "local", "remote_write", "remote_apply"] };
  for (const [setting, accepted] of Object.entries(durable)) {
    const r = await sql<{ v: string }>`select current_setting(${setting}) as v`.execute(db);
    const value = r.rows[0]?.v ?? "";
    if (!accepted.includes(value)) {
      throw new Error(`PostgreSQL ${setting} is "${value}"; Regionssvar needs it on to promise durable saves`);
    }
  }
}
