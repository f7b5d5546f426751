/**
 * A PostgreSQL cluster of the test's own (initdb in a temporary directory, on a free port), so a
 * test can crash and restart PostgreSQL without touching the machine's shared server. Needs the
 * PostgreSQL server binaries (/usr/lib/postgresql/<v>/bin); as root it runs them as `postgres`.
 * Returns null where the machine does not allow it; callers then say so in their figures.
 */
import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "../../helpers/ports.js";

const run = promisify(execFile);

export interface PgCluster {
  port: number;
  /** URL of a database (created on demand). */
  databaseUrl(name: string): string;
  createDatabase(name: string): Promise<string>;
  /** `pg_ctl stop -m immediate`: no shutdown checkpoint, crash recovery at the next start. */
  crash(): Promise<void>;
  /** Starts the cluster; `settings` are extra `-c name=value` server settings. */
  start(settings?: Record<string, string>): Promise<void>;
  remove(): Promise<void>;
}

function binDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], "bin") : null;
}

export async function startPgCluster(): Promise<PgCluster | null> {
  const bin = binDir();
  if (!bin) return null;
  const root = process.getuid?.() === 0;
  let uid = -1;
  let gid = -1;
  if (root) {
    try {
      uid = Number((await run("id", ["-u", "postgres"])).stdout.trim());
      gid = Number((await run("id", ["-g", "postgres"])).stdout.trim());
    } catch {
      return null;
    }
  }
  const dir = mkdtempSync(join(tmpdir(), "regionssvar-pg-"));
  if (root) chownSync(dir, uid, gid);
  const as = (cmd: string, args: string[]) => (root ? run("runuser", ["-u", "postgres", "--", join(bin, cmd), ...args]) : run(join(bin, cmd), args));
  const data = join(dir, "data");
  try {
    await as("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  const port = await freePort();
  const cluster: PgCluster = {
    port,
    databaseUrl: (name) => `postgres://postgres@127.0.0.1:${port}/${name}`,
    async createDatabase(name) {
      const c = new pg.Client({ connectionString: cluster.databaseUrl("postgres") });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE ${name}`);
      } finally {
        await c.end();
      }
      return cluster.databaseUrl(name);
    },
    async crash() {
      await as("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    },
    async start(settings = {}) {
      const options = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses=127.0.0.1", ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(" ");
      await as("pg_ctl", ["-D", data, "-o", options, "-l", join(dir, "log"), "-w", "-t", "60", "start"]);
    },
    async remove() {
      await as("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}
