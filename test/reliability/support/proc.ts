/** What a process uses, read from /proc (Linux): resident memory and open file descriptors. */
import { readFileSync, readdirSync } from "node:fs";

/** Resident set size of a process in bytes (VmRSS). */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]) * 1024;
}

/** Number of open file descriptors of a process (sockets, files, pipes, timers' eventfds). */
export function openFdsOf(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}

export const MB = 1024 * 1024;
