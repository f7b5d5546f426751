/**
 * The servers compared, each started fresh (new process, new storage) for every scenario and
 * pinned to SERVER_CORE:
 *
 *   regionssvar-sqlite    this server, SQLite (WAL, synchronous=FULL), ack after commit
 *   regionssvar-postgres  this server, PostgreSQL (synchronous_commit on)
 *   regionssvar-2x-redis  two instances of this server on one PostgreSQL database and Redis;
 *                         clients alternate between the instances, CPU and RSS are summed
 *   hocuspocus-memory     @hocuspocus/server, nothing stored
 *   hocuspocus-sqlite     @hocuspocus/server + @hocuspocus/extension-sqlite (debounced whole-doc store)
 *   y-websocket-1.5.4     the reference server (y-websocket@1.5.4 bin/server.js), memory only
 *
 * The PostgreSQL server, Redis and the kernel are not pinned and not counted.
 */
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { EDITOR_SCHEMA_VERSION } from "../../shared/schema/version.js";
import { QUERY_ACK, QUERY_SCHEMA } from "../../shared/protocol/messages.js";
import { login } from "../../test/helpers/clients.js";
import type { ClientTarget } from "./client.js";
import { BENCH_EMAIL, BENCH_PASSWORD, type Fixtures } from "./fixtures.js";
import { buildServer, serverIsStale } from "../../scripts/server-build.mjs";
import { cpuMs, cpuTimes, freePort, rssBytes, startPinned, stopProcess, type StartedProcess } from "./proc.js";

export const SERVER_KINDS = [
  "regionssvar-sqlite",
  "regionssvar-postgres",
  "regionssvar-2x-redis",
  "hocuspocus-memory",
  "hocuspocus-sqlite",
  "y-websocket-1.5.4",
] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

/** How long this server keeps an empty room (ms); short, so cold loads need no long wait. */
export const BENCH_ROOM_UNLOAD_DELAY_MS = 500;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";

export interface RunningServer {
  kind: ServerKind;
  /** Keeps documents after their last client left (and after an unload) */
  stores: boolean;
  /** Client i's connection to document `name` (with two instances: alternating). */
  target(name: string, i: number): ClientTarget;
  /** Documents loaded in memory, over all instances; null when the server cannot tell. */
  loadedRooms(): Promise<number | null>;
  /** CPU time (user + system) of every instance, in ms. */
  cpuMs(): number;
  /** The system (kernel) part of it: socket writes, fsync. */
  cpuSystemMs(): number;
  rssBytes(): number;
  /** The tail of the (first) process's output, for diagnosis. */
  output(): string;
  stop(): Promise<void>;
}

interface Instance {
  proc: StartedProcess;
  port: number;
}

/** The node flags `npm start` gives the server (package.json), so the bench runs what users run. */
const START_FLAGS = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start
  .split(" ")
  .filter((arg) => arg.startsWith("--"));

/**
 * Node flags of Regionssvar's processes: npm start's, then those for diagnosis. BENCH_PROFILE_DIR=<dir>
 * writes a V8 CPU profile there when a process stops; BENCH_SERVER_NODE_ARGS adds node flags (e.g.
 * "--trace-gc"; a later flag overrides an earlier one, so "--max-semi-space-size=16" undoes npm start's).
 */
const serverNodeArgs = (): string[] => [
  ...START_FLAGS,
  ...(process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []),
  ...(process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? []),
];

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  return response.json();
}

function measured(instances: Instance[]) {
  return {
    cpuMs: () => instances.reduce((sum, i) => sum + cpuMs(i.proc.pid), 0),
    cpuSystemMs: () => instances.reduce((sum, i) => sum + cpuTimes(i.proc.pid).system, 0),
    rssBytes: () => instances.reduce((sum, i) => sum + rssBytes(i.proc.pid), 0),
    output: () => instances[0]?.proc.output() ?? "",
  };
}

async function startRegionssvar(kind: ServerKind, fixtures: Fixtures): Promise<RunningServer> {
  const data = fixtures.sqliteDataDir();
  const database = kind === "regionssvar-sqlite" ? null : await fixtures.postgres();
  const env: Record<string, string> = {
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: data.dir,
    DEMO_PASSWORD: BENCH_PASSWORD,
    SEED_DEMO: "false",
    SERVE_CLIENT: "false",
    LOG_LEVEL: "error",
    ROOM_UNLOAD_DELAY_MS: String(BENCH_ROOM_UNLOAD_DELAY_MS),
    // every benchmark client signs in as the same editor: the per-user limits (30 sockets, 400
    // frames per second) would stop a thousand simulated people; the per-socket ones stay
    MAX_CONNECTIONS_PER_USER: "5000",
    USER_MESSAGES_PER_SECOND: "1000000",
  };
  if (database) env.DATABASE_URL = database.url;
  if (kind === "regionssvar-2x-redis") Object.assign(env, { REDIS_URL, REDIS_CHANNEL_PREFIX: `bench${randomBytes(4).toString("hex")}` });
  const count = kind === "regionssvar-2x-redis" ? 2 : 1;
  const instances: Instance[] = [];
  const stop = async () => {
    await Promise.all(instances.map((i) => stopProcess(i.proc.child)));
    await database?.drop();
    data.remove();
  };
  try {
    if (serverIsStale()) await buildServer();
    const started = await Promise.allSettled(
      // The compiled server, as `npm start` runs it (built first when missing or stale).
      Array.from({ length: count }, () => startPinned([...serverNodeArgs(), "dist/server/main.js"], env, /REGIONSSVAR_LISTENING (\d+)/)),
    );
    for (const s of started) if (s.status === "fulfilled") instances.push({ proc: s.value, port: Number(s.value.match[1]) });
    const failed = started.find((s) => s.status === "rejected");
    if (failed) throw (failed as PromiseRejectedResult).reason;
    const origin = (i: Instance) => `http://127.0.0.1:${i.port}`;
    // sessions live in the shared database: one sign-in serves every instance
    const first = instances[0]!;
    const session = await login({ baseUrl: origin(first), wsUrl: "", origin: origin(first) }, BENCH_EMAIL, BENCH_PASSWORD);
    return {
      kind,
      stores: true,
      target: (name, i) => {
        const inst = instances[i % instances.length]!;
        return {
          url: `ws://127.0.0.1:${inst.port}/collab/${name}?${QUERY_ACK}=1&${QUERY_SCHEMA}=${EDITOR_SCHEMA_VERSION}`,
          dialect: "y-websocket",
          documentName: name,
          headers: { cookie: session.cookie, origin: origin(inst) },
        };
      },
      loadedRooms: async () => {
        let rooms = 0;
        for (const i of instances) rooms += ((await getJson(`${origin(i)}/api/health`)) as { rooms: number }).rooms;
        return rooms;
      },
      ...measured(instances),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function startHocuspocus(kind: ServerKind, fixtures: Fixtures): Promise<RunningServer> {
  const dir = fixtures.emptyDir();
  const env = { HOCUSPOCUS_SQLITE: kind === "hocuspocus-sqlite" ? join(dir.dir, "hocuspocus.sqlite") : "" };
  const proc = await startPinned(["--import", "tsx", "bench/servers/hocuspocus.ts"], env, /HOCUSPOCUS_LISTENING (\d+)/).catch((e: unknown) => {
    dir.remove();
    throw e;
  });
  const port = Number(proc.match[1]);
  return {
    kind,
    stores: kind === "hocuspocus-sqlite",
    target: (name) => ({ url: `ws://127.0.0.1:${port}/`, dialect: "hocuspocus", documentName: name, headers: {} }),
    loadedRooms: async () => ((await getJson(`http://127.0.0.1:${port}/health`)) as { rooms: number }).rooms,
    ...measured([{ proc, port }]),
    stop: async () => {
      await stopProcess(proc.child);
      dir.remove();
    },
  };
}

async function startReference(): Promise<RunningServer> {
  // it prints the port it was given, not the one it got: choose a free one
  const port = await freePort();
  const proc = await startPinned(["node_modules/y-websocket-reference/bin/server.js"], { HOST: "127.0.0.1", PORT: String(port) }, /running at/);
  return {
    kind: "y-websocket-1.5.4",
    stores: false,
    target: (name) => ({ url: `ws://127.0.0.1:${port}/${name}`, dialect: "y-websocket", documentName: name, headers: {} }),
    loadedRooms: async () => null,
    ...measured([{ proc, port }]),
    stop: () => stopProcess(proc.child),
  };
}

export function startBenchServer(kind: ServerKind, fixtures: Fixtures): Promise<RunningServer> {
  switch (kind) {
    case "regionssvar-sqlite":
    case "regionssvar-postgres":
    case "regionssvar-2x-redis":
      return startRegionssvar(kind, fixtures);
    case "hocuspocus-memory":
    case "hocuspocus-sqlite":
      return startHocuspocus(kind, fixtures);
    case "y-websocket-1.5.4":
      return startReference();
  }
}

/** Regionssvar seeds the template itself; the other servers get it from their first client. */
export const seedsItself = (kind: ServerKind): boolean => kind.startsWith("regionssvar");

/** Polls until no document is loaded (false if the server cannot tell or the deadline passed). */
export async function waitUntilUnloaded(server: RunningServer, timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rooms = await server.loadedRooms();
    if (rooms === null) return false;
    if (rooms === 0) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}
