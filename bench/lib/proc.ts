/**
 * Processes under measurement: start one pinned to a core, read its own cost from /proc (CPU
 * time user + system, resident memory), stop it. On two cores the load generator would
 * otherwise compete with the server it measures, so the server runs on SERVER_CORE and the
 * generator on LOAD_CORE.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus } from "node:os";

const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
const HAS_TASKSET = (() => {
  try {
    execFileSync("taskset", ["-p", String(process.pid)], { stdio: "ignore" });
    return cpus().length >= 2;
  } catch {
    return false;
  }
})();

export const LOAD_CORE = 0;
export const SERVER_CORE = 1;

/** CPU time used by the process so far, in milliseconds: user, system (kernel: sockets, fsync). */
export function cpuTimes(pid: number): { user: number; system: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // fields after the ")" of the command name; utime and stime are fields 14 and 15
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { user: (Number(fields[11]) * 1000) / CLOCK_TICKS, system: (Number(fields[12]) * 1000) / CLOCK_TICKS };
}

/** CPU time used by the process so far (user + system), in milliseconds. */
export function cpuMs(pid: number): number {
  const t = cpuTimes(pid);
  return t.user + t.system;
}

export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}

/** Pins this process (all its threads) to the load generator's core. */
export function pinSelf(): boolean {
  if (!HAS_TASKSET) return false;
  execFileSync("taskset", ["-a", "-cp", String(LOAD_CORE), String(process.pid)], { stdio: "ignore" });
  return true;
}

export const pinningAvailable = (): boolean => HAS_TASKSET;

export interface StartedProcess {
  child: ChildProcess;
  pid: number;
  /** The first match of `ready` in the process's output. */
  match: RegExpExecArray;
  output: () => string;
}

/**
 * Starts `node <args>` on SERVER_CORE (through `taskset -c`, so every thread it ever starts is
 * pinned, and the pid is node's own) and resolves once its output matches `ready`.
 */
export function startPinned(args: string[], env: Record<string, string>, ready: RegExp, timeoutMs = 60_000): Promise<StartedProcess> {
  const command = HAS_TASKSET ? "taskset" : process.execPath;
  const argv = HAS_TASKSET ? ["-c", String(SERVER_CORE), process.execPath, ...args] : args;
  const child = spawn(command, argv, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${args.join(" ")} did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      // keep only the tail: a chatty server must not grow the benchmark's memory
      out = (out + chunk.toString()).slice(-20_000);
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off("data", onData);
        child.stdout!.on("data", (c: Buffer) => (out = (out + c.toString()).slice(-20_000)));
        resolve({ child, pid: child.pid!, match: m, output: () => out });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (c: Buffer) => (out = (out + c.toString()).slice(-20_000)));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(" ")} exited (${code}) before it was ready:\n${out}`));
    });
  });
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
export function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** A port free on 127.0.0.1 right now (the same helper the tests use). */
export { freePort } from "../../test/helpers/ports.js";
