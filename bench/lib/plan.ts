/**
 * What `npm run bench` runs: the full plan, and the quick one (`-- --quick`, under 3 minutes on
 * the 2-core machine). Every loop is bounded in count and in time.
 */
import type { ServerKind } from "./servers.js";

const ALL: ServerKind[] = ["regionssvar-sqlite", "regionssvar-postgres", "regionssvar-2x-redis", "hocuspocus-memory", "hocuspocus-sqlite", "y-websocket-1.5.4"];
const SINGLE: ServerKind[] = ["regionssvar-sqlite", "regionssvar-postgres", "hocuspocus-memory", "hocuspocus-sqlite", "y-websocket-1.5.4"];

export interface Plan {
  fanout: { sizes: number[]; edits: number; warmup: number; maxMs: number; freshServerPerSize: boolean; servers: ServerKind[] };
  manyRooms: { rooms: number; perRoom: number; rate: number; durationMs: number; seed: number; servers: ServerKind[] }[];
  trace: { edits: number; coldLoads: number; servers: ServerKind[] };
  memory: { rooms: number; perRoom: number; content: "text-2000" | "complete-reply"; servers: ServerKind[] }[];
  /** Many rooms while the disk is busy (bench/lib/contention.ts); not in the quick plan. */
  contention: { rooms: number; perRoom: number; rate: number; durationMs: number; seed: number }[];
}

export const FULL_PLAN: Plan = {
  // 1,500 edits per size: CPU per edit moved by ±50 % between 600-edit runs of the same code (session 8)
  fanout: { sizes: [2, 10, 50, 100], edits: 1500, warmup: 30, maxMs: 60_000, freshServerPerSize: true, servers: ALL },
  manyRooms: [
    { rooms: 50, perRoom: 10, rate: 5, durationMs: 10_000, seed: 9, servers: ALL },
    { rooms: 100, perRoom: 10, rate: 2, durationMs: 10_000, seed: 10, servers: ALL },
  ],
  trace: { edits: Number.POSITIVE_INFINITY, coldLoads: 7, servers: SINGLE },
  memory: [
    { rooms: 200, perRoom: 5, content: "text-2000", servers: SINGLE },
    { rooms: 200, perRoom: 5, content: "complete-reply", servers: SINGLE },
  ],
  contention: [
    { rooms: 200, perRoom: 5, rate: 1, durationMs: 15_000, seed: 11 },
    { rooms: 50, perRoom: 10, rate: 1, durationMs: 15_000, seed: 12 },
  ],
};

/**
 * Quick: only what the targets compare (Regionssvar on SQLite, on PostgreSQL and as two
 * instances; Hocuspocus with SQLite; the reference server), one server start per server for all
 * fan-out sizes, 150 edits, a 3-second many-rooms phase, the first 30,000 edits of the trace and
 * the 2,000-character memory scenario.
 */
const TARGETS: ServerKind[] = ["regionssvar-sqlite", "regionssvar-postgres", "regionssvar-2x-redis", "hocuspocus-sqlite", "y-websocket-1.5.4"];
const TARGETS_SINGLE: ServerKind[] = ["regionssvar-sqlite", "hocuspocus-sqlite", "y-websocket-1.5.4"];

export const QUICK_PLAN: Plan = {
  fanout: { sizes: [2, 10, 100], edits: 150, warmup: 20, maxMs: 20_000, freshServerPerSize: false, servers: TARGETS },
  manyRooms: [{ rooms: 50, perRoom: 10, rate: 5, durationMs: 3_000, seed: 9, servers: TARGETS_SINGLE }],
  trace: { edits: 30_000, coldLoads: 3, servers: TARGETS_SINGLE },
  memory: [{ rooms: 200, perRoom: 5, content: "text-2000", servers: TARGETS_SINGLE }],
  contention: [],
};
