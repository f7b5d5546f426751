/**
 * `npm run bench [-- --quick] [--only=fanout,many-rooms,trace,memory,contention] [--servers=a,b] [--rounds=n] [--sizes=10 --edits=5000]`
 *
 * Runs the scenarios of bench/lib/plan.ts against Regionssvar (SQLite, PostgreSQL, two instances
 * with Redis), Hocuspocus (in memory, with SQLite) and the reference y-websocket server, side by
 * side in one invocation: a fresh server process (and fresh storage) per scenario, pinned to core
 * 1, the load generator (this process) pinned to core 0. Loopback only; every loop is bounded in
 * count and time. The full run measures everything twice, in alternating server order, and keeps
 * the best figures. Writes bench/results/<date>.json and .md and prints the tables.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { Fixtures, benchDocument } from "./lib/fixtures.js";
import { FULL_PLAN, QUICK_PLAN, type Plan } from "./lib/plan.js";
import { pinSelf } from "./lib/proc.js";
import { startBenchServer, SERVER_KINDS, type RunningServer, type ServerKind } from "./lib/servers.js";
import { runFanout, type FanoutResult } from "./lib/fanout.js";
import { runManyRooms, type ManyRoomsResult } from "./lib/many-rooms.js";
import { runTrace, type TraceResult } from "./lib/trace.js";
import { runMemory, type MemoryResult } from "./lib/memory.js";
import { bestOf } from "./lib/rounds.js";
import { CONTENTION_CASES, runContentionCase } from "./lib/contention.js";
import { docWithCompleteReply, docWithText, stateOf } from "./lib/content.js";
import { emptyResults, machineInfo, postgresVersion, renderMarkdown, type Results } from "./lib/report.js";

const argv = process.argv.slice(2);
const quick = argv.includes("--quick");
const option = (name: string) =>
  argv
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3)
    .split(",");
const only = option("only");
const serverFilter = option("servers") as ServerKind[] | undefined;
const plan: Plan = structuredClone(quick ? QUICK_PLAN : FULL_PLAN);
/** Rounds per measurement (best figures kept): 2 for the full run, 1 for --quick; --rounds=n. */
const rounds = Number(option("rounds")?.[0] ?? (quick ? 1 : 2));
// --sizes=10 --edits=5000: one long fan-out, for profiling with BENCH_PROFILE_DIR
if (option("sizes")) plan.fanout.sizes = option("sizes")!.map(Number);
if (option("edits")) plan.fanout.edits = Number(option("edits")![0]);
const wanted = (scenario: string) => !only || only.includes(scenario);
const servers = (list: ServerKind[]) => list.filter((k) => !serverFilter || serverFilter.includes(k));

const log = (line: string) => console.log(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${line}`);
const t0 = performance.now();

/** Starts a fresh server, runs one measurement, always stops it; a failure is recorded, not fatal. */
async function withServer<T>(results: Results, fixtures: Fixtures, kind: ServerKind, label: string, fn: (s: RunningServer) => Promise<T>): Promise<T | null> {
  let server: RunningServer | null = null;
  try {
    server = await startBenchServer(kind, fixtures);
    return await fn(server);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    results.errors.push({ scenario: label, server: kind, message });
    log(`FAILED ${label} on ${kind}: ${message}`);
    return null;
  } finally {
    await server?.stop();
  }
}

async function main(): Promise<void> {
  // one process holds up to a thousand sockets and Awareness instances
  process.setMaxListeners(0);
  const pinned = pinSelf();
  const kinds = new Set([...plan.fanout.servers, ...plan.manyRooms.flatMap((m) => m.servers), ...plan.trace.servers, ...plan.memory.flatMap((m) => m.servers)]);
  const needsPostgres = servers([...kinds]).some((k) => k === "regionssvar-postgres" || k === "regionssvar-2x-redis");
  const fixtures = await Fixtures.prepare(needsPostgres);
  const results = emptyResults(quick, pinned, loadavg());
  results.rounds = rounds;
  const contents = { "text-2000": stateOf(docWithText(2000)), "complete-reply": stateOf(docWithCompleteReply()) };
  const postgres = needsPostgres ? await postgresVersion() : null;
  if (postgres) results.versions.postgresql = postgres;
  // each measurement lands here per round, then folds to its best figures (bench/lib/rounds.ts)
  const raw = new Map<string, { put: (value: never) => void; values: unknown[] }>();
  const collect = <T>(key: string, put: (value: T) => void, value: T) => {
    const entry = raw.get(key) ?? { put: put as (value: never) => void, values: [] };
    entry.values.push(value);
    raw.set(key, entry);
  };
  try {
    for (let round = 0; round < rounds; round++) {
      // alternate the order, so no server always runs in the same part of the machine's day
      const order = (list: ServerKind[]) => (round % 2 === 0 ? servers(list) : servers(list).reverse());
      if (rounds > 1) log(`round ${round + 1} of ${rounds}`);
      if (wanted("fanout")) {
        const f = plan.fanout;
        for (const kind of order(f.servers)) {
          const groups = f.freshServerPerSize ? f.sizes.map((s) => [s]) : [f.sizes];
          for (const sizes of groups) {
            await withServer(results, fixtures, kind, "fanout", async (server) => {
              for (const [i, clients] of sizes.entries()) {
                const r = await runFanout(server, { clients, edits: f.edits, warmup: f.warmup, maxMs: f.maxMs, document: benchDocument(i) });
                collect(`fanout|${kind}|${clients}`, (v: FanoutResult) => (results.fanout[kind] ??= []).push(v), r);
                log(
                  `fan-out ${kind} ${clients} clients: p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, CPU ${r.serverCpuMsPerEdit} ms/edit (system ${r.serverSystemCpuMsPerEdit})`,
                );
              }
            });
          }
        }
      }
      if (wanted("many-rooms")) {
        for (const m of plan.manyRooms) {
          for (const kind of order(m.servers)) {
            const r = await withServer(results, fixtures, kind, `many-rooms ${m.rooms}x${m.perRoom}`, (s) => runManyRooms(s, m));
            if (!r) continue;
            collect(`rooms|${kind}|${m.rooms}`, (v: ManyRoomsResult) => (results.manyRooms[kind] ??= []).push(v), r);
            log(`rooms ${kind} ${m.rooms}×${m.perRoom}: p99 ${r.latencyMs.p99} ms, CPU ${r.serverCpuMsPerEdit} ms/edit, RSS ${r.serverRssMbEnd} MB`);
          }
        }
      }
      if (wanted("contention") && !quick) {
        for (const load of plan.contention) {
          for (const c of CONTENTION_CASES.filter((x) => servers([x.server]).length > 0)) {
            try {
              const r = await runContentionCase(c, fixtures, (kind) => startBenchServer(kind, fixtures), load);
              collect(`contention|${c.label}|${load.rooms}`, (v: typeof r) => results.contention.push(v), r);
              log(`contention ${c.label} ${load.rooms}×${load.perRoom}: p99 ${r.latencyMs.p99} ms, max ${r.latencyMs.max} ms`);
            } catch (error) {
              results.errors.push({ scenario: `contention ${c.label}`, server: c.server, message: error instanceof Error ? error.message : String(error) });
            }
          }
        }
      }
      if (wanted("trace")) {
        const t = plan.trace;
        for (const kind of order(t.servers)) {
          const r = await withServer(results, fixtures, kind, "trace", (s) => runTrace(s, t));
          if (!r) continue;
          collect(`trace|${kind}`, (v: TraceResult) => (results.trace[kind] = v), r);
          log(`trace ${kind}: ${r.edits} edits, CPU ${r.serverCpuMsReplay} ms, ${r.docBytesV1} B, cold load p50 ${r.coldLoadMs?.p50 ?? "–"} ms`);
        }
      }
      if (wanted("memory")) {
        for (const m of plan.memory) {
          for (const kind of order(m.servers)) {
            const r = await withServer(results, fixtures, kind, `memory ${m.content}`, (s) =>
              runMemory(s, { rooms: m.rooms, perRoom: m.perRoom, content: contents[m.content], label: m.content }),
            );
            if (!r) continue;
            collect(`memory|${kind}|${m.content}`, (v: MemoryResult) => (results.memory[kind] ??= []).push(v), r);
            log(`memory ${kind} ${m.content}: ${r.kbPerRoom} KB per room (${m.rooms} rooms × ${m.perRoom})`);
          }
        }
      }
    }
    for (const { put, values } of raw.values()) put(bestOf(values) as never);
  } finally {
    await fixtures.cleanup();
  }
  results.machine = await machineInfo(results.machine, loadavg());
  const markdown = renderMarkdown(results);
  mkdirSync("bench/results", { recursive: true });
  const file = `bench/results/${results.date}${quick ? "-quick" : ""}`;
  writeFileSync(`${file}.json`, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(`${file}.md`, markdown);
  console.log(`\n${markdown}\nWritten to ${file}.json and .md (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  if (results.errors.length > 0) process.exitCode = 1;
}

export { SERVER_KINDS };
await main();
