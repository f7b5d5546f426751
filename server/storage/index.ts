/**
 * Opens the configured store: PostgreSQL when DATABASE_URL is set, otherwise embedded SQLite
 * under DATA_DIR. Durability settings are enforced here, at open, for both.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import { KyselyStore } from "./kysely-store.js";
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

export async function openStore(options: StoreOptions): Promise<KyselyStore> {
  const store = options.databaseUrl ? openPostgres(options.databaseUrl) : openSqlite(options);
  await store.migrate();
  if (store.dialect === "postgres") await assertPostgresDurable(store.kysely);
  return store;
}

function openSqlite(options: StoreOptions): KyselyStore {
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, options.sqliteFile ?? SQLITE_FILE);
  const database = new Database(file);
  // WAL lets readers run beside the writer; synchronous=FULL fsyncs the WAL at every commit, so a
  // commit that returned survives power loss (WAL's usual NORMAL can lose the last commits).
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = FULL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database }) });
  return new KyselyStore(db, "sqlite");
}

function openPostgres(url: string): KyselyStore {
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

/** A server that acknowledges saves must not run on a database that may lose commits. */
async function assertPostgresDurable(db: Kysely<Tables>): Promise<void> {
  for (const setting of ["fsync", "synchronous_commit"]) {
    const r = await sql<{ v: string }>`select current_setting(${setting}) as v`.execute(db);
    const value = r.rows[0]?.v;
    if (value !== "on" && !(setting === "synchronous_commit" && (value === "remote_apply" || value === "remote_write"))) {
      throw new Error(`PostgreSQL ${setting} is "${value}"; Regionssvar needs it on to promise durable saves`);
    }
  }
}
