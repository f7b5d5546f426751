/**
 * The performance targets, each a ratio between two servers measured in the same run
 * (so the machine's speed and load divide out as far as they can). Regionssvar's default
 * storage, SQLite, is the one judged; PostgreSQL is listed beside it.
 */
import type { Results } from "./report.js";
import type { ServerKind } from "./servers.js";

export interface TargetResult {
  name: string;
  measured: number | null;
  limit: number;
  met: boolean;
}

const REF: ServerKind = "y-websocket-1.5.4";
const HPS: ServerKind = "hocuspocus-sqlite";

function row(name: string, a: number | undefined, b: number | undefined, limit: number): TargetResult {
  const measured = a === undefined || b === undefined || !b ? null : Math.round((a / b) * 100) / 100;
  return { name, measured, limit, met: measured !== null && measured <= limit };
}

export function targetRows(r: Results): TargetResult[] {
  const fan = (k: ServerKind, clients: number) => r.fanout[k]?.find((x) => x.clients === clients);
  const mem = (k: ServerKind) => r.memory[k]?.find((x) => x.content === "text-2000");
  const rooms = (k: ServerKind) => r.manyRooms[k]?.find((x) => x.rooms === 50);
  const rows: TargetResult[] = [];
  for (const ours of ["regionssvar-sqlite", "regionssvar-postgres"] as ServerKind[]) {
    const tag = ours === "regionssvar-sqlite" ? "SQLite" : "PostgreSQL";
    rows.push(
      row(`[${tag}] server CPU per edit, 10 clients, vs reference`, fan(ours, 10)?.serverCpuMsPerEdit, fan(REF, 10)?.serverCpuMsPerEdit, 1.0),
      row(`[${tag}] server CPU per edit, 100 clients, vs reference`, fan(ours, 100)?.serverCpuMsPerEdit, fan(REF, 100)?.serverCpuMsPerEdit, 1.0),
      row(`[${tag}] fan-out p50, 2 clients, vs reference`, fan(ours, 2)?.latencyMs.p50, fan(REF, 2)?.latencyMs.p50, 1.1),
      row(`[${tag}] memory per room, 200 rooms × 5 clients, 2,000 chars, vs reference`, mem(ours)?.kbPerRoom, mem(REF)?.kbPerRoom, 1.0),
      row(`[${tag}] many rooms 50 × 10, p99, vs reference`, rooms(ours)?.latencyMs.p99, rooms(REF)?.latencyMs.p99, 1.0),
      row(`[${tag}] cold load of the trace document (p50) vs Hocuspocus + SQLite`, r.trace[ours]?.coldLoadMs?.p50, r.trace[HPS]?.coldLoadMs?.p50, 0.5),
    );
  }
  rows.push(
    row(
      "two instances + Redis: fan-out p50, 2 clients, vs one instance (PostgreSQL)",
      fan("regionssvar-2x-redis", 2)?.latencyMs.p50,
      fan("regionssvar-postgres", 2)?.latencyMs.p50,
      2.0,
    ),
  );
  return rows;
}
