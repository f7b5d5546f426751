/**
 * The benchmark's results: the JSON written to bench/results/<date>.json, the issue's targets as
 * ratios within the same run, and the markdown tables printed and written beside it.
 */
import { readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { execFileSync } from "node:child_process";
import pg from "pg";
import type { FanoutResult } from "./fanout.js";
import type { ManyRoomsResult } from "./many-rooms.js";
import type { TraceResult } from "./trace.js";
import type { MemoryResult } from "./memory.js";
import { LOAD_CORE, SERVER_CORE } from "./proc.js";
import { BENCH_ROOM_UNLOAD_DELAY_MS, type ServerKind } from "./servers.js";
import { targetRows, type TargetResult } from "./targets.js";
import { contentionTable, type ContentionResult } from "./contention.js";

type PerServer<T> = Partial<Record<ServerKind, T>>;

export interface Results {
  date: string;
  command: string;
  /** Rounds per measurement; each figure is the best of them (bench/lib/rounds.ts). */
  rounds: number;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    pinned: boolean;
    serverCore: number;
    loadCore: number;
    loadavgStart: number[];
    loadavgEnd?: number[];
  };
  versions: Record<string, string>;
  settings: Record<string, string | number>;
  fanout: PerServer<FanoutResult[]>;
  manyRooms: PerServer<ManyRoomsResult[]>;
  trace: PerServer<TraceResult>;
  memory: PerServer<MemoryResult[]>;
  contention: ContentionResult[];
  targets: TargetResult[];
  errors: { scenario: string; server: ServerKind; message: string }[];
}

const versionOf = (pkg: string) => (JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, "utf8")) as { version: string }).version;

export function emptyResults(quick: boolean, pinned: boolean, loadavgStart: number[]): Results {
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim();
  } catch {
    // not a git checkout: the version numbers below still identify the run
  }
  return {
    date: new Date().toISOString().slice(0, 10),
    command: `npm run bench${quick ? " -- --quick" : ""}`,
    rounds: 1,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "?",
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      pinned,
      serverCore: SERVER_CORE,
      loadCore: LOAD_CORE,
      loadavgStart: loadavgStart.map((l) => Math.round(l * 100) / 100),
    },
    versions: {
      regionssvar: `${(JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version} (${commit})`,
      yjs: versionOf("yjs"),
      "@hocuspocus/server": versionOf("@hocuspocus/server"),
      "@hocuspocus/extension-sqlite": versionOf("@hocuspocus/extension-sqlite"),
      "y-websocket (reference server)": versionOf("y-websocket-reference"),
      "better-sqlite3": versionOf("better-sqlite3"),
      sqlite3: versionOf("sqlite3"),
    },
    settings: {
      "Regionssvar ROOM_UNLOAD_DELAY_MS": BENCH_ROOM_UNLOAD_DELAY_MS,
      "Regionssvar durability": "SQLite WAL synchronous=FULL / PostgreSQL synchronous_commit=on; saved only after commit",
      "Hocuspocus store": "extension-sqlite, debounce 2 s, maxDebounce 10 s (defaults)",
      "reference server": "memory only (no YPERSISTENCE)",
    },
    fanout: {},
    manyRooms: {},
    trace: {},
    memory: {},
    contention: [],
    targets: [],
    errors: [],
  };
}

export async function machineInfo(machine: Results["machine"], loadavgEnd: number[]): Promise<Results["machine"]> {
  return { ...machine, loadavgEnd: loadavgEnd.map((l) => Math.round(l * 100) / 100) };
}

/** PostgreSQL's version, for the record (null when it is not reachable). */
export async function postgresVersion(): Promise<string | null> {
  const c = new pg.Client({ connectionString: process.env.TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test" });
  try {
    await c.connect();
    return ((await c.query("show server_version")).rows[0] as { server_version: string }).server_version;
  } catch {
    return null;
  } finally {
    await c.end().catch(() => {});
  }
}

const fmt = (n: number | null | undefined, digits = 2) =>
  n === null || n === undefined || Number.isNaN(n) ? "–" : String(Math.round(n * 10 ** digits) / 10 ** digits);
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || !b ? "–" : `${fmt(a / b)}×`);
const REF: ServerKind = "y-websocket-1.5.4";
const HPS: ServerKind = "hocuspocus-sqlite";

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(" | ")} |`, `|${header.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join(
    "\n",
  );
}

function fanoutTable(r: Results): string {
  const rows: string[][] = [];
  const sizes = [...new Set(Object.values(r.fanout).flatMap((list) => list!.map((x) => x.clients)))].sort((a, b) => a - b);
  for (const clients of sizes) {
    const at = (k: ServerKind) => r.fanout[k]?.find((x) => x.clients === clients);
    for (const [kind, list] of Object.entries(r.fanout) as [ServerKind, FanoutResult[]][]) {
      const x = list.find((y) => y.clients === clients);
      if (!x) continue;
      rows.push([
        `${clients} · ${kind}`,
        String(x.edits),
        fmt(x.latencyMs.p50),
        fmt(x.latencyMs.p99),
        fmt(x.latencyMs.max),
        fmt(x.serverCpuMsPerEdit, 3),
        fmt(x.serverCpuUsPerDelivery, 1),
        fmt(x.serverRssMb, 0),
        ratio(x.serverCpuMsPerEdit, at(REF)?.serverCpuMsPerEdit),
        ratio(x.serverCpuMsPerEdit, at(HPS)?.serverCpuMsPerEdit),
        ratio(x.latencyMs.p50, at(REF)?.latencyMs.p50),
      ]);
    }
  }
  return table(
    ["clients · server", "edits", "p50 ms", "p99 ms", "max ms", "CPU ms/edit", "CPU µs/delivery", "RSS MB", "CPU vs ref", "CPU vs HP-SQLite", "p50 vs ref"],
    rows,
  );
}

function manyRoomsTable(r: Results): string {
  const rows: string[][] = [];
  for (const [kind, list] of Object.entries(r.manyRooms) as [ServerKind, ManyRoomsResult[]][]) {
    for (const x of list) {
      const ref = r.manyRooms[REF]?.find((y) => y.rooms === x.rooms);
      rows.push([
        `${x.rooms}×${x.perRoom} · ${kind}`,
        String(x.edits),
        fmt(x.connectMs, 0),
        fmt(x.latencyMs.p50),
        fmt(x.latencyMs.p99),
        fmt(x.latencyMs.max),
        fmt(x.serverCpuMsPerEdit, 3),
        fmt(x.serverCpuUsPerDelivery, 1),
        fmt(x.serverRssMbEnd, 0),
        String(x.undelivered),
        ratio(x.latencyMs.p99, ref?.latencyMs.p99),
      ]);
    }
  }
  rows.sort((a, b) => a[0]!.localeCompare(b[0]!));
  return table(
    ["rooms×clients · server", "edits", "connect ms", "p50 ms", "p99 ms", "max ms", "CPU ms/edit", "CPU µs/delivery", "RSS MB", "undelivered", "p99 vs ref"],
    rows,
  );
}

function traceTable(r: Results): string {
  const hp = r.trace[HPS]?.coldLoadMs?.p50;
  const rows = (Object.entries(r.trace) as [ServerKind, TraceResult][]).map(([kind, x]) => [
    kind,
    String(x.edits),
    fmt(x.serverCpuMsReplay, 0),
    fmt(x.serverCpuUsPerEdit, 2),
    String(x.textMatchesTrace),
    String(x.docBytesV1),
    String(x.docBytesV2),
    fmt(x.coldLoadMs?.p50),
    fmt(x.coldLoadMs?.max),
    ratio(x.coldLoadMs?.p50, hp),
    x.coldLoadNote,
  ]);
  return table(
    [
      "server",
      "edits",
      "server CPU ms",
      "CPU µs/edit",
      "text = trace",
      "doc bytes (V1)",
      "doc bytes (V2)",
      "cold load p50 ms",
      "cold load max ms",
      "cold vs HP-SQLite",
      "cold load from",
    ],
    rows,
  );
}

function memoryTable(r: Results): string {
  const rows: string[][] = [];
  for (const [kind, list] of Object.entries(r.memory) as [ServerKind, MemoryResult[]][]) {
    for (const x of list) {
      const at = (k: ServerKind) => r.memory[k]?.find((y) => y.content === x.content);
      rows.push([
        `${x.content} · ${kind}`,
        `${x.rooms}×${x.perRoom}`,
        fmt(x.kbPerRoom, 1),
        ratio(x.kbPerRoom, at(REF)?.kbPerRoom),
        ratio(x.kbPerRoom, at(HPS)?.kbPerRoom),
        fmt(x.rssMbBaseline, 0),
        fmt(x.rssMbLoaded, 0),
        x.idleRoomsUnloaded === null ? "never" : String(x.idleRoomsUnloaded),
        fmt(x.rssMbAfterUnload, 0),
      ]);
    }
  }
  rows.sort((a, b) => a[0]!.localeCompare(b[0]!));
  return table(
    ["content · server", "rooms×clients", "KB per room", "vs ref", "vs HP-SQLite", "RSS MB before", "RSS MB loaded", "idle rooms unloaded", "RSS MB after"],
    rows,
  );
}

export function renderMarkdown(r: Results): string {
  r.targets = targetRows(r);
  const m = r.machine;
  const lines = [
    `# Benchmark ${r.date}${r.command.includes("--quick") ? " (quick)" : ""}`,
    "",
    `\`${r.command}\` on ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}; server on core ${m.serverCore}, load generator on core ${m.loadCore}${m.pinned ? "" : " (NOT pinned: taskset missing or one core)"}; load average ${m.loadavgStart.join(" / ")} at start, ${m.loadavgEnd?.join(" / ") ?? "?"} at end; best of ${r.rounds} round${r.rounds === 1 ? "" : "s"} per figure.`,
    "",
    `Versions: ${Object.entries(r.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}.`,
    "",
    "## Targets (ratios within this run)",
    "",
    table(
      ["target", "measured", "limit", "met"],
      r.targets.map((t) => [
        t.name,
        t.measured === null ? "–" : `${fmt(t.measured)}×`,
        `≤ ${t.limit}×`,
        t.measured === null ? "not measured" : t.met ? "yes" : "**no**",
      ]),
    ),
    "",
    "## Fan-out (one room, closed loop)",
    "",
    fanoutTable(r),
    "",
    "## Many rooms (open loop, one edit per 1/rate s per room)",
    "",
    manyRoomsTable(r),
    "",
    "## Editing trace (automerge-paper) and cold load",
    "",
    traceTable(r),
    "",
    "## Memory per loaded room",
    "",
    memoryTable(r),
    "",
    "## Many rooms while the disk is busy",
    "",
    r.contention.length > 0 ? contentionTable(r.contention) : "(not run: `npm run bench -- --only=contention`)",
    "",
  ];
  if (r.errors.length > 0) lines.push("## Errors", "", ...r.errors.map((e) => `- ${e.scenario} on ${e.server}: ${e.message}`), "");
  return lines.join("\n");
}
