/**
 * Storage for Regionssvar's server, seeded once per benchmark run and copied per scenario, so
 * every scenario starts a fresh server on a fresh database without paying for seeding (password
 * hashing, 98 kommuner) each time: a SQLite file is copied, a PostgreSQL database is created
 * from a template database.
 *
 * Besides the demo, the seed holds BENCH_DOCUMENTS empty replies in one region with the
 * benchmark's editor as a member, so scenarios with hundreds of rooms have documents to open.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openStore, SQLITE_FILE } from "../../server/storage/index.js";
import { seedDemo } from "../../server/seed/demo.js";
import { TEMPLATE } from "../../shared/template/definition.js";
import type { Store } from "../../server/storage/types.js";
import { REGION } from "./content.js";

export const BENCH_PASSWORD = "bench-demo-password";
export const BENCH_EMAIL = "redaktoer.aalborg@regionssvar.dk";
export const BENCH_DOCUMENTS = 210;
export const benchDocument = (i: number): string => `bench-${String(i).padStart(3, "0")}`;

const ADMIN_URL = process.env.TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function seed(store: Store): Promise<void> {
  await seedDemo(store, BENCH_PASSWORD);
  const user = await store.getUserByEmail(BENCH_EMAIL);
  if (!user) throw new Error(`the demo has no ${BENCH_EMAIL}`);
  const now = new Date().toISOString();
  for (let i = 0; i < BENCH_DOCUMENTS; i++) {
    const id = benchDocument(i);
    await store.insertDocument({
      id,
      regionId: REGION,
      title: `Benchmark ${i}`,
      templateId: TEMPLATE.templateId,
      templateVersion: TEMPLATE.version,
      state: "udkast",
      createdAt: now,
      updatedAt: now,
    });
    await store.upsertMembership({ documentId: id, userId: user.id, role: "redaktoer" });
  }
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function urlOf(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export interface DataDir {
  dir: string;
  remove: () => void;
}

export interface Database {
  url: string;
  drop: () => Promise<void>;
}

export class Fixtures {
  private constructor(
    private readonly sqliteTemplateDir: string,
    private readonly pgTemplate: string | null,
  ) {}

  static async prepare(withPostgres: boolean): Promise<Fixtures> {
    const dir = mkdtempSync(join(tmpdir(), "regionssvar-bench-template-"));
    const sqlite = await openStore({ dataDir: dir });
    await seed(sqlite);
    await sqlite.close(); // checkpoints the WAL into the main file
    let template: string | null = null;
    if (withPostgres) {
      template = `rs_bench_tmpl_${randomBytes(4).toString("hex")}`;
      await admin((c) => c.query(`CREATE DATABASE ${template}`));
      const store = await openStore({ databaseUrl: urlOf(template), dataDir: dir });
      await seed(store);
      await store.close();
    }
    return new Fixtures(dir, template);
  }

  /**
   * Where data directories are made: the OS's temporary directory (on disk here), or a tmpfs
   * such as /dev/shm for the run where fsync costs nothing (bench/lib/contention.ts).
   */
  dataRoot = tmpdir();

  /** A fresh data directory holding a copy of the seeded SQLite database. */
  sqliteDataDir(): DataDir {
    const dir = mkdtempSync(join(this.dataRoot, "regionssvar-bench-"));
    for (const suffix of ["", "-wal", "-shm"]) {
      const from = join(this.sqliteTemplateDir, SQLITE_FILE + suffix);
      if (existsSync(from)) copyFileSync(from, join(dir, SQLITE_FILE + suffix));
    }
    return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
  }

  /** A fresh PostgreSQL database copied from the seeded template. */
  async postgres(): Promise<Database> {
    if (!this.pgTemplate) throw new Error("fixtures were prepared without PostgreSQL");
    const name = `rs_bench_${randomBytes(6).toString("hex")}`;
    await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${this.pgTemplate}`));
    return { url: urlOf(name), drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}) };
  }

  /** A fresh empty directory (Hocuspocus's SQLite file). */
  emptyDir(): DataDir {
    const dir = mkdtempSync(join(tmpdir(), "regionssvar-bench-hp-"));
    return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
  }

  async cleanup(): Promise<void> {
    rmSync(this.sqliteTemplateDir, { recursive: true, force: true });
    if (this.pgTemplate) {
      const name = this.pgTemplate;
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }
  }
}
