/**
 * Many rooms while the disk is busy (issue 19): the many-rooms load (bench/lib/many-rooms.ts) on
 * Regionssvar with SQLite while a bounded background writer keeps the data directory's disk busy
 * (`dd … oflag=direct conv=fsync` in a loop, at most DISK_LOAD_MB per pass and stopped with the
 * run), next to the same server with its data on tmpfs (fsync costs nothing), the same server on
 * a quiet disk, and the reference server (memory only) under the same disk load.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { tmpdir } from "node:os";
import type { Fixtures } from "./fixtures.js";
import { runManyRooms, type ManyRoomsResult } from "./many-rooms.js";
import type { RunningServer, ServerKind } from "./servers.js";

/** One pass of the background writer, in MB (written with O_DIRECT and fsynced, then deleted). */
const DISK_LOAD_MB = 256;
/** The writer never runs longer than this, whatever happens to the run. */
const DISK_LOAD_MAX_MS = 120_000;

export interface ContentionCase {
  label: string;
  server: ServerKind;
  /** Where the server's data directory is. */
  storage: "disk" | "tmpfs";
  /** Whether the background writer runs. */
  diskLoad: boolean;
}

export const CONTENTION_CASES: ContentionCase[] = [
  { label: "Regionssvar SQLite, disk busy", server: "regionssvar-sqlite", storage: "disk", diskLoad: true },
  { label: "Regionssvar SQLite on tmpfs, disk busy", server: "regionssvar-sqlite", storage: "tmpfs", diskLoad: true },
  { label: "Regionssvar SQLite, disk quiet", server: "regionssvar-sqlite", storage: "disk", diskLoad: false },
  { label: "reference y-websocket 1.5.4, disk busy", server: "y-websocket-1.5.4", storage: "disk", diskLoad: true },
  // the "without contention ≤ 1.0× the reference" row of issue 19
  { label: "reference y-websocket 1.5.4, disk quiet", server: "y-websocket-1.5.4", storage: "disk", diskLoad: false },
];

export interface ContentionResult extends ManyRoomsResult {
  label: string;
  server: ServerKind;
  storage: "disk" | "tmpfs";
  diskLoad: boolean;
}

/** Starts the background writer in `dir`'s filesystem; `stop` ends it and removes its file. */
export function startDiskLoad(dir: string): { stop: () => Promise<void> } {
  const file = `${dir}/regionssvar-bench-disk-load`;
  const script = `end=$((SECONDS+${Math.ceil(DISK_LOAD_MAX_MS / 1000)})); while [ $SECONDS -lt $end ]; do dd if=/dev/zero of='${file}' bs=1M count=${DISK_LOAD_MB} oflag=direct conv=fsync status=none || break; rm -f '${file}'; done; rm -f '${file}'`;
  const child: ChildProcess = spawn("bash", ["-c", script], { stdio: "ignore", detached: true });
  return {
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        process.kill(-child.pid!, "SIGTERM");
        await exited;
      }
      spawn("rm", ["-f", file]);
    },
  };
}

/** Runs one case: the data directory where the case says, the writer around the load. */
export async function runContentionCase(
  c: ContentionCase,
  fixtures: Fixtures,
  start: (kind: ServerKind) => Promise<RunningServer>,
  load: { rooms: number; perRoom: number; rate: number; durationMs: number; seed: number },
): Promise<ContentionResult> {
  fixtures.dataRoot = c.storage === "tmpfs" ? "/dev/shm" : tmpdir();
  const server = await start(c.server);
  const disk = c.diskLoad ? startDiskLoad(tmpdir()) : null;
  try {
    const r = await runManyRooms(server, load);
    return { ...r, label: c.label, server: c.server, storage: c.storage, diskLoad: c.diskLoad };
  } finally {
    await disk?.stop();
    await server.stop();
    fixtures.dataRoot = tmpdir();
  }
}

export function contentionTable(results: ContentionResult[]): string {
  const rows = results.map(
    (r) => `| ${r.label} | ${r.rooms} × ${r.perRoom} | ${r.latencyMs.p50} | ${r.latencyMs.p99} | ${r.latencyMs.max} | ${r.undelivered} |`,
  );
  return ["| case | rooms × clients | p50 ms | p99 ms | max ms | undelivered |", "|---|---|---|---|---|---|", ...rows].join("\n");
}
