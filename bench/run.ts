/**
 * `npm run bench [-- --quick]`: starts a fresh server per scenario (a child process pinned to
 * core 1, the load generator on core 0), runs the scenarios and writes bench/results/<date>.json
 * plus a markdown table. Loopback only; every loop is bounded in count and time.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { startChildServer, tempDataDir, TEST_PASSWORD } from "../test/helpers/server.js";
import { runFanout, type FanoutResult } from "./lib/fanout.js";
import { pinToCore } from "./lib/proc.js";

const quick = process.argv.includes("--quick");
const CLIENT_COUNTS = [2, 10, 50];
const EDITS = quick ? 100 : 500;

async function main(): Promise<void> {
  // every y-websocket provider registers a process exit listener; 50 clients are expected here
  process.setMaxListeners(0);
  pinToCore(process.pid, 0);
  const results: FanoutResult[] = [];
  for (const clients of CLIENT_COUNTS) {
    const data = tempDataDir();
    const server = await startChildServer(data.dir, { LOG_LEVEL: "error" });
    const pinned = pinToCore(server.process.pid!, 1);
    try {
      const r = await runFanout({ ...server, pid: server.process.pid! }, "svar-nordjylland", clients, EDITS, "redaktoer.aalborg@regionssvar.dk", TEST_PASSWORD);
      results.push(r);
      console.log(`fan-out ${clients} klienter: p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, CPU ${r.serverCpuMsPerEdit} ms/redigering, RSS ${r.serverRssMb} MB${pinned ? "" : " (ikke fastlåst til kerne)"}`);
    } finally {
      server.process.kill("SIGTERM");
      await new Promise((r) => server.process.once("exit", r));
      data.remove();
    }
  }
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? "?", memoryGb: Math.round(totalmem() / 1024 ** 3), node: process.version };
  const date = new Date().toISOString().slice(0, 10);
  const report = { date, command: `npm run bench${quick ? " -- --quick" : ""}`, machine, durableSaving: "SQLite WAL, synchronous=FULL, ack after commit", fanout: results };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(`bench/results/${date}.json`, `${JSON.stringify(report, null, 2)}\n`);
  const table = [
    "| clients | edits | p50 ms | p99 ms | max ms | server CPU ms/edit | server RSS MB |",
    "|---:|---:|---:|---:|---:|---:|---:|",
    ...results.map((r) => `| ${r.clients} | ${r.edits} | ${r.latencyMs.p50} | ${r.latencyMs.p99} | ${r.latencyMs.max} | ${r.serverCpuMsPerEdit} | ${r.serverRssMb} |`),
  ].join("\n");
  writeFileSync(`bench/results/${date}.md`, `# Fan-out benchmark ${date}\n\n${report.command} on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}.\n\n${table}\n`);
  console.log(`\n${table}\n\nSkrevet til bench/results/${date}.json og .md`);
}

await main();
